"""Every quote of the knowledge base occurs in its source document (whitespace and hyphenation
aside). The source texts live beside the checkout (../shared/seeds, or SMEKG_SOURCES_DIR)."""

from loaders.quote_check import quote_problems
from loaders.sources import Layout, parse_files
from smekg.settings import get_settings
from tests.conftest import ONTOLOGY


def test_every_quote_occurs_in_its_document() -> None:
    sources = get_settings().smekg_sources_dir
    assert sources.is_dir(), f"source texts not found at {sources}: set SMEKG_SOURCES_DIR"
    report = quote_problems(parse_files(Layout(ONTOLOGY).data_files), sources)
    assert not report.unchecked, report.unchecked
    assert not report.problems, "\n".join(str(p) for p in report.problems[:30])
    assert report.checked > 1000
