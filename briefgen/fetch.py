"""Articles from the web: RSS/Atom feeds (each entry's linked page) and single pages.

Requests have a timeout per read, a deadline per page (however slowly it
trickles in, redirects included), a deadline for all fetching of a run, a size
cap, few redirects and a clear user agent. Fetched pages are cached in the
state directory, so a re-run does not fetch them again. A page that fails is
skipped with a one-line warning.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Protocol
from urllib.parse import urljoin

import httpx

from .config_sources import FetchConfig, Source
from .fetch_reasons import reason, where
from .fsutil import atomic_write
from .ingest import SkipFile, decode, from_html, has_wide_bom, shown
from .model import Article

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # http:, https:, mailto:, ...


class FetchError(Exception):
    """A URL could not be fetched; the message says why, in a few words."""


class PageStore(Protocol):
    """Pages shared beyond this machine's cache (the desks' Redis, pagecache.py)."""

    def get_or_fetch(self, url: str, download: Callable[[str], bytes]) -> bytes: ...


SHARED_PAGES: ContextVar[PageStore | None] = ContextVar("shared_pages", default=None)
"""Set while a desk's brief is built on a worker: pages come from there first."""


class Fetcher:
    def __init__(self, config: FetchConfig, cache_dir: Path) -> None:
        self.config = config
        self.cache_dir = cache_dir
        self.client = httpx.Client(
            timeout=config.timeout, follow_redirects=True, max_redirects=config.max_redirects,
            headers={"User-Agent": config.user_agent}, trust_env=False,
        )
        self.run_ends = time.monotonic() + config.run_deadline
        # where each address fetched ended after redirects: a feed's relative links are
        # relative to that
        self.final_url: dict[str, str] = {}
        self.cache_trouble: str | None = None  # why the page cache failed, if it did

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, cache: bool = True) -> bytes:
        shared = SHARED_PAGES.get()
        if cache and shared is not None:
            return shared.get_or_fetch(url, self._download)
        path = self.cache_dir / (hashlib.sha256(url.encode()).hexdigest()[:32] + ".bin")
        if cache:
            try:
                return path.read_bytes()
            except (FileNotFoundError, NotADirectoryError):
                pass  # not fetched before (or no cache folder yet)
            except OSError as e:
                self._cache_failed(e)
        data = self._download(url)
        if cache and self.cache_trouble is None:
            try:
                atomic_write(path, data)
            except OSError as e:  # a full disk, a read-only or misplaced state_dir
                self._cache_failed(e)
        return data

    def _cache_failed(self, error: OSError) -> None:
        """The page cache only saves fetching again: where it cannot be read or written,
        the brief is made all the same, with one warning for the run."""
        if isinstance(error, FileExistsError | NotADirectoryError):  # mkdir met a file
            why = "a file stands where its folder should be"
        else:
            why = error.strerror or str(error)
        self.cache_trouble = self.cache_trouble or why

    def _download(self, url: str) -> bytes:
        """The whole answer within the page's deadline (and what is left of the run's).

        The timeout bounds each read only: a server sending a byte a second never
        trips it. So the request runs in a thread that is waited for at most the
        deadline, then told to stop at its next chunk and left behind.
        """
        if not url.startswith(("http://", "https://")):
            raise FetchError("only http and https URLs are fetched")
        budget = min(self.config.page_deadline, self.run_ends - time.monotonic())
        if budget <= 0:
            raise FetchError(f"not fetched: the run's {self.config.run_deadline:g} s for "
                             "fetching (fetch.run_deadline) are used up")
        stop = threading.Event()
        result: dict[str, bytes | BaseException] = {}

        def work() -> None:
            try:
                result["data"] = self._stream(url, stop)
            except BaseException as e:  # handed to the waiting thread
                result["error"] = e

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(budget)
        if worker.is_alive():
            stop.set()
            raise FetchError(f"no complete answer within {budget:g} s")
        if "error" in result:
            raise result["error"]
        return result["data"]  # type: ignore[return-value]

    def _stream(self, url: str, stop: threading.Event) -> bytes:
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise FetchError(where(url, response.url, f"HTTP {response.status_code}"))
                self.final_url[url] = str(response.url)
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    if stop.is_set():
                        raise FetchError("given up")
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise FetchError(f"larger than {self.config.max_bytes:,} bytes")
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"no answer within {self.config.timeout:g} s") from None
        except httpx.HTTPError as e:
            raise FetchError(reason(e, url)) from None
        except httpx.InvalidURL:  # a feed's link `http://[::1`: no HTTPError
            raise FetchError("not a URL") from None
        except UnicodeError:  # a host name idna cannot encode: `http://./`, a long label
            raise FetchError("not a valid host name") from None


def read_page(url: str, fetcher: Fetcher) -> Article:
    try:
        html = decode(fetcher.get(url))
    except SkipFile as e:
        raise FetchError(str(e)) from None
    try:
        return from_html(html, url, url=url)
    except SkipFile as e:
        raise FetchError(str(e)) from None


