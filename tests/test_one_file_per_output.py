"""No silent replacement: the MkDocs adapter fails the build when two files would make one page."""
from __future__ import annotations

import pytest

from sitekit import build


@pytest.mark.parametrize("extra,clash", [
    ("plan.md", "generated page plan.md would replace"),  # would hide My plan, with export and reset
    ("tags.md", "generated page tags.md would replace"),
    ("privacy/index.md", "privacy.md and privacy/index.md would both be written to privacy/index.html"),
])
def test_a_second_file_for_one_page_fails_the_build(project_copy, tmp_path, extra, clash):
    project = project_copy()
    target = project / "docs" / extra
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("# Another page\n\nText.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert clash in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
