"""The FastAPI application: GraphQL at /graphql, health probes, one Neo4j driver per process."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from neo4j import AsyncGraphDatabase

from api.caching import ResponseCache
from api.context import Context
from api.exports import router as exports_router
from api.graphiql import ExamplesGraphQLRouter
from api.health import router as health_router
from api.loaders import Loaders
from api.repository import Repository
from api.schema import schema
from api.web import router as web_router
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
        docs_url=None,  # /docs is the bundled Swagger UI (api/web.py); ReDoc would need a CDN
        redoc_url=None,
    )
    app.state.web_dir = config.smekg_web_dir
    app.include_router(ExamplesGraphQLRouter(schema, context_getter=get_context), prefix="/graphql")
    app.include_router(health_router)
    app.add_middleware(
        ResponseCache, size=config.smekg_cache_size, version_ttl=config.smekg_version_ttl
    )
    app.include_router(exports_router)
    app.include_router(web_router)  # last: its catch-all serves the app for other paths
    return app
