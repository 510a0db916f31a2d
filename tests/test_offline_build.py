"""What a full build adds for offline use and for the download (issue 13), by each engine,
and the pure parts behind it: what the worker keeps, how a build's version follows its
files, our assets' stamped addresses, the copy's file links, a zip that is the same for
the same files. (The browser tests in browser/test_offline.py use all of it for real.)"""
import base64
import hashlib
import json
import os
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path


from bounceback.download import file_links, write_zip, zip_name
from bounceback.offline import WORKER, manifest, precache, reader_files
from bounceback.stamp import stamped

OWN = {p.name for p in (Path(__file__).resolve().parent.parent / "docs" / "assets").iterdir() if p.is_file()}


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.refs.append((tag, value))


def refs(path: Path) -> list[tuple[str, str]]:
    parser = Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.refs


def worker_lists(site: Path) -> tuple[list[str], list[str]]:
    text = (site / WORKER).read_text(encoding="utf-8")
    lists = [json.loads(re.search(rf"^var {name} = (\[.*?\]);$", text, re.M).group(1)) for name in ("FIXED", "FRESH")]
    return lists[0], lists[1]


def test_every_page_offers_the_manifest_and_loads_our_files_at_their_stamped_address(any_site):
    pages = sorted(any_site.dir.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        found = refs(page)
        assert ("link", "manifest.webmanifest") in [(t, h.rsplit("/", 1)[-1]) for t, h in found], page
        ours = [h for t, h in found if t in ("script", "link") and h.split("?")[0].rsplit("/", 1)[-1] in OWN]
        assert any("offline.js?v=" in h for h in ours), page
        assert all(re.search(r"\?v=[0-9a-f]{10}$", h) for h in ours), (page, ours)


def test_the_worker_keeps_every_page_and_file_a_reader_needs_and_nothing_else(any_site):
    site = any_site.dir
    fixed, fresh = worker_lists(site)
    kept = {entry.split("?")[0] for entry in fixed} | {
        "index.html" if entry == "./" else entry + "index.html" if entry.endswith("/") else entry for entry in fresh}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert pages <= kept
    assert {f"assets/{name}" for name in OWN if (site / "assets" / name).exists()} <= kept
    assert any("workers/search" in entry for entry in fixed)  # Material's (or Zensical's) search worker
    assert {"manifest.webmanifest", "offline/"} <= set(fresh)
    for entry in kept:
        assert (site / entry).is_file(), entry
    assert "sitemap.xml" in kept  # instant navigation reads it
    assert not [e for e in kept if e.endswith((".map", ".gz")) or e.startswith("download/") or e == WORKER]
    assert not [e for e in kept if "/lunr/" in e]  # stemmers for other languages: the guide is in English


def test_the_download_holds_the_guide_to_open_from_disk(any_site):
    archive = zipfile.ZipFile(any_site.dir / "download" / "bounce-back.zip")
    names = archive.namelist()
    assert names == sorted(names) and all(n.startswith("bounce-back/") for n in names)
    assert "bounce-back/index.html" in names and "bounce-back/topics/ask-for-feedback/index.html" in names
    home = archive.read("bounce-back/index.html").decode("utf-8")
    assert 'href="topics/ask-for-feedback/index.html"' in home
    assert "manifest.webmanifest" not in home and "offline.js" not in home  # no worker from disk
    assert 'data-md-component="search"' not in home  # search cannot start from disk: no box that fails
    assert not [n for n in names if n.endswith(("search_index.json", "search.json", "search.js"))]
    assert not [n for n in names if n.endswith((".map", ".gz", "sw.js"))]


def test_a_reader_file_list_leaves_out_what_no_reader_needs(tmp_path):
    for path in ("index.html", "topics/x/index.html", "assets/app.js.map", "sitemap.xml", "sitemap.xml.gz",
                 "robots.txt", "download/g.zip", "sw.js", "assets/javascripts/lunr/min/lunr.de.min.js",
                 "search/search_index.json"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    (tmp_path / "search" / "search_index.json").write_text('{"config": {"lang": ["en"]}, "docs": []}')
    assert reader_files(tmp_path) == ["index.html", "search/search_index.json", "sitemap.xml", "topics/x/index.html"]
    (tmp_path / "search" / "search_index.json").write_text('{"config": {"lang": ["en", "de"]}, "docs": []}')
    assert "assets/javascripts/lunr/min/lunr.de.min.js" in reader_files(tmp_path)


def test_the_version_follows_every_byte_kept_and_stamps_become_fixed_addresses(tmp_path):
    for path, text in {"index.html": "home", "topics/x/index.html": "x", "assets/store.js": "s",
                       "assets/javascripts/bundle.a5f9d56c.min.js": "b"}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    first = precache(tmp_path, {"assets/store.js": "0123456789"})
    assert first.fixed == ("assets/javascripts/bundle.a5f9d56c.min.js", "assets/store.js?v=0123456789")
    assert first.fresh == ("./", "topics/x/")
    assert first.integrity["./"] == "sha256-" + base64.b64encode(hashlib.sha256(b"home").digest()).decode()
    assert set(first.integrity) == set(first.fixed + first.fresh)
    assert first.size == 7  # bytes of the four files
    assert precache(tmp_path, {"assets/store.js": "0123456789"}).version == first.version
    (tmp_path / "topics/x/index.html").write_text("y", encoding="utf-8")
    assert precache(tmp_path, {"assets/store.js": "0123456789"}).version != first.version


def test_stamps_reach_our_files_from_any_depth_and_nothing_else():
    versions = {"assets/store.js": "aaaaaaaaaa"}
    html = ('<script src="../../assets/store.js"></script><script src="https://x.test/assets/store.js"></script>'
            '<a href="../../assets/store.js#top">s</a><link href="../assets/store.js">')
    done = stamped(html, "topics/x/index.html", versions)
    assert done == ('<script src="../../assets/store.js?v=aaaaaaaaaa"></script><script src="https://x.test/assets/store.js">'
                    '</script><a href="../../assets/store.js#top">s</a><link href="../assets/store.js">')


def test_the_copy_links_to_files_not_folders():
    assert file_links('<a href="topics/x/">') == '<a href="topics/x/index.html">'
    assert file_links('<a href="../">') == '<a href="../index.html">'
    assert file_links('<a href="..">') == '<a href="../index.html">'
    assert file_links('<a href="../topics/x/#checklist">') == '<a href="../topics/x/index.html#checklist">'
    for unchanged in ('<a href="#top">', '<a href="https://x.test/">', '<a href="mailto:a@x.test">',
                      '<link href="assets/a.css?v=1">', '<a href="/abs/">'):
        assert file_links(unchanged) == unchanged


def test_a_zip_of_the_same_files_is_the_same_bytes(tmp_path, monkeypatch):
    (tmp_path / "copy" / "topics").mkdir(parents=True)
    (tmp_path / "copy" / "index.html").write_text("home", encoding="utf-8")
    (tmp_path / "copy" / "topics" / "x.html").write_text("x", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    write_zip(tmp_path / "copy", tmp_path / "a.zip", "guide")
    for path in (tmp_path / "copy").rglob("*"):  # the files' own times count for nothing
        os.utime(path, (1_000_000_000, 1_000_000_000))
    write_zip(tmp_path / "copy", tmp_path / "b.zip", "guide")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "a.zip").namelist() == ["guide/index.html", "guide/topics/x.html"]
    assert zip_name("Bounce Back") == "bounce-back.zip" and zip_name("!!!") == "guide.zip"


def test_the_manifest_says_what_an_installed_app_needs():
    data = json.loads(manifest("Bounce Back", "A calm guide.", "en"))
    assert {key: data[key] for key in ("name", "short_name", "start_url", "scope", "display")} == {
        "name": "Bounce Back", "short_name": "Bounce Back", "start_url": "./", "scope": "./", "display": "standalone"}
    assert {(i["sizes"], i["purpose"]) for i in data["icons"]} == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    assert json.loads(manifest("Back on Your Feet Again", "", "en"))["short_name"] == "Back on Your"
    assert json.loads(manifest("Unbreakablespirit", "", "en"))["short_name"] == "Unbreakables"
