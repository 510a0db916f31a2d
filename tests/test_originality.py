"""No run of 8 words from the source articles appears in the guide's content or pages.

Only the stored fingerprints are needed, so this runs in any clone; keeping them in step
with the articles is `python tests/originality.py --verify SOURCES` (see CONTRIBUTING.md).
"""
from pathlib import Path

import pytest

from originality import RUN, copied_runs, fingerprints, stored
from sitekit import ROOT

OUR_TEXT = sorted((ROOT / "content").rglob("*.yml")) + sorted((ROOT / "docs").rglob("*.md"))
KNOWN = stored()  # read once, not once per file


def test_fingerprints_cover_the_sources():
    assert len(KNOWN) > 2000


@pytest.mark.parametrize("path", OUR_TEXT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_copied_run_of_eight_words(path: Path):
    copied = copied_runs(path.read_text(encoding="utf-8"), KNOWN)
    assert copied == [], f"{path.name} copies from the sources: {copied[:3]}"


def test_a_copied_run_is_caught_whatever_its_case_and_punctuation():
    """The check is real: the fingerprints of a text find a run of it again however it is
    retyped, and nothing in a text that shares fewer than 8 words in a row with it."""
    article = "Don't take it personally: the decision often hinges on things you can't see at all."
    known = fingerprints(article)
    retyped = "So, DONT take it personally - the Decision often hinges on things, we're told."
    assert copied_runs(retyped, known) == ["dont take it personally the decision often hinges",
                                           "take it personally the decision often hinges on",
                                           "it personally the decision often hinges on things"]
    seven = " ".join(article.split()[:RUN - 1])
    assert copied_runs(f"{seven} and then something else entirely", known) == []
