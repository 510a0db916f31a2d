"""Which parts of a template body are placeholders the reader fills in, and their markup:
the build decides, so the browser script parses nothing (bounceback.placeholders)."""
import html
import re

from bounceback import strings
from bounceback.content import read_guide
from bounceback.placeholders import field_name, fields, fill_in_html, is_email, placeholders
from bounceback.text import preformatted
from sitekit import ROOT


def names(body: str) -> list[str]:
    return [p.name for p in placeholders(body)]


def test_a_placeholder_is_bracketed_text():
    assert names("Dear [name], about [role title] at [company].") == ["name", "role title", "company"]
    assert [p.label for p in placeholders("Hi [Your  name]")] == ["Your name"]


def test_names_ignore_case_and_spacing_labels_keep_the_text():
    assert field_name("  Your \t Name ") == "your name"
    assert fields("[Your name] and [your  name], then [X]") == [("your name", "Your name"), ("x", "X")]


def test_what_is_not_a_placeholder():
    assert names("See [the guide](https://example.org/g) now") == []  # link text
    assert names("other process[es] and 2[x]") == []  # a word's ending
    assert names("[optional: One is at the final stage.] [optional:] [Optional, if changing careers]") == []
    assert names("[If they can't say now: That's fine.]") == []  # a note, by its colon
    assert names("[] [  ] [a\nb]") == []  # empty, or across a line break
    assert names("[e.g. 10:30] [the_x]") == ["e.g. 10:30", "the_x"]  # a colon inside a time is fine


def test_placeholders_inside_a_note_are_fields():
    body = "[optional: I enjoyed [one thing, e.g. the team].] [optional: with [first contact]]"
    assert names(body) == ["one thing, e.g. the team", "first contact"]


def test_an_email_starts_with_its_subject_line():
    assert is_email("Subject: Re: [role title]\n\nDear [name],")
    assert not is_email("Dear [name],\nSubject: later")
    assert not is_email(" Subject: indented")


def test_the_markup_shows_the_body_unchanged():
    body = 'Subject: [role] & <b>\n\tDear [Name "x"],\n[optional: [a]] [b](https://x.org) process[es]'
    marked = fill_in_html(body)
    assert "\n" not in marked  # one line of the page, as before
    assert html.unescape(re.sub(r"<[^>]+>", "", marked)) == html.unescape(preformatted(body))
    assert re.findall(r'<span data-field="([^"]*)">', marked) == ["role", "name &quot;x&quot;", "a"]
    assert '<span data-field="role">[role]</span>' in marked
    assert "<b>" not in marked


def test_every_template_of_the_guide_has_fields_and_no_clash():
    """Each template's placeholders make fields, and none uses one name for two things in
    the same text (two dates, two questions), which filling in would make equal."""
    guide, _ = read_guide(ROOT / "content")
    templates = [t for topic in guide.topics.values() for t in topic.templates]
    assert sum(1 for t in templates if fields(t.body)) >= len(templates) - 3
    assert sum(1 for t in templates if is_email(t.body)) >= 10
    allowed = {"refine-your-pitch": {"number of years", "place"}, "changing-careers": {"old field"},  # alternatives
               "reach-out": {"new field"}, "accept-gracefully": {"new role title"},
               "felt-unfair": {"role title"}, "final-round-no": {"role title"}, "no-reply": {"role title", "interview date"}}
    for topic in guide.topics.values():
        for template in topic.templates:
            used = names(template.body)
            twice = {n for n in used if used.count(n) > 1} - allowed.get(topic.id, set())
            assert twice == set(), (topic.id, template.id)


def test_only_pages_with_templates_carry_the_fill_in_words():
    assert strings.script_words(groups=("fill",)) and all(k.startswith("fill.") for k in strings.script_words(groups=("fill",)))
    assert not any(k.startswith("fill.") for k in strings.script_words())
