"""`make bench`: our build step measured next to plain MkDocs, at 20, 200 and 1,000 topics.

For each size it synthesises a guide in the real content format (bench_content.py) and
times, interleaved round by round so that a noisy machine affects all three alike:
  (a) our step alone, in process: load + validate + render (read_guide, render_pages, render_nav);
  (b) the full build: `mkdocs build --strict` with the hooks, what `make build` runs;
  (c) plain MkDocs: the same pages already rendered to Markdown, nav in mkdocs.yml, no hooks;
  (z) the second engine: `bounceback build --engine zensical`, what `make build ENGINE=zensical` runs.
(c) is the floor: (a)/(c) is what our step costs, (b)/(c) what a build costs over plain MkDocs,
(z)/(b) what the Zensical build takes next to the MkDocs one.
It also reports (d) the site's size, the median topic page and the search index. Timings are
medians. The last line printed is the summary that issue 5's targets are checked against.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import gzip
import io
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from bench_content import ROOT, write_plain_project, write_project
from bounceback import fastschema, templating, text, validate
from bounceback.content import read_guide
from bounceback.mkdocs_config import read_config
from bounceback.render import render_nav, render_pages

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
IN_PROCESS_SAMPLES = 3  # runs of (a) and of check per round; each mkdocs build runs once per round
NAV_LINK = re.compile(r'<a href="([^"#][^"]*)" class="md-nav__link')


def cold() -> None:
    """Forget what an earlier run compiled or cached: each build runs in a fresh process."""
    validate.compiled_schema.cache_clear()
    fastschema.cache_clear()
    for cached in (text.blocks_html, text.inline_html, text.title_html, text.plain):
        cached.cache_clear()
    templating.environment.cache_clear()  # templates compiled again, their kept pieces made again
    gc.collect()


def hand_written_nav(project: Path) -> list:
    """The `nav:` of mkdocs.yml (the hand-written pages), as the hook receives it."""
    return read_config(project / "mkdocs.yml").get("nav") or []


def pipeline(project: Path, extra: list) -> None:
    """Our step: load, validate and render the project's content, as the build hook does."""
    guide, _ = read_guide(project / "content", project)
    render_pages(guide)
    render_nav(guide, extra=extra)


def our_step(project: Path, extra: list) -> float:
    """(a): seconds of our step, from cold caches."""
    cold()
    start = time.perf_counter()
    pipeline(project, extra)
    return time.perf_counter() - start


def check_only(project: Path) -> float:
    """Seconds to load and validate (what `bounceback check` does), in process."""
    cold()
    start = time.perf_counter()
    read_guide(project / "content", project)  # clean: measure() checked it once
    return time.perf_counter() - start


def mkdocs_build(config: Path, site: Path) -> float:
    """(b) or (c): seconds for a whole `mkdocs build --strict` in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)],
                            env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed for {config}:\n{result.stderr[-3000:]}")
    return elapsed


def zensical_build(project: Path, site: Path) -> float:
    """(z): seconds for a whole `bounceback build --engine zensical` in a fresh process."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bounceback.cli", "build", "--engine", "zensical",
                             "--config", str(project / "mkdocs.yml"), "--site", str(site)],
                            cwd=project, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"zensical build failed for {project}:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return elapsed


