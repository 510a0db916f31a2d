"""The benchmark measures real work only if its synthetic guides are valid content."""
from bench_content import write_project
from bounceback.content import read_guide


def test_synthetic_guide_passes_every_check(tmp_path):
    project = write_project(tmp_path / "p", 45)
    guide, problems = read_guide(project / "content", project)
    assert problems == []
    assert len(guide.topics) == 45 and guide.start
