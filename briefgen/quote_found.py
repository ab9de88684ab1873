"""A quote as read from its own article, before quotes are fitted to length and merged
across outlets; CUT marks where one was shortened."""

from __future__ import annotations

from dataclasses import dataclass, field

CUT = " ..."  # marks a quote shortened here; plain dots, so the text still reads as printed


@dataclass
class FoundQuote:
    """A quote, its speaker and the article it was read in; `sources` are filled in when
    quotes are merged."""

    text: str
    speaker: str
    article_id: str
    reported: bool = False
    role: str = ""  # a title the attribution itself gave ("palace spokesman Jane Doe said")
    kind: str = "person"
    sources: list[str] = field(default_factory=list)
