"""The title an article attaches to a name where it mentions it: in the name's own
capitalized run ("Ruritanian President Jane Doe"), in lower case before it ("Freedonia's
finance minister Jane Doe", "Secretary of State Jane Doe"), before a comma ("Freedonia's
ambassador to Ruritania, Jane Doe,") or in apposition after it ("Jane Doe, the foreign
minister,")."""

from __future__ import annotations

import re

from .name_words import (
    CAPITALS,
    HONORIFICS,
    LINKING,
    NOT_NAMES,
    TITLE_WORD,
    TITLE_WORDS,
    bare_word,
)

_TITLES = "|".join(sorted(TITLE_WORDS, key=len, reverse=True))
_TITLES_RE = rf"\b(?:{_TITLES})\b"
_ANY_CASE_TITLES_RE = rf"\b(?i:{_TITLES})\b"
# "Freedonia's finance minister Jane Doe", "palace spokesman Jane Doe", "European Commission
# president Jane Doe" (a title in lower case right before the name); a word that only links
# ends a title ("met Richard Roe and foreign minister Jane Doe": hers is "foreign minister")
# (a capitalised word ending a sentence, "... Rep. Dana Roe. Doe's lawyer Jane Doe", is none of
# it; "U.S." and "Walt Disney Co." are)
_NOT_SENTENCE_END = r"(?:(?<![a-z]\.)|(?<=\bCo\.)|(?<=\bInc\.)|(?<=\bCorp\.)|(?<=\bLtd\.))"
_ROLE_LOWER = re.compile(rf"(?<![\w’'.-])((?:(?:[{CAPITALS}][\w.’'-]*{_NOT_SENTENCE_END}|the)\s)"
                         rf"{{0,3}}"
                         rf"(?:(?!{LINKING})[a-z][\w-]*\s){{0,2}}{_TITLES_RE})\s$")
# Whether a title stands anywhere in a stretch: the same words grouped by first letter, so
# a place is tried against the few titles that start with its letter, not all of them (a
# third of the time of the plain alternation).
_ANY_TITLE = re.compile(
    r"\b" + TITLE_WORD + r"\b", re.I)
# The same with case, for a stretch in ASCII read in lower case: there lowering changes no
# match (the letters a case-blind pattern takes for others are not ASCII), and the
# engine compares letters as they are (a quarter faster).
_ANY_TITLE_LOWER = re.compile(_ANY_TITLE.pattern)
# "Secretary of State Jane Doe", "Minister for Foreign Affairs Jane Doe"
_ROLE_OF = re.compile(rf"(?<![\w’'.-])((?:[{CAPITALS}][\w.’'-]*\s){{0,3}}{_ANY_CASE_TITLES_RE}"
                      rf"\s(?:of|for)\s"
                      rf"(?:the\s)?(?:[{CAPITALS}][\w’'-]*\s){{1,3}})$")
# "Freedonia's ambassador to Ruritania, Jane Doe," (the title, a comma, the name)
_ROLE_COMMA = re.compile(
    rf"(?<![\w’'.-])((?:[{CAPITALS}][\w’'-]*[’']s\s|[Tt]he\s)(?:[a-z][\w-]*\s){{0,2}}"
    rf"{_ANY_CASE_TITLES_RE}"
    rf"(?:\s(?:to|of|for)\s(?:the\s)?[{CAPITALS}][\w’'-]*(?:\s[{CAPITALS}][\w’'-]*)*){{0,2}}"
    r"(?:\s\([A-Z]{2,8}\))?),\s$")  # "... of the Development Bank (DB), Jane Doe,"
# "Jane Doe, the foreign minister," / "Jane Doe, a senior fellow at the Policy Institute." /
# "Jane Doe, leader of the opposition Unity Party," (a title first needs no article)
_ROLE_AFTER = re.compile(
    rf",\s(?:\d{{1,3}},\s)?(?:(?:the|a|an)\s|(?={_TITLES_RE}))((?:[\w’'-]+\s){{0,4}}?{_TITLES_RE}"
    r"(?:\s(?:of|for|at|to|in)\s[^,.;:()“”\"]{1,70}?)?)(?=[,.;]|\s(?:said|says|told|added)\b)",
    re.I)


def role_before(body: str, start: int, in_run: str) -> str:
    """The title right before a name: in the same capitalized run ("Ruritanian President"), in
    lower case ("Freedonia's finance minister"), or before a comma ("X's ambassador to Y, ")."""
    role = clean_role(in_run) if in_run else ""
    if role:
        return role
    before = body[max(0, start - 80):start]
    if not _holds_title(before, 0 if before.endswith(", ") else max(0, len(before) - 45)):
        return ""  # most names have no title before them: spare the searches
    near = max(0, len(before) - 50)
    m = _ROLE_LOWER.search(before, near) or _ROLE_OF.search(before, near) or (
        before.endswith(", ") and _ROLE_COMMA.search(before))
    return clean_role(m.group(1)) if m else ""


def _holds_title(text: str, pos: int) -> bool:
    """Whether a title word stands in text from pos on."""
    if text.isascii():
        return bool(_ANY_TITLE_LOWER.search(text.lower(), pos))
    return bool(_ANY_TITLE.search(text, pos))


def role_after(body: str, end: int) -> str:
    """An apposition right after the name: "Jane Doe, the foreign minister,"."""
    m = _ROLE_AFTER.match(body, end)
    if not m or re.search(r"\b(?:who|which|and|with|said|told|says)\b", m.group(1)):
        return ""
    return clean_role(m.group(1))


def clean_role(role: str) -> str:
    """The title in a run of words, without a dateline or article before it or an
    honorific after it; "" when no title word is left."""
    ws = role.split()
    while ws and ((ws[0].isupper() and len(ws[0]) >= 5) or ws[0].lower() in ("the", "a", "an")
                  or ws[0] in NOT_NAMES):
        ws.pop(0)  # "STRELSAU Ruritanian President": the dateline is no part of the title
    while ws and bare_word(ws[-1]) in HONORIFICS:
        ws.pop()
    if not any(bare_word(w) in TITLE_WORDS for w in ws):
        return ""
    return " ".join(ws)

