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
    if not dry_run:
        sync(writer, layout)
    lookup = GraphLookup(writer)
    state = writer.state() or {}
    plan, files, path = withdraw_plan(layout, lookup, document, set(state.get("listKeys") or []))
    check(plan, layout)
    records = next_records(layout, "withdraw", document, curator, plan)
    if dry_run:
        return Outcome("withdraw", document, plan, records[-1], path)
    record = publish(writer, layout, plan, files, records)
    return Outcome("withdraw", document, plan, record, Path(path))
