"""Fingerprints of every 8-word run in the source articles, so originality is checked without
keeping the articles' text in this repository.

Regenerate after the sources change: python tests/originality.py ../shared/sources
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

RUN = 8
FINGERPRINTS = Path(__file__).parent / "data" / "source-8word-fingerprints.txt"


def words(text: str) -> list[str]:
    """Lowercase words, apostrophes dropped, so punctuation and case can't hide a copy."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "").replace("'", ""))


def fingerprints(text: str) -> set[str]:
    ws = words(text)
    return {hashlib.sha1(" ".join(ws[i:i + RUN]).encode()).hexdigest()[:16] for i in range(len(ws) - RUN + 1)}


def runs(text: str) -> list[str]:
    ws = words(text)
    return [" ".join(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)]


if __name__ == "__main__":
    sources = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/sources")
    prints: set[str] = set()
    for path in sorted(sources.glob("0*.txt")):
        prints |= fingerprints(path.read_text(encoding="utf-8"))
    FINGERPRINTS.write_text("\n".join(sorted(prints)) + "\n", encoding="utf-8")
    print(f"{len(prints)} fingerprints from {sources}")
