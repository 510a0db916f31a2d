"""Reminders (issue 12, point 4): a checklist item with remind_after_days gets "Add to
calendar", which downloads an .ics file made in the browser. Each file is read back with the
icalendar library and checked as raw text (RFC 5545: CRLF, lines of at most 75 octets
folded between whole characters, one VEVENT with UID, DTSTAMP in UTC, an all-day DTSTART on
today + N days in the reader's own time zone, SUMMARY the item's text, DESCRIPTION and URL
the topic's address). Hostile text round-trips exactly; pages without a reminder load no
calendar code; both engines carry the button; axe finds nothing, light and dark; it works
by keyboard, after instant navigation, without sending anything anywhere."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bounceback.text import plain
from icskit import UTC, check_file, check_raw
from readerkit import GUIDE, TOPIC, watch_errors
from sitekit import served_build

REMINDERS = [(t.id, i) for t in GUIDE.topics.values() for i in t.checklist if i.remind_after_days]
PLAIN = next(t for t in GUIDE.topics.values() if not any(i.remind_after_days for i in t.checklist)).id
FOLLOW_UP = next(i for i in GUIDE.topics[TOPIC].checklist if i.remind_after_days)  # ask-for-feedback's
AXE = Axe()
# Within the 80 characters of an item and the 60 of a title: every TEXT escape (comma,
# semicolon, backslash), two- three- and four-byte characters, and long enough to be folded.
HOSTILE_ITEM = "Send it, then wait; check C:\\Temp\\notes, Zoë’s café, 日本語, 💬 “quotes”"
HOSTILE_TITLE = "Wait; then check, Zoë — a\\b, “café” 💬 日本"


def local_day(instant: dt.datetime, zone: str, days: int) -> dt.date:
    """The reader's today in `zone` at `instant`, plus `days`, by Python's own calendar."""
    return instant.astimezone(ZoneInfo(zone)).date() + dt.timedelta(days=days)


def reader(browser, zone: str, instant: dt.datetime, **options):
    """A page in `zone` whose clock stands at `instant`, collecting every request it makes."""
    context = browser.new_context(timezone_id=zone, accept_downloads=True, **options)
    page = context.new_page()
    page.clock.set_fixed_time(instant)
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def button_name(item) -> str:
    unit = "day" if item.remind_after_days == 1 else "days"
    return f"Add to calendar (a reminder in {item.remind_after_days} {unit}: {plain(item.text)})"


def open_reminder(page, site, topic: str):
    """A topic page with one reminder item, and its button, found by its visible label."""
    page.goto(f"{site.url}topics/{topic}/")
    button = page.get_by_role("button", name="Add to calendar")
    expect(button).to_have_count(1)
    expect(button).to_be_visible()
    return button


def download(page, press, folder: Path | None = None) -> tuple[str, bytes]:
    """(file name, bytes) of the file `press()` makes the page download; saved into
    `folder` under its own name too, as a reader's browser would."""
    with page.expect_download() as info:
        press()
    saved = info.value
    assert saved.failure() is None
    raw = Path(saved.path()).read_bytes()
    if folder is not None:
        saved.save_as(folder / saved.suggested_filename)
        assert (folder / saved.suggested_filename).read_bytes() == raw
    return saved.suggested_filename, raw


def test_every_reminder_item_downloads_its_own_file(browser, site):
    """All the guide's reminders, in Auckland on New Year's Eve in UTC (already New Year's
    Day there, so a date counted in UTC would be a day short)."""
    instant = dt.datetime(2026, 12, 31, 20, 0, tzinfo=UTC)
    page = reader(browser, "Pacific/Auckland", instant)
    errors = watch_errors(page)
    uids = set()
    assert 3 <= len(REMINDERS) <= 8
    for topic, item in REMINDERS:
        page.goto(f"{site.url}topics/{topic}/")
        button = page.get_by_role("button", name=button_name(item), exact=True)
        expect(button).to_have_text(re.compile(r"^Add to calendar"))
        assert page.get_by_role("button", name="Add to calendar").count() == 1  # one per reminder item
        day = local_day(instant, "Pacific/Auckland", item.remind_after_days)
        name, raw = download(page, button.click)
        url = f"{site.url}topics/{topic}/"
        event = check_file(name, raw, day, plain(item.text), url, instant)
        title = GUIDE.topics[topic].title
        assert str(event["DESCRIPTION"]) == f"A reminder you set on the guide page “{plain(title)}”:\n{url}"
        uids.add(str(event["UID"]))
        status = page.locator("article .bb-remind [role=status]")
        expect(status).to_have_text(f"Reminder for {day.day} {day:%B} {day.year}: open the file you just "
                                    "downloaded to add it to your calendar.")
        assert status.get_attribute("aria-live") == "polite"
    assert len(uids) == len(REMINDERS)
    assert [u for u in page.requests if not u.startswith((site.url, f"blob:{site.url}"))] == []
    assert errors == []
    page.context.close()


