"""Run the real `bounceback` command in a project folder, as a contributor or CI would."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path


CLI = [sys.executable, "-m", "bounceback.cli"]
LEFTOVER = re.compile(r"\..*\.(new|old)-[a-z0-9_]{8}")  # a build's staging folder or old copy


def cli_env(env: dict | None = None) -> dict:
    """This environment as a contributor has it: no GITHUB_ACTIONS, no SOURCE_DATE_EPOCH (a
    build takes its sources' date), unless `env` sets them."""
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "SOURCE_DATE_EPOCH")}
    return {**base, **(env or {})}


def run_cli(*args: str, cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m bounceback.cli ARGS` in `cwd`, in cli_env(env)."""
    return subprocess.run([*CLI, *args], cwd=cwd, env=cli_env(env), capture_output=True, text=True, timeout=timeout)


def run_build(project: Path, site: str = "site", env: dict | None = None) -> subprocess.CompletedProcess:
    """`bounceback build --site SITE` in the project folder, as `make build` runs it."""
    return run_cli("build", "--config", "mkdocs.yml", "--site", site, cwd=project, env=env)


def leftovers(folder: Path) -> list[str]:
    """Names in `folder` (not below it) that look like a build's staging folder or old copy."""
    return sorted(p.name for p in folder.iterdir() if LEFTOVER.fullmatch(p.name))


def run_make(target: str, *args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`make TARGET ARGS` with the repository's Makefile in `cwd`, using this virtualenv as it is."""
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        ["make", "-s", "-f", str(root / "Makefile"), "READY=", f"BIN={Path(sys.executable).parent}", target, *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with a hash of its bytes and its mode; a symlink
    by where it points (never followed)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_dir():
            out[rel + "/"] = oct(path.stat().st_mode)
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() + oct(path.stat().st_mode)
    return out
