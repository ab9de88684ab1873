"""Select the brief's items: the summary, then each section, under the brief's word budget.

The steps, each in its own module:

1. `candidates`: only complete sentences of sensible length (headlines and
   fragments never are).
2. `corpus`: near-duplicates across outlets are grouped; a group becomes one
   item that cites every article in it, shown in its cleanest wording.
3. `assign` with `relevance`: each group goes to the one section its text fits
   best (a TF-IDF query made of the section's description, cues and examples,
   plus cue matches).
4. `choose`: within a section, groups are picked greedily for the most new
   information per word: the weight of the concepts (stemmed content words)
   they add to what the brief already says, a concept counting more the more
   articles report it, scaled by relevance, centrality (the section's ranker)
   and support. Covered concepts earn nothing, which removes redundancy; the
   item and word budgets stop the picking.
5. `assign`: quotes go to the section their words fit best, each speaker's
   best first.
"""

from __future__ import annotations

from collections.abc import Sequence

from .assign import assign_sections
from .choose import select_section, select_summary
from .config import SectionConfig, SummaryConfig
from .corpus import Corpus
from .model import Item

SectionItems = dict[str, tuple[Item, ...]]  # section id -> its items


def select_items(corpus: Corpus, summary: SummaryConfig, sections: Sequence[SectionConfig],
                 max_words: int) -> tuple[tuple[Item, ...], SectionItems]:
    """The summary, then each section in order, within the brief's word budget; what one
    says (its concepts) is not worth repeating in the next."""
    covered: set[str] = set()
    summary_ids = select_summary(corpus, summary, covered)
    assigned = assign_sections(corpus, sections, exclude=set(summary_ids))
    top = tuple(Item(corpus.groups[g].text, corpus.groups[g].sources) for g in summary_ids)
    words_left = max_words - sum(len(i.text.split()) for i in top)
    items: SectionItems = {}
    for s in sections:
        budgeted = s.model_copy(update={"max_words": max(0, min(s.max_words, words_left))})
        items[s.id] = tuple(select_section(corpus, budgeted, assigned[s.id], covered))
        words_left -= sum(len(i.text.split()) for i in items[s.id])
    return top, items
