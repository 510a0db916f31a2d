"""The weekly link check finds dead external links and reports them at their YAML line."""
from __future__ import annotations

import http.server
import subprocess
import sys
import threading

import pytest

from sitekit import ROOT


class Pages(http.server.BaseHTTPRequestHandler):
    """/ok answers 200, /no-head refuses HEAD but answers GET, anything else is 404."""

    def do_HEAD(self):
        self.send_response(200 if self.path == "/ok" else 405 if self.path == "/no-head" else 404)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path in ("/ok", "/no-head") else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_check(project, *args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_links.py"), "--timeout", "5", *args],
                          cwd=project, capture_output=True, text=True, timeout=120)


def one_topic_project(project_copy):
    """A copy holding only practise-interviews.yml: the real content links to real sites, and these
    tests must not need the internet (the link check reads files, it does not validate)."""
    project = project_copy()
    for path in (project / "content" / "topics").glob("*.yml"):
        if path.name != "practise-interviews.yml":
            path.unlink()
    return project


def test_dead_links_are_reported_where_they_are(project_copy, server):
    project = one_topic_project(project_copy)
    topic = project / "content" / "topics" / "practise-interviews.yml"
    text = topic.read_text(encoding="utf-8")
    text = text.replace("\nrelated:", f"\nsources:\n  - {server}/ok\n  - Notes at {server}/gone.\n"
                                      f"  - {server}/no-head\nrelated:", 1)
    topic.write_text(text, encoding="utf-8")
    line = text.splitlines().index(f"  - Notes at {server}/gone.") + 1

    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"content/topics/practise-interviews.yml:{line}:5: error: link {server}/gone does not work (HTTP 404) [dead-link]",
        "    hint: Replace it with a working address, or remove it if the page is gone.",
    ]
    assert "3 external link(s) checked, 1 broken" in result.stderr

    github = run_check(project, "--format", "github")
    assert github.stdout.startswith(f"::error file=content/topics/practise-interviews.yml,line={line},col=5,title=dead-link::")


def test_working_links_pass(project_copy, server):
    project = one_topic_project(project_copy)
    topic = project / "content" / "topics" / "practise-interviews.yml"
    topic.write_text(topic.read_text(encoding="utf-8").replace(
        "\nrelated:", f"\nsources:\n  - {server}/ok\nrelated:", 1), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 0, result.stdout
    assert "1 external link(s) checked, 0 broken" in result.stderr
