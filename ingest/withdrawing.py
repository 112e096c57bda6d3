"""`smekg withdraw DOCUMENT`: take an imported document's statements out again, keeping the
works it introduced that other documents cite."""

from pathlib import Path

from rdflib import URIRef

from ingest.build.lookup import GraphLookup
from ingest.contribute import Outcome, check, next_records, publish, sync, withdraw_plan
from loaders.sources import Layout
from loaders.writer import WriterSession


def withdraw(
    writer: WriterSession, layout: Layout, document: URIRef, curator: str, dry_run: bool = False
) -> Outcome:
    manifest = sync(writer, layout, dry_run)
    lookup = GraphLookup(writer)
    state = writer.state() or {}
    plan, files, path = withdraw_plan(layout, lookup, document, set(state.get("listKeys") or []))
    check(plan, layout)
    records = next_records(layout, "withdraw", document, curator, plan, manifest)
    if dry_run:
        return Outcome("withdraw", document, plan, records[-1], path)
    record = publish(writer, layout, plan, files, records, manifest)
    return Outcome("withdraw", document, plan, record, Path(path))
