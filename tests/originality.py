"""Fingerprints of every 8-word run in the source articles, so originality is checked without
keeping the articles' text in this repository (they are not ours to publish).

tests/test_originality.py needs only the stored fingerprints. Whoever holds the articles
(files named 0*.txt in one folder) keeps the fingerprints in step with them:

    python tests/originality.py --verify SOURCES   # exit 1 if the stored file is out of date
    python tests/originality.py SOURCES            # rewrite the stored file from SOURCES
"""
from __future__ import annotations

import argparse
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


def copied_runs(text: str, known: set[str]) -> list[str]:
    """The runs of `text` whose fingerprint is among `known`: words copied from the sources."""
    return [run for run in runs(text) if fingerprints(run) & known]


def stored() -> set[str]:
    return set(FINGERPRINTS.read_text(encoding="utf-8").split())


def of_sources(sources: Path) -> set[str]:
    """Every fingerprint of the articles in `sources`; refuses a folder without any."""
    articles = sorted(sources.glob("0*.txt"))
    if not articles:
        sys.exit(f"no source articles (0*.txt) in {sources}")
    return set().union(*(fingerprints(path.read_text(encoding="utf-8")) for path in articles))


def verify(sources: Path) -> int:
    """0 when the stored fingerprints are exactly those of `sources` and a run taken from an
    article is caught by them; 1, saying what differs, otherwise."""
    fresh, known = of_sources(sources), stored()
    if fresh != known:
        print(f"{FINGERPRINTS} is out of date: {len(fresh - known)} fingerprints missing, "
              f"{len(known - fresh)} no longer in {sources}; run: python tests/originality.py {sources}")
        return 1
    article = sorted(sources.glob("0*.txt"))[0].read_text(encoding="utf-8")
    sample = runs(article)[40]
    if not copied_runs(f"Some words first. {sample} and more after.", known):
        print(f"a run of {RUN} words from {sources} is not caught by {FINGERPRINTS}")
        return 1
    print(f"{len(known)} fingerprints, in step with {sources}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", type=Path, help="the folder holding the source articles (0*.txt)")
    parser.add_argument("--verify", action="store_true", help="check the stored fingerprints, write nothing")
    args = parser.parse_args(argv)
    if args.verify:
        return verify(args.sources)
    prints = of_sources(args.sources)
    FINGERPRINTS.write_text("\n".join(sorted(prints)) + "\n", encoding="utf-8")
    print(f"{len(prints)} fingerprints from {args.sources}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
