"""The whole guide on the reader's device after one visit, and installable like an app.

A finished build gets, at its root, a web app manifest and a service worker (sw.js) that
holds the list of every file a reader needs: each page, our assets and Material's, the
search index and its worker. The worker's cache is named by a hash of all those files,
so each build is one cache, complete or not there at all, and a new deploy is a new
worker with a new cache (the old one is deleted once the new one is in place). Each file
is fetched with its hash as the request's integrity: a cache between the host and the
reader that still serves the last deploy's page fails the install, which the browser
tries again at the next visit, instead of keeping an old page under the new version. What the
worker does with each request is in templates/sw.js.jinja; docs/assets/offline.js
registers it. Nothing here runs for `mkdocs serve`, which serves RETIRED_WORKER instead.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline/"
# Material's teal (mkdocs.yml: palette primary), for the browser's title bar of the installed app.
THEME_COLOR = "#009485"
ICONS = (("assets/icons/icon-192.png", 192, "any"), ("assets/icons/icon-512.png", 512, "any"),
         ("assets/icons/icon-512.png", 512, "maskable"))
# What no reader needs: source maps (for developer tools), the files only search engines
# read (sitemap.xml stays: instant navigation reads it to know the site's pages), the
# download (a copy of everything) and the worker itself.
_NOT_FOR_READERS = re.compile(r"(?:^|/)[^/]+\.map$|^sitemap\.xml\.gz$|^robots\.txt$|^download/|^sw\.js$")
# Material's stemmers and word splitters for search in languages other than English: its
# search worker loads them only when the search index says the site is in one of those.
_LUNR = "assets/javascripts/lunr/"
# A file whose name carries its content's hash (Material's), or one stamp.py stamped.
_FIXED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[^/]+$")


@dataclass(frozen=True)
class Precache:
    fixed: tuple[str, ...]  # addresses that change with their content: kept as they are
    fresh: tuple[str, ...]  # pages, the search index, icons: the network's copy first
    integrity: dict[str, str]  # each address -> the hash its bytes must have when the worker keeps them
    version: str
    size: int  # bytes, as stored on the device


def _needs_lunr(site_dir: Path) -> bool:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return False
    langs = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    return any(lang != "en" for lang in langs)


def reader_files(site_dir: Path) -> list[str]:
    """Site paths of every file a reader may need, in a stable order."""
    lunr = _needs_lunr(site_dir)
    paths = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return [p for p in paths if not _NOT_FOR_READERS.search(p) and (lunr or not p.startswith(_LUNR))]


def page_address(path: str) -> str:
    """The address a page is asked for by: topics/x/index.html -> topics/x/, index.html -> ./"""
    if path == "index.html":
        return "./"
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def precache(site_dir: Path, stamps: dict[str, str]) -> Precache:
    """What the worker keeps of the built site in `site_dir`, with our assets at the
    addresses stamp.py gave them (`stamps`: site path -> version)."""
    fixed, fresh, integrity, digest, size = [], [], {}, hashlib.sha256(), 0
    for path in reader_files(site_dir):
        data = (site_dir / path).read_bytes()
        digest.update(path.encode("utf-8") + b"\0" + data + b"\0")
        size += len(data)
        if path in stamps:
            address = f"{path}?v={stamps[path]}"
            fixed.append(address)
        elif _FIXED_NAME.search(path):
            address = path
            fixed.append(address)
        else:
            address = page_address(path)
            fresh.append(address)
        integrity[address] = "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")
    return Precache(tuple(fixed), tuple(fresh), integrity, digest.hexdigest()[:16], size)


def service_worker(cache: Precache) -> str:
    from .strings import word
    from .templating import render

    return render("sw.js.jinja", fixed=list(cache.fixed), fresh=list(cache.fresh), integrity=cache.integrity,
                  version=cache.version,
                  offline=OFFLINE_PAGE, unsaved=word("page.offline_unsaved"))


def short_name(name: str, limit: int = 12) -> str:
    """The name under an installed app's icon: the whole name if it fits in `limit`
    characters (what launchers show uncut), else as many of its first words as fit."""
    if len(name) <= limit:
        return name
    short = ""
    for part in name.split():
        if len(f"{short} {part}".strip()) > limit:
            break
        short = f"{short} {part}".strip()
    return short or name[:limit]


def manifest(name: str, description: str, language: str) -> str:
    """The web app manifest: addresses relative to it, at the site's root. No "id": a
    relative one is read against the host, so two guides under one host (user.github.io/a/
    and /b/) would be one app; without it, the id is start_url, read against the manifest."""
    icons = [{"src": src, "sizes": f"{px}x{px}", "type": "image/png", "purpose": purpose} for src, px, purpose in ICONS]
    return json.dumps({
        "name": name, "short_name": short_name(name),
        "description": description, "lang": language, "start_url": "./", "scope": "./",
        "display": "standalone", "background_color": "#ffffff", "theme_color": THEME_COLOR, "icons": icons,
    }, ensure_ascii=False, indent=1) + "\n"


def template_extra(download: str, escaped) -> dict:
    """config.extra.offline, as overrides/main.html reads it: the manifest's colour, the
    download's address (site path) and words, escaped by `escaped`, and the words of
    offline.js as the JSON of a data-words attribute."""
    from jinja2.utils import htmlsafe_json_dumps

    from .strings import script_words, word

    return {"theme_color": THEME_COLOR, "download": download, "download_text": escaped(word("page.download")),
            "download_hint": escaped(word("page.download_hint")), "download_label": escaped(word("page.download_label")),
            "words": str(htmlsafe_json_dumps(script_words(groups=("offline",))))}


def write_offline(site_dir: Path, stamps: dict[str, str], name: str, description: str, language: str) -> Precache:
    """The manifest and the service worker, written into a finished build; what it keeps."""
    (site_dir / MANIFEST).write_text(manifest(name, description, language), encoding="utf-8")
    cache = precache(site_dir, stamps)
    (site_dir / WORKER).write_text(service_worker(cache), encoding="utf-8")
    return cache


# What `mkdocs serve` answers for sw.js: a worker that only removes itself and the guide's
# caches, so a copy built and previewed earlier on the same address never answers in
# place of the live preview.
RETIRED_WORKER = """\
/* Bounce Back's live preview has no service worker: this one removes an earlier one. */
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  var prefix = "bounceback:" + new URL(self.registration.scope).pathname + ":";
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf(prefix) === 0; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.registration.unregister(); }));
});
"""
