import time, sys
from briefgen.quotes import find_quotes
from briefgen.segment import segment
from briefgen.clean import clean_text
from tests.conftest import make_article
units = ["Ab ", "A ", "AB ", "Ab, ", "Ab-", "ab ", "a", "1 ", "1,", ". ", ", ", "- ", "“", "\"", "' ", "’", "\n", "Ab\n", "A. ", "Mr. ", "( ", "Жо ", "中", "Ab said, ", "said ", "the ", "according to ", "he said. ", "de ", "Ab: ", "U.S. "]
worst = []
for unit in units:
    for tail in ['', ' said: "We will meet again next week to talk about trade."', '"We will meet again next week," ']:
        body = unit * (44000 // len(unit)) + tail
        t = time.perf_counter()
        b = clean_text(body)
        if b:
            a = make_article(b)
            find_quotes([a], segment(a), 5, 60)
        d = time.perf_counter() - t
        worst.append((round(d, 2), repr(unit), repr(tail[:10])))
for w in sorted(worst)[-12:]: print(w)
