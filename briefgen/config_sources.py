"""The articles: where they come from (`sources`), how feeds and pages are fetched
(`fetch`), how much is read (`limits`), and extra furniture rules (`cleaning`)."""

from __future__ import annotations

import re
from datetime import timedelta

from pydantic import Field, model_validator

from .config_base import PathText, Strict, parse_duration


class Source(Strict):
    """Exactly one of `path`, `feed` or `url`."""

    path: PathText | None = None
    """A file, a directory (read recursively) or a glob, relative to the config file."""
    feed: str | None = None
    """An RSS or Atom feed URL; each entry's linked page is fetched and its text extracted."""
    url: str | None = None
    """One web page."""
    since: str | None = None
    """Leave out articles older than this (`24h`, `2d`), counted back from the brief's date."""
    new_only: bool = False
    """Leave out feed entries already seen on an earlier day (kept in `state_dir`)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Source:
        kinds = [k for k in ("path", "feed", "url") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError("give exactly one of path, feed or url")
        for k in ("feed", "url"):
            value = getattr(self, k)
            if value and not re.match(r"^https?://[^\s/]+", value):
                raise ValueError(f"{k}: expected an http(s) URL; got {value!r}")
        if self.since:
            parse_duration(self.since)
        return self

    @property
    def window(self) -> timedelta | None:
        return parse_duration(self.since) if self.since else None


class FetchConfig(Strict):
    timeout: float = Field(default=20, gt=0, le=300)
    """Seconds a feed or page may stay silent before it is given up."""
    page_deadline: float = Field(default=60, gt=0, le=3600)
    """Seconds for one feed or page in all, redirects included, however slowly it arrives."""
    run_deadline: float = Field(default=600, gt=0, le=86400)
    """Seconds for all fetching of one build; later feeds and pages are skipped with a warning."""
    max_bytes: int = Field(default=2_000_000, ge=1000)
    """Larger responses are not read (a news page is far smaller)."""
    max_entries: int = Field(default=100, ge=1)
    """At most this many entries are taken from one feed."""
    max_redirects: int = Field(default=3, ge=0, le=10)
    user_agent: str = "briefgen/0.1 (+daily news brief; contact the operator)"


class LimitsConfig(Strict):
    max_file_bytes: int = Field(default=2_000_000, ge=1000)
    """Input files larger than this are skipped with a warning."""
    max_articles: int = Field(default=20_000, ge=1)
    """Articles beyond this many are skipped with a warning."""


class CleanConfig(Strict):
    rules: tuple[PathText, ...] = ()
    """Extra furniture-rule YAML files (same shape as briefgen/data/furniture.yaml)."""
