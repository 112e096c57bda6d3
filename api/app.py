"""The FastAPI application: composes GraphQL at /graphql (`api.graphql`), the REST exports
(`api.rest`) and the HTTP plumbing (`api.http`) over one Neo4j driver per process."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from neo4j import AsyncGraphDatabase

from api.data.outage import Outage
from api.data.repository import Repository
from api.data.version import VersionClock
from api.graphql.context import Context
from api.graphql.graphiql import ExamplesGraphQLRouter
from api.graphql.loaders import Loaders
from api.graphql.plan.endpoint import CompiledQueries
from api.graphql.schema import plan_limits, schema
from api.http.browser import BrowserSafety, cors_options
from api.http.caching import CacheStats, ResponseCache
from api.http.health import router as health_router
from api.http.limits import RequestLimits
from api.http.request_ids import RequestIds
from api.http.snapshots import SnapshotReads
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
        outage = Outage(config.smekg_outage_backoff, config.smekg_read_timeout)
        app.state.repository = Repository(
            driver, config.neo4j_database, outage, config.smekg_read_timeout
        )
        # What start-up built (schema, routes, modules) lives as long as the process: keep
        # it out of the garbage collector's scans, which a request's many small objects
        # trigger often (measured: docs/benchmarks.md).
        gc.collect()
        gc.freeze()
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
    )
    app.include_router(ExamplesGraphQLRouter(schema, context_getter=get_context), prefix="/graphql")
    app.include_router(health_router)
    clock = VersionClock(config.smekg_version_ttl, config.smekg_swap_wait)
    app.state.clock = clock
    # The last added runs first: the cache answers hits; a miss is read under one snapshot,
    # by one compiled statement where the request has a planned shape (else the resolvers).
    if config.smekg_compiled_queries:
        app.add_middleware(CompiledQueries, schema=schema._schema, limits=plan_limits(config))
    app.add_middleware(SnapshotReads, clock=clock, swap_wait=config.smekg_swap_wait)
    app.state.cache_stats = CacheStats()
    app.add_middleware(
        ResponseCache,
        size=config.smekg_cache_size,
        clock=clock,
        max_bytes=config.smekg_cache_bytes,
        stats=app.state.cache_stats,
    )
    # Before the cache and every handler: what a request may be (api/http/limits.py), CORS
    # when configured, the browser's headers and HEAD, and the request's id (outermost).
    app.add_middleware(
        RequestLimits,
        max_body=config.smekg_max_body,
        max_header_bytes=config.smekg_max_header_bytes,
        max_headers=config.smekg_max_headers,
        max_json_depth=config.smekg_max_json_depth,
    )
    cors = cors_options(config.smekg_cors_origins)
    if cors is not None:
        app.add_middleware(CORSMiddleware, **cors)
    app.add_middleware(BrowserSafety)
    app.add_middleware(RequestIds)
    app.include_router(exports_router)
    return app
