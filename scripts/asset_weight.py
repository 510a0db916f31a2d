"""`python scripts/asset_weight.py [site/]`: how much of our own JS and CSS each kind of
page makes a reader download, gzipped as a static host serves it.

Our scripts and styles load only where they are used (store.js, checklist.js and
checklist.css on every page; each page's kit adds its own), so one total for all files
says nothing about a page. This reads each built page's <script src> and <link
rel=stylesheet> tags, keeps the files docs/assets/ holds, and sums their gzip -9 sizes as
built (minified). One page stands for each kind: the first that matches.
"""
from __future__ import annotations

import gzip
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
OWN = {p.name for p in (ROOT / "docs" / "assets").iterdir() if p.suffix in (".js", ".css")}
BUDGET = 8 * 1024  # our own JS and CSS on the home page and a topic page (issue 5)

# kind of page -> (a page of that kind, as built), the first existing one is measured
KINDS = {
    "home": ["index.html"],
    "topic": ["topics/dont-dwell/index.html"],
    "topic with templates": ["topics/dont-count-on-an-offer/index.html"],
    "topic with a reminder": ["topics/what-the-reason-means/index.html"],
    "topic with both": ["topics/ask-for-feedback/index.html"],
    "My plan": ["plan/index.html"],
    "My applications": ["applications/index.html"],
    "workbook": ["workbook/index.html"],
    "stage": ["right-after-the-news/index.html"],
}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        at = dict(attrs)
        if tag == "script" and at.get("src"):
            self.found.append(at["src"])
        elif tag == "link" and "stylesheet" in (at.get("rel") or "").split() and at.get("href"):
            self.found.append(at["href"])


def own_assets(site: Path, page: str) -> dict[str, int]:
    """Our own files a built page loads, each with its gzipped size as served."""
    parser = _Assets()
    parser.feed((site / page).read_text(encoding="utf-8"))
    sizes = {}
    for ref in parser.found:
        path = urlsplit(urljoin("http://site/" + page, ref)).path.lstrip("/")
        name = PurePosixPath(path).name
        if name in OWN and path.startswith("assets/"):
            sizes[name] = len(gzip.compress((site / path).read_bytes(), 9))
    return sizes


def weights(site: Path) -> dict[str, tuple[str, dict[str, int]]]:
    """Kind -> (the page measured, its own assets and their gzipped sizes)."""
    found = {}
    for kind, pages in KINDS.items():
        page = next((p for p in pages if (site / p).is_file()), None)
        if page:
            found[kind] = (page, own_assets(site, page))
    return found


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    print("| page | our own JS and CSS, gzipped | files |")
    print("|---|---:|---|")
    for kind, (page, sizes) in weights(site).items():
        files = ", ".join(f"{name} {size:,}" for name, size in sizes.items())
        print(f"| {kind} (`{page}`) | {sum(sizes.values()):,} B | {files} |")
    print(f"\nBudget on the home page and a topic page: under {BUDGET:,} B.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
