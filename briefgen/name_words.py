"""The words names and titles are made of: what a name run looks like, the title,
honorific, institution and other words that a name never holds, and the small tests on
them (is a word a title, where a run's title ends and its name begins, is an institution
the media)."""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_start import by_first_letter


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ"  # Latin capitals, and the extended blocks ("Đình", "Erdoğan")
# One word of a name: "Doe", "Min-ho", "O'Brien", "U.S.", "Mr.", an initial "R."
_WORD = (rf"(?:(?:[A-Z]\.){{2,}}|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St)\.|[A-Z]\.(?=\s[{CAPITALS}])"
         rf"|[{CAPITALS}][\w’'-]*)")
PARTICLES = word_set("da de do dos das del della di du van von der den ter bin ibn al el la le")
_PARTICLE = rf"(?:{'|'.join(sorted(PARTICLES))})"
# "Ana Maria da Costa", "Anna van der Berg", "Lee Min Ho". Bounded: a name with its titles
# is a few words; a 44 KB capitalised run is not a name, and an unbounded run made each
# lookup of it quadratic (36 s for one paragraph).
NAME_RUN = rf"{_WORD}(?:\s(?:{_PARTICLE}\s){{0,3}}{_WORD}){{0,9}}"
# Finds the name runs of a text. Every word of a name starts with a capital: the first
# word's is taken before its alternatives go on from there (each behind a look back at
# it), so the engine skips from capital to capital and tries the rest only there (two
# and a half times as fast over a day's articles as NAME_RUN tried everywhere, and a
# third faster again than behind a lookahead for the capital; the same runs).
_FIRST_WORD = (rf"[{CAPITALS}](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=M)(?:r|rs|s)\.|(?<=[DJS])r\."
               rf"|(?<=S)t\.|(?<=[A-Z])\.(?=\s[{CAPITALS}])|[\w’'-]*)")
NAME_RUNS = re.compile(rf"{_FIRST_WORD}(?:\s(?:{_PARTICLE}\s){{0,3}}{_WORD}){{0,9}}")
POSSESSIVE = re.compile(r"[’']s$")

TITLE_WORDS = word_set("""
president vice prime minister secretary secretary-general general chancellor premier spokesman
spokeswoman spokesperson ambassador director chief ceo envoy senator governor chairman chairwoman
chair commissioner adviser advisor dean professor mayor leader diplomat official fellow analyst
head king queen prince princess speaker representative deputy counsellor counselor coordinator
expert economist researcher scholar emir sheikh sultan commander marshal admiral lieutenant
captain colonel judge lawmaker congressman congresswoman founder executive officer consul
negotiator aide strategist president-elect coach manager scientist geologist astronomer
physicist attorney lawyer prosecutor sheriff co-author co-founder co-ceo co-chair actor
actress filmmaker pm
""")
# Words that only link, never part of a title in small letters before a name: "said
# opposition leader Dana Krell" gives her the title "opposition leader", not "said ...".
_LINKING_WORDS = word_set("""
the a an and or but nor yet so when while as if with by for to of in on at from into after before
that who which where whose his her its their our my your said says told than then also
""")
LINKING = by_first_letter(sorted(_LINKING_WORDS)) + r"\b"  # grouped: asked at every word
# The title words as one pattern, grouped by first letter (a place is tried against the few
# that start with its letter): where a title stands, or one opens a phrase
TITLE_WORD = by_first_letter(sorted(map(re.escape, TITLE_WORDS)))
HONORIFICS = word_set("mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady comrade eng eng. engineer")
INSTITUTION_WORDS = word_set("""
kremlin ministry department office agency council commission house embassy government cabinet
palace élysée elysée elysee party committee parliament congress senate assembly court bank army
military navy media television tv broadcaster news daily times post journal press radio service
administration presidency secretariat delegation side union foundation institute organization
organisation association federation corporation company group authority authorities police
command pentagon bureau mission
""")
# Words that name the media, which pass on what others say or do ("state media", "the Press
# Agency"): a channel, not whose words a sentence "according to" them holds (is_media). Those
# that also speak as an institution ("the state broadcaster said") are among the above.
MEDIA_WORDS = word_set("media television tv broadcaster broadcasters news newspaper daily times "
                       "post journal press radio outlet outlets channel wire")
# ... but a press service or office speaks for its principal: "according to the Kremlin
# press service" is the Kremlin's word. In capitals it is one only after an institution word
# ("the Kremlin Press Service"): "Inter Press Service" is a news agency.
_PRESS_OFFICE = re.compile(r"\bpress\s(?:service|office)\b")
_PRESS_OFFICE_NAMED = re.compile(r"([\w’'-]+)\sPress\s(?:Service|Office)\b")
# Words that name a document, not someone who speaks.
DOCUMENTS = word_set("statement communique communiqué readout report article declaration "
                     "document release transcript letter text")
