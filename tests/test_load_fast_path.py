"""A clean file is read in one lean pass; its positions come later, only when asked for.

The lean pass may only ever accept a file the full pass finds nothing wrong with, and must
return exactly its data; positions asked for afterwards must be the full pass's. Checked on
the real content, the deliberately broken files, the official YAML test suite and
generated YAML.
"""
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bounceback.load import _UNUSUAL, _build, _plain_data, load_text
from sitekit import ROOT

SUITE = ROOT / "tests" / "yaml-test-suite" / "cases"


def corpus() -> list[Path]:
    suite = sorted(SUITE.glob("*.yaml"))
    assert len(suite) >= 350, f"the YAML test suite's inputs are missing from {SUITE}"
    return sorted((ROOT / "content").rglob("*.yml")) + sorted((ROOT / "tests" / "broken").glob("*.yml")) + suite


def agrees(text: str) -> bool:
    """True when the lean pass took the file; fails the test if it should not have."""
    data = _plain_data(text)
    if data is _UNUSUAL:
        return False
    full = _build(text, "t.yml")
    assert not full.failed and full.problems == [], text[:200]
    assert full.root == data
    return True


def test_real_content_takes_the_lean_pass():
    for path in sorted((ROOT / "content").rglob("*.yml")):
        assert agrees(path.read_text(encoding="utf-8")), path


def test_the_lean_pass_never_accepts_what_the_full_pass_would_report():
    taken = 0
    for path in corpus():
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        taken += agrees(text)
    assert taken > 20


def test_positions_found_later_are_the_full_pass_positions():
    text = (ROOT / "content" / "topics" / "ask-for-feedback.yml").read_text(encoding="utf-8")
    loaded, full = load_text(text, "t.yml"), _build(text, "t.yml")
    assert loaded.source is not None  # lean pass taken
    for pointer in list(full.spots)[:40]:
        assert loaded.where(pointer) == full.spots[pointer]
    assert loaded.spots == full.spots and loaded.key_spots == full.key_spots


KEYS = st.sampled_from(["id", "title", "yes", "1", "~", "a b", '"q"', "? x", "<<", "="])
SCALARS = st.sampled_from(["text", "yes", "No", "on", "1", "0x1F", "1.5", ".inf", "2024-01-05", "~", "null", "",
                           "'quoted'", '"dq"', ">-\n  folded", "|\n  literal", "&a x", "*a", "!!str 5", "!tag x",
                           "[a, b]", "{a: b}", "- x", "a: b: c", "'unclosed", "\t", "---", "...", "#c"])


@st.composite
def documents(draw, depth=0):
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(KEYS)
        if depth < 3 and draw(st.booleans()):
            child = draw(documents(depth + 1))
            lines.append(f"{key}:\n" + "\n".join("  " + line for line in child.splitlines()))
        elif draw(st.booleans()):
            items = draw(st.lists(SCALARS, min_size=1, max_size=3))
            lines.append(f"{key}:\n" + "\n".join(f"  - {item}" for item in items))
        else:
            lines.append(f"{key}: {draw(SCALARS)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=1500, deadline=None)
@given(documents())
def test_generated_yaml(text):
    agrees(text)
