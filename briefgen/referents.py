"""Whom a line's "He" or "She" names. A brief's line is one sentence of its article, and
the reader has not read the sentences before it: "He stressed that ..." is shown with the
person the article meant, read as a quote's "he said" is (`ArticleReader.person_meant`).
The line itself stays as printed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import CUT_MARK, Article, Item, Referent, Sentence
from .quote_reader import ArticleReader
from .select import SectionItems
from .speakers import Names

_OPENING = re.compile(r"(?:He|She|His|Her)\b")
# "“...” into the relationship, he said.": the speaker is named only before the line
_CLOSING = re.compile(r",[”\"’']? (he|she) (?:said|says|added|adds|noted|remarked|stressed"
                      r"|explained|warned|insisted)\.$")
_PERSON = {"he": "he", "his": "he", "she": "she", "her": "she"}
_MARK = re.compile(r"[\"“”‘’']")


def with_referents(articles: Sequence[Article], sentences: Sequence[Sentence],
                   summary: tuple[Item, ...], section_items: SectionItems,
                   ) -> tuple[tuple[Item, ...], SectionItems]:
    """The lines, each that leans on a "he" or "she" its article names before it given
    that person (`Item.refers_to`); the others as they are."""
    lines = [*summary, *(i for items in section_items.values() for i in items)]
    wanted = {i.text: (i.sources, p) for i in lines if (p := pronoun_of(i.text))}
    if not wanted:
        return summary, section_items
    by_id = {a.id: a for a in articles}
    needed = {a for sources, _ in wanted.values() for a in sources}
    by_article: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.article_id in needed:
            by_article.setdefault(s.article_id, []).append(s)
    readers: dict[str, ArticleReader] = {}
    meant: dict[str, Referent] = {}
    for text, (sources, (printed, offset)) in wanted.items():
        for article_id in sources:  # the first article that names the person
            article = by_id.get(article_id)
            # a line cut visibly (`clause_heads`) stands in the body up to its mark
            at = article.body.find(text.removesuffix(CUT_MARK)) if article else -1
            if at < 0:
                continue
            reader = readers.get(article_id)
            if reader is None:
                reader = readers[article_id] = ArticleReader(
                    article, by_article.get(article_id, []), Names([article]))
                reader.read()  # who speaks where: "he" is most often the last speaker
            name = reader.person_meant(at + offset, _PERSON[printed.lower()])
            if name:
                meant[text] = Referent(printed, name)
                break

    def resolved(item: Item) -> Item:
        return replace(item, refers_to=meant[item.text]) if item.text in meant else item

    return (tuple(map(resolved, summary)),
            {k: tuple(map(resolved, v)) for k, v in section_items.items()})


def pronoun_of(text: str) -> tuple[str, int] | None:
    """The pronoun a line leans on, as printed, and where it stands in the line: one that
    opens it, or the speaker of a closing "he said"; none in a line that goes on with a
    quotation opened before it ("He was a good friend,' Doe said": the speaker's "he")."""
    opening = _OPENING.match(text)
    if opening and not _continues_quotation(text):
        return opening.group(), 0
    closing = _CLOSING.search(text)
    if closing:
        return closing.group(1), closing.start(1)
    return None


def _continues_quotation(text: str) -> bool:
    """Whether the first quotation mark of the text closes a quotation (an apostrophe,
    between two letters, is no mark)."""
    for m in _MARK.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue
        if m.group() in "“‘":
            return False
        if m.group() in "”’":
            return True
        return not before.isspace()  # a straight mark opens after a space
    return False
