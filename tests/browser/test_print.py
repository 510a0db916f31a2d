"""Printing: the content only, every item with a visible box, blank or with ticks, A4 and Letter."""
import pytest

from readerkit import CHECKLIST_READY, GUIDE, TOPIC, folded, open_topic, pdf_text, tick
NAV_ONLY = ["Topics by tag", "About this guide", "Reset this checklist", "Print this page", "Search"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_topic_prints_every_item_and_no_navigation(page, site, paper):
    open_topic(page, site)
    text = pdf_text(page.pdf(format=paper, print_background=True))
    for item in GUIDE.topics[TOPIC].checklist:
        assert folded(item.text) in text
    for question in GUIDE.topics[TOPIC].reflection:
        assert folded(question.text) in text
    for chrome in NAV_ONLY:
        assert chrome not in text, f"{chrome!r} printed"


def test_print_with_ticks_or_blank(page, site):
    items = GUIDE.topics[TOPIC].checklist
    open_topic(page, site)
    tick(page, TOPIC, items[0].id)
    tick(page, TOPIC, items[1].id)
    page.locator("article .bb-print input[value=ticks]").check()
    assert pdf_text(page.pdf(format="A4")).count("✓") == 2
    page.locator("article .bb-print input[value=blank]").check()
    assert pdf_text(page.pdf(format="A4")).count("✓") == 0
    page.emulate_media(media="print")
    box = page.evaluate(
        "getComputedStyle(document.querySelector('article .bb-item__text'), '::before').borderTopStyle"
    )
    assert box == "solid", "boxes must print as visible squares"
    assert page.evaluate("getComputedStyle(document.querySelector('article .bb-item')).breakInside") == "avoid"


def test_print_button_opens_the_print_dialog(page, site):
    open_topic(page, site)
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed++; }; 0")
    page.locator("article .bb-print button", has_text="Print").click()
    assert page.evaluate("window.__printed") == 1


def test_workbook_prints_every_checklist_and_question(page, site):
    page.goto(f"{site.url}workbook/")
    page.wait_for_selector(CHECKLIST_READY)
    text = pdf_text(page.pdf(format="Letter"))
    for topic in GUIDE.topics.values():
        for item in topic.checklist:
            assert folded(item.text) in text, item.text
        for question in topic.reflection:
            assert folded(question.text) in text, question
    assert "Topics by tag" not in text
    assert page.locator("article .bb-write").count() == sum(len(t.reflection) for t in GUIDE.topics.values())


def test_without_javascript_checklists_read_and_print_empty(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    items = GUIDE.topics[TOPIC].checklist
    assert page.locator("article input.bb-item__box").count() == len(items)
    assert page.locator("article .bb-item__text").first.is_visible()
    text = pdf_text(page.pdf(format="A4"))
    assert all(folded(i.text) in text for i in items)
    assert "✓" not in text
    context.close()
