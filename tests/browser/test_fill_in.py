"""Fill-in templates (issue 12, point 3): the [placeholders] of each template are fields;
a value typed once fills every template using it, on this page, on others (instant
navigation, reload, another tab), stays text whatever it holds, copies and opens in an
email app filled in, survives blocked or full storage for the visit, passes axe and works
by keyboard, and nothing is sent anywhere."""
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

from readerkit import BLOCK_STORAGE, FULL_STORAGE, GUIDE, requests_visiting, TOPIC, open_topic, reload_topic, watch_errors

FILL_READY = "article .bb-template[data-fill-ready] .bb-fill__fields"
OTHER = "accept-gracefully"  # a topic ask-for-feedback links to, whose templates use [contact's name] too
KEY = "bounceback:/:field:"
HOSTILE = "<img src=x onerror=alert(1)> &amp; 🎉 Zoë"


def open_fill_in(page, site, topic: str = TOPIC) -> None:
    open_topic(page, site, topic)
    page.wait_for_selector(FILL_READY)


def template(page, template_id: str):
    return page.locator(f"article #template-{template_id}")


def body(page, template_id: str) -> str:
    return template(page, template_id).locator(".bb-template__body").evaluate("el => el.textContent")


def field(page, template_id: str, label: str):
    return template(page, template_id).get_by_label(label, exact=True)


def yaml_body(topic: str, template_id: str) -> str:
    return next(t.body for t in GUIDE.topics[topic].templates if t.id == template_id).rstrip()


def mail_parts(href: str) -> tuple[str, str]:
    """(subject, body) of a mailto: URL, decoded with Python's own URL functions."""
    url = urlsplit(href)
    assert url.scheme == "mailto" and url.path == ""
    pairs = dict(part.split("=", 1) for part in url.query.split("&"))
    assert set(pairs) == {"subject", "body"}
    return unquote(pairs["subject"], errors="strict"), unquote(pairs["body"], errors="strict")


def navigate_instantly(page, topic: str) -> None:
    """Follow a link in the article to `topic` and check Material swapped the page in place."""
    page.evaluate("window.__same_page = true")
    page.locator(f"article a[href$='{topic}/']").first.click()
    page.wait_for_url(f"**/topics/{topic}/")
    page.wait_for_selector(FILL_READY)
    assert page.evaluate("window.__same_page === true"), "the page was reloaded, not swapped in"


