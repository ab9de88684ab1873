"""A config's validation errors as lines that name file, line and key.

Every problem at once, one line each, as
`config/brief.yaml:14: sections[2].ranker: expected one of ...; got 'lexrnk'`; an
unknown key gets a did-you-mean from the keys its place in the schema has.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .yaml_read import line_of


def did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def describe_errors(error: ValidationError, name: str, root: yaml.Node | None,
                    schema: type[BaseModel]) -> str:
    """The lines of error, file `name` composed as `root`, validated against `schema`."""
    errors = error.errors()
    # A list whose only item is invalid is also "too short": the item's error says it all.
    errors = [err for err in errors if err["type"] != "too_short" or not any(
        len(o["loc"]) > len(err["loc"]) and o["loc"][:len(err["loc"])] == err["loc"]
        for o in errors)]
    lines = [_describe(err, name, root, schema) for err in errors]
    return "\n".join(dict.fromkeys(lines))


def _describe(err: dict, name: str, root: yaml.Node | None, schema: type[BaseModel]) -> str:
    loc = tuple(err["loc"])
    key = _key_path(loc)
    line = line_of(root, loc)
    where = f"{name}:{line}" if line else name
    if err["type"] == "extra_forbidden":
        parent = _model_at(schema, loc[:-1])
        hint = did_you_mean(str(loc[-1]), parent.model_fields) if parent else ""
        return f"{where}: {key}: unknown key{hint}"
    if err["type"] == "missing":
        return f"{where}: {key}: required key missing"
    msg = _plain(err)
    got = err.get("input")
    if err["type"] == "invalid_key":  # its loc ends in the key itself
        parent = _key_path(loc[:-1])
        return (f"{where}: {parent + ': ' if parent else ''}key "
                f"{'null' if got is None else repr(got)}: expected a name (text)")
    if err["type"] in ("tuple_type", "list_type") and isinstance(got, str):
        items = ", ".join(p.strip() for p in got.split(",") if p.strip())
        return f"{where}: {key}: expected a list in brackets, like [{items}]; got {got!r}"
    if err["type"] not in ("value_error",) and not isinstance(got, dict | list):
        msg += f"; got {got!r}"
    elif err["type"] in _KIND_EXPECTED:
        msg += f"; got {'a mapping' if isinstance(got, dict) else 'a list'}"
    return f"{where}: {key}: {msg}" if key else f"{where}: {msg}"


# pydantic's words for a value of the wrong kind, in the words of YAML: no Python type or
# schema class names ("a valid dictionary or instance of SummaryConfig")
_KIND_EXPECTED = {
    "dict_type": "a mapping of keys", "model_type": "a mapping of keys",
    "tuple_type": "a list", "list_type": "a list", "string_type": "text",
    "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number", "float_type": "a number", "float_parsing": "a number",
    "bool_type": "true or false", "bool_parsing": "true or false",
}
_PATTERN_MEANS = {r"^[a-z][a-z0-9_]*$": "lowercase letters, digits and _, starting with a letter"}


def _plain(err: dict) -> str:
    kind = _KIND_EXPECTED.get(err["type"])
    if kind:
        return f"expected {kind}"
    ctx = err.get("ctx") or {}
    if err["type"] == "too_short":
        n = ctx["min_length"]
        return f"expected at least {n} item{'s' if n != 1 else ''}"
    if err["type"] == "string_pattern_mismatch" and ctx.get("pattern") in _PATTERN_MEANS:
        return f"expected {_PATTERN_MEANS[ctx['pattern']]}"
    return err["msg"].removeprefix("Value error, ")


def _key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _model_at(schema: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The schema class that owns the keys at loc (for did-you-mean on unknown keys)."""
    model: Any = schema
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        ann = field.annotation
        args = getattr(ann, "__args__", ())
        model = next((a for a in (ann, *args) if isinstance(a, type) and issubclass(a, BaseModel)),
                     None)
        if model is None:
            return None
    return model
