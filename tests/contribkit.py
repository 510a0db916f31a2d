"""Run the real `bounceback` command in a project folder, as a contributor or CI would."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """`python -m bounceback.cli ARGS` in `cwd`; GITHUB_ACTIONS is cleared unless `env` sets it."""
    base = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "bounceback.cli", *args],
        cwd=cwd, env={**base, **(env or {})}, capture_output=True, text=True, timeout=timeout,
    )


def run_make(target: str, *args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`make TARGET ARGS` with the repository's Makefile in `cwd`, using this virtualenv as it is."""
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        ["make", "-s", "-f", str(root / "Makefile"), "READY=", f"BIN={Path(sys.executable).parent}", target, *args],
        cwd=cwd, capture_output=True, text=True, timeout=timeout,
    )


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` with a hash of its bytes and its mode."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir():
            out[rel + "/"] = oct(path.stat().st_mode)
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() + oct(path.stat().st_mode)
    return out
