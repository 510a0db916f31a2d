"""Bounce Back build step: YAML topics -> validated model -> Markdown pages.

Data flows one way: load -> validate -> model -> render. Nothing here knows MkDocs;
`scripts/mkdocs_hooks.py` is the only adapter.
"""
