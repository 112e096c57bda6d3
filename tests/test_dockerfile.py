"""The Dockerfile, run here as far as it goes without a Docker engine: the Node stage's own
steps (its COPYs from the build context minus .dockerignore, its RUNs) in a temporary
directory, then the Python stage's COPY --from of what that stage built, and the Python
stage's other inputs. (The Python stage's `pip install .` needs the package index and is
not run; its sources and package data are checked.)"""

import fnmatch
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from tests.conftest import ROOT


@dataclass
class Step:
    instruction: str
    args: str


@dataclass
class Stage:
    image: str
    name: str | None
    steps: list[Step] = field(default_factory=list)


def _stages() -> list[Stage]:
    stages: list[Stage] = []
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, args = line.partition(" ")
        if instruction.upper() == "FROM":
            image, *rest = args.split()
            name = rest[1] if len(rest) == 2 and rest[0].upper() == "AS" else None
            stages.append(Stage(image, name))
        else:
            stages[-1].steps.append(Step(instruction.upper(), args.strip()))
    return stages


def _ignore_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _ignored(relative: PurePosixPath, patterns: list[str]) -> bool:
    """Whether .dockerignore leaves the path (or a folder above it) out of the context."""
    for pattern in patterns:
        for depth in range(1, len(relative.parts) + 1):
            part = str(PurePosixPath(*relative.parts[:depth]))
            if fnmatch.fnmatch(part, pattern):
                return True
            if pattern.startswith("**/") and fnmatch.fnmatch(
                relative.parts[depth - 1], pattern[3:]
            ):
                return True
    return False


def _copy_from_context(sources: list[str], workdir: Path, to: str, patterns: list[str]) -> None:
    dest = workdir / to
    into_folder = len(sources) > 1 or to.endswith("/") or dest.is_dir()
    for source in sources:
        path = ROOT / source
        assert path.exists(), f"COPY {source}: not in the build context"
        assert not _ignored(PurePosixPath(source), patterns), f"COPY {source}: in .dockerignore"
        if path.is_dir():

            def skip(folder: str, names: list[str]) -> set[str]:
                base = PurePosixPath(Path(folder).relative_to(ROOT).as_posix())
                return {n for n in names if _ignored(base / n, patterns)}

            shutil.copytree(path, dest, ignore=skip, dirs_exist_ok=True)
        else:
            target = dest / path.name if into_folder else dest
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)


def _run_stage(stage: Stage, root: Path) -> None:
    """The stage's WORKDIR, COPY (from the context) and RUN steps under `root`."""
    patterns = _ignore_patterns()
    workdir = root
    for step in stage.steps:
        if step.instruction == "WORKDIR":
            workdir = root / step.args.lstrip("/")
            workdir.mkdir(parents=True, exist_ok=True)
        elif step.instruction == "COPY":
            *sources, dest = shlex.split(step.args)
            assert not any(s.startswith("--") for s in sources), step
            _copy_from_context(sources, workdir, dest, patterns)
        elif step.instruction == "RUN":
            done = subprocess.run(
                ["sh", "-c", step.args],
                cwd=workdir,
                capture_output=True,
                text=True,
                timeout=900,
                check=False,
            )
            assert done.returncode == 0, f"RUN {step.args}\n{done.stdout}\n{done.stderr}"


def test_the_node_stage_builds_the_web_app_the_python_stage_serves(tmp_path: Path) -> None:
    node, python = _stages()
    assert node.name == "web"
    assert node.image.startswith("node:20")
    _run_stage(node, tmp_path)
    (copy,) = [s for s in python.steps if s.instruction == "COPY" and "--from=" in s.args]
    flag, source, dest = shlex.split(copy.args)
    assert flag == "--from=web"
    assert dest == "web/dist"  # WORKDIR /app: the API's default SMEKG_WEB_DIR
    built = tmp_path / source.lstrip("/")
    for page in ("index.html", "graphiql.html", "docs.html"):
        assert (built / page).is_file(), page
    assert list((built / "assets").glob("*.js"))


def test_the_python_stage_copies_what_the_package_needs() -> None:
    _, python = _stages()
    patterns = _ignore_patterns()
    copied = set()
    for step in python.steps:
        if step.instruction == "COPY" and "--from=" not in step.args:
            *sources, _ = shlex.split(step.args)
            for source in sources:
                assert (ROOT / source).exists(), source
                assert not _ignored(PurePosixPath(source), patterns), source
                copied.add(source)
    assert {"pyproject.toml", "README.md", "api", "loaders", "queries", "smekg"} <= copied
    assert "ontology" in copied  # the knowledge base the container loads
    assert any(s.args.startswith("pip install") for s in python.steps if s.instruction == "RUN")


def test_dockerignore_keeps_local_builds_and_environments_out() -> None:
    patterns = _ignore_patterns()
    for path in ("web/node_modules/react", "web/dist/index.html", ".venv/bin", ".cache/x"):
        assert _ignored(PurePosixPath(path), patterns), path
    for path in ("web/src/main.tsx", "api/schema.graphql", "scripts/web.sh"):
        assert not _ignored(PurePosixPath(path), patterns), path
