"""Content-Security-Policy: every page either engine builds carries one, the guide works under
it, nothing is requested from another host, and it bites."""
import base64
import hashlib
import re
from html.parser import HTMLParser

from readerkit import CHECKLIST_READY, TOPIC, search, search_result

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
PAGES = ["", f"topics/{TOPIC}/", "plan/", "applications/", "workbook/", "tags/", "about/", "404.html"]


class InlineScripts(HTMLParser):
    """The text of each inline JavaScript <script>, read by Python's own HTML parser."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._open = tag == "script" and "src" not in attrs and attrs.get("type", "") in ("", "text/javascript", "module")
        if self._open:
            self.scripts.append("")

    def handle_data(self, data):
        if self._open:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        self._open = False


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in policy.split(";") if d.strip())}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_every_page_has_the_policy_before_any_script(any_site):
    policies = set()
    for path in sorted(any_site.dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        meta = META.search(html)
        assert meta, f"{path} has no Content-Security-Policy"
        first = min((i for i in map(html.find, ("<script", "<link", "<style")) if i >= 0), default=len(html))
        assert meta.start() < first, f"{path}: the policy comes after a script or style"
        policy = directives(meta.group(1))
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        parser = InlineScripts()
        parser.feed(html)
        assert parser.scripts, f"{path}: no inline script found, so nothing was checked"
        for script in parser.scripts:
            assert sha256(script) in policy["script-src"], f"{path}: inline script not allowed:\n{script[:200]}"
        policies.add(meta.group(1))
    # Instant navigation keeps the first page's policy in force, so one policy must fit every page.
    assert len(policies) == 1, policies


def test_pages_search_and_instant_navigation_work_under_it(page, any_site):
    """No violation anywhere (the autouse watcher fails the test on one), and the scripts did run."""
    page.set_viewport_size({"width": 1400, "height": 900})
    for path in PAGES:
        page.goto(any_site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof __md_get === 'function' && typeof document$ === 'object'"), path
    page.goto(f"{any_site.url}no/such/page/")  # the server answers with 404.html, as GitHub Pages does
    assert "404" in page.locator("article").inner_text()

    page.goto(any_site.url)
    page.evaluate("window.__sameDocument = true")
    search(page, "feedback email")
    result = search_result(page, TOPIC)
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_selector(f"article .bb-checklist[data-topic='{TOPIC}'][data-bb-ready]")
    page.locator("nav.md-footer__inner a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation is off: the page reloaded"
    assert page.url != f"{any_site.url}topics/{TOPIC}/"


def test_no_page_carries_a_style_attribute_the_policy_refuses(any_site):
    """style-src has no 'unsafe-inline': a style="" attribute (a Markdown table's column
    alignment, say) would be refused, logged as an error and its style lost."""
    styled = [p.relative_to(any_site.dir).as_posix() for p in sorted(any_site.dir.rglob("*.html"))
              if re.search(r"<[^>]+\sstyle=", p.read_text(encoding="utf-8"))]
    assert styled == []


def test_no_request_leaves_the_site(page, any_site):
    """Every request a reader's visit makes (pages, search, fonts, icons) goes to the site's own host."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size({"width": 1400, "height": 900})
    for path in PAGES:
        page.goto(any_site.url + path)
        page.wait_for_load_state("networkidle")
    search(page, "feedback")
    search_result(page, TOPIC).wait_for(timeout=15000)
    assert len(requested) > len(PAGES)
    assert [url for url in requested if not url.startswith(any_site.url)] == []


def test_an_injected_inline_script_does_not_run(page, site, csp_violations):
    page.goto(f"{site.url}topics/{TOPIC}/")
    page.wait_for_selector(CHECKLIST_READY)
    ran = page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.appendChild(script);
        return window.__injected === true;
    }""")
    assert not ran
    page.wait_for_timeout(200)  # the report arrives as an event after the refusal
    assert any("script-src" in v for v in csp_violations), csp_violations
    csp_violations.clear()
