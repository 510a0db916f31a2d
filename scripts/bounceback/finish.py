"""What a full build adds to the engine's output, the same for every engine.

In this order: our assets' addresses stamped with their content (stamp.py); the zip of
the copy that opens from disk (download.py), built by the same engine; then the web app
manifest and the service worker (offline.py), whose list covers everything before it.
`mkdocs serve` and a bare `mkdocs build` do none of this: their pages carry no manifest
and load no offline.js (overrides/main.html asks config.extra.offline, which only
sitebuild sets).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Callable

from .download import FOLDER, make_openable, write_zip, zip_name
from .mkdocs_config import read_config
from .offline import Precache, template_extra, write_offline
from .stamp import stamp_own_assets

COPY = ".copy"  # the copy's build, inside the staging folder: removed with it


def offline_extra(config_file: Path, escaped) -> dict:
    """config.extra.offline of a full build (see offline.template_extra)."""
    return template_extra(f"{FOLDER}/{zip_name(read_config(config_file)['site_name'])}", escaped)


def finish_site(config_file: Path, site_dir: Path, build_copy: Callable[[Path], bool]) -> Precache | None:
    """Stamp, add the download and the offline layer to the finished build in `site_dir`;
    `build_copy(folder)` builds the copy that opens from disk. None when that build failed."""
    config = read_config(config_file)
    sources = config_file.resolve().parent / "docs" / "assets"
    stamps = stamp_own_assets(sources, site_dir)
    copy = site_dir / COPY
    copy.mkdir()
    if not build_copy(copy):
        print("the downloadable copy did not build", file=sys.stderr)
        return None
    stamp_own_assets(sources, copy)
    make_openable(copy)
    name = zip_name(config["site_name"])
    write_zip(copy, site_dir / FOLDER / name, name.removesuffix(".zip"))
    shutil.rmtree(copy)
    language = (config.get("theme") or {}).get("language", "en")
    return write_offline(site_dir, stamps, str(config["site_name"]), str(config.get("site_description") or "").strip(),
                         language)
