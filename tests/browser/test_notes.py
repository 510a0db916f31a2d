"""Notes: a text box under every reflection question, kept in this browser under the topic and
question ids (plan/STORE-CONTRACT.md), restored on every view, announced, printed by choice,
counted on My plan, and never lost or sent anywhere, whatever the storage does."""
import pytest
from playwright.sync_api import expect

from readerkit import BLOCK_STORAGE, FULL_STORAGE, GUIDE, TOPIC, open_topic, pdf_text, watch_errors
from sitekit import served_build

QUESTIONS = GUIDE.topics[TOPIC].reflection
NOTE = "I would ask which answer cost me the most.\nThen practise that one."
SAVED = "Saved"


def note_key(question: str, topic: str = TOPIC) -> str:
    return f"bounceback:/:note:{topic}:{question}"


def box(page, question=QUESTIONS[0]):
    """A question's text box, found as a reader finds it: by its label, the question."""
    return page.locator("article").get_by_role("textbox", name=question.text, exact=True)


def status(page, question=QUESTIONS[0]):
    return page.locator(f"article .bb-question:has(textarea[data-question='{question.id}']) [role=status]")


def write_note(page, text: str = NOTE, question=QUESTIONS[0]) -> None:
    box(page, question).fill(text)
    status(page, question).filter(has_text=SAVED).wait_for()


def stored(page) -> dict:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('bounceback:')))")


def test_every_question_has_a_labelled_box_and_a_note_survives_a_reload(page, any_site):
    errors = watch_errors(page)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_topic(page, any_site)
    for question in QUESTIONS:
        assert box(page, question).is_visible() and box(page, question).input_value() == ""
    said = status(page)
    assert said.get_attribute("aria-live") == "polite"
    write_note(page)
    assert said.inner_text() == SAVED
    assert stored(page) == {note_key(QUESTIONS[0].id): NOTE}
    page.reload()
    assert box(page).input_value() == NOTE
    assert box(page, QUESTIONS[1]).input_value() == ""
    assert box(page).get_attribute("maxlength") == "100000"  # the most an import takes back
    box(page).fill("")  # an emptied box is no note at all
    box(page).blur()  # leaving the box saves at once
    assert stored(page) == {}
    assert errors == []
    assert all(url.startswith(any_site.url) for url in requests), "a request left the site"


def test_typing_then_leaving_at_once_by_instant_navigation_keeps_the_note(page, site):
    open_topic(page, site)
    page.evaluate("window.__sameDocument = true")
    box(page).press_sequentially("Quick note", delay=5)
    related = next(r for r in GUIDE.topics[TOPIC].related if TOPIC in GUIDE.topics[r].related)
    page.locator(f"article .bb-related a[href*='{related}']").click()  # before the pause that saves
    page.wait_for_selector(f"article .bb-checklist[data-topic='{related}'][data-bb-ready]")
    page.locator(f"article .bb-related a[href*='/{TOPIC}/']").first.click()
    page.wait_for_selector(f"article .bb-checklist[data-topic='{TOPIC}'][data-bb-ready]")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation is off"
    assert box(page).input_value() == "Quick note"
    assert stored(page) == {note_key(QUESTIONS[0].id): "Quick note"}


def test_a_note_written_in_another_tab_shows_up(context, site):
    first, second = context.new_page(), context.new_page()
    open_topic(first, site)
    open_topic(second, site)
    write_note(second, "From the other tab")
    expect(box(first)).to_have_value("From the other tab")  # polled without eval, which the CSP refuses


def test_keyboard_only_writing_saves_on_leaving_the_box(page, site):
    open_topic(page, site)
    box(page).focus()
    page.keyboard.type("By keyboard")
    page.keyboard.press("Tab")  # leaving the box saves at once, without waiting for the pause
    assert stored(page) == {note_key(QUESTIONS[0].id): "By keyboard"}
    assert status(page).inner_text() == SAVED
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.question") == QUESTIONS[0].id
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused in ("solid", "auto"), "no visible focus on the text box"


def test_without_javascript_questions_show_with_lines_and_no_box(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}topics/{TOPIC}/")
    for question in QUESTIONS:
        assert page.locator("article .bb-question__text", has_text=question.text).is_visible()
    assert page.locator("article textarea").evaluate_all("els => els.filter(e => e.offsetParent).length") == 0
    lines = page.locator("article .bb-reflection .bb-write")
    assert lines.count() == len(QUESTIONS) and lines.first.is_visible()
    text = pdf_text(page.pdf(format="A4"))
    assert all(q.text.split()[0] in text for q in QUESTIONS)
    context.close()


