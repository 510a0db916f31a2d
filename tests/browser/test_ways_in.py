"""A reader on a phone finds their way in by the words on the home page, and help from any
page by the line at its foot, with or without JavaScript."""
import pytest
from playwright.sync_api import expect

from readerkit import GUIDE

PHONE = {"width": 390, "height": 844}
HELP_TEXT, HELP_TOPIC = GUIDE.help


def test_every_way_in_is_a_large_tap_target_on_a_phone(browser, site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site.url)
    links = page.locator("a.bb-start__link")
    assert links.count() == len(GUIDE.start) >= 9
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 300, (index, box)  # a thumb, not a fingertip
    heading = page.get_by_role("heading", name="Where are you today?").bounding_box()
    assert heading["y"] < PHONE["height"], "the ways in start on the first screen"
    context.close()


@pytest.mark.parametrize("when,topic", list(GUIDE.start), ids=[t for _, t in GUIDE.start])
def test_each_way_in_opens_its_topic(page, site, when, topic):
    page.goto(site.url)
    page.get_by_role("link", name=when).click()
    page.wait_for_url(f"**/topics/{topic}/")
    expect(page.locator("article h1")).to_have_text(GUIDE.topics[topic].title)  # instant navigation swaps it in


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_help_is_at_the_foot_of_every_page(browser, site, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    for path in ["", "topics/ask-for-feedback/", "plan/", "workbook/", "keep-going/"]:
        page.goto(site.url + path)
        help_link = page.get_by_role("complementary", name="Help").get_by_role("link", name=HELP_TEXT)
        help_link.scroll_into_view_if_needed()
        assert help_link.is_visible(), path
    help_link.click()
    page.wait_for_url(f"**/topics/{HELP_TOPIC}/")
    for line in ["988", "116 123", "emergency number"]:
        expect(page.locator("article")).to_contain_text(line)
    context.close()
