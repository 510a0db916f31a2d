"""No run of 8 words from the source articles appears in the guide's content or pages."""
from pathlib import Path

import pytest

from originality import FINGERPRINTS, fingerprints, runs
from sitekit import ROOT

SOURCES = ROOT.parent / "shared" / "sources"
OUR_TEXT = sorted((ROOT / "content").rglob("*.yml")) + sorted((ROOT / "docs").rglob("*.md"))


KNOWN = set(FINGERPRINTS.read_text(encoding="utf-8").split())  # read once, not once per run of words


def test_fingerprints_cover_the_sources():
    assert len(KNOWN) > 2000


@pytest.mark.parametrize("path", OUR_TEXT, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_copied_run_of_eight_words(path: Path):
    text = path.read_text(encoding="utf-8")
    copied = [run for run in runs(text) if fingerprints(run) & KNOWN]
    assert copied == [], f"{path.name} copies from the sources: {copied[:3]}"


def test_a_copied_run_is_caught():
    """The check is real: a run taken from the fingerprinted text itself is found."""
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    article = sorted(SOURCES.glob("0*.txt"))[0].read_text(encoding="utf-8")
    sample = runs(article)[40]
    assert fingerprints(f"Some words first. {sample} and more after.") & KNOWN


def test_fingerprints_match_the_current_sources():
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    fresh = set()
    for path in sorted(SOURCES.glob("0*.txt")):
        fresh |= fingerprints(path.read_text(encoding="utf-8"))
    assert fresh == KNOWN, "run: python tests/originality.py ../shared/sources"