@pytest.mark.parametrize("storage", [FULL_STORAGE, BLOCK_STORAGE], ids=["full", "blocked"])
def test_a_note_that_cannot_be_saved_stays_on_screen_and_says_so(context, site, storage):
    context.add_init_script(storage)
    page = context.new_page()
    errors = watch_errors(page)
    open_topic(page, site)
    box(page).fill(NOTE)
    said = status(page).filter(has_text="Can't be saved")
    said.wait_for()
    assert "copy it somewhere safe" in said.inner_text()
    assert box(page).input_value() == NOTE, "the text must never be dropped"
    assert "can't be saved" in page.locator("article .bb-note").inner_text()
    page.locator("nav a[href$='/plan/']").first.click()  # instant navigation: the same visit
    page.wait_for_selector("[data-bb-today]:not([hidden])")
    row = page.locator(f".bb-plan__topic[data-topic='{TOPIC}']")
    assert f"notes for 1 of {len(QUESTIONS)} questions" in row.inner_text()
    row.locator("a").click()
    page.wait_for_selector(f"article .bb-reflection[data-topic='{TOPIC}'][data-bb-ready]")
    assert box(page).input_value() == NOTE
    assert errors == []


def test_plan_counts_the_questions_with_notes(page, site):
    open_topic(page, site)
    write_note(page)
    write_note(page, "Second", QUESTIONS[1])
    other = GUIDE.topics[TOPIC].related[0]
    open_topic(page, site, other)
    write_note(page, "Elsewhere", GUIDE.topics[other].reflection[0])
    page.goto(f"{site.url}plan/")
    page.wait_for_selector("[data-bb-today]:not([hidden])")
    row = page.locator(f".bb-plan__topic[data-topic='{TOPIC}']")
    assert f"notes for 2 of {len(QUESTIONS)} questions" in row.inner_text()
    untouched = next(t for t in GUIDE.topics.values() if t.id not in (TOPIC, other))
    assert f"notes for 0 of {len(untouched.reflection)} questions" in \
        page.locator(f".bb-plan__topic[data-topic='{untouched.id}']").inner_text()
    total = sum(len(t.reflection) for t in GUIDE.topics.values())
    assert f"Your notes answer 3 of {total} reflection questions." in page.locator("[data-bb-today]").inner_text()


def test_topic_page_prints_with_my_notes_or_blank(page, site):
    open_topic(page, site)
    write_note(page, "Printed answer here")
    choice = page.locator("article .bb-print")
    assert "with my ticks and notes" in choice.inner_text()
    choice.get_by_label("with my ticks and notes").check()
    assert "Printed answer here" in pdf_text(page.pdf(format="A4"))
    choice.get_by_label("blank, to fill in by hand").check()
    assert "Printed answer here" not in pdf_text(page.pdf(format="A4"))
    page.emulate_media(media="print")
    lines = page.locator(f"article .bb-question:has(textarea[data-question='{QUESTIONS[0].id}']) .bb-write")
    assert lines.evaluate("e => getComputedStyle(e).display") == "block", "a blank copy needs its lines"


def test_workbook_shows_my_notes_and_prints_them_or_blank(page, site):
    open_topic(page, site)
    write_note(page, "Workbook answer")
    page.goto(f"{site.url}workbook/")
    copy = page.locator(f"ol.bb-reflection[data-topic='{TOPIC}'] [data-question='{QUESTIONS[0].id}']")
    copy.wait_for()
    assert copy.inner_text() == "Workbook answer"
    assert page.locator("article .bb-answer__copy:visible").count() == 1  # the other questions have no note
    page.locator("article .bb-print").get_by_label("with my ticks and notes").check()
    assert "Workbook answer" in pdf_text(page.pdf(format="A4"))
    page.locator("article .bb-print").get_by_label("blank, to fill in by hand").check()
    assert "Workbook answer" not in pdf_text(page.pdf(format="A4"))


def test_a_renamed_question_keeps_its_note(page, tmp_path, project_copy):
    project = project_copy()
    topic_file = project / "content" / "topics" / f"{TOPIC}.yml"
    text = topic_file.read_text(encoding="utf-8")
    old = f"  - id: {QUESTIONS[0].id}\n"
    assert old in text
    topic_file.write_text(text.replace(old, f"  - id: renamed-question\n    previous_ids: [{QUESTIONS[0].id}]\n", 1),
                          encoding="utf-8")
    with served_build(project, tmp_path / "site") as server:
        page.goto(server.url)
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [note_key(QUESTIONS[0].id), "Kept across a rename"])
        open_topic(page, server)
        assert box(page).input_value() == "Kept across a rename"
        assert stored(page) == {note_key("renamed-question"): "Kept across a rename"}
