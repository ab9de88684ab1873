"""Strip page furniture (ads, "See also" lines, credits, datelines) from article bodies.

The rules are data (briefgen/data/furniture.yaml plus any user files); this
module only applies them, paragraph by paragraph, and never rewrites news text
beyond repairing scraping debris such as "end. ." -> "end.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import ConfigError
from .model import Article

MAX_PARAGRAPH = 50_000  # characters; longer "paragraphs" would only slow every rule down
_SPACES = re.compile(r"[ \t]{2,}")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*$")
RULE_KINDS = ("drop_paragraphs", "truncate_at", "remove_spans", "remove_lead_spans", "repairs")


@dataclass(frozen=True)
class Rules:
    drop_paragraphs: tuple[re.Pattern, ...] = ()
    truncate_at: tuple[re.Pattern, ...] = ()
    remove_spans: tuple[re.Pattern, ...] = ()
    remove_lead_spans: tuple[re.Pattern, ...] = ()
    repairs: tuple[tuple[re.Pattern, str], ...] = ()

    def __add__(self, other: Rules) -> Rules:
        return Rules(*(getattr(self, k) + getattr(other, k) for k in RULE_KINDS))


def parse_rules(text: str, name: str) -> Rules:
    """Compile a furniture-rule YAML document; errors name the file and the rule."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{name}{line}: YAML syntax error in cleaning rules") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{name}: cleaning rules must be a mapping of rule lists")
    unknown = set(data) - set(RULE_KINDS)
    if unknown:
        raise ConfigError(f"{name}: unknown rule list {sorted(unknown)[0]!r}; "
                          f"expected {', '.join(RULE_KINDS)}")
    compiled: dict[str, tuple] = {}
    for kind in RULE_KINDS:
        rules = []
        for i, rule in enumerate(data.get(kind) or ()):
            try:
                if kind == "repairs":
                    pattern, replacement = rule
                    rules.append((re.compile(pattern, re.M), str(replacement)))
                else:
                    rules.append(re.compile(str(rule)))
            except (re.error, TypeError, ValueError) as e:
                raise ConfigError(f"{name}: {kind}[{i}]: bad rule {rule!r}: {e}") from None
        compiled[kind] = tuple(rules)
    return Rules(**compiled)


@cache
def default_rules() -> Rules:
    text = resources.files("briefgen").joinpath("data/furniture.yaml").read_text("utf-8")
    return parse_rules(text, "briefgen/data/furniture.yaml")


def load_rules(extra_files: tuple[Path, ...] = ()) -> Rules:
    rules = default_rules()
    for path in extra_files:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as e:
            raise ConfigError(f"{path}: cannot read cleaning rules: {e.strerror}") from None
        rules = rules + parse_rules(text, str(path))
    return rules


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain-text body.

    Blank lines separate blocks. Inside a block, hard-wrapped lines (long, not
    ending a sentence) are joined; otherwise each line is its own paragraph,
    as in scraped text that puts one paragraph on a line.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        wrapped = len(lines) > 1 and all(
            len(ln) >= 40 and not ln.endswith((".", "!", "?", ":", '"', "”")) for ln in lines[:-1]
        )
        paragraphs.extend([" ".join(lines)] if wrapped else lines)
    return paragraphs


def clean_paragraphs(paragraphs: list[str], rules: Rules) -> list[str]:
    kept: list[str] = []
    truncate, drop = _one_pattern(rules.truncate_at), _one_pattern(rules.drop_paragraphs)
    for para in paragraphs:
        if len(para) > MAX_PARAGRAPH:
            continue  # no news paragraph is this long: a dump, not prose
        if truncate and truncate.fullmatch(para):
            break
        if drop and drop.fullmatch(para):
            continue
        spans = _one_pattern(rules.remove_spans)
        while spans:  # cut until nothing matches: one cut can expose the next
            cut = _SPACES.sub(" ", spans.sub("", para)).strip()
            if cut == para:
                break
            para = cut
        for pattern, replacement in rules.repairs:
            para = pattern.sub(replacement, para)
        para = para.strip()
        if re.search(r"\w", para) and not (drop and drop.fullmatch(para)):
            kept.append(para)
    return _clean_lead(kept, rules, "\n".join(paragraphs))


def reads_as_sentence(para: str) -> bool:
    """Ends like a sentence (a headline, a label or a credit does not)."""
    return bool(_SENTENCE_END.search(para))


def _clean_lead(paragraphs: list[str], rules: Rules, text: str) -> list[str]:
    """The lead (the first paragraph that reads as a sentence) without its dateline.

    A rule with a group named `place` ("OSLO Officials said") cuts only when the
    article also writes that name in ordinary case ("Oslo"): a word in capitals
    that the article never writes otherwise is an acronym ("OPEC"), not a dateline.
    """
    lead = next((i for i, p in enumerate(paragraphs) if reads_as_sentence(p)), None)
    if lead is None or not rules.remove_lead_spans:
        return paragraphs
    para = paragraphs[lead]
    for pattern in rules.remove_lead_spans:
        match = pattern.search(para)
        place = match and match.groupdict().get("place")
        if match and match.group() and (place is None or _written_in_ordinary_case(place, text)):
            para = _SPACES.sub(" ", para[:match.start()] + para[match.end():]).strip()
    if not re.search(r"\w", para):
        return paragraphs[:lead] + paragraphs[lead + 1:]
    return [*paragraphs[:lead], para, *paragraphs[lead + 1:]]


def _written_in_ordinary_case(name: str, text: str) -> bool:
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
    return any(m.group() != m.group().upper() for m in pattern.finditer(text))


@lru_cache(maxsize=64)
def _one_pattern(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """Rules of one kind as one alternation: one scan of a paragraph instead of one per rule."""
    if not patterns:
        return None
    parts = []
    for p in patterns:  # a leading "(?i)" must become a scoped "(?i:...)" inside an alternation
        m = re.match(r"\(\?([imsx]+)\)", p.pattern)
        flags, body = (m.group(1), p.pattern[m.end():]) if m else ("", p.pattern)
        parts.append(f"(?{flags}:{body})" if flags else f"(?:{body})")
    return re.compile("|".join(parts))


def clean_text(text: str, rules: Rules | None = None) -> str:
    """A cleaned body: furniture gone, paragraphs separated by a blank line."""
    return "\n\n".join(clean_paragraphs(split_paragraphs(text), rules or default_rules()))


def clean_article(article: Article, rules: Rules | None = None) -> Article:
    return replace(article, body=clean_text(article.body, rules))
