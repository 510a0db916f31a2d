"""Check the external links in content/: run weekly by .github/workflows/links.yml.

Not part of `make check`: other sites go down and come back, and a pull request should not
fail because of them. Each broken link is reported at its place in the YAML, in the same
`path:line:col: error: ...` (or GitHub) format as `bounceback check`; exit 1 if any is broken.

    python scripts/check_links.py [--content content] [--timeout 15] [--format text|github]
"""
from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bounceback.content import display_path
from bounceback.load import load_file
from bounceback.problems import Problem, format_problems, output_format
from bounceback.validate import text_values

URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")
USER_AGENT = "bounceback-link-check/1.0 (+weekly check of an open guide's links)"


def find_links(content: Path) -> dict[str, list[tuple[str, int, int]]]:
    """url -> every place (path, line, col) it appears in guide.yml and the topics."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for path in [content / "guide.yml", *sorted((content / "topics").glob("*.yml"))]:
        loaded = load_file(path, display_path(path))
        for pointer, text in text_values(loaded.data):
            urls = [match.group().rstrip(".,;:!?") for match in URL.finditer(text)]
            if urls:
                line, col = loaded.where(pointer)
            for url in urls:
                found.setdefault(url, []).append((loaded.path, line, col))
    return found


def status_of(url: str, timeout: float) -> str | None:
    """None when the link works, else a short reason ("404", "timed out", ...)."""
    last = "no answer"
    for method in ("HEAD", "GET"):  # some servers refuse HEAD: try GET before calling it broken
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status < 400:
                    return None
                last = str(response.status)
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            last = "timed out" if "timed out" in str(reason) else str(reason)[:80]
    return last


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the external links in content/.")
    parser.add_argument("--content", default="content")
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--format", choices=["text", "github"])
    args = parser.parse_args(argv)
    style = output_format(args.format)
    links = find_links(Path(args.content))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = dict(zip(links, pool.map(lambda url: status_of(url, args.timeout), links)))
    problems = [
        Problem(path, line, col, f"link {url} does not work ({reason})", "dead-link",
                "Replace it with a working address, or remove it if the page is gone.")
        for url, reason in results.items() if reason is not None
        for path, line, col in links[url]
    ]
    if problems:
        print(format_problems(problems, style))
    print(f"{len(links)} external link(s) checked, {len(problems)} broken", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
