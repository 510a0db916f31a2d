"""`bounceback check | render | build | new`: the commands behind the Makefile.

Exit codes: 0 clean, 1 content problems, 2 usage error. Problems are printed, never a
traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .content import read_guide
from .problems import format_problems


def _format(choice: str | None) -> str:
    if choice:
        return choice
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def cmd_check(args) -> int:
    guide, problems = read_guide(Path(args.content))
    if problems:
        print(format_problems(problems, _format(args.format)))
        print(f"\n{len(problems)} problem(s) in {args.content}/", file=sys.stderr)
        return 1
    items = sum(len(t.checklist) for t in guide.topics.values())
    templates = sum(len(t.templates) for t in guide.topics.values())
    print(f"{args.content}/ is clean: {len(guide.topics)} topics in {len(guide.stages)} stages, "
          f"{items} checklist items, {templates} templates")
    return 0


def cmd_render(args) -> int:
    from .render import render_pages

    guide, problems = read_guide(Path(args.content))
    if problems:
        print(format_problems(problems, _format(args.format)))
        return 1
    out = Path(args.out)
    for page in render_pages(guide):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"rendered {len(guide.topics)} topics into {out}/")
    return 0


def cmd_build(args) -> int:
    from .sitebuild import build_site

    return build_site(Path(args.config), Path(args.site))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bounceback", description="Check and build the Bounce Back guide.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate content/ and print every problem as path:line:col")
    check.add_argument("--content", default="content")
    check.add_argument("--format", choices=["text", "github"], help="default: github under GitHub Actions, else text")
    check.set_defaults(run=cmd_check)
    render = sub.add_parser("render", help="write the generated Markdown pages into a folder")
    render.add_argument("--content", default="content")
    render.add_argument("--out", required=True)
    render.add_argument("--format", choices=["text", "github"])
    render.set_defaults(run=cmd_render)
    build = sub.add_parser("build", help="mkdocs build --strict elsewhere, then swap it into place")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site", default="site")
    build.set_defaults(run=cmd_build)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
