"""The guide offline and installed (issue 13), in real Chromium against the real build:
one visit keeps the whole guide, and with the server stopped every page opens, search
answers, checklists, notes and the tracker work; a page never kept shows the offline
page; a new build replaces the old one on the next visit, says so, and keeps every tick;
Chrome reads the manifest with no error and finds the guide installable; the downloaded
zip, unpacked and opened from disk, works and asks no host; `mkdocs serve` is never
answered by a worker an earlier build left."""
from __future__ import annotations

import json
import struct
import time
import urllib.request
import zipfile
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from readerkit import CHECKLIST_READY, GUIDE, TOPIC, search, search_result, tick, ticked, watch_errors
from sitekit import ENGINES, SiteServer, build, copy_project, free_port, live_preview, retitle

# Five pages other than the first one visited, of every kind: topic, stage, plan, tracker, about.
OTHER_PAGES = {"topics/dont-dwell/": GUIDE.topics["dont-dwell"].title, "learn-from-it/": "Learn from it",
               "plan/": "My plan", "applications/": "My applications", "about/": "About this guide"}
UPDATED = "The guide has been updated"


def wait_for_worker(page) -> None:
    """Until the page is controlled by the guide's worker, its whole build kept."""
    assert page.evaluate("""() => new Promise((done) => {
        if (navigator.serviceWorker.controller) return done(true);
        navigator.serviceWorker.addEventListener("controllerchange", () => done(true));
    })""")


def heading(page):
    return page.locator("article h1").first


def cache_names(page) -> list[str]:
    return page.evaluate("caches.keys()")


def eventually(page, script: str, done, limit: float = 15):
    """What `script` evaluates to once `done(value)` holds, or after `limit` seconds (a
    bound for work the browser finishes in the background, not a timing test)."""
    end = time.monotonic() + limit
    value = page.evaluate(script)
    while not done(value) and time.monotonic() < end:
        page.wait_for_timeout(200)
        value = page.evaluate(script)
    return value


def built(folder, engine: str = "mkdocs"):
    """A project copy in `folder`, built as `make build` builds it; (project, site, port)."""
    project = copy_project(folder / "project")
    port = free_port()
    result = build(project, folder / "site", site_url=f"http://127.0.0.1:{port}/", engine=engine)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, folder / "site", port


@pytest.fixture
def offline_site(tmp_path):
    return built(tmp_path)


@pytest.fixture(params=ENGINES)
def any_offline_site(request, tmp_path):
    """The same, once per engine."""
    return built(tmp_path, request.param)


def test_after_one_visit_the_whole_guide_works_with_the_server_gone(browser, any_offline_site):
    project, folder, port = any_offline_site
    context = browser.new_context()
    page = context.new_page()
    errors = watch_errors(page)
    with SiteServer(folder, port) as server:
        page.goto(server.url)
        wait_for_worker(page)
    context.set_offline(True)  # and the server is stopped: nothing answers on the network
    for path, title in OTHER_PAGES.items():
        page.goto(f"http://127.0.0.1:{port}/{path}")
        expect(heading(page)).to_contain_text(title)
    # Search: Material's worker and the index come from the kept copy.
    page.goto(f"http://127.0.0.1:{port}/")
    search(page, "feedback")
    expect(search_result(page, TOPIC)).to_be_visible()
    # A checklist: tick, reload, still ticked.
    page.goto(f"http://127.0.0.1:{port}/topics/{TOPIC}/")
    page.wait_for_selector(CHECKLIST_READY)
    first = page.locator(f"article input.bb-item__box[data-topic='{TOPIC}']").first.get_attribute("data-item")
    tick(page, TOPIC, first)
    page.reload()
    page.wait_for_selector(CHECKLIST_READY)
    assert ticked(page) == [first]
    # A note under a reflection question.
    note = page.locator("article textarea").first
    note.fill("Written on the train, offline.")
    expect(page.locator("article .bb-question [role=status]").first).to_contain_text("Saved")
    page.reload()
    expect(page.locator("article textarea").first).to_have_value("Written on the train, offline.")
    # The tracker.
    page.goto(f"http://127.0.0.1:{port}/applications/")
    page.wait_for_selector("article [data-bb-apps][data-bb-ready]")
    page.locator("article").get_by_label("Company", exact=True).fill("Offline Ltd")
    page.locator("article").get_by_role("button", name="Add application").click()
    page.reload()
    expect(page.locator("article .bb-apps__entry h3")).to_have_text(["Offline Ltd"])
    # An address the guide never had: the offline page, styled and working.
    page.goto(f"http://127.0.0.1:{port}/topics/a-page-added-later/")
    expect(heading(page)).to_have_text("You're offline")
    expect(page.locator("article").get_by_role("link", name="My plan")).to_be_visible()
    assert errors == [], errors
    context.close()


