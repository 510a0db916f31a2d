"""`mkdocs serve --livereload` (what `make serve` runs) picks up an edit in content/ live."""
import os
import subprocess
import sys
import time
import urllib.request

from sitekit import free_port


def fetch(url: str) -> str:
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


def test_serve_reloads_content_edits(project_copy):
    project = project_copy()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        page = url + "topics/dont-dwell/"
        assert wait_for(page, 'data-topic="dont-dwell"'), "serve did not start"
        topic = project / "content" / "topics" / "dont-dwell.yml"
        text = topic.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        topic.write_text(text.replace(title, "title: Leave the replay behind"), encoding="utf-8")
        assert wait_for(page, "Leave the replay behind"), "the edit did not reach the served page"
    finally:
        server.terminate()
        server.wait(timeout=20)
