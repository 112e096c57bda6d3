"""The @neo4j/graphql peer (issue #5): a Node server over the same Neo4j, and its queries.

`PeerServer` runs bench/node/peer-server.mjs (Apollo Server + @neo4j/graphql, type
definitions in bench/node/typedefs.graphql) on a free loopback port. `PEER_CASES` holds, for
each case of bench/query_bench.py, the peer request asking for the same information; both
sides have an answer-size function counting the same leaf items, so a harness can check the
two answers are the same size before comparing their latency.
"""

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from api.live_server import free_port
from bench import processes
from smekg.settings import Settings

NODE_DIR = Path(__file__).resolve().parent / "node"
MIN_NODE = 20
READY_TIMEOUT = 60.0
KB = "https://w3id.org/sme-intl-kg/kb/"
INSTALL_HINT = "run `make bench-node` (npm ci --prefix bench/node)"


def node_available() -> str | None:
    """None when Node >= 20 and the peer's packages are installed, else why not."""
    node = shutil.which("node")
    if node is None:
        return f"node not found on PATH (Node >= {MIN_NODE} needed); then {INSTALL_HINT}"
    try:
        version = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            [node, "--version"], capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"`node --version` failed: {exc}"
    match = re.match(r"v(\d+)\.", version)
    if match is None or int(match.group(1)) < MIN_NODE:
        return f"node {version or '?'} is too old (Node >= {MIN_NODE} needed)"
    if not (NODE_DIR / "node_modules" / "@neo4j" / "graphql").is_dir():
        return f"the peer's npm packages are not installed: {INSTALL_HINT}"
    return None


class PeerServer:
    """`node bench/node/peer-server.mjs` on a free loopback port, for a `with` block."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.port = free_port()
        self.process: subprocess.Popen[str] | None = None
        self._stderr: IO[str] | None = None
        self._started = False
        self._watcher: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql"

    def _stderr_tail(self, lines: int = 20) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return "\n".join(self._stderr.read().splitlines()[-lines:])

    def __enter__(self) -> "PeerServer":
        reason = node_available()
        if reason is not None:
            raise RuntimeError(f"the GraphQL peer cannot run: {reason}")
        s = self.settings
        env = {
            **os.environ,
            "NEO4J_URI": s.neo4j_uri,
            "NEO4J_USER": s.neo4j_user,
            "NEO4J_PASSWORD": s.neo4j_password.get_secret_value(),
            "NEO4J_DATABASE": s.neo4j_database,
            "PEER_PORT": str(self.port),
        }
        env.setdefault("NODE_ENV", "production")  # as deployed: no stack traces in errors
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            [shutil.which("node") or "node", str(NODE_DIR / "peer-server.mjs")],
            cwd=NODE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        ready = threading.Event()
        self._watcher = threading.Thread(
            target=self._watch, args=(self.process, ready), daemon=True
        )
        self._watcher.start()
        if not ready.wait(READY_TIMEOUT) or not self._started:
            tail = self._stderr_tail()
            self.__exit__(None, None, None)
            raise RuntimeError(f"the GraphQL peer did not start (port {self.port}):\n{tail}")
        return self

    def check(self) -> None:
        """Raise RuntimeError (with its stderr tail) if the server has exited."""
        if self.process is None or self.process.poll() is not None:
            code = None if self.process is None else self.process.returncode
            raise RuntimeError(f"the GraphQL peer exited ({code}):\n{self._stderr_tail()}")

    def _watch(self, process: "subprocess.Popen[str]", ready: threading.Event) -> None:
        """Set `ready` on the ready line, or when the server exits; then drain stdout."""
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip() == f"peer ready on {self.port}":
                self._started = True
                ready.set()
        ready.set()  # stdout closed: the process ended

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process is not None:
            processes.stop(self.process, grace_s=10)
            if self._watcher is not None:
                self._watcher.join(timeout=5)  # it ends at EOF; then stdout can be closed
            if self.process.stdout is not None:
                self.process.stdout.close()
            self.process = None
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


# --- answer sizes ------------------------------------------------------------------------------
# Each case counts the same leaf items on both sides: the listed objects plus one per source
# quote. Ours answers one object per field; the peer answers lists for every relationship.

Json = dict[str, Any]


def _sized(count: Callable[[Json], int]) -> Callable[[Json], int]:
    """`count` applied to a response's "data" (or to the data itself)."""

    def size(answer: Json) -> int:
        return count(answer.get("data", answer))

    return size


def _quote(value: Json | list[Json] | None) -> int:
    """1 when a source (ours: an object; the peer: a list of at most one) has a quote."""
    if isinstance(value, list):
        value = value[0] if value else None
    return int(value is not None and value.get("quote") is not None)


