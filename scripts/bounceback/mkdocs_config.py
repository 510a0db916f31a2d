"""mkdocs.yml read as MkDocs reads it, for the code that needs it without MkDocs itself
(the Zensical adapter, the benchmark): `!ENV NAME` or `!ENV [NAME, ..., default]` gives the
first of those variables that is set, else the default."""
from __future__ import annotations

import os
from pathlib import Path

import yaml


class _EnvLoader(yaml.SafeLoader):
    pass


def _env_value(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node)
    return next((os.environ[name] for name in names if name in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env_value)


def read_config(path: Path) -> dict:
    """The settings of a mkdocs.yml, its !ENV values filled in from the environment."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EnvLoader) or {}
