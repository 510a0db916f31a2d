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


def test_the_open_page_reloads_itself_after_an_edit(project_copy, browser):
    """What a contributor sees: the page in the browser updates by itself (live reload's
    script must be allowed to run), no reload pressed."""
    project = project_copy()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        address = url + "topics/dont-dwell/"
        assert wait_for(address, 'data-topic="dont-dwell"'), "serve did not start"
        page = browser.new_page()
        page.goto(address)
        page.wait_for_selector("article .bb-checklist[data-bb-ready]")
        topic = project / "content" / "topics" / "dont-dwell.yml"
        text = topic.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        topic.write_text(text.replace(title, "title: Leave the replay behind"), encoding="utf-8")
        page.locator("article h1", has_text="Leave the replay behind").wait_for(timeout=90_000)
    finally:
        server.terminate()
        server.wait(timeout=20)