def _peer_comparison_table(data: Json) -> int:
    cells = [cell for theme in data["themes"] for cell in theme["predictions"]]
    return (
        len(data["perspectives"])
        + len(cells)
        + sum(_quote(cell["sources"]) for cell in cells)
        + len(data["footnotes"])
    )


def _ours_comparison_table(data: Json) -> int:
    table = data["comparisonTable"]
    cells = [cell for row in table["rows"] for cell in row["cells"]]
    return (
        len(table["columns"])
        + len(cells)
        + sum(_quote(cell["source"]) for cell in cells)
        + len(table["footnotes"])
    )


def _peer_predictions(data: Json) -> int:
    return sum(1 + _quote(p["sources"]) for p in data["predictions"])


def _ours_predictions(data: Json) -> int:
    return sum(1 + _quote(p["source"]) for p in data["predictions"])


LINKED = ("supportedBy", "contradictedBy", "qualifiedBy", "mixedEvidence")


def _finding_size(finding: Json, source_key: str) -> int:
    return 1 + len(finding["studies"]) + _quote(finding[source_key])


def _peer_evidence_chain(data: Json) -> int:
    (prediction,) = data["predictions"]
    findings = [f for key in LINKED for f in prediction[key]]
    findings += [f for theme in prediction["theme"] for f in theme["findings"]]
    documents = {
        tuple(d["title"] or [])
        for documents in (
            [d for x in prediction["sources"] for d in x["document"]],
            [d for p in prediction["perspective"] for d in p["documents"]],
            [d for t in prediction["theme"] for d in t["documents"]],
        )
        for d in documents
    }
    return len(documents) + sum(_finding_size(f, "sources") for f in findings)


def _ours_evidence_chain(data: Json) -> int:
    chain = data["evidenceChain"]
    return len(chain["documents"]) + sum(
        _finding_size(item["finding"], "source") for item in chain["findings"]
    )


def _peer_study(data: Json) -> int:
    (study,) = data["studies"]
    return 1 + sum(1 + _quote(f["sources"]) for f in study["findings"])


def _ours_study(data: Json) -> int:
    return 1 + sum(1 + _quote(f["source"]) for f in data["study"]["findings"])


def _peer_categories(data: Json) -> int:
    return sum(1 + len(c["items"]) + _quote(c["sources"]) for c in data["categories"])


def _ours_categories(data: Json) -> int:
    return sum(1 + len(c["items"]) + _quote(c["source"]) for c in data["categories"])


# --- the peer's requests -----------------------------------------------------------------------


@dataclass(frozen=True)
class PeerCase:
    name: str
    graphql: str
    answer_size: Callable[[Json], int]  # of the response (or its "data")
    note: str = ""


# `source` (ours: the first of a node's excerpts by id) is `sources(sort: id, limit: 1)`.
# A nested list sorted by id also selects id: @neo4j/graphql 7.6.3 sorts a nested list by an
# @alias field only when it is selected (else ORDER BY a missing map key: arbitrary order).
# Table 1 as a front end asks for it: its five columns and seven rows by id, so the answer
# is the same at every scale (the unfiltered table grows with the number of perspectives).
TABLE1_PERSPECTIVES = [
    f"{KB}persp-{name}"
    for name in (
        "stage",
        "internalization-tc",
        "strategic-choice",
        "learning-knowledge",
        "rbv-network",
    )
]
TABLE1_THEMES = [f"{KB}theme-{n}" for n in range(1, 8)]
_P, _T = json.dumps(TABLE1_PERSPECTIVES), json.dumps(TABLE1_THEMES)
_COMPARISON_TABLE = f"""{{
  perspectives(where: {{ id: {{ in: {_P} }} }}, sort: [{{ order: ASC }}, {{ id: ASC }}]) {{
    id label family {{ label }}
  }}
  themes(where: {{ id: {{ in: {_T} }} }}, sort: [{{ order: ASC }}, {{ id: ASC }}]) {{
    proposition
    predictions(where: {{ perspective: {{ some: {{ id: {{ in: {_P} }} }} }} }}) {{
      perspective {{ id }}
      text
      stance {{ notation }}
      sources(sort: [{{ id: ASC }}], limit: 1) {{ id locator quote }}
    }}
  }}
  footnotes(
    where: {{ OR: [
      {{ perspectives: {{ some: {{ id: {{ in: {_P} }} }} }} }}
      {{ themes: {{ some: {{ id: {{ in: {_T} }} }} }} }}
    ] }}
    sort: [{{ id: ASC }}]
  ) {{ text }}
}}"""

_PREDICTIONS_THEME_1 = f"""{{
  predictions(
    where: {{ theme: {{ some: {{ id: {{ eq: "{KB}theme-1" }} }} }} }}
    sort: [{{ id: ASC }}]
  ) {{
    perspective {{ label }}
    text
    stance {{ notation }}
    conditions
    sources(sort: [{{ id: ASC }}], limit: 1) {{ id quote }}
  }}
}}"""