PLACE_ACRONYMS = word_set("US U.S. USA UK UAE DPRK PRC ROK")
# Words that open a sentence before its subject, never a name's first word ("Though Doe said")
OPENING_WORDS = ("While", "But", "And", "As", "When", "If", "After", "However", "Meanwhile", "So",
                 "Yet", "Then", "Also", "Though", "Although", "Because", "Once", "Indeed", "Still",
                 "Even")
NOT_NAMES = word_set("""
The A An This That These Those It They We I You He She His Her Its Their Our But And Or In On At
For As After Before While When If According Both Officials Meanwhile However Earlier Later Since
Despite During Although Instead Asked Also Then Today Yesterday Tomorrow Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September
October November December Read More Photo Credit Video Watch Updated Published Under With From
""")


def bare_word(word: str) -> str:
    """The word in lower case without a possessive: "President’s" -> "president"."""
    return (word[:-2] if word.endswith(("’s", "'s")) else word).lower()


@lru_cache(maxsize=65536)
def is_title(word: str) -> bool:
    bare = bare_word(word)
    glued = re.search(r"[a-z]([A-Z][a-z]+)$", word)  # "PhotoPresident": a caption glued on
    return bare in TITLE_WORDS or bare in HONORIFICS or bool(
        glued and glued.group(1).lower() in TITLE_WORDS)


def split_title(run: str) -> tuple[str, str]:
    """("Ruritanian President", "Jane Doe") from "Ruritanian President Jane Doe": the name is
    what follows the last title word of the run."""
    ws = run.split()
    last = max((i for i, w in enumerate(ws) if is_title(w)), default=-1)
    return " ".join(ws[:last + 1]), " ".join(ws[last + 1:])


# A title's "of" or "for", with its article: "Chief of", "envoy for the".
TITLE_OF = rf"\b(?i:{TITLE_WORD})\s(?:of|for)(?:\sthe)?"
# What governs a run of capitals that follows it: an article ("for the Western Isles") or a
# title's "of"/"for" ("Chief of Staff", "envoy for the Western Isles"). A person's name is no
# article's noun nor a title's complement: the run holds those first, then the name.
_GOVERNING = re.compile(rf"(?:\b[Tt]he|{TITLE_OF})\s$")
_GOVERNING_REACH = 40  # characters before a run where its governing words may stand
# Words that end what a title is of or for, its portfolio: "Minister for Foreign Affairs",
# "Secretary of State", "Chief of Staff". A name of any length follows them.
PORTFOLIO_ENDS = word_set("""
affairs state staff defence defense finance treasury trade commerce industry justice health
interior education security development economy agriculture energy environment labour labor
transport communications culture tourism
""")


def governed(ws: list[str], text: str, at: int) -> tuple[list[str], list[str]]:
    """(what the words governed hold, the name) of a name's words standing at `at` in
    `text`: after an article or a title's "of"/"for", the words after the portfolio
    (`_portfolio_end`) are the name ("Minister for Foreign Affairs Ana Maria Costa"), else
    the run's last two ("envoy for the Western Isles Gabriela Roe"); else all of them."""
    if len(ws) > 2 and _GOVERNING.search(text, max(0, at - _GOVERNING_REACH), at):
        cut = _portfolio_end(ws)
        return ws[:cut], ws[cut:]
    return [], ws


def _portfolio_end(ws: list[str]) -> int:
    """Where the name starts in a governed run: after its portfolio's last word and the
    institution words right after it ("the head of the Finance Committee Mary Roe": the
    committee is no part of her name), else at the run's last two words."""
    ends = [i for i, w in enumerate(ws[:-2]) if bare_word(w) in PORTFOLIO_ENDS]
    if not ends:
        return len(ws) - 2
    cut = ends[-1] + 1
    while cut < len(ws) - 2 and bare_word(ws[cut]) in INSTITUTION_WORDS:
        cut += 1
    return cut


def is_media(institution: str) -> bool:
    """Whether an institution is the media ("state media", "the Ruritania Press Agency"),
    not an office that speaks for its principal ("the White House press office")."""
    return not MEDIA_WORDS.isdisjoint(institution.lower().split()) \
        and not _is_press_office(institution)


def _is_press_office(institution: str) -> bool:
    """Whether an institution is a press service or office that speaks for its principal:
    "the White House press office", "the Kremlin Press Service"; not "Inter Press Service"."""
    named = _PRESS_OFFICE_NAMED.search(institution)
    return bool(_PRESS_OFFICE.search(institution)) or bool(
        named and bare_word(named.group(1)) in INSTITUTION_WORDS)


def contains(full: str, part: str) -> bool:
    """Is `part` a run of the words of `full` ("Maria" in "Ana Maria da Costa")?"""
    f, p = full.lower().split(), part.lower().split()
    return bool(p) and any(f[i:i + len(p)] == p for i in range(len(f) - len(p) + 1))