def test_without_javascript_the_templates_read_as_written(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    for t in GUIDE.topics[TOPIC].templates:
        assert body(page, t.id) == yaml_body(TOPIC, t.id)
    assert page.locator("article fieldset, article input[type=text]").count() == 0
    context.close()


def test_a_value_fills_every_template_that_uses_it(page, any_site):
    errors = watch_errors(page)
    open_fill_in(page, any_site)
    labels = page.locator("article #template-feedback-request .bb-fill__field").all_inner_texts()
    assert labels == ["role title", "contact's name", "specific question, e.g. was there an area where my experience fell short",
                      "your name"]  # in order of first use, labelled as written
    field(page, "feedback-request", "contact's name").fill("Ana")
    assert "Dear Ana," in body(page, "feedback-request")
    assert "Dear Ana," in body(page, "feedback-follow-up")  # the other template on this page
    assert field(page, "feedback-follow-up", "contact's name").input_value() == "Ana"
    assert "[your name]" in body(page, "feedback-follow-up")  # an unfilled placeholder stays
    field(page, "feedback-request", "contact's name").fill("")
    assert body(page, "feedback-follow-up") == yaml_body(TOPIC, "feedback-follow-up")  # empty: the placeholder again
    field(page, "feedback-request", "contact's name").fill("Ana")
    reload_topic(page)
    page.wait_for_selector(FILL_READY)
    assert "Dear Ana," in body(page, "feedback-follow-up")
    assert page.evaluate("key => localStorage.getItem(key)", KEY + "contact's name") == "Ana"
    assert errors == []


def test_values_follow_the_reader_to_other_pages_and_tabs(context, site):
    first = context.new_page()
    errors = watch_errors(first)
    first.goto(site.url)  # the home page loads no fill-in script: instant navigation brings it
    first.wait_for_load_state("networkidle")
    navigate_instantly(first, TOPIC)
    mail_links = first.locator("article .bb-template[data-mail] .bb-copy > a.bb-fill__mail")  # beside Copy
    assert mail_links.count() == first.locator("article .bb-template[data-mail]").count() == 2
    field(first, "feedback-request", "contact's name").fill("Ana")
    field(first, "feedback-request", "your name").press_sequentially("Sam", delay=10)
    navigate_instantly(first, OTHER)
    assert body(first, "reply-thanks-feedback").startswith("Subject: Re: [role title]\n\nDear Ana,")
    assert body(first, "reply-thanks-feedback").endswith("Kind regards,\nSam")
    assert field(first, "reply-thanks-feedback", "contact's name").input_value() == "Ana"
    other_tab = context.new_page()
    open_fill_in(other_tab, site, OTHER)
    field(other_tab, "future-roles", "contact's name").fill("Bea")  # a storage event tells the first tab
    # expect() polls from Playwright's own script (wait_for_function's eval is refused by the CSP).
    expect(first.locator("#template-reply-thanks-feedback code")).to_contain_text("Dear Bea,")
    assert field(first, "future-roles", "contact's name").input_value() == "Bea"
    assert errors == []


def test_copy_gives_the_filled_text(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").fill("Ana")
    field(page, "feedback-request", "role title").fill("Data analyst")
    box = template(page, "feedback-request")
    box.locator("button", has_text="Copy").click()
    box.locator("[role=status]", has_text="Copied").wait_for()
    expected = yaml_body(TOPIC, "feedback-request").replace("[contact's name]", "Ana").replace("[role title]", "Data analyst")
    assert page.evaluate("navigator.clipboard.readText()") == expected
    context.close()


def test_open_in_email_app_has_the_exact_subject_and_body(page, site):
    open_fill_in(page, site)
    assert page.locator("article #template-feedback-request .bb-fill__mail").count() == 1
    field(page, "feedback-request", "contact's name").fill("Ana & Bo")
    field(page, "feedback-request", "role title").fill("R&D analyst?=#%")
    link = template(page, "feedback-request").get_by_role("link", name="Open in email app")
    href = link.get_attribute("href")
    assert "%0D%0A" in href and " " not in href and "\n" not in href
    expected = yaml_body(TOPIC, "feedback-request").replace("[contact's name]", "Ana & Bo").replace("[role title]", "R&D analyst?=#%")
    first, rest = expected.split("\n", 1)
    assert mail_parts(href) == (first.removeprefix("Subject: "), rest.lstrip("\n").replace("\n", "\r\n"))
    # Only a body starting with its Subject: line offers it (ask-better-questions' list has none).
    open_fill_in(page, site, "first-two-days")
    assert page.locator("article .bb-fill__mail").count() == 0


def test_hostile_values_stay_text(page, site):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors = watch_errors(page)
    page.goto(site.url)
    page.evaluate(f"""() => {{
        localStorage.setItem('{KEY}role title', 'line one\\nline two');
        localStorage.setItem('{KEY}your name', 'half \\ud83d emoji');
    }}""")
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").fill(HOSTILE)
    text = body(page, "feedback-request")
    assert f"Dear {HOSTILE}," in text and "Subject: Re: line one\nline two\n" in text
    assert page.locator("article img").count() == 0 and dialogs == []
    subject, mail_body = mail_parts(template(page, "feedback-request").locator(".bb-fill__mail").get_attribute("href"))
    assert subject == "Re: line one line two"  # a subject is one line
    assert mail_body.startswith(f"Dear {HOSTILE},\r\n\r\n") and mail_body.endswith("Kind regards,\r\nhalf \ufffd emoji")
    assert errors == []


@pytest.mark.parametrize("storage", [BLOCK_STORAGE, FULL_STORAGE], ids=["blocked", "full"])
def test_without_storage_values_last_for_the_visit_and_it_says_so(context, site, storage):
    context.add_init_script(storage)
    page = context.new_page()
    errors = watch_errors(page)
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").fill("Ana")
    assert "Dear Ana," in body(page, "feedback-follow-up")
    status = template(page, "feedback-request").locator(".bb-fill__status[role=status]")
    assert "can't keep what you type" in status.inner_text()
    navigate_instantly(page, OTHER)
    assert "Dear Ana," in body(page, "reply-thanks-feedback")
    assert "can't keep what you type" in template(page, "reply-thanks-feedback").locator("[role=status]").first.inner_text()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_reports_no_violations_with_templates_filled(browser, site, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").fill("Ana")
    field(page, "feedback-follow-up", "date of your note").fill("3 March")
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_fields_work_by_keyboard(browser, site):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").focus()
    page.keyboard.type("Ana")
    focused = "document.activeElement.getAttribute('data-fill')"
    names = []
    for _ in range(2):
        page.keyboard.press("Tab")
        names.append(page.evaluate(focused))
    assert names == ["specific question, e.g. was there an area where my experience fell short", "your name"]
    page.keyboard.type("Sam")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # Copy
    template(page, "feedback-request").locator("[role=status]", has_text="Copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: Re: [role title]\n\nDear Ana,") and copied.endswith("\nSam")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").startswith("Open in email app")
    assert page.evaluate("document.activeElement.href").startswith("mailto:?subject=")
    context.close()


def test_no_request_leaves_the_site(page, site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_fill_in(page, site)
    field(page, "feedback-request", "contact's name").fill("Ana")
    template(page, "feedback-request").locator("button", has_text="Copy").click()
    navigate_instantly(page, OTHER)
    field(page, "reply-thanks-feedback", "company").fill("Acme")
    page.reload()
    page.wait_for_selector(FILL_READY)
    assert any(urlsplit(url).path.endswith("/assets/fillin.js") for url in requested)
    assert [url for url in requested if not url.startswith(site.url)] == []


def test_pages_without_templates_load_nothing_of_it(page, site):
    requested = requests_visiting(page, site, ("", "plan/", "workbook/", "topics/dont-dwell/"))
    assert requested and not [url for url in requested if "fillin" in url]
