"""`mkdocs serve --livereload` (what `make serve` runs) picks up an edit in content/ live."""
import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

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


@contextmanager
def serving(project):
    """`mkdocs serve --livereload` of a project copy on a free port; yields its URL."""
    port = free_port()
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


def retitle(project, title: str) -> None:
    topic = project / "content" / "topics" / "dont-dwell.yml"
    text = topic.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    topic.write_text(text.replace(old, f"title: {title}"), encoding="utf-8")


def test_serve_reloads_content_edits(project_copy):
    project = project_copy()
    with serving(project) as url:
        retitle(project, "Leave the replay behind")
        assert wait_for(url + "topics/dont-dwell/", "Leave the replay behind"), "the edit did not reach the served page"


def test_the_open_page_reloads_itself_after_an_edit(project_copy, browser):
    """What a contributor sees: the page in the browser updates by itself (live reload's
    script must be allowed to run), no reload pressed."""
    project = project_copy()
    with serving(project) as url:
        page = browser.new_page()
        page.goto(url + "topics/dont-dwell/")
        page.wait_for_selector("article .bb-checklist[data-bb-ready]")
        retitle(project, "Leave the replay behind")
        page.locator("article h1", has_text="Leave the replay behind").wait_for(timeout=90_000)
