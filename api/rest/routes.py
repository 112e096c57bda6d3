"""REST exports: the comparison table as files, the graph as RDF, the works as
bibliographies, the ontology and its documentation. Handlers are thin: read through the
repository (the ontology: its file), assemble with `api.graphql.mapping.assemble`, render with
the pure renderers beside them."""

from fastapi import APIRouter

from api.rest import graph, ontology, tables, works

router = APIRouter()
for part in (tables.router, graph.router, works.router, ontology.router):
    router.include_router(part)
