"""The API's answers, pinned: every request of `pinned_requests.py` (and the evidence chain of
every prediction) answers exactly what is stored under tests/expected/answers/, compared by
value (JSON) or text (exports). The resolver path may change; the answers may not.

The files are rewritten only on purpose: ``SMEKG_PIN_ANSWERS=1 pytest tests/api``.
"""

import json
import os
from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver

from tests.api.pinned_requests import CHAIN, REQUESTS, GraphQLRequest, Request, RestRequest
from tests.conftest import ROOT

ANSWERS = ROOT / "tests" / "expected" / "answers"
REPIN = os.environ.get("SMEKG_PIN_ANSWERS") == "1"


def _ask(client: httpx.Client, request: Request) -> dict[str, Any]:
    if isinstance(request, GraphQLRequest):
        payload: dict[str, Any] = {"query": request.query, "variables": request.variables}
        if request.operation:
            payload["operationName"] = request.operation
        response = client.post("/graphql", json=payload)
        return {"status": response.status_code, "body": response.json()}
    headers = {"Accept": request.accept} if request.accept else {}
    response = client.get(request.path, params=request.params, headers=headers)
    return {
        "status": response.status_code,
        "content_type": response.headers["content-type"],
        "body": response.text,
    }


def _stored(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    stored: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return stored


def _compare(path: Path, answers: dict[str, dict[str, Any]]) -> list[str]:
    """Names whose answer differs from the stored one (or, with SMEKG_PIN_ANSWERS=1, none:
    the answers are stored)."""
    if REPIN:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(dict(sorted(answers.items())), indent=1, ensure_ascii=False)
        path.write_text(text + "\n", encoding="utf-8")
        return []
    stored = _stored(path)
    assert stored, f"{path} is missing: run SMEKG_PIN_ANSWERS=1 pytest tests/api"
    assert sorted(answers) == sorted(stored), "the pinned requests and the stored ones differ"
    return [name for name in sorted(answers) if answers[name] != stored[name]]


def test_every_pinned_answer_is_unchanged(loaded_db: Driver, client: httpx.Client) -> None:
    """One load, every request (they only read): each answer equals its stored one."""
    graphql = {n: r for n, r in REQUESTS.items() if isinstance(r, GraphQLRequest)}
    rest = {n: r for n, r in REQUESTS.items() if isinstance(r, RestRequest)}
    assert len(graphql) + len(rest) == len(REQUESTS)
    ids = client.post("/graphql", json={"query": "{ predictions { id } }"}).json()
    predictions = [p["id"] for p in ids["data"]["predictions"]]
    assert len(predictions) == 45
    chains = {p.rsplit("/", 1)[1]: GraphQLRequest(CHAIN, {"p": p}) for p in predictions}
    changed = []
    for group, requests in (("graphql", graphql), ("rest", rest), ("chains", chains)):
        answers = {name: _ask(client, request) for name, request in requests.items()}
        changed += [f"{group}/{name}" for name in _compare(ANSWERS / f"{group}.json", answers)]
    assert changed == [], f"answers changed: {changed}"
