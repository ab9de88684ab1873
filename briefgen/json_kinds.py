"""What a JSON value is, in JSON's words, for messages about a file edited by hand."""

from __future__ import annotations

from typing import Any

_NAMES = {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number",
          bool: "true or false", type(None): "null"}


def kind_name(kind: type) -> str:
    """"an object", "a list", "text", ...: the JSON name of a Python type json gives."""
    return _NAMES.get(kind, kind.__name__)


def kind_of(value: Any) -> str:
    """The JSON name of what a value is: `kind_of([1])` is "a list"."""
    return kind_name(type(value))