def test_under_a_sub_path_the_guide_keeps_to_its_own_scope(browser, tmp_path):
    """As on GitHub Pages (user.github.io/repo/): the worker's scope, its cache and the
    reader's data are the guide's path, so another site on the same host is left alone."""
    project = copy_project(tmp_path / "project")
    port = free_port()
    host = tmp_path / "host"
    result = build(project, host / "guide", site_url=f"http://127.0.0.1:{port}/guide/")
    assert result.returncode == 0, result.stdout + result.stderr
    (host / "index.html").write_text("<!doctype html><title>Another site</title><p>Another site", encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    with SiteServer(host, port) as server:
        page.goto(server.url + "guide/")
        wait_for_worker(page)
        scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
        assert scope == server.url + "guide/"
        assert [name.rsplit(":", 1)[0] for name in cache_names(page)] == ["bounceback:/guide/"]
        page.goto(server.url)  # the host's other site: never answered by the guide's worker
        assert page.evaluate("navigator.serviceWorker.controller") is None
    context.set_offline(True)
    page.goto(f"http://127.0.0.1:{port}/guide/topics/{TOPIC}/")
    page.wait_for_selector(CHECKLIST_READY)
    first = page.locator(f"article input.bb-item__box[data-topic='{TOPIC}']").first.get_attribute("data-item")
    tick(page, TOPIC, first)
    keys = page.evaluate("Object.keys(localStorage)")  # ours, and Material's palette choice
    assert f"bounceback:/guide/:{TOPIC}:{first}" in keys
    assert all(key.startswith(("bounceback:/guide/:", "/guide/.")) for key in keys), keys
    page.goto(f"http://127.0.0.1:{port}/guide/no-such-page/")
    expect(heading(page)).to_have_text("You're offline")
    context.close()


def test_a_new_build_shows_on_the_next_visit_says_so_and_keeps_the_ticks(browser, offline_site):
    project, folder, port = offline_site
    context = browser.new_context()
    page = context.new_page()
    url = f"http://127.0.0.1:{port}/topics/{TOPIC}/"
    with SiteServer(folder, port):
        page.goto(url)
        page.wait_for_selector(CHECKLIST_READY)
        wait_for_worker(page)
        first = page.locator(f"article input.bb-item__box[data-topic='{TOPIC}']").first.get_attribute("data-item")
        tick(page, TOPIC, first)
        old = cache_names(page)
        assert len(old) == 1 and old[0].startswith("bounceback:/:"), old
    context.set_offline(True)
    page.reload()
    expect(heading(page)).to_have_text(GUIDE.topics[TOPIC].title)  # the kept copy
    # A deploy while the reader is away: one topic has a new title.
    retitle(project, TOPIC, "Ask for feedback, kindly")
    result = build(project, folder, site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    context.set_offline(False)
    with SiteServer(folder, port):
        page.reload()
        expect(heading(page)).to_contain_text("Ask for feedback, kindly")
        page.wait_for_selector(CHECKLIST_READY)
        assert ticked(page) == [first]
        expect(page.get_by_role("status").filter(has_text=UPDATED)).to_contain_text("ticks, notes and applications")
        new = eventually(page, "caches.keys()", lambda names: len(names) == 1)  # the old one goes right after
        assert len(new) == 1 and new != old, (old, new)
        # The other pages come from the new build too, with the network gone again.
        context.set_offline(True)
    page.goto(f"http://127.0.0.1:{port}/plan/")
    expect(page.locator("article")).to_contain_text("Ask for feedback, kindly")
    context.close()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_chrome_reads_the_manifest_and_finds_the_guide_installable(browser_type, browser_type_launch_args,
                                                                 offline_site, tmp_path):
    """In a normal (not incognito) profile, where Chrome offers to install a site."""
    project, folder, port = offline_site
    context = browser_type.launch_persistent_context(tmp_path / "profile", **browser_type_launch_args)
    page = context.new_page()
    with SiteServer(folder, port) as server:
        page.goto(server.url)
        wait_for_worker(page)
        cdp = context.new_cdp_session(page)
        read = cdp.send("Page.getAppManifest")
        assert read["errors"] == [], read["errors"]
        manifest = json.loads(read["data"])
        assert manifest["name"] == "Bounce Back" and manifest["short_name"] == "Bounce Back"
        assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
        assert manifest["theme_color"].startswith("#")
        sizes = set()
        for icon in manifest["icons"]:
            with urllib.request.urlopen(server.url + icon["src"]) as response:
                assert response.headers["Content-Type"] == "image/png"
                width, height = png_size(response.read())
            assert f"{width}x{height}" == icon["sizes"]
            sizes.add((width, icon["purpose"]))
        assert {(192, "any"), (512, "any"), (512, "maskable")} <= sizes
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        touch = page.locator("link[rel=apple-touch-icon]").get_attribute("href")
        with urllib.request.urlopen(urljoin(page.url, touch)) as response:
            assert png_size(response.read()) == (180, 180)
    context.close()


def test_the_downloaded_guide_opens_from_disk_and_asks_no_host(browser, any_offline_site, tmp_path):
    project, folder, port = any_offline_site
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    with SiteServer(folder, port) as server:
        page.goto(server.url + "about/")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download the guide").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
    assert saved.name == "bounce-back.zip"
    with zipfile.ZipFile(saved) as archive:
        archive.extractall(tmp_path / "unpacked")
    guide = tmp_path / "unpacked" / "bounce-back"
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    errors = watch_errors(page)
    page.goto((guide / "index.html").as_uri())
    # Every topic is there, reachable from the home page by its link.
    page.locator(f"article a[href='topics/{TOPIC}/index.html']").first.click()
    page.wait_for_selector(CHECKLIST_READY)
    boxes = page.locator(f"article input.bb-item__box[data-topic='{TOPIC}']")
    first = boxes.first.get_attribute("data-item")
    tick(page, TOPIC, first)
    page.reload()
    page.wait_for_selector(CHECKLIST_READY)
    assert ticked(page) == [first]
    expect(page.locator("article .bb-progress").first).to_contain_text("1 of")
    # The menu leads on, from file to file: My plan counts the tick.
    page.set_viewport_size({"width": 1400, "height": 900})
    page.locator(".md-nav__link[href$='plan/index.html']").first.click()
    expect(page).to_have_url((guide / "plan" / "index.html").as_uri())
    expect(page.locator("article")).to_contain_text("1 of")
    pages = {p.relative_to(guide).as_posix() for p in guide.rglob("index.html")}
    assert {"index.html", "plan/index.html", "applications/index.html", "workbook/index.html"} <= pages
    assert {f"topics/{topic}/index.html" for topic in GUIDE.topics} <= pages
    assert requested and all(url.startswith("file://") for url in requested), [u for u in requested if not u.startswith("file://")]
    assert errors == [], errors
    context.close()


def test_the_live_preview_is_never_answered_by_a_worker(browser, offline_site):
    """A build previewed on the address `make serve` uses, then the live preview there: the
    old worker removes itself, the preview registers none, and an edit reloads live."""
    project, folder, port = offline_site
    context = browser.new_context()
    page = context.new_page()
    with SiteServer(folder, port) as server:
        page.goto(server.url + "topics/dont-dwell/")
        wait_for_worker(page)
    with live_preview(project, port) as url:
        page.goto(url + "topics/dont-dwell/")
        expect(page.locator("link[rel=manifest]")).to_have_count(0)
        # The old worker's update check fetched the preview's sw.js, which retires it.
        assert eventually(page, "navigator.serviceWorker.getRegistrations().then(r => r.length)", lambda n: n == 0) == 0
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert cache_names(page) == []
        retitle(project, "dont-dwell", "Leave the replay behind")
        expect(heading(page)).to_contain_text("Leave the replay behind", timeout=60000)
    context.close()