_PRED = f"{KB}pred-stage-7"
_EVIDENCE_CHAIN = f"""fragment Evidence on Finding {{
  id
  summary
  studies(sort: [{{ id: ASC }}]) {{ id authors year title venue }}
  sources(sort: [{{ id: ASC }}], limit: 1) {{ id document {{ title }} section locator quote }}
}}
{{
  predictions(where: {{ id: {{ eq: "{_PRED}" }} }}) {{
    text
    sources {{ document {{ title }} }}
    perspective {{ documents {{ title }} }}
    supportedBy(sort: [{{ id: ASC }}]) {{ ...Evidence }}
    contradictedBy(sort: [{{ id: ASC }}]) {{ ...Evidence }}
    qualifiedBy(sort: [{{ id: ASC }}]) {{ ...Evidence }}
    mixedEvidence(sort: [{{ id: ASC }}]) {{ ...Evidence }}
    theme {{
      documents {{ title }}
      findings(
        where: {{ NOT: {{ OR: [
          {{ supports: {{ some: {{ id: {{ eq: "{_PRED}" }} }} }} }}
          {{ contradicts: {{ some: {{ id: {{ eq: "{_PRED}" }} }} }} }}
          {{ qualifies: {{ some: {{ id: {{ eq: "{_PRED}" }} }} }} }}
          {{ mixedEvidenceFor: {{ some: {{ id: {{ eq: "{_PRED}" }} }} }} }}
        ] }} }}
        sort: [{{ id: ASC }}]
      ) {{ relation {{ notation }} ...Evidence }}
    }}
  }}
}}"""

_STUDY = f"""{{
  studies(where: {{ id: {{ eq: "{KB}work-westhead2004a" }} }}) {{
    authors
    year
    findings(sort: [{{ id: ASC }}]) {{
      id summary sample country sector method
      sources(sort: [{{ id: ASC }}], limit: 1) {{ id quote }}
    }}
  }}
}}"""

_CATEGORIES = f"""{{
  categories(
    where: {{ factor: {{ some: {{ id: {{ eq: "{KB}factor-triggering" }} }} }} }}
    sort: [{{ order: ASC }}, {{ id: ASC }}]
  ) {{
    label share sampleSize
    items(sort: [{{ order: ASC }}, {{ id: ASC }}]) {{ id label }}
    sources(sort: [{{ id: ASC }}], limit: 1) {{ id quote }}
  }}
}}"""

PEER_CASES: dict[str, PeerCase] = {
    case.name: case
    for case in (
        PeerCase(
            "comparison_table",
            _COMPARISON_TABLE,
            _sized(_peer_comparison_table),
            "Three root fields instead of one table: columns and rows are Table 1's "
            "perspectives and themes by id, a row's cells its predictions (in no set order) with "
            "perspective { id } so the client can place them; the peer can neither order a "
            "row's cells by column nor fill a NOT_ADDRESSED cell where a prediction is "
            "missing (none is today). stance and family come as lists of nodes.",
        ),
        PeerCase(
            "predictions_theme_1",
            _PREDICTIONS_THEME_1,
            _sized(_peer_predictions),
            "Ours orders by perspective order, the peer by prediction id (it cannot sort by "
            "a related node's field); stance is a { notation } node.",
        ),
        PeerCase(
            "evidence_chain_pred_stage_7",
            _EVIDENCE_CHAIN,
            _sized(_peer_evidence_chain),
            "Ours returns one list of findings tagged relation and basis; the peer returns "
            "the four linked lists (relation = the list, basis PREDICTION) and the theme's "
            "other findings (basis THEME, relation { notation }). Documents come as three "
            "lists the client deduplicates; title is the stored list of all languages where "
            "ours picks the English one.",
        ),
        PeerCase(
            "study_westhead2004a",
            _STUDY,
            _sized(_peer_study),
            "Same content: the Study interface (Work or SourceDocument, as ours) by id.",
        ),
        PeerCase(
            "categories_factor_triggering",
            _CATEGORIES,
            _sized(_peer_categories),
            "Ours orders by group then category order, the peer by category order. share is "
            "read through @cypher toFloat: the library turns a decimal stored as a string "
            '("0.50") into an integer (0).',
        ),
    )
}

ours_answer_size: dict[str, Callable[[Json], int]] = {
    "comparison_table": _sized(_ours_comparison_table),
    "predictions_theme_1": _sized(_ours_predictions),
    "evidence_chain_pred_stage_7": _sized(_ours_evidence_chain),
    "study_westhead2004a": _sized(_ours_study),
    "categories_factor_triggering": _sized(_ours_categories),
}
