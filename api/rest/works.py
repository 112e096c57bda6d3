"""Every work (cited works and source documents) as BibTeX or CSL-JSON
(`api.rest.bibliography`)."""

from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response

from api.rest import bibliography
from api.rest.routing import ERROR_RESPONSE, ExportError, export_router, repository, text_response

router = export_router()

WorkIds = Annotated[
    list[str] | None,
    Query(
        alias="id",
        description="Only this work (an IRI); repeat for more. Keys stay as in the whole file.",
    ),
]
UNKNOWN_WORK: dict[int | str, dict[str, Any]] = {
    404: {"description": "An unknown work id.", **ERROR_RESPONSE}
}


async def _works(
    request: Request, ids: list[str] | None
) -> tuple[list[dict[str, Any]], set[str] | None]:
    """Every work, and the chosen IRIs (None: all); an unknown IRI is a 404."""
    works = [row["work"] for row in await repository(request).read("list_works")]
    if ids is None:
        return works, None
    known = {str(w["iri"]) for w in works}
    missing = [iri for iri in ids if iri not in known]
    if missing:
        raise ExportError(404, f"unknown work id(s): {', '.join(missing)}", unknown=missing)
    return works, set(ids)


@router.get(
    "/works.bib",
    summary="Every work (or the chosen ones) as BibTeX",
    description="Cited works and source documents with the metadata the knowledge base "
    "holds (authors as printed, as one literal name); keys are the IRI local names without "
    "`work-`/`doc-`. Entry type from workType; nothing is invented.",
    response_class=Response,
    responses={
        200: {"description": "BibTeX (UTF-8).", "content": {"application/x-bibtex": {}}},
        **UNKNOWN_WORK,
    },
)
async def works_bibtex(request: Request, ids: WorkIds = None) -> Response:
    works, only = await _works(request, ids)
    return text_response(bibliography.to_bibtex(works, only), "application/x-bibtex", "works.bib")


@router.get(
    "/works.json",
    summary="Every work (or the chosen ones) as CSL-JSON",
    description="The same works as `/works.bib`, as a CSL-JSON array (authors as literal "
    "names, `year-suffix` kept).",
    response_class=Response,
    responses={
        200: {
            "description": "CSL-JSON.",
            "content": {"application/vnd.citationstyles.csl+json": {}},
        },
        **UNKNOWN_WORK,
    },
)
async def works_csl(request: Request, ids: WorkIds = None) -> Response:
    works, only = await _works(request, ids)
    body = bibliography.to_csl_json(works, only)
    return Response(body, media_type="application/vnd.citationstyles.csl+json; charset=utf-8")