def check_cli(project: Path) -> float:
    """Wall time of `bounceback check` as a contributor runs it (interpreter start included)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bounceback.cli", "check", "--content", "content"],
                            cwd=project, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bounceback check failed:\n{result.stdout[-2000:]}")
    return time.perf_counter() - start


def site_sizes(site: Path) -> dict:
    """(d): bytes of the whole site, the median topic page (raw and gzipped), the search index."""
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    pages = sorted(site.glob("topics/*/index.html"), key=lambda f: f.stat().st_size)
    middle = pages[len(pages) // 2].read_bytes()
    links = statistics.median(len(NAV_LINK.findall(p.read_text(encoding="utf-8"))) for p in pages)
    return {
        "site_mb": total / 1e6,
        "page_kb": len(middle) / 1000,
        "page_gz_kb": len(gzip.compress(middle, 9)) / 1000,
        "nav_links": links,
        "search_kb": (site / "search" / "search_index.json").stat().st_size / 1000,
        "pages": len(list(site.rglob("index.html"))),
    }


def measure(count: int, runs: int, work: Path) -> dict:
    project = write_project(work / f"guide-{count}", count)
    extra = hand_written_nav(project)
    guide, problems = read_guide(project / "content", project)
    if problems:
        sys.exit(f"synthetic content has {len(problems)} problems, first: {problems[0]}")
    plain = write_plain_project(work / f"plain-{count}", project, render_pages(guide), render_nav(guide, extra=extra))
    site_b, site_c, site_z = work / f"site-b-{count}", work / f"site-c-{count}", work / f"site-z-{count}"
    steps = {
        "a": lambda: our_step(project, extra),
        "b": lambda: mkdocs_build(project / "mkdocs.yml", site_b),
        "c": lambda: mkdocs_build(plain / "mkdocs.yml", site_c),
        "z": lambda: zensical_build(project, site_z),
        "check": lambda: check_only(project),
    }
    times: dict[str, list[float]] = {k: [] for k in steps}
    order = list(steps)
    for round_no in range(runs):
        for key in order[round_no % len(order):] + order[:round_no % len(order)]:
            # The in-process steps take well under a second: sample them more often, so one
            # hiccup of this shared machine moves their median less.
            for _ in range(IN_PROCESS_SAMPLES if key in ("a", "check") else 1):
                times[key].append(steps[key]())
    built = sorted(p.relative_to(site_b).as_posix() for p in site_b.rglob("*.html"))
    floor = sorted(p.relative_to(site_c).as_posix() for p in site_c.rglob("*.html"))
    if built != floor:
        print(f"warning: (b) and (c) differ in their pages at {count} topics", file=sys.stderr)
    if sorted(p.relative_to(site_z).as_posix() for p in site_z.rglob("*.html")) != built:
        print(f"warning: (z) and (b) differ in their pages at {count} topics", file=sys.stderr)
    result = {k: statistics.median(v) for k, v in times.items()}
    result.update(site_sizes(site_b), topics=count, check_cli=check_cli(project), project=project, extra=extra)
    return result


def profile(project: Path, extra: list) -> str:
    """The top of a cProfile of (a), by cumulative time, our package and its main callees."""
    cold()
    profiler = cProfile.Profile()
    profiler.runcall(pipeline, project, extra)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"bounceback|yaml|jsonschema|markdown", 18)
    return out.getvalue()


def machine() -> str:
    memory = ""
    try:
        kib = int(next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")).split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB memory"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{os.cpu_count()} cores{memory}, Python {platform.python_version()}, {platform.system()} {platform.machine()}"


def table(rows: list[dict]) -> str:
    head = ("topics", "pages", "(a) ours s", "check s", "check CLI s", "(b) build s", "(c) plain s", "(z) zensical s",
            "(a)/(c)", "(b)/(c)", "(z)/(b)", "site MB", "page KB", "page gz KB", "nav links", "search KB")
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" for _ in head) + "|"]
    for r in rows:
        cells = (r["topics"], r["pages"], f"{r['a']:.3f}", f"{r['check']:.3f}", f"{r['check_cli']:.2f}", f"{r['b']:.2f}",
                 f"{r['c']:.2f}", f"{r['z']:.2f}", f"{100 * r['a'] / r['c']:.1f} %", f"{r['b'] / r['c']:.3f}",
                 f"{r['z'] / r['b']:.3f}", f"{r['site_mb']:.1f}",
                 f"{r['page_kb']:.1f}", f"{r['page_gz_kb']:.1f}", f"{r['nav_links']:.0f}", f"{r['search_kb']:.0f}")
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20,200,1000", help="topic counts, comma-separated (default: 20,200,1000)")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per size; medians are reported (default: 5)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of (a) at the largest size")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.keep or Path(tempfile.mkdtemp(prefix="bb-bench-"))
    rows = []
    try:
        for count in sizes:
            print(f"bench: {count} topics, {args.runs} rounds...", file=sys.stderr, flush=True)
            rows.append(measure(count, args.runs, work))
        print(f"\nMachine: {machine()}; {time.strftime('%Y-%m-%d')}; medians of {args.runs} interleaved rounds "
              f"({IN_PROCESS_SAMPLES} runs of (a) and check in each)\n")
        print(table(rows))
        if args.profile:
            print("\nProfile of (a) at", sizes[-1], "topics:\n")
            print(profile(rows[-1]["project"], rows[-1]["extra"]))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    small, large = rows[0], rows[-1]
    print()
    print(f"bench: topics={large['topics']} pipeline_share={100 * large['a'] / large['c']:.1f} "
          f"build_ratio={large['b'] / large['c']:.3f} page_kb_{small['topics']}={small['page_kb']:.1f} "
          f"page_kb_{large['topics']}={large['page_kb']:.1f} page_growth={large['page_kb'] / small['page_kb']:.2f} "
          f"check_s={large['check']:.3f} zensical_ratio={large['z'] / large['b']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
