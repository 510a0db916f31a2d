"""Small helpers for driving the guide as a reader would, in real Chromium."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader

from bounceback.content import read_guide
from sitekit import ROOT

TOPIC = "ask-for-feedback"
GUIDE, _ = read_guide(ROOT / "content")
ITEMS = [i.id for i in GUIDE.topics[TOPIC].checklist]
CHECKLIST_READY = "article .bb-checklist[data-bb-ready]"
# Init scripts for a page whose storage is turned off (reading it throws, as with cookies
# blocked) or full (every write throws, as when the quota is used up).
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""
FULL_STORAGE = "Storage.prototype.setItem = function () { throw new DOMException('quota', 'QuotaExceededError'); };"


def open_topic(page, site, topic: str = TOPIC) -> None:
    """Go to a topic page and wait until the script has set up its checklist."""
    page.goto(f"{site.url}topics/{topic}/")
    page.wait_for_selector(CHECKLIST_READY)


def reload_topic(page) -> None:
    """Reload the page and wait until the script has set up its checklist again."""
    page.reload()
    page.wait_for_selector(CHECKLIST_READY)


def tick(page, topic: str, item: str) -> None:
    box = page.locator(f"article input[data-topic='{topic}'][data-item='{item}']")
    box.check(force=True)  # Material styles checkboxes over the real, transparent input


def ticked(page, topic: str = TOPIC) -> list[str]:
    return page.eval_on_selector_all(
        f"article input.bb-item__box[data-topic='{topic}']",
        "els => els.filter(e => e.checked).map(e => e.dataset.item)",
    )


def search(page, query: str) -> None:
    """Type a query into the site's search as a reader would, by its label "Search": Material
    has a search field in its header, Zensical a "Search" button opening a search dialog."""
    button = page.get_by_role("button", name="Search")
    if button.count():
        button.click()
        field = page.get_by_role("combobox", name="Search")
    else:
        field = page.get_by_role("textbox", name="Search")
        field.click()
    field.press_sequentially(query, delay=20)


def search_result(page, topic: str):
    """The first search result that links to a topic, in either engine's search results."""
    return page.locator(f".md-search-result__link[href*='topics/{topic}/'], "
                        f"[role=option][href*='topics/{topic}/']").first


def watch_errors(page) -> list[str]:
    """Collect console errors and uncaught exceptions: a page that must never throw."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def pdf_text(pdf: bytes) -> str:
    """The text of a printed page, whitespace folded so wrapped lines still match."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def export_everything(page, site, folder):
    """My plan's "Export everything", saved as folder/everything.json; returns its path."""
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-tools][data-bb-ready]")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export everything").click()
    path = folder / "everything.json"
    download.value.save_as(path)
    return path


def requests_visiting(page, site, paths) -> list[str]:
    """Every address the browser asks for while a reader opens each of `paths` in turn."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in paths:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    return requested
