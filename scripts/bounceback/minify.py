"""Our own scripts and styles leave the build minified.

The files in docs/assets/ keep their comments for the people who read and change them;
readers only download what runs. rjsmin and rcssmin (well kept, pure Python with a C
speed-up) strip comments and spaces without renaming anything, so a minified file
behaves exactly as its source and an error still names the same functions. `mkdocs serve`
serves the sources as they are.
"""
from __future__ import annotations

from pathlib import Path

MINIFIERS = {".js": "rjsmin", ".css": "rcssmin"}


def minified(suffix: str, text: str) -> str:
    """`text` of a .js or .css file without comments and needless spaces."""
    if suffix == ".js":
        from rjsmin import jsmin

        return jsmin(text) + "\n"
    from rcssmin import cssmin

    return cssmin(text) + "\n"


def minify_own_assets(sources: Path, site_dir: Path) -> list[Path]:
    """Rewrite, in a built site, each .js and .css file that docs/assets/ (`sources`) holds;
    the theme's own files are left alone. Returns the files rewritten."""
    done = []
    for source in sorted(sources.glob("*")):
        built = site_dir / "assets" / source.name
        if source.suffix in MINIFIERS and built.is_file():
            built.write_text(minified(source.suffix, source.read_text(encoding="utf-8")), encoding="utf-8")
            done.append(built)
    return done
