// Ids in app URLs: the knowledge base's IRIs without their common namespace, so that a
// shared link reads /evidence/pred-stage-7 rather than an escaped IRI. Any other IRI is
// kept whole, so nothing is lost when the API serves ids from elsewhere.
export const KB_NAMESPACE = "https://w3id.org/sme-intl-kg/kb/";

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function shortId(iri: string): string {
  return iri.startsWith(KB_NAMESPACE) ? iri.slice(KB_NAMESPACE.length) : iri;
}

export function fullId(id: string): string {
  return SCHEME.test(id) ? id : KB_NAMESPACE + id;
}
