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
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bounceback.sitebuild import ENGINES  # noqa: F401  (the engines the tests build with)

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(dest: Path) -> Path:
    """A throwaway copy of what a build reads: mkdocs.yml, docs/, content/, the overrides, the hooks file."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "content", "overrides", "overrides-zensical"):
        shutil.copytree(ROOT / folder, dest / folder)
    (dest / "scripts").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "scripts" / "mkdocs_hooks.py", dest / "scripts" / "mkdocs_hooks.py")
    return dest


def build(project: Path, site_dir: Path, site_url: str | None = None, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """A strict build of a project folder with `engine`, as `make build` publishes it
    (`bounceback build`: the engine's site, the download and the offline layer); returns
    the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    command = ["-m", "bounceback.cli", "build", "--engine", engine, "--config", str(project / "mkdocs.yml")]
    command += ["--site", str(site_dir)]
    return subprocess.run([sys.executable, *command], env=env, capture_output=True, text=True, cwd=project)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: quiet, and answering a missing page with the site's 404.html, as
    GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


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
def served_build(project: Path, site_dir: Path, engine: str = "mkdocs"):
    """A strict build of `project` into `site_dir`, served on 127.0.0.1 with SITE_URL set to
    the server's own address (so sitemap.xml matches it and instant navigation is on)."""
    port = free_port()
    result = build(project, site_dir, site_url=f"http://127.0.0.1:{port}/", engine=engine)
    assert result.returncode == 0, result.stdout + result.stderr
    with SiteServer(site_dir, port) as server:
        server.dir = site_dir
        server.engine = engine
        yield server


def search_pages(site_dir: Path) -> dict[str, str]:
    """Search index text per page (the index splits pages into sections): MkDocs'
    search/search_index.json or Zensical's search.json."""
    mkdocs_index = site_dir / "search" / "search_index.json"
    if mkdocs_index.is_file():
        docs = json.loads(mkdocs_index.read_text(encoding="utf-8"))["docs"]
    else:
        docs = json.loads((site_dir / "search.json").read_text(encoding="utf-8"))["items"]
    pages: dict[str, str] = {}
    for doc in docs:
        location = doc["location"].split("#")[0]
        pages[location] = pages.get(location, "") + " " + doc["title"] + " " + doc["text"]
    return pages


def fetch(url: str) -> str:
    """The text at `url`, or "" when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 90) -> bool:
    """Poll until the page contains `text` (a bound, not a timing assertion)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@contextmanager
def live_preview(project: Path, port: int | None = None):
    """`mkdocs serve --livereload` (what `make serve` runs) of a project copy, on `port` or
    a free one; yields its URL once a topic page answers."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(url + "topics/dont-dwell/", 'data-topic="dont-dwell"'), "serve did not start"
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def retitle(project: Path, topic: str, title: str) -> None:
    """Give a topic of a project copy a new title line."""
    path = project / "content" / "topics" / f"{topic}.yml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(old, f"title: {title}"), encoding="utf-8")
