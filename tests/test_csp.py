"""bounceback.csp: which scripts are hashed and where the policy goes."""
from bounceback.csp import inline_scripts, policy, script_hash, with_policy

PAGE = """<!doctype html><html><head>
  <meta charset="utf-8"><title>t</title>
  <script>var a = 1;\r\n</script>
  <SCRIPT type="module">import "./x.js"</SCRIPT >
  <script src="bundle.js"></script><script data-src="x" type="text/javascript">b()</script>
  <script id="__config" type="application/json">{"base": "."}</script>
</head><body></body></html>"""


def test_only_inline_javascript_is_hashed_as_the_browser_reads_it():
    assert inline_scripts(PAGE) == ["var a = 1;\n", 'import "./x.js"', "b()"]


def test_script_src_lists_the_hashes_and_never_unsafe_inline():
    script_src = next(d for d in policy(PAGE).split("; ") if d.startswith("script-src"))
    assert script_src.split()[:2] == ["script-src", "'self'"]
    assert sorted(script_src.split()[2:]) == sorted(script_hash(s) for s in inline_scripts(PAGE))
    assert "unsafe-inline" not in policy(PAGE)
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # the spec's empty-string hash


def test_the_policy_follows_the_charset_before_anything_else():
    html = with_policy(PAGE)
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy") < html.index("<title>")
    assert with_policy("<p>no head</p>") == "<p>no head</p>"
