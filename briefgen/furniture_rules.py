"""The furniture rules: their kinds, and reading them from YAML.

The packaged rules (briefgen/data/furniture.yaml) and any files a config adds under
`cleaning.rules` have one shape: a list of Python regular expressions per kind. A user's
file is read with lines: a bad rule is an error that names its file, line and kind, as a
bad config is. clean.py applies the rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from importlib import resources
from pathlib import Path

import yaml

from .config_errors import did_you_mean
from .errors import ConfigError
from .yaml_read import line_of, read_yaml

RULE_KINDS = ("drop_paragraphs", "truncate_at", "list_labels", "remove_spans",
              "remove_lead_spans", "credits", "captions", "repairs", "short_notices", "notices")
# A paragraph up to this long in which one of the short notices or the notices is found is
# furniture: a notice is a line of its own, and a long news paragraph may use its words.
NOTICE_CHARS = {"short_notices": 500, "notices": 1_000}
CAPITAL = re.compile(r"(?<!\\)[A-Z]")
SETTINGS = ("other_script_share",)


@dataclass(frozen=True)
class Rules:
    """Compiled rules by kind; `a + b` is a's rules then b's, b's setting where it has one."""

    drop_paragraphs: tuple[re.Pattern, ...] = ()
    truncate_at: tuple[re.Pattern, ...] = ()
    list_labels: tuple[re.Pattern, ...] = ()
    remove_spans: tuple[re.Pattern, ...] = ()
    remove_lead_spans: tuple[re.Pattern, ...] = ()
    credits: tuple[re.Pattern, ...] = ()
    captions: tuple[re.Pattern, ...] = ()
    repairs: tuple[tuple[re.Pattern, str], ...] = ()
    short_notices: tuple[re.Pattern, ...] = ()
    notices: tuple[re.Pattern, ...] = ()
    other_script_share: float | None = None

    def __add__(self, other: Rules) -> Rules:
        share = other.other_script_share
        return Rules(*(getattr(self, k) + getattr(other, k) for k in RULE_KINDS),
                     other_script_share=self.other_script_share if share is None else share)


# libyaml's loader where PyYAML has it: the same data, a tenth of the time of the pure
# Python one on the default rules, read at every build
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_rules(text: str, name: str, checked: bool = True) -> Rules:
    """Compile a furniture-rule YAML document; errors name the file, the line and the rule.
    The packaged rules, known good, are read by libyaml without lines (`checked=False`)."""
    if checked:
        data, root = read_yaml(text, name)
    else:
        data, root = yaml.load(text, Loader=_LOADER), None

    def where(*keys: str | int) -> str:
        line = line_of(root, keys)
        return f"{name}:{line}" if line else name

    data = {} if data is None else data
    if not isinstance(data, dict):
        raise ConfigError(f"{where()}: cleaning rules must be a mapping of rule lists")
    for key in data:
        if key not in RULE_KINDS and key not in SETTINGS:
            raise ConfigError(f"{where(key)}: unknown rule list {key!r}"
                              f"{did_you_mean(str(key), RULE_KINDS + SETTINGS)}; "
                              f"expected {', '.join(RULE_KINDS + SETTINGS)}")
    for kind in RULE_KINDS:
        if not isinstance(data.get(kind) or [], list):  # a string would be rules of a letter
            like = "[['wrong', 'right']]" if kind == "repairs" else "['a rule', 'another']"
            raise ConfigError(f"{where(kind)}: {kind}: expected a list of rules, like {like}; "
                              f"got {data[kind]!r}")
    compiled = {kind: _compiled(kind, data.get(kind) or (), partial(where, kind))
                for kind in RULE_KINDS}
    share = data.get("other_script_share")
    if share is not None and (isinstance(share, bool) or not isinstance(share, (int, float))
                              or not 0 < share <= 1):
        raise ConfigError(f"{where('other_script_share')}: other_script_share: {share!r} is "
                          "not a share in (0, 1]")
    return Rules(**compiled, other_script_share=share)


def _compiled(kind: str, rules: list, where: Callable[[int], str]) -> tuple:
    """One kind's rules compiled; errors name the first bad rule, `where(i)` its file and line."""
    pair = kind == "repairs"
    for i, rule in enumerate(rules):  # a mapping or a list would be read as its text
        if isinstance(rule, bool) or not (isinstance(rule, list) and len(rule) == 2 if pair
                                          else isinstance(rule, str | int | float)):
            what = "a pair [pattern, replacement]" if pair else "a regular expression"
            raise ConfigError(f"{where(i)}: {kind}[{i}]: bad rule {rule!r}: expected {what}")
    if kind in NOTICE_CHARS:
        try:  # each notice alone, and all as one pattern (as _notices joins them)
            notices = tuple(map(str, rules))
            if not any(map(CAPITAL.search, notices)):
                found = tuple(map(re.compile, notices))
                notice_pattern(notices)
                # every notice compiles on its own, so each is one alternative of the list's
                # pattern too: only a leading global flag ("(?i)") is not, nor is the list
                return found
        except re.error:
            pass  # told below, rule by rule
    found = []
    for i, rule in enumerate(rules):
        try:
            if kind in NOTICE_CHARS and CAPITAL.search(str(rule)):
                raise ValueError("write notices in small letters")  # see _notices
            if kind in NOTICE_CHARS:  # as used: one alternative of the list's pattern
                notice_pattern((str(rule),))
            if pair:
                pattern, replacement = rule
                found.append((re.compile(pattern, re.M), str(replacement)))
            else:
                found.append(re.compile(str(rule)))
        except (re.error, TypeError, ValueError) as e:
            raise ConfigError(f"{where(i)}: {kind}[{i}]: bad rule {rule!r}: {e}") from None
    return tuple(found)


@cache
def default_rules() -> Rules:
    text = resources.files("briefgen").joinpath("data/furniture.yaml").read_text("utf-8")
    return parse_rules(text, "briefgen/data/furniture.yaml", checked=False)


def read_rules(extra_files: tuple[Path, ...] = ()) -> Rules:
    """The packaged rules plus those of each file, in order."""
    rules = default_rules()
    for path in extra_files:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(f"{path}: cannot read cleaning rules: {e.strerror}") from None
        except UnicodeDecodeError:
            raise ConfigError(f"{path}: cannot read cleaning rules: not UTF-8 text") from None
        rules = rules + parse_rules(text, str(path))
    return rules


@lru_cache(maxsize=16)
def notice_pattern(notices: tuple[str, ...]) -> re.Pattern:
    """Any of the notices, as whole words; the rules' check and _notices share it."""
    return re.compile(r"\b(?:" + "|".join(notices) + r")\b")