@pytest.mark.parametrize("zone,local,days,expected", [
    ("America/Los_Angeles", (2026, 12, 28, 10, 0), 7, (2027, 1, 4)),  # across the year's end
    ("Pacific/Auckland", (2028, 2, 25, 8, 0), 7, (2028, 3, 3)),  # a leap February
    ("America/Los_Angeles", (2027, 3, 13, 23, 30), 7, (2027, 3, 20)),  # clocks go forward: 7 x 24 h is the 21st
    ("America/Los_Angeles", (2026, 10, 31, 0, 30), 7, (2026, 11, 7)),  # clocks go back: 7 x 24 h is the 6th
    ("America/Santiago", (2026, 8, 30, 12, 0), 7, (2026, 9, 6)),  # to a day whose midnight does not exist
    ("Pacific/Auckland", (2026, 12, 28, 10, 0), 42, (2027, 2, 8)),  # six weeks
    ("Europe/London", (2027, 1, 30, 18, 0), 30, (2027, 3, 1)),  # a month, across a short February
], ids=["year-end", "leap-year", "spring-forward", "fall-back", "no-midnight", "six-weeks", "a-month"])
def test_the_day_is_today_plus_n_in_the_readers_calendar(browser, site, zone, local, days, expected):
    instant = dt.datetime(*local, tzinfo=ZoneInfo(zone))
    assert local_day(instant, zone, days) == dt.date(*expected)  # the expectation, by Python's calendar
    topic, item = next((t, i) for t, i in REMINDERS if i.remind_after_days == days)
    page = reader(browser, zone, instant)
    button = open_reminder(page, site, topic)
    name, raw = download(page, button.click)
    check_file(name, raw, dt.date(*expected), plain(item.text), f"{site.url}topics/{topic}/", instant)
    page.context.close()


@pytest.fixture(scope="module")
def hostile_site(project_copy, tmp_path_factory):
    """The real site built from content whose reminder item and topic title hold every
    character TEXT must escape, non-ASCII of every width and enough to fold."""
    project = project_copy()
    path = project / "content" / "topics" / f"{TOPIC}.yml"
    source = path.read_text(encoding="utf-8")
    edited = source.replace(f"    text: {FOLLOW_UP.text}\n", f"    text: '{HOSTILE_ITEM}'\n", 1)
    edited = edited.replace(f"\ntitle: {GUIDE.topics[TOPIC].title}\n", f"\ntitle: '{HOSTILE_TITLE}'\n", 1)
    assert edited.count(HOSTILE_ITEM) == edited.count(HOSTILE_TITLE) == 1
    path.write_text(edited, encoding="utf-8")
    with served_build(project, tmp_path_factory.mktemp("hostile-reminder")) as server:
        yield server


def test_hostile_text_round_trips_exactly(browser, hostile_site):
    instant = dt.datetime(2026, 12, 28, 10, 0, tzinfo=UTC)
    page = reader(browser, "Europe/London", instant)
    errors = watch_errors(page)
    page.goto(f"{hostile_site.url}topics/{TOPIC}/")
    button = page.get_by_role("button", name=f"Add to calendar (a reminder in 7 days: {plain(HOSTILE_ITEM)})", exact=True)
    name, raw = download(page, button.click)
    url = f"{hostile_site.url}topics/{TOPIC}/"
    assert plain(HOSTILE_ITEM) == HOSTILE_ITEM and plain(HOSTILE_TITLE) == HOSTILE_TITLE  # shown as written
    event = check_file(name, raw, dt.date(2027, 1, 4), HOSTILE_ITEM, url, instant)
    assert page.locator("article li[data-remind] .bb-item__text").evaluate("el => el.textContent") == plain(HOSTILE_ITEM)
    assert str(event["DESCRIPTION"]) == f"A reminder you set on the guide page “{plain(HOSTILE_TITLE)}”:\n{url}"
    text = raw.decode("utf-8")
    assert "SUMMARY:Send it\\, then wait\\; check C:\\\\Temp\\\\notes\\, Zo" in re.sub(r"\r\n ", "", text)
    assert re.search(r"\r\nSUMMARY:[^\r]*\r\n [^\r]", text), "the summary is long enough to be folded"
    assert errors == []
    page.context.close()


