"""REST exports: the comparison table as files, the graph as RDF, the works as
bibliographies. Handlers are thin: read through the repository, assemble with
`api.graphql.mapping.assemble`, render with the pure renderers beside them."""

from fastapi import APIRouter

from api.rest import graph, tables, works

router = APIRouter()
for part in (tables.router, graph.router, works.router):
    router.include_router(part)
