"""IRIs of the knowledge base: reading the ids people write (full IRIs or kb:name) and
minting stable ones for new statements. Pure."""

import hashlib
import re
import unicodedata

from rdflib import URIRef

from smekg.namespaces import KB

_UNSAFE = re.compile(r"[^a-z0-9]+")
_IRI_CHARS = re.compile(r"^[^\s<>\"{}|\\^`]+$")


def slug(text: str, limit: int = 40) -> str:
    """'Che Senik, Z.' -> 'che-senik-z'."""
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return _UNSAFE.sub("-", plain).strip("-")[:limit].strip("-") or "x"


def digest(*parts: str, length: int = 8) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:length]


def parse_iri(cell: str) -> URIRef | None:
    """A full http(s) IRI or a kb:name, else None (the cell is a name to look up).

    Raises ValueError for an IRI that cannot be one (spaces, angle brackets…)."""
    text = cell.strip()
    if text.startswith("kb:"):
        local = text[3:]
        if not local or not _IRI_CHARS.match(local):
            raise ValueError(f'{text!r} is not a valid kb: id (no spaces or <>"{{}}|\\^`)')
        return KB[local]
    if re.match(r"^https?://", text):
        if not _IRI_CHARS.match(text):
            raise ValueError(f'{text!r} is not a valid IRI (no spaces or <>"{{}}|\\^`)')
        return URIRef(text)
    return None


def compact(iri: str) -> str:
    """kb:name for the knowledge base's own IRIs, the IRI otherwise (for sheets and messages)."""
    return f"kb:{iri[len(str(KB)) :]}" if iri.startswith(str(KB)) else iri