def test_any_text_is_folded_between_whole_characters(browser, site):
    """bb.calendar.file for summaries of every length with escapes and characters of every
    UTF-8 width at each place a fold can fall: each line at most 75 octets, whole
    characters, and icalendar reads back exactly the text given."""
    page = reader(browser, "Europe/London", dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    open_reminder(page, site, TOPIC)
    pieces = ["é", "日", "💬", "\\", ";", ",", "a\nb", "\u0301"]
    summaries = ["x" * n + "".join(pieces) * 3 for n in range(0, 80)] + ["".join(pieces) * 12, "", "é" * 200]
    files = page.evaluate("""summaries => summaries.map(summary => window.bb.calendar.file(
        {uid: "test", date: "2026-06-08", summary, description: summary, url: location.href}))""", summaries)
    for summary, ics in zip(summaries, files):
        assert not re.search("[\ud800-\udfff]", ics), "a character split in two by folding"
        raw = ics.encode("utf-8")
        check_raw(raw)
        [event] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert str(event["SUMMARY"]) == summary
        assert str(event["DESCRIPTION"]) == (f"{summary}\n{page.url}" if summary else page.url)
    assert page.evaluate("window.bb.calendar.file({date: '2026-02-30', summary: 'x'})") == ""
    assert page.evaluate("window.bb.calendar.add({date: 'soon', summary: 'x'})") is False
    page.context.close()


def test_a_page_without_reminders_loads_no_calendar_code(browser, site):
    page = reader(browser, "Europe/London", dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    page.goto(f"{site.url}topics/{PLAIN}/")
    page.wait_for_selector("article .bb-checklist[data-bb-ready]")
    page.wait_for_load_state("networkidle")
    assert page.locator("script[src*='calendar'], link[href*='calendar']").count() == 0
    assert [u for u in page.requests if "calendar" in u] == []
    assert page.get_by_role("button", name="Add to calendar").count() == 0
    assert page.evaluate("window.bb.calendar === undefined")
    page.goto(f"{site.url}topics/{TOPIC}/")  # and the page with one does load it
    expect(page.get_by_role("button", name="Add to calendar")).to_have_count(1)
    assert any(urlsplit(u).path.endswith("/assets/calendar.js") for u in page.requests)
    page.context.close()


def test_both_engines_carry_the_button(browser, any_site):
    instant = dt.datetime(2026, 12, 28, 10, 0, tzinfo=UTC)
    page = reader(browser, "America/Los_Angeles", instant)
    page.goto(f"{any_site.url}topics/{TOPIC}/")
    button = page.get_by_role("button", name=button_name(FOLLOW_UP), exact=True)
    name, raw = download(page, button.click)
    check_file(name, raw, dt.date(2027, 1, 4), plain(FOLLOW_UP.text), f"{any_site.url}topics/{TOPIC}/", instant)
    page.context.close()


def test_tab_to_the_button_and_enter_downloads(browser, site, tmp_path):
    instant = dt.datetime(2026, 12, 28, 10, 0, tzinfo=UTC)
    page = reader(browser, "America/Los_Angeles", instant)
    open_reminder(page, site, TOPIC)
    page.locator(f"article input[data-item='{FOLLOW_UP.id}']").focus()  # the item's own box, just before it
    page.keyboard.press("Tab")
    button = page.get_by_role("button", name=button_name(FOLLOW_UP), exact=True)
    expect(button).to_be_focused()
    name, raw = download(page, lambda: page.keyboard.press("Enter"), tmp_path)
    check_file(name, raw, dt.date(2027, 1, 4), plain(FOLLOW_UP.text), f"{site.url}topics/{TOPIC}/")
    expect(page.locator("article .bb-remind [role=status]")).to_contain_text("4 January 2027")
    page.context.close()


def test_instant_navigation_brings_the_button(browser, site):
    """From a page without a reminder to one with a reminder through Material's instant
    navigation, which runs the page's kit: its button is there once, and downloads; back and
    forward again, still once."""
    instant = dt.datetime(2026, 12, 28, 10, 0, tzinfo=UTC)
    page = reader(browser, "America/Los_Angeles", instant)
    reminded = {t for t, _ in REMINDERS}
    start = next(t for t in GUIDE.topics.values() if t.id not in reminded and reminded & set(t.related))
    other, item = next((t, i) for t, i in REMINDERS if t in start.related)
    page.goto(f"{site.url}topics/{start.id}/")
    page.wait_for_selector("article .bb-checklist[data-bb-ready]")
    page.evaluate("window.__sameDocument = true")
    page.locator(f"article .bb-related a[href*='{other}']").click()
    page.wait_for_url(f"**/topics/{other}/")
    button = page.get_by_role("button", name=button_name(item), exact=True)
    expect(button).to_be_visible()
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in"
    page.go_back()
    page.wait_for_url(f"**/topics/{start.id}/")
    expect(page.locator("article .bb-remind")).to_have_count(0)
    page.go_forward()
    page.wait_for_url(f"**/topics/{other}/")
    expect(button).to_be_visible()
    assert page.get_by_role("button", name="Add to calendar").count() == 1
    name, raw = download(page, button.click)
    day = local_day(instant, "America/Los_Angeles", item.remind_after_days)
    check_file(name, raw, day, plain(item.text), f"{site.url}topics/{other}/")
    page.context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violations_with_a_reminder_added(browser, site, scheme):
    page = reader(browser, "Europe/London", dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC), color_scheme=scheme)
    button = open_reminder(page, site, TOPIC)
    download(page, button.click)
    expect(page.locator("article .bb-remind [role=status]")).not_to_be_empty()
    page.wait_for_load_state("networkidle")
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    page.context.close()


def test_without_javascript_or_on_paper_the_item_reads_as_written(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    item = page.locator(f"article li[data-remind='{FOLLOW_UP.remind_after_days}']")
    assert item.locator(".bb-item__text").inner_text() == plain(FOLLOW_UP.text)
    assert page.locator("article button").count() == 0
    context.close()
    page = reader(browser, "Europe/London", dt.datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    open_reminder(page, site, TOPIC)
    page.emulate_media(media="print")
    expect(page.locator("article .bb-remind")).to_be_hidden()
    page.context.close()
