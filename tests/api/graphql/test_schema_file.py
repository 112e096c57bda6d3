"""The committed api/schema.graphql is exactly what the code defines."""

from api.graphql.schema import schema
from tests.conftest import ROOT


def test_schema_file_matches_code() -> None:
    committed = (ROOT / "api" / "schema.graphql").read_text(encoding="utf-8")
    assert committed == schema.as_str() + "\n", "run `make schema` and commit api/schema.graphql"
