"""A reader's ticks survive content edits: reordered, reworded, added and renamed items."""
import re

from readerkit import CHECKLIST_READY, reload_topic, tick, ticked
from sitekit import SiteServer, build, free_port

TOPIC = "dont-dwell"


def checklist_block(text: str) -> tuple[str, list[str]]:
    block = text.split("\nchecklist:\n", 1)[1].split("\nreflection:", 1)[0]
    items = re.split(r"(?m)^(?=  - id: )", block)
    return block, [i for i in items if i.strip()]


def test_reorder_reword_add_and_rename_keep_ticks(browser, project_copy, tmp_path):
    project = project_copy()
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    site_dir = tmp_path / "site"
    assert build(project, site_dir, url).returncode == 0
    topic_file = project / "content" / "topics" / f"{TOPIC}.yml"
    original = topic_file.read_text(encoding="utf-8")
    block, items = checklist_block(original)
    ids = [re.search(r"id: (\S+)", i).group(1) for i in items]

    with SiteServer(site_dir, port):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}topics/{TOPIC}/")
        page.wait_for_selector(CHECKLIST_READY)
        for item_id in (ids[0], ids[1], ids[-1]):
            tick(page, TOPIC, item_id)

        # Reverse the order, reword every item, add one, and rename the first with previous_ids.
        edited = [re.sub(r"text: (.*)", r"text: Now \1", i.rstrip("\n")) for i in reversed(items)]
        edited = [i.replace(f"id: {ids[0]}", f"id: {ids[0]}-renamed\n    previous_ids: [{ids[0]}]") for i in edited]
        edited.append("  - id: brand-new-item\n    text: Try the brand new step today")
        topic_file.write_text(original.replace(block, "\n".join(edited)), encoding="utf-8")
        result = build(project, site_dir, url)
        assert result.returncode == 0, result.stderr

        reload_topic(page)
        labels = page.locator("article .bb-item__text").all_inner_texts()
        assert labels[0].startswith("Now ") and labels[-1] == "Try the brand new step today"
        assert sorted(ticked(page, TOPIC)) == sorted([f"{ids[0]}-renamed", ids[1], ids[-1]])
        progress = page.locator("article .bb-checklist [role=status]").inner_text()
        assert progress == f"3 of {len(ids) + 1} done"
        context.close()
