"""Every work (cited works and source documents) as BibTeX or CSL-JSON
(`api.rest.bibliography`)."""

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from api.rest import bibliography
from api.rest.routing import export_router, repository, text_response

router = export_router()


async def _works(request: Request) -> list[dict[str, Any]]:
    return [row["work"] for row in await repository(request).read("list_works")]


@router.get(
    "/works.bib",
    summary="Every work as BibTeX",
    description="Cited works and source documents with the metadata the knowledge base "
    "holds (authors as printed, as one literal name); keys are the IRI local names without "
    "`work-`/`doc-`. Entry type from workType; nothing is invented.",
    response_class=Response,
    responses={200: {"description": "BibTeX (UTF-8).", "content": {"application/x-bibtex": {}}}},
)
async def works_bibtex(request: Request) -> Response:
    return text_response(
        bibliography.to_bibtex(await _works(request)), "application/x-bibtex", "works.bib"
    )


@router.get(
    "/works.json",
    summary="Every work as CSL-JSON",
    description="The same works as `/works.bib`, as a CSL-JSON array (authors as literal "
    "names, `year-suffix` kept).",
    response_class=Response,
    responses={
        200: {
            "description": "CSL-JSON.",
            "content": {"application/vnd.citationstyles.csl+json": {}},
        }
    },
)
async def works_csl(request: Request) -> Response:
    body = bibliography.to_csl_json(await _works(request))
    return Response(body, media_type="application/vnd.citationstyles.csl+json; charset=utf-8")
