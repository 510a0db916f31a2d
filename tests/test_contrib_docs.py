"""CONTRIBUTING.md's annotated example is a valid topic, and the GitHub files are in place."""
from __future__ import annotations

import re

import yaml

from bounceback.scaffold import add_to_stage
from contribkit import run_cli
from sitekit import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def annotated_example() -> str:
    section = CONTRIBUTING.split("## The format of a topic, annotated", 1)[1]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_annotated_example_passes_the_check(project_copy):
    project = project_copy()
    example = annotated_example()
    topic_id = yaml.safe_load(example)["id"]
    (project / "content" / "topics" / f"{topic_id}.yml").write_text(example, encoding="utf-8")
    guide = project / "content" / "guide.yml"
    guide.write_text(add_to_stage(guide, topic_id, "learn-from-it"), encoding="utf-8")
    leading = project / "content" / "topics" / "analyse-your-performance.yml"  # where readers come from, as the example says
    leading.write_text(leading.read_text(encoding="utf-8").replace("\nrelated: [", f"\nrelated: [{topic_id}, "), encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stdout


def test_annotated_example_uses_every_field_of_the_schema():
    import json
    schema = json.loads((ROOT / "content" / "topic.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(annotated_example())
    assert set(data) == set(schema["properties"])
    assert any("previous_ids" in item for item in data["checklist"])
    assert any(isinstance(item.get("remind_after_days"), int) for item in data["checklist"])


def test_contributing_covers_the_commands_and_the_style_guide():
    for needle in ["make serve", "make check", "make new ID=", "Suggest an edit", "previous_ids",
                   "second person", "false promises", "eight words in a row", "Start with a verb"]:
        assert needle in CONTRIBUTING, needle


def test_github_templates_and_workflows():
    github = ROOT / ".github"
    assert "make check" in (github / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    form = yaml.safe_load((github / "ISSUE_TEMPLATE" / "suggest-advice.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and any(f["type"] == "textarea" for f in form["body"])

    def workflow(name):
        data = yaml.load((github / "workflows" / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        runs = [step.get("run", "") + step.get("uses", "") for job in data["jobs"].values() for step in job["steps"]]
        return data, "\n".join(runs)

    pr, runs = workflow("pr.yml")
    assert "pull_request" in pr["on"]
    assert "make check" in runs and "make build" in runs and "bash .ci/run" in runs  # .ci/run: apt chromium + make test
    pages, runs = workflow("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in runs
    assert "SITE_URL" in (github / "workflows" / "pages.yml").read_text(encoding="utf-8")
    links, runs = workflow("links.yml")
    assert links["on"]["schedule"] and "make links" in runs
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
