"""Build the real site with the real MkDocs and serve it on 127.0.0.1, for tests and benchmarks."""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of what a build reads: mkdocs.yml, docs/, content/, overrides/, the hooks file."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(ROOT / "content", dest / "content")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    (dest / "scripts").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "scripts" / "mkdocs_hooks.py", dest / "scripts" / "mkdocs_hooks.py")
    return dest


def build(project: Path, site_dir: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        env=env, capture_output=True, text=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1 in a background thread, like a static host."""

    def __init__(self, directory: Path, port: int | None = None):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port or 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def served_build(project: Path, site_dir: Path):
    """A strict build of `project` into `site_dir`, served on 127.0.0.1 with SITE_URL set to
    the server's own address (so sitemap.xml matches it and instant navigation is on)."""
    port = free_port()
    result = build(project, site_dir, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stderr
    with SiteServer(site_dir, port) as server:
        server.dir = site_dir
        yield server


def search_pages(site_dir: Path) -> dict[str, str]:
    """Search index text per page (the index splits pages into sections)."""
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages: dict[str, str] = {}
    for doc in docs:
        location = doc["location"].split("#")[0]
        pages[location] = pages.get(location, "") + " " + doc["title"] + " " + doc["text"]
    return pages
