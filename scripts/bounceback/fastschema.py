"""A fast yes/no schema check for the common case: a file that is valid.

jsonschema explains every problem, but it re-walks the schema at every value and costs
most of the time of `bounceback check` on a large guide. fastjsonschema compiles the same
schema, once, to plain Python code. It only ever decides "valid": a file it rejects, or a
schema it could read differently from jsonschema, goes to jsonschema for the full
explanation, so the problems reported are always jsonschema's.
"""
from __future__ import annotations

import re
from typing import Callable

import fastjsonschema

Check = Callable[[object], object]

# Keywords fastjsonschema (which knows drafts 4 to 2019-09) reads as draft 2020-12 does. A
# schema with any other (prefixItems, unevaluatedProperties...) is left to jsonschema alone:
# fastjsonschema would ignore it and accept what jsonschema rejects.
_NOTES = {"$schema", "$id", "$comment", "title", "description", "examples", "default", "format"}
_VALUES = {"type", "enum", "const", "required", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength",
           "pattern", "minimum", "maximum", "$ref"}
_ONE = {"items", "additionalProperties", "not"}
_EACH = {"allOf", "anyOf", "oneOf"}
_BY_NAME = {"properties", "$defs"}


class _Unsupported(Exception):
    """The schema uses something fastjsonschema may not read as jsonschema does."""


def _as_2020(node, root: dict, depth: int = 0):
    """`node` rewritten so fastjsonschema reads it as draft 2020-12 means it, and fast.

    Each `$ref` (only `#/...` pointers into the schema itself) is replaced by the schema it
    points to: fastjsonschema would call a function per $ref and build its error name on
    every call, most of its time here; it would fetch any other ref over the network, where
    jsonschema never does. In 2020-12 the keywords beside a `$ref` apply too, where
    fastjsonschema follows the $ref alone, so {"$ref": R, "maxLength": 60} becomes
    {"allOf": [<R>], "maxLength": 60}.
    """
    if depth > 32:
        raise _Unsupported("schema nested too deep, or recursive")
    if isinstance(node, bool):
        return node
    if not isinstance(node, dict):
        raise _Unsupported(repr(node)[:40])
    out = {}
    for key, arg in node.items():
        if key in _BY_NAME and isinstance(arg, dict):
            out[key] = {name: _as_2020(sub, root, depth + 1) for name, sub in arg.items()}
        elif key in _EACH and isinstance(arg, list):
            out[key] = [_as_2020(sub, root, depth + 1) for sub in arg]
        elif key in _ONE:
            out[key] = _as_2020(arg, root, depth + 1)
        elif key in _VALUES or key in _NOTES:
            out[key] = arg
        else:
            raise _Unsupported(key)
    if "$ref" not in out:
        return out
    target = _as_2020(_pointed(root, out.pop("$ref")), root, depth + 1)
    if not out:
        return target
    out["allOf"] = [target, *out.get("allOf", [])]
    return out


def _pointed(root: dict, ref) -> object:
    """The part of `root` a `#/...` JSON pointer names."""
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise _Unsupported(f"$ref {ref!r}")
    node = root
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise _Unsupported(ref)
        node = node[part]
    return node


def compile_fast(schema: dict) -> Check | None:
    """fastjsonschema's check for `schema` (raises for an invalid value); None if unsupported.

    Formats are not asserted, as jsonschema does not without a format checker, and
    defaults are not filled in: the data stays as it was read.
    """
    try:
        return fastjsonschema.compile(_as_2020(schema, schema), use_default=False, use_formats=False,
                                      detailed_exceptions=False)
    except (_Unsupported, fastjsonschema.JsonSchemaDefinitionException, re.error, RecursionError):
        return None


_compiled: dict[int, tuple[object, Check | None]] = {}


def fast_valid(validator, instance) -> bool:
    """True when `validator`'s schema accepts `instance`, by fastjsonschema (compiled once
    per validator); False also when the schema is unsupported: then jsonschema decides."""
    entry = _compiled.get(id(validator))
    if entry is None or entry[0] is not validator:  # the validator is kept, so its id stays its own
        entry = _compiled[id(validator)] = (validator, compile_fast(validator.schema))
    if entry[1] is None:
        return False
    try:
        entry[1](instance)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


def cache_clear() -> None:
    """Forget every compiled check (the benchmark measures a cold start)."""
    _compiled.clear()
