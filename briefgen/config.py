"""The YAML config: one pydantic schema, and errors that name file, line and key.

The schema below is the reference: every option has a type, a default and a
docstring. `load()` reports every problem at once, one line each, as
`config/brief.yaml:14: sections[2].ranker: expected one of ...; got 'lexrnk'`.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError
from .rankers import RANKER_NAMES

FORMATS = ("html", "pdf", "json", "md")
Format = Literal["html", "pdf", "json", "md"]


class _Strict(BaseModel):
    """Unknown keys are errors; validated objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PathSource(_Strict):
    path: str
    """A file, a directory (read recursively) or a glob, relative to the config file."""


class SectionConfig(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    """Stable identifier, used in the JSON (`key_meetings`)."""
    title: str
    """Heading shown in the brief."""
    description: str = ""
    """Plain-language statement of what belongs here; part of the relevance query."""
    cues: tuple[str, ...] = ()
    """Words or phrases typical of this section; `meet*` matches any word starting with
    meet, and `/.../` is a regular expression."""
    examples: tuple[str, ...] = ()
    """Example sentences of the kind this section wants; part of the relevance query."""
    max_items: int = Field(default=5, ge=1, le=50)
    """At most this many items."""
    max_words: int = Field(default=200, ge=10, le=5000)
    """At most this many words of items."""
    ranker: str = "centrality"
    """How relevant sentences are ranked: `centrality` (fast, default) or a sumy summarizer."""
    quotes: int = Field(default=2, ge=0, le=20)
    """At most this many quotes shown in this section."""

    @field_validator("cues")
    @classmethod
    def _valid_cues(cls, cues: tuple[str, ...]) -> tuple[str, ...]:
        for cue in cues:
            if len(cue) > 2 and cue.startswith("/") and cue.endswith("/"):
                try:
                    re.compile(cue[1:-1])
                except re.error as e:
                    raise ValueError(f"bad regular expression {cue!r}: {e}") from None
        return cues

    @field_validator("ranker")
    @classmethod
    def _known_ranker(cls, name: str) -> str:
        if name not in RANKER_NAMES:
            raise ValueError(f"expected one of {', '.join(RANKER_NAMES)}; got {name!r}"
                             + _did_you_mean(name, RANKER_NAMES))
        return name


class SummaryConfig(_Strict):
    max_items: int = Field(default=4, ge=0, le=10)
    """Sentences in the summary on top (0 turns it off)."""
    max_words: int = Field(default=110, ge=10, le=1000)


class QuoteConfig(_Strict):
    min_words: int = Field(default=5, ge=1)
    """Shorter quotes (slogans, single words) are not shown."""
    max_words: int = Field(default=60, ge=5)
    """Longer quotes are not shown."""


class CleanConfig(_Strict):
    rules: tuple[str, ...] = ()
    """Extra furniture-rule YAML files (same shape as briefgen/data/furniture.yaml)."""


class Config(_Strict):
    title: str = "Daily brief"
    """Title on the brief and in the PDF header."""
    sources: tuple[PathSource, ...] = ()
    """Where the articles come from; `briefgen build --input` replaces this list."""
    sections: tuple[SectionConfig, ...] = Field(min_length=1)
    """The brief's sections, in order."""
    max_words: int = Field(default=900, ge=10)
    """Word budget of the whole brief (summary and items); later sections get what is left."""
    summary: SummaryConfig = SummaryConfig()
    quotes: QuoteConfig = QuoteConfig()
    cleaning: CleanConfig = CleanConfig()
    formats: tuple[Format, ...] = FORMATS
    """Output formats written by `build`."""
    templates: str | None = None
    """Directory searched before the packaged templates (restyle by copying one file)."""
    state_dir: str = ".briefgen"
    """Where delivery state lives, relative to the config file."""
    base_dir: Path = Path(".")
    """Set by load(): the config file's directory; relative paths resolve against it."""

    @model_validator(mode="after")
    def _unique_section_ids(self) -> Config:
        ids = [s.id for s in self.sections]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate section id {dupes[0]!r}")
        return self

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's directory."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(os.path.normpath(self.base_dir / p))


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def load(path: str | Path) -> Config:
    """Read and validate a config file; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read config: {e}") from None
    return parse(text, str(path), base_dir=path.parent)


def parse(text: str, name: str = "<config>", base_dir: Path = Path(".")) -> Config:
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{name}{line}: YAML syntax error: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{name}: YAML error: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: expected a mapping of options at the top level")
    if "base_dir" in data:
        raise ConfigError(f"{name}: base_dir: set by briefgen, not a config option")
    try:
        return Config.model_validate({**data, "base_dir": base_dir})
    except ValidationError as e:
        lines = [_describe(err, name, root) for err in e.errors()]
        raise ConfigError("\n".join(dict.fromkeys(lines))) from None


def _describe(err: dict, name: str, root: yaml.Node | None) -> str:
    loc = tuple(err["loc"])
    key = _key_path(loc)
    line = _line_of(root, loc)
    where = f"{name}:{line}" if line else name
    if err["type"] == "extra_forbidden":
        parent = _model_at(loc[:-1])
        hint = _did_you_mean(str(loc[-1]), parent.model_fields) if parent else ""
        return f"{where}: {key}: unknown key{hint}"
    if err["type"] == "missing":
        return f"{where}: {key}: required key missing"
    msg = err["msg"].removeprefix("Value error, ")
    got = err.get("input")
    if err["type"] not in ("value_error",) and not isinstance(got, dict | list):
        msg += f"; got {got!r}"
    return f"{where}: {key}: {msg}" if key else f"{where}: {msg}"


def _key_path(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """The 1-based line of the deepest YAML node along loc (the key itself when it exists)."""
    line = node.start_mark.line + 1 if node else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _model_at(loc: tuple) -> type[BaseModel] | None:
    """The schema class that owns the keys at loc (for did-you-mean on unknown keys)."""
    model: Any = Config
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
