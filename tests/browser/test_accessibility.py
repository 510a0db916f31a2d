"""axe-core finds no WCAG violation, of any impact, on the main pages in light and dark schemes
(home and a topic as Zensical builds them too); templates copy by keyboard and say so."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from readerkit import TOPIC

PAGES = {"home": "", "topic": f"topics/{TOPIC}/", "plan": "plan/", "applications": "applications/", "workbook": "workbook/",
         "offline page": "offline/", "about": "about/"}
AXE = Axe()


def assert_no_violations(browser, site, path: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site.url + path)
    page.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_reports_no_violations(browser, site, name, scheme):
    assert_no_violations(browser, site, PAGES[name], scheme)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["home", "topic"])
def test_axe_reports_no_violations_on_the_second_engine(browser, zensical_site, name, scheme):
    assert_no_violations(browser, zensical_site, PAGES[name], scheme)


def test_copy_button_works_by_keyboard_and_says_so(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    template = page.locator("article .bb-template").first
    button = template.locator("button", has_text="Copy")
    button.focus()
    page.keyboard.press("Enter")
    template.locator("[role=status]", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == template.locator(".bb-template__body").inner_text().strip()
    assert copied.startswith("Subject:")
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violations_with_notes_written(browser, site, scheme):
    """A topic page with a note typed and announced, then My plan and the workbook showing it."""
    from test_notes import write_note

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    page.wait_for_selector("article .bb-reflection[data-bb-ready]")
    write_note(page, "What I would say now: the short version first.")
    for path in (None, "plan/", "workbook/"):
        if path:
            page.goto(site.url + path)
            page.wait_for_load_state("networkidle")
        results = AXE.run(page)
        assert results.violations_count == 0, results.generate_report()
    assert page.locator("article .bb-answer__copy:visible").count() == 1
    context.close()