def read_feed(url: str, fetcher: Fetcher, warnings: list[str]) -> list[Article]:
    import feedparser

    try:
        data = fetcher.get(url, cache=False)  # feeds change; their pages do not
    except FetchError as e:
        warnings.append(f"{shown(url)}: feed skipped: {e}")
        return []
    headers = {}
    if has_wide_bom(data):
        # feedparser takes UTF-16 or UTF-32 for UTF-8 when no XML declaration names it
        # (a BOM is enough, says XML): it is given the text as UTF-8, and told so
        try:
            data = decode(data).encode("utf-8")
        except SkipFile as e:
            warnings.append(f"{shown(url)}: feed skipped: {e}")
            return []
        headers = {"content-type": "application/xml; charset=utf-8"}
    feed = feedparser.parse(data, response_headers=headers)
    entries = [e for e in feed.entries if str(e.get("link", "")).strip()]
    if not entries:
        reason = "not a well-formed RSS or Atom feed" if feed.bozo else "no entries with a link"
        warnings.append(f"{shown(url)}: feed skipped: {reason}")
        return []
    outlet = str(feed.feed.get("title", "")).strip()
    articles = []
    for entry in entries[:fetcher.config.max_entries]:
        link = _absolute(str(entry.get("link", "")).strip(), fetcher.final_url.get(url, url))
        try:
            article = read_page(link, fetcher)
        except FetchError as e:
            warnings.append(f"{shown(link)}: skipped: {e}")  # a line break shown as \n
            continue
        articles.append(replace(
            article,
            title=str(entry.get("title", "")).strip() or article.title,
            outlet=outlet or article.outlet,
            date=_entry_date(entry) or article.date,
        ))
    return articles


def _absolute(link: str, feed_url: str) -> str:
    """A link relative to the feed (`talks`, `/talks`, `//host/talks`) at the feed's own
    address (where its redirects ended), as feed readers take it; a link with a scheme as it
    stands (one that is no URL is said to be so when fetched)."""
    if _SCHEME.match(link):
        return link
    try:
        return urljoin(feed_url, link)
    except ValueError:  # `[::1` : not a URL, said when fetched
        return link


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _entry_date(entry) -> date | None:
    """The entry's day in UTC, as feedparser gives its times (not local time, as
    time.mktime would read them: a day off, and year 1 out of range, east of Greenwich)."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return date(*parsed[:3])
    except (TypeError, ValueError):
        return None


def fetch_sources(sources: list[Source], config: FetchConfig, state_dir: Path,
                  warnings: list[str]) -> list[tuple[Source, Article]]:
    """Every article of the feed and url sources, each with the source it came from."""
    fetcher = Fetcher(config, state_dir / "pages")
    out: list[tuple[Source, Article]] = []
    try:
        for source in sources:
            if source.feed:
                out += [(source, a) for a in read_feed(source.feed, fetcher, warnings)]
            elif source.url:
                try:
                    out.append((source, read_page(source.url, fetcher)))
                except FetchError as e:
                    warnings.append(f"{shown(source.url)}: skipped: {e}")
    finally:
        fetcher.close()
    if fetcher.cache_trouble:
        warnings.append(f"{shown(fetcher.cache_dir)}: fetched pages are not kept "
                        f"({fetcher.cache_trouble}); the next run fetches them again")
    return out


class SeenStore:
    """URLs and the day each was first seen, so a daily brief can leave out old news."""

    VERSION = 1

    def __init__(self, path: Path, warnings: list[str] | None = None) -> None:
        self.path = path
        self.first_seen: dict[str, str] = {}
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as e:
            return self._quarantine(f"unreadable: {getattr(e, 'strerror', None) or 'not JSON'}",
                                    warnings)
        seen = data.get("first_seen") if isinstance(data, dict) else None
        if not isinstance(data, dict) or data.get("version") != self.VERSION \
                or not isinstance(seen, dict) \
                or not all(isinstance(v, str) and _is_date(v) for v in seen.values()):
            return self._quarantine(f"expected version {self.VERSION} with first_seen dates",
                                    warnings)
        self.first_seen = {str(k): v for k, v in seen.items()}

    def _quarantine(self, why: str, warnings: list[str] | None) -> None:
        """A damaged file moves aside (kept for a look) and the brief starts afresh: at worst
        an old item shows once more."""
        target = self.path.parent / "quarantine" / f"{self.path.name}.{time.time_ns()}"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.path.replace(target)
            where = f"moved to {target}"
        except OSError as e:
            where = f"could not move it aside ({e.strerror or e})"
        if warnings is not None:
            warnings.append(f"{self.path}: damaged ({why}); {where}; seen items start afresh")

    def is_new(self, url: str, day: date) -> bool:
        """Seen for the first time on `day` (or not before it)."""
        first = self.first_seen.setdefault(url, day.isoformat())
        return first >= day.isoformat()

    def save(self, warnings: list[str]) -> None:
        """Kept for the next run; where it cannot be (a full disk, a read-only state_dir)
        the brief is made all the same, with a warning: at worst an item shows again."""
        try:
            atomic_write(self.path, json.dumps(
                {"version": self.VERSION, "first_seen": self.first_seen}, indent=1,
                sort_keys=True))
        except OSError as e:
            warnings.append(f"{shown(self.path)}: cannot record the items seen "
                            f"({e.strerror or e}); a later brief may show them again")
