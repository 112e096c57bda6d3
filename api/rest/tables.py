"""The comparison table as CSV, Markdown, LaTeX or HTML (`api.rest.table_formats`)."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response
from graphql import GraphQLError

from api.graphql.mapping import assemble
from api.rest import table_formats
from api.rest.routing import ERROR_RESPONSE, ExportError, export_router, repository, text_response
from smekg.settings import get_settings

router = export_router()


class TableFormat(StrEnum):
    csv = "csv"
    md = "md"
    tex = "tex"
    html = "html"


def _missing(found: list[dict[str, Any]], wanted: list[str] | None) -> list[str]:
    have = {row["iri"] for row in found}
    return [iri for iri in wanted or [] if iri not in have]


@router.get(
    "/tables/comparison.{fmt}",
    summary="The comparison table as CSV, Markdown, LaTeX or HTML",
    description="Perspectives (columns) against themes (rows), each cell with its source "
    "(document, locator, verbatim quote). `perspective` and `theme` may be repeated (IRIs) and "
    "keep the request order; without them the table is the review's Table 1. CSV is long "
    "format (one line per cell); Markdown, LaTeX and HTML give the wide table and a Sources "
    "table (see `api/rest/table_formats.py`). Blank cells stay blank.",
    response_class=Response,
    responses={
        200: {
            "description": "The table in the requested format (UTF-8).",
            "content": {media: {} for _, media in table_formats.TABLE_FORMATS.values()},
        },
        404: {"description": "An unknown perspective or theme id.", **ERROR_RESPONSE},
    },
)
async def comparison_table(
    request: Request,
    fmt: TableFormat,
    perspective: Annotated[
        list[str] | None, Query(description="A perspective IRI; repeat for more columns.")
    ] = None,
    theme: Annotated[
        list[str] | None, Query(description="A theme IRI; repeat for more rows.")
    ] = None,
) -> Response:
    cap = get_settings().smekg_max_table_cells
    data = await repository(request).comparison_table(perspective, theme, cap)
    missing = {
        "perspective": _missing(data["columns"], perspective),
        "theme": _missing(data["rows"], theme),
    }
    for kind, ids in missing.items():
        if ids:
            raise ExportError(404, f"unknown {kind} id(s): {', '.join(ids)}", unknown=ids)
    try:
        table = assemble.comparison_table(data, perspective, theme, cap)
    except GraphQLError as exc:
        code = (exc.extensions or {}).get("code")
        raise ExportError(404 if code == "NOT_FOUND" else 400, exc.message) from exc
    render, media_type = table_formats.TABLE_FORMATS[fmt.value]
    return text_response(render(table), media_type, f"comparison.{fmt.value}")
