"""`make lighthouse`: Lighthouse scores of the built site, served like a static host.

Builds the site (the `make build` step) with SITE_URL set to the address it will be served
on, so canonical links, the sitemap and instant navigation match; serves it gzipped on
127.0.0.1 (serve_static.py); runs Lighthouse (npm package, driving Debian's chromium) on
the home page and one topic page with the mobile and desktop presets; prints the four
category scores (medians of --runs runs: scores vary from run to run on a busy machine),
every audit that kept a category below 100, any request to another host, and the
gzipped size of our own JS and CSS. Exits 1 when a target is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

from asset_weight import BUDGET, own_assets
from serve_static import StaticServer

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {("performance", "mobile"): 98, ("performance", "desktop"): 100}  # every other score: 100


def build_site(site: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "bounceback.cli", "build", "--site", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")


def first_topic_url(base: str) -> str:
    """The first topic in reading order, as the home page links to it."""
    from bounceback.content import read_guide

    guide, _ = read_guide(ROOT / "content", ROOT)  # clean: build_site has already stopped on any problem
    return f"{base}topics/{next(iter(guide.topics))}/"


def run_lighthouse(url: str, preset: str, out: Path, chromium: str, attempts: int = 2) -> dict:
    """One Lighthouse report; a run that fails (a browser crash on a loaded machine) is tried again once."""
    for attempt in range(1, attempts + 1):
        report, error = _lighthouse_once(url, preset, out, chromium)
        if report is not None:
            return report
        print(f"lighthouse failed on {url} ({preset}), attempt {attempt} of {attempts}", file=sys.stderr)
    sys.exit(f"lighthouse failed on {url} ({preset}):\n{error}")


def _lighthouse_once(url: str, preset: str, out: Path, chromium: str) -> tuple[dict | None, str]:
    out.unlink(missing_ok=True)
    profile = tempfile.mkdtemp(prefix="lh-profile-")
    cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
           f"--only-categories={','.join(CATEGORIES)}",
           "--chrome-flags=" + " ".join(CHROMIUM_FLAGS + [f"--user-data-dir={profile}"])]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    try:
        result = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if result.returncode != 0 or not out.exists():
        return None, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):  # e.g. the page never painted: the scores would be meaningless zeros
        return None, json.dumps(report["runtimeError"])
    return report, ""


def scores(report: dict) -> dict[str, int]:
    return {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """Audits that cost points: id, score and Lighthouse's own summary."""
    out = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or audit.get("title", "")
                nodes = [i["node"] for i in audit.get("details", {}).get("items", []) if isinstance(i.get("node"), dict)]
                where = "".join(f"\n      at {n.get('selector', '?')}: {n.get('snippet', '')[:160]}" for n in nodes[:3])
                out.append(f"{category}: {ref['id']} score={audit['score']:.2f} {shown}{where}")
    return out


def other_hosts(report: dict, base: str) -> list[str]:
    """Requests the page made to any host but the one serving it."""
    ours = urllib.parse.urlsplit(base).netloc
    items = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    return sorted({i["url"] for i in items
                   if urllib.parse.urlsplit(i["url"]).scheme in ("http", "https", "ws", "wss")
                   and urllib.parse.urlsplit(i["url"]).netloc != ours})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chromium", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--runs", type=int, default=5, help="runs per page and preset; medians are reported (default: 5, as Lighthouse advises)")
    parser.add_argument("--keep", type=Path, help="keep the site and the JSON reports in this folder")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `make lighthouse` (it installs the pinned npm package)")
    if not Path(args.chromium).exists():
        sys.exit(f"chromium not found at {args.chromium}: apt-get install chromium")
    work = args.keep or Path(tempfile.mkdtemp(prefix="bb-lighthouse-"))
    work.mkdir(parents=True, exist_ok=True)
    site = work / "site"
    server = StaticServer(site)  # bound now, so the build knows the address it will be served on
    base = server.url
    rows, problems, failed, foreign, weights = [], [], False, False, {}
    try:
        build_site(site, base)
        pages = {"home": base, "topic": first_topic_url(base)}
        weights = {name: own_assets(site, urllib.parse.urlsplit(url).path.lstrip("/") + "index.html")
                   for name, url in pages.items()}
        with server:
            for name, url in pages.items():
                for preset in ("mobile", "desktop"):
                    reports = [run_lighthouse(url, preset, work / f"{name}-{preset}-{n}.json", args.chromium)
                               for n in range(1, args.runs + 1)]
                    runs = [scores(r) for r in reports]
                    got = {c: int(statistics.median_low(r[c] for r in runs)) for c in CATEGORIES}
                    # the run whose performance is the median one explains the shortfalls
                    report = sorted(zip(runs, reports), key=lambda pair: pair[0]["performance"])[(len(runs) - 1) // 2][1]
                    rows.append((name, preset, url, got, [r["performance"] for r in runs]))
                    problems += [f"{name}/{preset}: {line}" for line in shortfalls(report)]
                    hosts = sorted({h for r in reports for h in other_hosts(r, base)})
                    if hosts:
                        failed = foreign = True
                        problems += [f"{name}/{preset}: request to another host: {h}" for h in hosts]
                    failed |= any(got[c] < TARGETS.get((c, preset), 100) for c in CATEGORIES)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\nLighthouse {lighthouse_version()} on Debian chromium, site served gzipped on {base}; "
          f"median of {args.runs} runs\n")
    print("| page | preset | performance | accessibility | best practices | SEO |")
    print("|---|---|---:|---:|---:|---:|")
    for name, preset, url, got, _ in rows:
        print(f"| {name} (`{urllib.parse.urlsplit(url).path}`) | {preset} | " + " | ".join(str(got[c]) for c in CATEGORIES) + " |")
    print("\nPerformance, run by run: " + "; ".join(f"{n}/{p} " + ", ".join(map(str, perf)) for n, p, _, _, perf in rows))
    print("Requests to other hosts: " + ("SEE BELOW" if foreign else "none"))
    for name, assets in weights.items():
        failed |= sum(assets.values()) >= BUDGET
        print(f"Our own JS and CSS on the {name} page, gzipped: {sum(assets.values()):,} B (target < {BUDGET:,}): "
              + ", ".join(f"{k} {v:,}" for k, v in assets.items()))
    if problems:
        print("\nAudits below 100:")
        print("\n".join(f"  {p}" for p in problems))
    print("\nlighthouse: " + ("every target met" if not failed else "a target was missed (see above)"))
    return 1 if failed else 0


def lighthouse_version() -> str:
    package = LIGHTHOUSE.parent.parent / "lighthouse" / "package.json"
    try:
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "?"


if __name__ == "__main__":
    sys.exit(main())
