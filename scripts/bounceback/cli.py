"""`bounceback check | render | build | new`: the commands behind the Makefile.

Exit codes: 0 clean, 1 content problems, 2 usage error, 3 internal error (a bug in this
package, reported in one line). Problems are printed, never a traceback; set
BOUNCEBACK_DEBUG=1 to see one for an internal error.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .content import read_guide
from .problems import format_problems, output_format
from .sitebuild import ENGINES


def _content_dir(args) -> Path:
    content = Path(args.content)
    if not content.is_dir():
        raise UsageError(f"no content folder at {content}/ (run this from the repository root, or pass --content)")
    return content


class UsageError(Exception):
    """Wrong arguments or a missing folder: exit 2 with one line on stderr."""


def cmd_check(args) -> int:
    guide, problems = read_guide(_content_dir(args), style=True)
    if problems:
        print(format_problems(problems, output_format(args.format)))
        print(f"\n{len(problems)} problem(s) in {args.content}/", file=sys.stderr)
        return 1
    items = sum(len(t.checklist) for t in guide.topics.values())
    templates = sum(len(t.templates) for t in guide.topics.values())
    print(f"{args.content}/ is clean: {len(guide.topics)} topics in {len(guide.stages)} stages, "
          f"{items} checklist items, {templates} templates, {len(guide.start)} start entries")
    return 0


def cmd_render(args) -> int:
    from .render import render_pages

    guide, problems = read_guide(_content_dir(args))
    if problems:
        print(format_problems(problems, output_format(args.format)))
        return 1
    out = Path(args.out)
    for page in render_pages(guide):
        target = out / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    print(f"rendered {len(guide.topics)} topics into {out}/")
    return 0


def cmd_build(args) -> int:
    from .siteguard import SiteRefused
    from .sitebuild import build_site

    try:
        return build_site(Path(args.config), Path(args.site), args.engine)
    except SiteRefused as exc:
        raise UsageError(str(exc)) from None


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, new_topic

    try:
        created = new_topic(_content_dir(args), args.topic_id, args.stage)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    print(f"created {created.topic_file} and added it to stage '{created.stage_id}' in {created.guide_file}")
    print("Replace every TODO in it and add checklist items, then run `make check` (it fails until you do).")
    return 0


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
    build = sub.add_parser("build", help="mkdocs build --strict elsewhere, then swap it into place "
                           "(only over a folder an earlier build made)")
    build.add_argument("--config", default="mkdocs.yml")
    build.add_argument("--site", default="site")
    build.add_argument("--engine", choices=ENGINES, default="mkdocs",
                       help="the site engine (default mkdocs; zensical is the second engine)")
    build.set_defaults(run=cmd_build)
    new = sub.add_parser("new", help="start a topic from a template and place it in a stage")
    new.add_argument("topic_id", metavar="TOPIC-ID", help="lowercase-kebab-case id; also the file name")
    new.add_argument("--stage", required=True, metavar="STAGE-ID", help="id of the stage in content/guide.yml")
    new.add_argument("--content", default="content")
    new.set_defaults(run=cmd_new)
    for stream in (sys.stdout, sys.stderr):  # content may hold any character; never fail printing it
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"bounceback {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM during a build: 130 or 143, as a shell reports them
        return 128 + getattr(exc, "signum", 2)
    except Exception as exc:  # a bug of ours: one clear line, not a traceback
        if os.environ.get("BOUNCEBACK_DEBUG"):
            raise
        print(f"bounceback {args.command}: internal error ({type(exc).__name__}: {exc}). "
              "This is a bug in the checker, not in your content: please open an issue with this line "
              "(BOUNCEBACK_DEBUG=1 shows the details).", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
