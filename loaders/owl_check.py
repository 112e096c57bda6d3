"""The ontology with its knowledge base, checked by external OWL tools.

Consistency: owlready2 runs the HermiT reasoner (Java 17) over the merged graph. The OWL 2
DL profile: ROBOT's ``validate-profile --profile DL`` (scripts/robot.sh fetches ROBOT from
Maven Central, checksum-verified). Both read one N-Triples file written from the same graph
the loader validates, so what is checked is what is loaded.
"""

import logging
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import owlready2
from rdflib import Graph

from loaders.errors import LoadError

log = logging.getLogger(__name__)

ROBOT = Path(__file__).resolve().parent.parent / "scripts" / "robot.sh"
_REASONER_MEMORY_MB = 1000
_PROFILE_HEADER = "OWL 2 DL Profile Report"


@dataclass(frozen=True)
class OwlReport:
    """What the tools said: consistency (None = consistent) and DL profile violations."""

    inconsistency: str | None
    profile_violations: list[str]

    @property
    def ok(self) -> bool:
        return self.inconsistency is None and not self.profile_violations

    def __str__(self) -> str:
        lines = []
        if self.inconsistency is not None:
            lines.append(f"inconsistent (HermiT): {self.inconsistency}")
        if self.profile_violations:
            lines.append(f"outside OWL 2 DL (ROBOT): {len(self.profile_violations)} violation(s)")
            lines.extend(f"  {v}" for v in self.profile_violations[:30])
            if len(self.profile_violations) > 30:
                lines.append(f"  … and {len(self.profile_violations) - 30} more")
        return "\n".join(lines) or "consistent (HermiT) and within OWL 2 DL (ROBOT)"


def _write(graph: Graph, folder: Path) -> Path:
    path = folder / "merged.nt"
    graph.serialize(destination=path, format="nt", encoding="utf-8")
    return path


def _robot(*args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [str(ROBOT), *args], capture_output=True, text=True, check=False, timeout=900
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LoadError(f"cannot run ROBOT ({ROBOT}): {exc}") from exc


def _explanation(ntriples: Path, folder: Path) -> str:
    """ROBOT's explanation of an inconsistency (the axioms that clash), or '' if it has none."""
    out = folder / "explanation.md"
    done = _robot(
        "run", "explain", "--input", str(ntriples), "--reasoner", "HermiT",
        "--mode", "inconsistency", "--explanation", str(out),
    )  # fmt: skip
    if done.returncode != 0 and not out.is_file():
        return ""
    text = out.read_text(encoding="utf-8") if out.is_file() else ""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())[:2000]


def consistency(ntriples: Path, folder: Path) -> str | None:
    """None when HermiT finds the ontology consistent, else what is wrong."""
    owlready2.reasoning.JAVA_MEMORY = _REASONER_MEMORY_MB
    world = owlready2.World()
    try:
        world.get_ontology(ntriples.as_uri()).load(format="ntriples")
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return _explanation(ntriples, folder) or "HermiT found no model"
    except FileNotFoundError as exc:
        raise LoadError(f"Java 17+ is required for the HermiT reasoner: {exc}") from exc
    except owlready2.OwlReadyJavaError as exc:
        raise LoadError(f"HermiT (Java) failed: {str(exc).strip()[:500]}") from exc
    finally:
        world.close()
    return None


def dl_profile_violations(ntriples: Path) -> list[str]:
    """ROBOT's OWL 2 DL profile violations, one line each (empty when in profile)."""
    report = ntriples.parent / "profile.txt"
    done = _robot(
        "run", "validate-profile", "--input", str(ntriples), "--profile", "DL",
        "--output", str(report),
    )  # fmt: skip
    if not report.is_file():
        raise LoadError(f"ROBOT did not run: {(done.stderr or done.stdout).strip()[:800]}")
    lines = [
        line.strip()
        for line in report.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(_PROFILE_HEADER)
    ]
    if done.returncode != 0 and not lines:
        raise LoadError(f"ROBOT failed: {(done.stderr or done.stdout).strip()[:800]}")
    return lines


def check(graph: Graph) -> OwlReport:
    """Run both tools on the graph (the ontology with its knowledge base)."""
    with tempfile.TemporaryDirectory(prefix="smekg-owl-") as tmp:
        folder = Path(tmp)
        ntriples = _write(graph, folder)
        return OwlReport(consistency(ntriples, folder), dl_profile_violations(ntriples))
