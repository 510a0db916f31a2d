"""`mkdocs serve --livereload` (what `make serve` runs) picks up an edit in content/ live."""
from sitekit import live_preview, retitle, wait_for


def test_serve_reloads_content_edits(project_copy):
    project = project_copy()
    with live_preview(project) as url:
        retitle(project, "dont-dwell", "Leave the replay behind")
        assert wait_for(url + "topics/dont-dwell/", "Leave the replay behind"), "the edit did not reach the served page"


def test_the_open_page_reloads_itself_after_an_edit(project_copy, browser):
    """What a contributor sees: the page in the browser updates by itself (live reload's
    script must be allowed to run), no reload pressed."""
    project = project_copy()
    with live_preview(project) as url:
        page = browser.new_page()
        page.goto(url + "topics/dont-dwell/")
        page.wait_for_selector("article .bb-checklist[data-bb-ready]")
        retitle(project, "dont-dwell", "Leave the replay behind")
        page.locator("article h1", has_text="Leave the replay behind").wait_for(timeout=90_000)
