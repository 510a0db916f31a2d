"""Shared fixtures: one real strict build of the site, served on 127.0.0.1, and Debian's chromium."""
from __future__ import annotations

import os
import shutil

import pytest

from lighthouse import CHROMIUM_FLAGS as CHROMIUM_ARGS  # one set of flags for Debian's chromium, here and in make lighthouse
from sitekit import ENGINES, ROOT, copy_project, served_build

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real site, built once as `make build` builds it (strict MkDocs, then the download and the offline layer) and served on a free port.

    SITE_URL is the server's own address, so sitemap.xml matches it and Material's
    instant navigation is on, as on the published site.
    """
    with served_build(ROOT, tmp_path_factory.mktemp("site")) as server:
        yield server


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The same site built by the second engine (`bounceback build --engine zensical`), served."""
    with served_build(ROOT, tmp_path_factory.mktemp("zensical-site"), engine="zensical") as server:
        yield server


@pytest.fixture(params=ENGINES)
def any_site(request):
    """The site as each engine builds it: a test using this runs once per engine."""
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory):
    """Factory: a fresh copy of the project that a test may edit and rebuild."""
    def make():
        return copy_project(tmp_path_factory.mktemp("project"))
    return make


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's chromium; it never downloads a browser."""
    if not os.path.exists(CHROMIUM):
        message = f"chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
