"""The PROV record of a contribution: who curated it (name and ORCID from the settings), when,
with which version of the tool, from which input files (names and SHA-256). Pure."""

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from smekg.namespaces import KB, SMEO


def tool_version() -> str:
    try:
        return f"smekg {version('sme-intl-kg')}"
    except PackageNotFoundError:
        return "smekg (not installed)"


@dataclass(frozen=True)
class InputFile:
    role: str  # "sheet" | "bibliography" | "text" | "command"
    name: str
    sha256: str


@dataclass(frozen=True)
class Curator:
    name: str
    orcid: str | None = None


def provenance(
    local: str,
    contributes: URIRef,
    curator: Curator,
    inputs: list[InputFile],
    when: datetime | None = None,
) -> Graph:
    """The contribution activity `kb:<local>/contribution` and what it used."""
    graph = Graph()
    activity = KB[f"{local}/contribution"]
    agent = KB[f"{local}/curator"]
    moment = (when or datetime.now(UTC)).replace(microsecond=0)
    graph.add((activity, RDF.type, SMEO.Contribution))
    graph.add((activity, SMEO.contributes, contributes))
    graph.add((activity, PROV.wasAssociatedWith, agent))
    graph.add((activity, PROV.endedAtTime, Literal(moment.isoformat(), datatype=XSD.dateTime)))
    graph.add((activity, SMEO.toolVersion, Literal(tool_version())))
    graph.add((agent, RDF.type, SMEO.Agent))
    graph.add((agent, RDFS.label, Literal(curator.name, lang="en")))
    if curator.orcid:
        graph.add((agent, SMEO.orcid, Literal(curator.orcid, datatype=XSD.anyURI)))
    for item in inputs:
        node = KB[f"{local}/input-{item.role}"]
        graph.add((activity, PROV.used, node))
        graph.add((node, RDF.type, SMEO.InputFile))
        graph.add((node, SMEO.fileName, Literal(item.name)))
        graph.add((node, SMEO.sha256, Literal(item.sha256)))
        graph.add((node, SMEO.fileRole, Literal(item.role)))
    return graph


def is_provenance(graph: Graph, subject: object) -> bool:
    """Whether `subject` is part of a contribution's PROV record (not knowledge)."""
    types = set(graph.objects(subject, RDF.type))  # type: ignore[arg-type]
    return bool(types & {SMEO.Contribution, SMEO.InputFile}) or str(subject).endswith("/curator")
