"""Build the site beside the last good one and swap it in only when the build passed.

A failed build (bad content, a strict-mode warning) leaves `site/` exactly as it was, and
a build only ever replaces a folder an earlier build made (siteguard).
Two builds of the same files give the same bytes: the only date MkDocs writes (sitemap
`lastmod`, the sitemap.xml.gz header) comes from SOURCE_DATE_EPOCH, which we set to the
newest source file's time unless the caller chose one (CI passes the commit's time).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .siteguard import MARKER, MARKER_TEXT, check_site


def source_date_epoch(config: Path) -> int:
    """Time of the newest file the site is built from: mkdocs.yml, content/, docs/, overrides/."""
    root = config.resolve().parent
    paths = [config, *(p for folder in ("content", "docs", "overrides") for p in (root / folder).rglob("*"))]
    return max((int(p.stat().st_mtime) for p in paths if p.is_file()), default=0)


def build_site(config: Path, site: Path) -> int:
    """Raises SiteRefused (exit 2, nothing written) for a --site that is not our own output."""
    site = check_site(config, site)
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.new-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp makes it private; a site must be readable
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(config)))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(staging)],
        env=env,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site.name}/ was left as it was", file=sys.stderr)
        return 1
    (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")  # written last: a whole site
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        os.replace(site, old / site.name)
    os.replace(staging, site)
    if old:
        shutil.rmtree(old, ignore_errors=True)
    print(f"built {site.name}/")
    return 0
