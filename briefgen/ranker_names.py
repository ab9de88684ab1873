"""The rankers' names, apart from the rankers: the config checks them without loading
numpy and scipy, so `briefgen --help` and `check` start fast."""

# sumy summarizers by config name: (module, class). Edmundson is left out: it
# needs hand-made bonus/stigma word lists that a section config does not carry.
SUMY_SUMMARIZERS = {
    "lexrank": ("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "textrank": ("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
    "random": ("sumy.summarizers.random", "RandomSummarizer"),
}

RANKER_NAMES = ("centrality", *SUMY_SUMMARIZERS)  # what the config accepts as a section's ranker
