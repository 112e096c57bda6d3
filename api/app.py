"""The FastAPI application: composes GraphQL at /graphql (`api.graphql`), the REST exports
(`api.rest`) and the HTTP plumbing (`api.http`) over one Neo4j driver per process."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from neo4j import AsyncGraphDatabase

from api.data.repository import Repository
from api.data.version import VersionClock
from api.graphql.context import Context
from api.graphql.graphiql import ExamplesGraphQLRouter
from api.graphql.loaders import Loaders
from api.graphql.plan.endpoint import CompiledQueries
from api.graphql.schema import plan_limits, schema
from api.http.caching import ResponseCache
from api.http.health import router as health_router
from api.http.snapshots import SnapshotReads
from api.http.web import router as web_router
from api.rest.routes import router as exports_router
from smekg.settings import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    config = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        driver = AsyncGraphDatabase.driver(
            config.neo4j_uri,
            auth=(config.neo4j_user, config.neo4j_password.get_secret_value()),
            connection_timeout=5.0,
            connection_acquisition_timeout=10.0,
            max_transaction_retry_time=config.smekg_retry_seconds,
            notifications_min_severity="OFF",
        )
        app.state.repository = Repository(driver, config.neo4j_database)
        try:
            yield
        finally:
            await driver.close()

    async def get_context(request: Request) -> Context:
        repository: Repository = request.app.state.repository
        return Context(repository=repository, loaders=Loaders.for_request(repository))

    app = FastAPI(
        title="SME Internationalization Knowledge Graph",
        description="Theories, factors and evidence on SME internationalization, with sources.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # /docs: the bundled Swagger UI (api/http/web.py); ReDoc would need a CDN
        redoc_url=None,
    )
    app.state.web_dir = config.smekg_web_dir
    app.include_router(ExamplesGraphQLRouter(schema, context_getter=get_context), prefix="/graphql")
    app.include_router(health_router)
    clock = VersionClock(config.smekg_version_ttl, config.smekg_swap_wait)
    app.state.clock = clock
    # The last added runs first: the cache answers hits; a miss is read under one snapshot,
    # by one compiled statement where the request has a planned shape (else the resolvers).
    if config.smekg_compiled_queries:
        app.add_middleware(CompiledQueries, schema=schema._schema, limits=plan_limits(config))
    app.add_middleware(SnapshotReads, clock=clock, swap_wait=config.smekg_swap_wait)
    app.add_middleware(ResponseCache, size=config.smekg_cache_size, clock=clock)
    app.include_router(exports_router)
    app.include_router(web_router)  # last: its catch-all serves the app for other paths
    return app
