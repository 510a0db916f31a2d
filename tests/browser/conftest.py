"""Every browser test fails when a page reports a Content-Security-Policy violation.

Each context a test opens (pytest-playwright's `context` and `page`, or its own
browser.new_context()) is watched: Chromium's "Refused to ..." console errors and the
page's securitypolicyviolation events, which an init script turns into console errors
too. A test that provokes a violation on purpose asks for `csp_violations` and clears it.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Browser

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (e) => console.error(
  "Content Security Policy violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline") +
  " in " + e.sourceFile + ":" + e.lineNumber));
"""


def is_violation(text: str) -> bool:
    return "Content Security Policy" in text or text.startswith("Refused to")


def watch(context, violations: list[str]):
    """Collect into `violations` what any page of the context reports."""
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", lambda m: violations.append(m.text) if is_violation(m.text) else None)
    return context


@pytest.fixture(autouse=True)
def csp_violations(monkeypatch):
    """The violations seen in this test; it fails if any is left at the end."""
    violations: list[str] = []
    new_context, new_page = Browser.new_context, Browser.new_page

    def watched_context(self, *args, **kwargs):
        return watch(new_context(self, *args, **kwargs), violations)

    def watched_page(self, *args, **kwargs):
        page = new_page(self, *args, **kwargs)
        watch(page.context, violations)
        return page

    monkeypatch.setattr(Browser, "new_context", watched_context)
    monkeypatch.setattr(Browser, "new_page", watched_page)
    yield violations
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)
