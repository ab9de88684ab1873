"""Who an attribution phrase names: a person (with any title the phrase gives them), an
institution, a descriptor to match against an article's titles ("the Ruritanian leader"),
a pronoun, or no one who speaks (a place, a document, "officials")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .name_roles import clean_role
from .name_words import (
    DOCUMENTS,
    HONORIFICS,
    INSTITUTION_WORDS,
    NAME_RUNS,
    OPENING_WORDS,
    PARTICLES,
    PLACE_ACRONYMS,
    POSSESSIVE,
    TITLE_OF,
    TITLE_WORDS,
    bare_word,
    governed,
    split_title,
    word_set,
)
from .speakers import Names


@dataclass(frozen=True)
class Who:
    kind: str  # "person", "institution", "descriptor", "pronoun" or "unnamed" (quote_reader)
    text: str
    role: str = ""  # a title given in the attribution itself ("palace spokesman")
    # a title or honorific stood before the name ("President Roe", "Mr Roe"): it may tell
    # namesakes apart, so the name is not simply whoever of them spoke last
    titled: bool = False


_PRONOUNS = word_set("he she him her")
_SPEAKING_BODIES = word_set("source side delegation")
# Institution words too vague to name a speaker alone: "the press said", "the side said".
_VAGUE_BODIES = word_set("press news media side group service mission union house")
_BRACKETED_END = re.compile(r"\s*\([^)]{1,40}\)$")  # "Jane Doe (RTV)"
_OPENING_WORDS = re.compile(rf"(?:(?:{'|'.join(OPENING_WORDS)})\s+)+")
_DETERMINER = re.compile(r"(?:the|a|an)\s+", re.I)
# a lead that ends on a title's "of" or "for": "Chief of (Staff Pierre Roe)"
_TITLE_OF_END = re.compile(TITLE_OF + "$")
_OWNER = re.compile(r"[A-Z][\w.-]*[’']s\s+(?=[A-Z])")


def read_who(phrase: str, names: Names) -> Who | None:
    """What an attribution phrase names, or None when it names no one who speaks (read
    once per phrase: a day's attributions repeat "he" and its speakers' names)."""
    known = names.read_phrases
    if phrase not in known:
        known[phrase] = _read_who(phrase, names)
    return known[phrase]


def _read_who(phrase: str, names: Names) -> Who | None:
    """What an attribution phrase names, or None when it names no one who speaks.

    "he" -> pronoun; "Mr. Doe" -> person Doe; "palace spokesman Sam Roe" -> person Sam Roe
    with the title palace spokesman; "the ministry", "state broadcaster RTV", "RNA news
    agency" -> institutions; "the Ruritanian leader" -> a descriptor, to be matched
    against the titles of the article's people. Places, documents ("the statement") and
    plurals ("officials") are no one.
    """
    p = _BRACKETED_END.sub("", phrase.strip().strip(",")).strip()
    if not p:
        return None
    if p.lower() in _PRONOUNS:
        return Who("pronoun", p.lower())
    lead = _OPENING_WORDS.match(p)
    p = p[lead.end():] if lead else p
    det = _DETERMINER.match(p)
    bare = p[det.end():] if det else p
    owner = _OWNER.match(bare)  # "Ruritania's Rna news agency"
    bare = bare[owner.end():] if owner else bare
    ws = bare.split()
    if not ws or any(w.lower() in DOCUMENTS for w in ws):
        return None
    last = ws[-1].lower()
    if last.endswith("s") and (last[:-1] in TITLE_WORDS or last[:-1] in _SPEAKING_BODIES
                               or last in ("officials", "sources", "analysts", "experts")):
        return None  # "officials said": no one in particular
    caps = [w for w in ws if w[0].isupper()]
    lower = [w for w in ws if not w[0].isupper()]
    runs = list(NAME_RUNS.finditer(bare))
    if runs and runs[-1].end() == len(bare):
        role, name = split_title(runs[-1].group())
        name_ws = [w for w in name.split() if bare_word(w) not in HONORIFICS]
        while len(name_ws) > 1 and POSSESSIVE.search(name_ws[0]):
            name_ws.pop(0)
        lead = (bare[:runs[-1].start()] + role).strip()
        if lead and all(w.lower() in PARTICLES for w in lead.split()):
            name_ws, lead = bare.split(), ""  # "van der Berg" in mid-sentence
        # "envoy for the Western Isles Gabriela Roe": the isles are what the title is for
        head = _before_name(p, bare, runs[-1].start(), role)
        governs, name_ws = governed(name_ws, head, len(head))
        lowers = [w for w in lead.split() if not w[0].isupper()]
        # what comes before the name is a title ("palace spokesman", "Chief of"), not "a map by"
        titled_lead = not lowers or _TITLE_OF_END.search(lead) is not None or (
            len(lowers) <= 3 and bare_word(lead.split()[-1]) in TITLE_WORDS)
        lead = " ".join([lead, *governs]).strip()
        if name_ws and POSSESSIVE.search(name_ws[-1]):
            return None  # "Doe’s" before "son ... said": the owner is not who speaks
        if names.is_person(name_ws) and titled_lead:
            return Who("person", " ".join(name_ws), clean_role(lead), bool(lead))
    institution = any(w.lower() in INSTITUTION_WORDS for w in ws)
    # (an acronym of a title, "PM", "CEO", is no institution's)
    acronyms = [w for w in caps if w.isupper() and len(w) > 1 and w not in PLACE_ACRONYMS
                and bare_word(w) not in TITLE_WORDS]
    if det and len(ws) <= 4 and not caps and ws[-1].lower() in INSTITUTION_WORDS \
            and ws[-1].lower() not in _VAGUE_BODIES:
        return Who("institution", p)  # "the foreign ministry", "the presidential office"
    if (institution or acronyms) and all(
            w.lower() in INSTITUTION_WORDS or w.lower() in ("state", "official", "of", "the")
            for w in lower):
        if acronyms and not any(w.lower() in INSTITUTION_WORDS for w in caps):
            return Who("institution", acronyms[-1])  # "RNA news agency", "state broadcaster RTV"
        if names.is_place(" ".join(caps)) and not institution:
            return None
        first_cap = next((i for i, w in enumerate(ws) if w[0].isupper()), None)
        if first_cap is not None and any(w.lower() in INSTITUTION_WORDS for w in caps) \
                and all(w[0].isupper() or w.lower() in ("of", "the") for w in ws[first_cap:]):
            return Who("institution", " ".join(ws[first_cap:]))  # "the official Xyz News Agency"
        return Who("institution", bare if bare[0].isupper() else p)
    if any(bare_word(w) in TITLE_WORDS for w in ws) or (det and ws[-1].lower() in _SPEAKING_BODIES):
        if all(bare_word(w) in TITLE_WORDS or w.lower() in ("of", "the", "state", "top", "senior",
                                                        "diplomatic", "source", "side")
               for w in lower):
            return Who("descriptor", bare if bare[0].isupper() else p)
        return None
    if len(ws) == 1 and det and bare[0].isupper() and not names.is_place(bare):
        return Who("institution", p)  # "the Elysée"
    return None


def _before_name(phrase: str, bare: str, run_start: int, role: str) -> str:
    """What stands before a name in its phrase: the article and owner that `bare` is the
    phrase without, its words before the name's run and the run's own title ("The U.S.
    envoy for the " before "Western Isles Gabriela Roe", "the Foreign Minister " before
    "Jane Doe")."""
    return phrase[:len(phrase) - len(bare)] + bare[:run_start] + (role + " " if role else "")
