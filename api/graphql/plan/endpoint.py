"""The compiled path to /graphql: a POSTed request of a planned shape is answered by one Cypher
statement and serialized with orjson, without routing or resolvers; every other request (and
any a plan hands back) goes on to strawberry unchanged."""

import logging
from collections import OrderedDict

import orjson
from graphql import GraphQLSchema
from starlette.types import ASGIApp, Receive, Scope, Send

from api.data.repository import Repository
from api.graphql.plan.roots import Limits, Plan, compile_request
from api.graphql.plan.selection import Fallback
from api.http.asgi import header, read_body, replay, respond
from smekg.database import DatabaseUnavailableError

log = logging.getLogger(__name__)

PLANS = 256  # distinct (query, operation) pairs kept planned (LRU, per process)


class CompiledQueries:
    """Pure ASGI middleware in front of the GraphQL router."""

    def __init__(self, app: ASGIApp, schema: GraphQLSchema, limits: Limits) -> None:
        self._app = app
        self._schema = schema
        self._limits = limits
        self._plans: OrderedDict[tuple[str, str | None], Plan | None] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "POST"
            or scope["path"] != "/graphql"
            or not header(scope, b"content-type").startswith(b"application/json")
        ):
            await self._app(scope, receive, send)
            return
        body = await read_body(receive)
        answer = await self._answer(scope["app"].state.repository, body)
        if answer is None:
            await self._app(scope, replay(body, receive), send)
            return
        await respond(send, 200, [(b"content-type", b"application/json")], answer)

    async def _answer(self, repository: Repository, body: bytes) -> bytes | None:
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if not isinstance(payload, dict):
            return None
        query, variables = payload.get("query"), payload.get("variables") or {}
        operation = payload.get("operationName")
        if not isinstance(query, str) or not isinstance(variables, dict):
            return None
        if operation is not None and not isinstance(operation, str):
            return None
        plan = self._plan(query, operation)
        if plan is None:
            return None
        try:
            parameters = plan.parameters(self._schema, variables)
            rows = await repository.read_statement(
                f"plan:{plan.root}", plan.statement, parameters, last=plan.columns
            )
            if not rows:
                raise Fallback("no answer")
            data = plan.shape(rows[0], parameters)
        except Fallback as reason:
            log.debug("answered by the resolvers: %s", reason)
            return None
        except DatabaseUnavailableError:
            return None  # the resolvers meet the outage too, and say so
        return orjson.dumps({"data": {plan.key: data}})

    def _plan(self, query: str, operation: str | None) -> Plan | None:
        key = (query, operation)
        if key in self._plans:
            self._plans.move_to_end(key)
            return self._plans[key]
        plan: Plan | None
        try:
            plan = compile_request(self._schema, self._limits, query, operation)
        except Fallback as reason:
            log.debug("not planned: %s", reason)
            plan = None
        self._plans[key] = plan
        while len(self._plans) > PLANS:
            self._plans.popitem(last=False)
        return plan
