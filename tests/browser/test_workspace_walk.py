"""A reader's whole workspace in one visit, by visible labels and buttons: a tick, a note, a
template field, a reminder, an application with its reminder and CSV, one file out and back
in, then everything deleted. Every request stays on the site: the files are made in the
browser (blob: addresses), and nothing of the reader's is sent anywhere."""
from __future__ import annotations

import json

from playwright.sync_api import expect

from readerkit import GUIDE, TOPIC, watch_errors

ITEM = GUIDE.topics[TOPIC].checklist[0]
QUESTION = GUIDE.topics[TOPIC].reflection[0]


def downloaded(page, click) -> bytes:
    with page.expect_download() as download:
        click()
    return download.value.path().read_bytes()


def test_everything_a_reader_keeps_stays_on_this_device(page, site, tmp_path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors = watch_errors(page)
    page.set_viewport_size({"width": 1400, "height": 900})  # the menu beside the page, as on a laptop
    article = page.locator("article")

    page.goto(f"{site.url}topics/{TOPIC}/")
    article.get_by_label(ITEM.text).check()
    article.get_by_label(QUESTION.text).fill("I rushed the second answer.")
    expect(article.get_by_text("Saved", exact=True)).to_be_visible()
    article.get_by_label("contact's name").first.fill("Ana")
    reminder = downloaded(page, lambda: article.get_by_role("button", name="Add to calendar").first.click())
    assert reminder.startswith(b"BEGIN:VCALENDAR\r\n")

    page.get_by_role("link", name="My applications", exact=True).locator("visible=true").first.click()  # instant navigation
    article.get_by_label("Company", exact=True).fill("Acme")
    article.get_by_label("Follow-up date", exact=True).fill("2026-12-08")
    article.get_by_role("button", name="Add application").click()
    expect(article.get_by_role("status").filter(has_text="Application added")).to_be_visible()
    follow_up = downloaded(page, lambda: article.get_by_role("button", name="Add to calendar application to Acme").click())
    assert b"DTSTART;VALUE=DATE:20261208\r\n" in follow_up
    assert "Acme" in downloaded(page, lambda: article.get_by_role("button", name="Export as CSV").click()).decode("utf-8-sig")

    page.goto(f"{site.url}plan/")
    saved = downloaded(page, lambda: article.get_by_role("button", name="Export everything").click())
    data = json.loads(saved)
    assert data["ticks"] == {TOPIC: [ITEM.id]} and data["notes"][TOPIC][QUESTION.id] == "I rushed the second answer."
    assert data["fields"] == {"contact's name": "Ana"} and [a["company"] for a in data["applications"]] == ["Acme"]
    expect(article.get_by_text("Last exported:")).to_be_visible()
    (tmp_path / "everything.json").write_bytes(saved)
    article.get_by_label("Import from a file:").set_input_files(str(tmp_path / "everything.json"))
    expect(article.get_by_role("status").filter(has_text="1 tick was already here.")).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    article.get_by_role("button", name="Delete everything on this device").click()
    expect(article.get_by_role("status").filter(has_text="Everything this guide kept")).to_be_visible()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('bounceback:'))") == []

    assert len(requested) > 10
    assert [url for url in requested if not url.startswith((site.url, "blob:" + site.url.rstrip("/"), "data:"))] == []
    assert errors == []
