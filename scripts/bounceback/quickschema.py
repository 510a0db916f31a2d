"""A fast yes/no schema check for the common case: a file that is valid.

jsonschema explains every problem, but it re-walks the schema at every value and costs
most of the time of `bounceback check` on a large guide. This turns the same schema, once,
into plain Python functions (generated source, one per schema node). It only ever says
"valid": a file it rejects, or a schema using a keyword it does not implement exactly,
goes to jsonschema for the full explanation, so the problems reported are always
jsonschema's.
"""
from __future__ import annotations

import re
from typing import Callable

Check = Callable[[object], bool]

_ANNOTATIONS = {"$schema", "$comment", "title", "description", "examples", "default", "$defs", "definitions"}
_TYPES = {"string": str, "array": list, "object": dict, "null": type(None), "boolean": bool}
_GUARDS = {"minLength": "str", "maxLength": "str", "pattern": "str", "minItems": "list", "maxItems": "list",
           "items": "list", "uniqueItems": "list", "required": "dict", "properties": "dict",
           "additionalProperties": "dict"}
_MISSING = object()


class Unsupported(Exception):
    """The schema uses something this checker does not implement exactly."""


def compile_quick(schema: dict) -> Check | None:
    """A check that returns True only for values jsonschema accepts; None if unsupported."""
    try:
        return _Generator(schema).build()
    except (Unsupported, re.error, RecursionError):
        return None


def _unique_texts(items: list) -> bool:
    """uniqueItems, judged here only for lists of text; anything else goes to jsonschema."""
    return all(type(item) is str for item in items) and len(set(items)) == len(items)


class _Generator:
    def __init__(self, root: dict):
        self.root = root
        self.names: dict[int, str] = {}  # id(schema node) -> function name
        self.functions: list[str] = []
        self.constants: dict[str, object] = {"_MISSING": _MISSING, "_unique_texts": _unique_texts}

    def build(self) -> Check:
        entry = self.function(self.root, depth=0)
        namespace = dict(self.constants)
        exec(compile("\n\n".join(self.functions), "<quickschema>", "exec"), namespace)  # our own generated source
        return namespace[entry]

    def constant(self, value) -> str:
        name = f"_k{len(self.constants)}"
        self.constants[name] = value
        return name

    def resolve(self, ref: str):
        """A local `#/...` JSON pointer into the root schema."""
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise Unsupported(str(ref))
        node = self.root
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise Unsupported(ref)
            node = node[part]
        return node

    def function(self, node, depth: int) -> str:
        """The name of a generated function `(value) -> bool` for one schema node."""
        if id(node) in self.names:
            return self.names[id(node)]
        if depth > 32:
            raise Unsupported("schema nested too deep, or recursive")
        name = f"_s{len(self.names)}"
        self.names[id(node)] = name
        if node is True:
            self.functions.append(f"def {name}(v):\n    return True")
            return name
        if not isinstance(node, dict):
            raise Unsupported(repr(node)[:40])
        always: list[str] = []
        guarded: dict[str, list[str]] = {"str": [], "list": [], "dict": []}
        for key, arg in node.items():
            if key in _ANNOTATIONS or (key == "$id" and depth == 0):
                continue
            lines = self.keyword(key, arg, node, depth)
            (guarded[_GUARDS[key]] if key in _GUARDS else always).extend(lines)
        body = list(always)
        for kind, lines in guarded.items():
            if lines:
                body.append(f"if isinstance(v, {kind}):")
                body += ["    " + line for line in lines]
        source = f"def {name}(v):\n" + "".join(f"    {line}\n" for line in body) + "    return True"
        self.functions.append(source)
        return name

    def keyword(self, key: str, arg, node: dict, depth: int) -> list[str]:
        """Source lines that `return False` when the value breaks this keyword."""
        if key == "$ref":
            return [f"if not {self.function(self.resolve(arg), depth + 1)}(v): return False"]
        if key == "type":
            names = arg if isinstance(arg, list) else [arg]
            if not names or any(not isinstance(n, str) or n not in _TYPES for n in names):
                raise Unsupported(f"type {arg}")
            kinds = self.constant(tuple(_TYPES[n] for n in names))
            return [f"if not isinstance(v, {kinds}): return False"]
        if key == "required":
            if not isinstance(arg, list) or not all(isinstance(n, str) for n in arg):
                raise Unsupported(key)
            return [f"if not {self.constant(frozenset(arg))} <= v.keys(): return False"] if arg else []
        if key == "properties":
            if not isinstance(arg, dict):
                raise Unsupported(key)
            lines = []
            for prop, sub in arg.items():
                check = self.function(sub, depth + 1)
                lines += [f"x = v.get({prop!r}, _MISSING)", f"if x is not _MISSING and not {check}(x): return False"]
            return lines
        if key == "additionalProperties":
            if "patternProperties" in node:
                raise Unsupported(key)
            known = self.constant(frozenset(node.get("properties", {})))
            if arg is False:
                return [f"if not v.keys() <= {known}: return False"]
            extra = self.function(arg, depth + 1)
            return [f"if not all({extra}(x) for k, x in v.items() if k not in {known}): return False"]
        if key == "items":
            if "prefixItems" in node:
                raise Unsupported(key)
            each = self.function(arg, depth + 1)
            return [f"for x in v:", f"    if not {each}(x): return False"]
        if key in ("minItems", "maxItems", "minLength", "maxLength"):
            if not isinstance(arg, int) or isinstance(arg, bool):
                raise Unsupported(key)
            return [f"if len(v) {'<' if key.startswith('min') else '>'} {arg}: return False"]
        if key == "uniqueItems":
            if not isinstance(arg, bool):
                raise Unsupported(key)
            return ["if not _unique_texts(v): return False"] if arg else []
        if key == "pattern":
            if not isinstance(arg, str):
                raise Unsupported(key)
            return [f"if {self.constant(re.compile(arg).search)}(v) is None: return False"]
        if key == "enum":
            if not isinstance(arg, list) or not all(type(x) is str for x in arg):
                raise Unsupported(key)  # only text enums: JSON's 1 == 1.0 == true needs no copy here
            return [f"if type(v) is not str or v not in {self.constant(frozenset(arg))}: return False"]
        raise Unsupported(key)


_compiled: dict[int, tuple[object, Check | None]] = {}


def quick_valid(validator, instance) -> bool:
    """True when `validator`'s schema certainly accepts `instance` (compiled once per validator)."""
    entry = _compiled.get(id(validator))
    if entry is None or entry[0] is not validator:
        entry = _compiled[id(validator)] = (validator, compile_quick(validator.schema))
    return entry[1] is not None and entry[1](instance)
