"""``python -m api.export_schema``: write api/schema.graphql from the code (atomically)."""

import os
import sys
import tempfile
from pathlib import Path

from api.graphql.schema import schema

TARGET = Path(__file__).resolve().parent / "schema.graphql"


def main() -> int:
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=TARGET.parent, delete=False, suffix=".tmp"
    ) as out:
        out.write(schema.as_str() + "\n")
    os.replace(out.name, TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
