"""Ticks are kept by the browser: across reloads, instant navigation and tabs, with progress shown."""
from playwright.sync_api import expect

from readerkit import GUIDE, ITEMS, TOPIC, open_topic, reload_topic, tick, ticked, watch_errors



def test_tick_reload_still_ticked(page, any_site):
    errors = watch_errors(page)
    open_topic(page, any_site)
    assert ticked(page) == []
    tick(page, TOPIC, ITEMS[1])
    reload_topic(page)
    assert ticked(page) == [ITEMS[1]]
    assert errors == []


def test_progress_text_is_announced(page, site):
    open_topic(page, site)
    progress = page.locator("article .bb-checklist .bb-progress[role=status]")
    assert progress.get_attribute("aria-live") == "polite"
    assert progress.inner_text() == f"0 of {len(ITEMS)} done"
    tick(page, TOPIC, ITEMS[0])
    tick(page, TOPIC, ITEMS[2])
    assert progress.inner_text() == f"2 of {len(ITEMS)} done"


def test_instant_navigation_away_and_back(page, site):
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[3])
    page.evaluate("window.__sameDocument = true")
    related = next(r for r in GUIDE.topics[TOPIC].related if TOPIC in GUIDE.topics[r].related)  # a way there and back
    page.locator(f"article .bb-related a[href*='{related}']").click()
    page.wait_for_url(f"**/topics/{related}/")
    page.wait_for_selector(f"article .bb-checklist[data-topic='{related}'][data-bb-ready]")
    page.locator(f"article .bb-related a[href*='/{TOPIC}/']").first.click()
    page.wait_for_url(f"**/topics/{TOPIC}/")
    page.wait_for_selector(f"article .bb-checklist[data-topic='{TOPIC}'][data-bb-ready]")
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page: instant navigation is off"
    assert ticked(page) == [ITEMS[3]]


def test_other_tab_changes_show_up(context, site):
    first, second = context.new_page(), context.new_page()
    open_topic(first, site)
    open_topic(second, site)
    tick(second, TOPIC, ITEMS[0])
    # expect() polls from Playwright's own script: wait_for_function would eval a string in the
    # page, which the site's Content-Security-Policy refuses whenever it has to poll.
    expect(first.locator(f"article input[data-item='{ITEMS[0]}']")).to_be_checked()


def test_keyboard_ticks_a_box(page, site):
    open_topic(page, site)
    page.locator(f"article input[data-item='{ITEMS[0]}']").focus()
    page.keyboard.press("Space")
    assert ticked(page) == [ITEMS[0]]
    outline = page.evaluate(
        "getComputedStyle(document.activeElement.closest('label') || document.activeElement).outlineStyle"
        " + '|' + getComputedStyle(document.activeElement).outlineStyle"
    )
    assert "solid" in outline or "auto" in outline, f"no visible focus: {outline}"


def test_reset_topic_and_reset_all(page, site):
    open_topic(page, site)
    tick(page, TOPIC, ITEMS[0])
    tick(page, TOPIC, ITEMS[1])
    page.once("dialog", lambda d: d.dismiss())
    page.locator("article .bb-checklist button", has_text="Reset").click()
    assert len(ticked(page)) == 2, "dismissing the confirmation must keep the ticks"
    page.once("dialog", lambda d: d.accept())
    page.locator("article .bb-checklist button", has_text="Reset").click()
    assert ticked(page) == []

    tick(page, TOPIC, ITEMS[0])
    other = GUIDE.topics[TOPIC].related[0]
    open_topic(page, site, other)
    tick(page, other, GUIDE.topics[other].checklist[0].id)
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-today]:not([hidden])")
    assert "2 of" in page.locator("[data-bb-today]").inner_text()
    page.once("dialog", lambda d: d.accept())
    page.locator("button", has_text="Delete everything on this device").click()
    assert "0 of" in page.locator("[data-bb-today]").inner_text()
    open_topic(page, site)
    assert ticked(page) == []


def test_plan_shows_progress_and_one_thing_today(page, site):
    first_topic = next(iter(GUIDE.topics.values()))
    open_topic(page, site, first_topic.id)
    tick(page, first_topic.id, first_topic.checklist[0].id)
    page.goto(f"{site.url}plan/")
    today = page.locator("[data-bb-today]")
    today.wait_for()
    assert first_topic.checklist[1].text in today.inner_text()
    row = page.locator(f".bb-plan__topic[data-topic='{first_topic.id}']")
    assert f"1 of {len(first_topic.checklist)} done" in row.inner_text()
    assert page.locator(".bb-private").inner_text().startswith("Your ticks and notes are saved in this browser only")
    assert page.locator(".md-nav__link", has_text="My plan").count() >= 1
