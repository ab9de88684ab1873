"""Select the brief's items: the summary, then the sections', under the brief's word budget.

The steps, each in its own module:

1. `candidates`: only complete sentences of sensible length (headlines and
   fragments never are); a quotation that runs over several sentences is one
   candidate, whole, and so is a sentence with the short one that goes on about it.
2. `corpus`: near-duplicates across outlets are grouped; a group becomes one
   item that cites every article in it, shown in its cleanest wording.
3. `assign` with `relevance`: each group goes to the one section it fits
   best, by its words (TF-IDF similarity to the section's title, description,
   cues and examples, plus the cues in its main clause) and by its shape
   (negated or about what is to come, as the section's own examples are).
4. `choose`: groups are picked greedily for the most new information per
   word: the weight of the concepts (stemmed content words) they add to what
   the brief already says, a concept counting more the more articles report
   it, scaled by fit, centrality (the section's ranker), support and whether
   the sentence stands alone. Covered concepts earn nothing, which removes
   redundancy. The sections compete for the brief's word budget, each within
   its own item and word limits.
5. `assign`: quotes go to the section their words fit best, each speaker's
   best first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .assign import assign_sections
from .choose import Budget, Quality, choose, section_quality, select_summary
from .config_brief import SectionConfig, SummaryConfig
from .corpus import Corpus
from .model import Item, count_words
from .parallel import beside
from .relevance import shape_fit, word_fit

SectionItems = dict[str, tuple[Item, ...]]  # section id -> its items
MIN_GROUPS_BESIDE = 5_000  # fewer groups are fitted faster than a child is started


def select_items(corpus: Corpus, summary: SummaryConfig, sections: Sequence[SectionConfig],
                 max_words: int) -> tuple[tuple[Item, ...], SectionItems]:
    """The summary, then the sections' items, all within the brief's word budget; what
    one line says (its concepts) is not worth repeating in another."""
    covered: set[str] = set()
    # How the groups fit the sections does not depend on the summary: on a large day it is
    # found on the other core meanwhile.
    with beside(_fit_groups, corpus, sections,
                worth_it=len(corpus.groups) >= MIN_GROUPS_BESIDE) as fitted:
        summary_ids = select_summary(corpus, summary, covered)
        scores, cue_weights = fitted()
    # by shape too, where the words reach: a group no section's words reach stays out
    reached = np.flatnonzero(np.isfinite(scores).any(axis=0))
    if len(reached):
        scores[:, reached] += shape_fit(sections, [corpus.groups[g].text for g in reached])
    corpus.cue_weight_cache.update(cue_weights)  # for the quotes, when fitted in a child
    top = tuple(Item(corpus.groups[g].text, corpus.groups[g].sources) for g in summary_ids)
    assigned = assign_sections(corpus, sections, set(summary_ids), scores)
    group_ids: list[int] = []
    budget_of: list[str] = []
    quality = []
    for n, s in enumerate(sections):
        ids = assigned[s.id]
        group_ids += ids
        budget_of += [s.id] * len(ids)
        quality.append(section_quality(corpus, s, ids, scores[n, ids]))
    budgets = {s.id: Budget(s.max_items, s.max_words) for s in sections}
    words_left = max_words - sum(count_words(i.text) for i in top)
    picked = choose(corpus, group_ids, Quality.joined(quality), budget_of,
                    budgets, words_left, covered)
    section_of = dict(zip(group_ids, budget_of, strict=True))
    items = {s.id: tuple(Item(corpus.groups[g].text, corpus.groups[g].sources)
                         for g in picked if section_of[g] == s.id) for s in sections}
    return top, items


def _fit_groups(corpus: Corpus, sections: Sequence[SectionConfig]) -> tuple[np.ndarray, dict]:
    """The groups' fit to each section by words, and the cue weights found on the way."""
    scores = word_fit(corpus, sections) if corpus.groups else np.zeros((len(sections), 0))
    return scores, dict(corpus.cue_weight_cache)
