"""`smekg retract WORK --reason TEXT --notice URL-or-citation`: record that a cited work was
retracted or corrected, as a contribution of its own, so every finding resting on it, every
evidence chain and every evidence-map count that uses it can show the flag."""

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from ingest.build.iris import compact
from ingest.build.lookup import GraphLookup
from ingest.contribute import Outcome, check, next_records, publish, sync
from ingest.errors import InputError
from ingest.files import FileChanges, contribution_path, read_graph, turtle
from ingest.plan import plan_change
from ingest.provenance import Curator, InputFile, provenance
from loaders.sources import Layout
from loaders.writer import WriterSession
from smekg.namespaces import KB, SMEO

KINDS = {
    "retraction": SMEO.Retraction,
    "correction": SMEO.Erratum,
    "expression-of-concern": SMEO.ExpressionOfConcern,
}


def retract(
    writer: WriterSession,
    layout: Layout,
    work: URIRef,
    kind: str,
    reason: str,
    notice: str,
    curator: Curator,
    dry_run: bool = False,
) -> Outcome:
    """Write (or replace) the correction of `work`; publish it like any contribution."""
    if kind not in KINDS:
        raise InputError(f"unknown kind {kind!r}: one of {', '.join(KINDS)}")
    if not reason.strip() or not notice.strip():
        raise InputError("a correction needs its reason and its notice (a URL or a citation)")
    manifest = sync(writer, layout, dry_run)
    lookup = GraphLookup(writer)
    described = lookup.describe([str(work)])
    if not described or not {"Work", "SourceDocument"} & set(described[0]["labels"]):
        raise InputError(f"{compact(str(work))} is not a work of the knowledge base")
    local = f"correction-{str(work).removeprefix(str(KB))}"
    correction = KB[local]
    command = f"smekg retract {work} --kind {kind} --reason {reason} --notice {notice}"
    inputs = [InputFile("command", "smekg retract", hashlib.sha256(command.encode()).hexdigest())]
    new = Graph()
    new.add((correction, RDF.type, SMEO.Correction))
    new.add((correction, SMEO.corrects, work))
    new.add((correction, SMEO.correctionKind, KINDS[kind]))
    new.add((correction, SMEO.reason, Literal(reason.strip())))
    new.add((correction, SMEO.notice, Literal(notice.strip())))
    new.add((correction, PROV.wasGeneratedBy, KB[f"{local}/contribution"]))
    new += provenance(local, correction, curator, inputs)
    path = contribution_path(layout, local)
    old = read_graph(path)
    state = writer.state() or {}
    plan = plan_change(old, new, lookup, set(state.get("listKeys") or []), correction)
    check(plan, layout)
    records = next_records(layout, "retract", correction, curator.name, plan, manifest)
    if dry_run:
        return Outcome("retract", correction, plan, records[-1], path)
    header = f"Correction of {compact(str(work))}, written by `smekg retract`."
    record = publish(
        writer,
        layout,
        plan,
        FileChanges([(path, turtle(plan.contribution, header))]),
        records,
        manifest,
    )
    return Outcome("retract", correction, plan, record, path)
