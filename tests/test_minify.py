"""Our own scripts and styles reach readers minified, by both engines; the sources keep
their comments. (The browser tests run the minified files, so they prove it still works.)"""
from __future__ import annotations

from bounceback.minify import minified
from sitekit import ROOT

ASSETS = ROOT / "docs" / "assets"


def test_a_comment_goes_and_a_string_that_looks_like_one_stays():
    script = '/* why */\nvar a = "/* kept */"; // gone\nvar b = /\\/\\*/;\n'
    assert minified(".js", script) == 'var a="/* kept */";var b=/\\/\\*/;\n'
    assert minified(".css", "/* why */\n.a {\n  color: red;\n}\n") == ".a{color:red}\n"


def test_every_own_asset_is_built_minified_by_each_engine(any_site):
    own = sorted(p for p in ASSETS.iterdir() if p.suffix in (".js", ".css"))
    assert own
    for source in own:
        built = (any_site.dir / "assets" / source.name).read_text(encoding="utf-8")
        assert built == minified(source.suffix, source.read_text(encoding="utf-8")), source.name
        assert "/*" not in built.replace('"/*', "").replace("'/*", ""), source.name
        assert len(built) < len(source.read_text(encoding="utf-8")), source.name
