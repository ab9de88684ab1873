"""Read articles from text, HTML and JSON files into Article records.

An input that cannot be read is skipped with a one-line warning (file and
reason); the caller decides what to do when nothing at all was readable.
"""

from __future__ import annotations

import codecs
import email.utils
import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from operator import itemgetter
from pathlib import Path
from typing import Any

import yaml

from .fsutil import is_dir, is_file
from .json_kinds import kind_of
from .model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MAX_BYTES = 2_000_000  # a news article is tens of kB; bigger files are not articles
MAX_ARTICLES = 20_000

_DATE_LINE = re.compile(r"\A\s*date\s*:?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
# "PARIS, May 3 (Agency) –" or "(Agency) –" near the top names the outlet.
_DATELINE_OUTLET = re.compile(r"\(([A-Z][\w .&'-]{1,30})\)\s*[–—-]")
_OWN_OUTPUT = re.compile(r"brief-\d{4}-\d{2}-\d{2}\.(?:html|json|md|txt|eml)")
_CREDIT_OUTLET = re.compile(r"\((?:Video|Photo|Audio):\s*([^)]{2,40})\)")
# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
_WIDE_BOMS = {codecs.BOM_UTF32_LE: "utf-32", codecs.BOM_UTF32_BE: "utf-32",
              codecs.BOM_UTF16_LE: "utf-16", codecs.BOM_UTF16_BE: "utf-16"}


class SkipFile(Exception):
    """This input is unreadable; the message says why."""


class _AliasRefused(yaml.YAMLError):
    pass


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases: a few lines of `&a [*b, *b, ...]` expand to billions of
    nodes (an alias bomb); an article's title, date and outlet never need them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            line = self.peek_event().start_mark.line + 2  # +1 for 1-based, +1 for the ---
            raise _AliasRefused(f"front matter line {line}: YAML aliases (*name) are refused")
        return super().compose_node(parent, index)


@dataclass
class Ingested:
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def expand_inputs(specs: Iterable[str | Path], exclude: Iterable[Path] = ()
                  ) -> tuple[list[Path], list[str]]:
    """Files named by paths, directories (recursive) and globs; and warnings for misses.

    A folder's walk leaves out briefgen's own briefs (brief-<date>.<format>) and the
    folders in `exclude` (the state dir): `path: .` must not read yesterday's brief.
    """
    files: list[Path] = []
    warnings: list[str] = []
    skipped = [p.resolve() for p in exclude]
    for spec in specs:
        path = Path(spec)
        if is_dir(path):  # a name too long for the system is none, as a missing one
            found = _folder_files(path, skipped, warnings)
        elif is_file(path):
            found = [path]
        else:
            found = sorted(Path(p) for p in glob.glob(str(spec), recursive=True)
                           if Path(p).is_file() and _supported(Path(p)))
        if not found:
            warnings.append(f"{shown(spec)}: no article files found")
        files.extend(found)
    return list(dict.fromkeys(files)), warnings


def _folder_files(folder: Path, skipped: list[Path], warnings: list[str]) -> list[Path]:
    """The article files in folder and its subfolders, sorted, but for our own briefs,
    those in the `skipped` folders, and links leading out of folder (a link to /etc/passwd
    in an input folder is not an article), which get a warning."""
    root = str(folder.resolve())
    kept = []
    for path, real in sorted(_walk(folder, root), key=itemgetter(0)):
        if any(_within(real, str(s)) for s in skipped):
            continue
        if _within(real, root):
            kept.append(path)
        else:
            warnings.append(f"{shown(path)}: skipped: a link leading out of {shown(folder)}")
    return kept


def _walk(folder: Path, real_folder: str) -> Iterator[tuple[Path, str]]:
    """Each supported file `folder.rglob("*")` finds that is no brief of ours, with its
    `resolve()` as text. The walk enters no linked folder (nor does rglob): a file that is
    no link is its real folder's path and its name, one system call a folder, not one a
    part of each file's path."""
    try:
        with os.scandir(folder) as entries:
            found = list(entries)
    except PermissionError:  # rglob passes over what it may not read
        return
    for entry in found:
        path = folder / entry.name
        real = os.path.join(real_folder, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, real)
        elif not _supported(path) or _OWN_OUTPUT.fullmatch(entry.name):
            continue
        elif entry.is_symlink():  # rare: asked as rglob's caller did (a loop is no file)
            if path.is_file():
                yield path, str(path.resolve())
        elif entry.is_file():
            yield path, real


def _within(real: str, folder: str) -> bool:
    """`Path(real).is_relative_to(folder)` of two resolved paths, as text."""
    return real == folder or real.startswith(folder.rstrip(os.sep) + os.sep)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(path: Path | str) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not
    UTF-8 become replacement characters, and a line break in it `\\n` (a warning stays
    one line)."""
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), text)


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED and not path.name.startswith(".")


def read_articles(files: Iterable[Path], max_bytes: int = MAX_BYTES,
                  max_articles: int = MAX_ARTICLES) -> Ingested:
    out = Ingested()
    seen: set[str] = set()
    for path in files:
        if len(out.articles) >= max_articles:
            out.warnings.append(f"{shown(path)}: skipped: the limit of {max_articles:,} articles "
                                "is reached (limits.max_articles)")
            continue
        try:
            for article in read_file(path, max_bytes, out.warnings):
                if len(out.articles) >= max_articles:  # a JSON list holds many
                    out.warnings.append(f"{shown(path)}: records beyond the limit of "
                                        f"{max_articles:,} articles skipped (limits.max_articles)")
                    break
                if article.id not in seen:  # the same text twice is one article
                    seen.add(article.id)
                    out.articles.append(article)
        except SkipFile as e:
            out.warnings.append(f"{shown(path)}: skipped: {e}")
    return out


def read_file(path: Path, max_bytes: int = MAX_BYTES,
              warnings: list[str] | None = None) -> list[Article]:
    suffix = path.suffix.lower()
    text = decode(_read_bytes(path, max_bytes))
    name = shown(path)
    if suffix in HTML_SUFFIXES:
        return [from_html(text, name)]
    if suffix in JSON_SUFFIXES:
        return list(from_json(text, name, lines=suffix != ".json", warnings=warnings))
    return [from_text(text, name, warnings)]


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SkipFile(f"{size:,} bytes is over the {max_bytes:,}-byte limit "
                           "(limits.max_file_bytes)")
        data = path.read_bytes()
    except OSError as e:
        raise SkipFile(e.strerror or str(e)) from None
    if not data.strip():
        raise SkipFile("empty file")
    if b"\x00" in data[:8192] and not has_wide_bom(data) and not _bomless_utf16(data):
        raise SkipFile("binary file, not text")
    return data


def has_wide_bom(data: bytes) -> bool:
    """Whether data opens with UTF-16's or UTF-32's byte order mark."""
    return data.startswith(tuple(_WIDE_BOMS))


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte order mark (as some Windows tools save text): text in Latin
    script has a NUL in every other byte, all at odd places (little-endian) or all at even
    ones, and reads as printable text, which binary data does not; the encoding, or None."""
    head = data[:8192]
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, text in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) * 4 >= len(zeros) and text.count(0) * 100 <= len(text):
            try:  # incremental: a character cut at the head's end is no error
                read = codecs.getincrementaldecoder(encoding)().decode(head)
            except UnicodeDecodeError:
                return None
            controls = sum(not (c.isprintable() or c in "\t\n\r") for c in read)
            return encoding if read and controls * 100 <= len(read) else None
    return None


def decode(data: bytes) -> str:
    """UTF-16 or UTF-32 when a byte order mark says so, or UTF-16 when its NULs do; UTF-8
    when it is; otherwise the encoding charset-normalizer finds."""
    for bom, encoding in _WIDE_BOMS.items():
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise SkipFile(f"not {encoding.upper()} as its byte order mark says") from None
    wide = _bomless_utf16(data) if b"\x00" in data[:8192] else None
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            raise SkipFile("binary file, not text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        raise SkipFile("not text in any known encoding")
    best = results[0]
    # Western text often decodes equally cleanly in several code pages; the web's
    # most common one (windows-1252, what browsers use for "latin-1") then wins.
    clean = [r for r in results if r.chaos <= best.chaos]
    return str(next((r for r in clean if r.encoding == "cp1252"), best))


def from_text(text: str, path: str, warnings: list[str] | None = None) -> Article:
    """Plain text: optional YAML front matter or a first line `date YYYY-MM-DD`."""
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_FrontMatterLoader)
        except _AliasRefused as e:
            raise SkipFile(str(e)) from None
        # besides syntax: a date that is no date (2024-02-31), an integer of thousands of
        # digits, nesting deeper than Python's stack
        except (yaml.YAMLError, ValueError, RecursionError) as e:
            loaded = _plain_fields(match.group(1))
            mark = getattr(e, "problem_mark", None)
            line = f":{mark.line + 2}" if mark else ""  # +1 for 1-based, +1 for the ---
            problem = getattr(e, "problem", None) or (
                "nested too deep" if isinstance(e, RecursionError) else str(e)[:80])
            if warnings is not None:
                warnings.append(f"{path}{line}: front matter is not valid YAML ({problem}); "
                                "read as plain `key: value` lines")
        if isinstance(loaded, dict):
            meta, text = loaded, text[match.end():]
    match = _DATE_LINE.match(text)
    if match:
        meta.setdefault("date", match.group(1))
        text = text[match.end():]
    return make_article(text, path, meta, warnings)


def _plain_fields(block: str) -> dict[str, str]:
    """Front matter that YAML cannot read ("title: Talks: what next"), line by line:
    the key before the first colon, the rest as written."""
    fields = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key.strip()):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def from_html(html: str, path: str, url: str = "") -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True,
                                      include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise SkipFile("no article text found in the HTML")
    body = doc.text.lstrip()
    if doc.title:
        body = _without_headline(body, doc.title)
    meta = {"title": doc.title, "date": doc.date, "outlet": doc.sitename, "url": url or doc.url}
    return make_article(body, path, meta)


MAX_LABEL_WORDS = 3  # a section's label over a headline ("Tech", "World news")
MAX_LABELS = 2


def _without_headline(body: str, title: str) -> str:
    """The body without the headline trafilatura repeats as its first line, nor the section's
    labels a page prints above it ("Tech" over "Talks end" over the story)."""
    lines = body.split("\n", MAX_LABELS + 1)
    for n, line in enumerate(lines[:MAX_LABELS + 1]):
        if _repeats_headline(line, title):
            return "\n".join(lines[n + 1:])
        if len(line.split()) > MAX_LABEL_WORDS or line.rstrip().endswith((".", "!", "?", "”", '"')):
            break  # a sentence: the story has begun
    return body


def _repeats_headline(line: str, title: str) -> bool:
    """Whether a line is the page's title, or the title without the site's name after it
    ("Talks end | Planet News" over "Talks end")."""
    line, title = " ".join(line.split()), " ".join(title.split())
    rest = title[len(line):].lstrip() if line and title.startswith(line) else None
    return rest is not None and (not rest or rest[0] in "|•-–—:")


def from_json(text: str, path: str, lines: bool,
              warnings: list[str] | None = None) -> Iterator[Article]:
    """A JSON object, a list of objects, or JSON Lines, with title/text/date/url/outlet.
    A JSON Lines record that cannot be read, or is no article, is skipped with a warning
    naming its line, not its file; a record of a list, naming its place in the list."""
    records: list[tuple[int | None, Any]] = []  # each with its line in JSON Lines
    if lines:
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((number, _json(line, where=False)))
                except SkipFile as e:
                    if warnings is not None:
                        warnings.append(f"{path}:{number}: record skipped: {e}")
        if not records:
            raise SkipFile("no readable JSON record")
    else:
        data = _json(text)
        records = [(None, r) for r in (data if isinstance(data, list) else [data])]
    found = False
    for n, (number, record) in enumerate(records):
        body = record.get("text") or record.get("body") or record.get("content") \
            if isinstance(record, dict) else None
        if not isinstance(body, str) or not body.strip():
            # a lone object without text is the file's own error, said once below
            if warnings is not None and (number is not None or len(records) > 1):
                where = f"{path}:{number}" if number is not None else f"{path}: record {n + 1}"
                warnings.append(f"{where}: record skipped: {_no_article(record)}")
            continue
        found = True
        name = f"{path}#{n}" if len(records) > 1 else path
        yield make_article(body, name, record, warnings,
                           where=f"{path}:{number}" if number is not None else name)
    if not found:
        raise SkipFile("no record with a 'text' field")


def _no_article(record: Any) -> str:
    """Why a JSON record is no article, in JSON's words."""
    if not isinstance(record, dict):
        return f"expected an article (an object with a 'text' field), got {kind_of(record)}"
    key = next((k for k in ("text", "body", "content") if record.get(k) is not None), None)
    if key is None:
        return "no 'text' field"
    value = record[key]
    if isinstance(value, str):
        return f"'{key}' is empty"
    return f"'{key}': expected text, got {kind_of(value)}"


def _json(text: str, where: bool = True) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        at = f" at line {e.lineno}" if where else ""
        raise SkipFile(f"malformed JSON{at}: {e.msg}") from None
    except ValueError as e:  # an integer of thousands of digits
        raise SkipFile(f"unreadable JSON: {str(e)[:80]}") from None
    except RecursionError:
        raise SkipFile("JSON nested too deep") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain(value: Any) -> str:
    """A field as text that can be written: a lone surrogate ("\ud800" in JSON) becomes
    U+FFFD, a NUL a space."""
    text = str(value or "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return text.replace("\x00", " ")


def make_article(body: str, path: str, meta: dict[str, Any],
                 warnings: list[str] | None = None, where: str = "") -> Article:
    """An article of a body and its metadata; a field that cannot be read is left out
    with a warning naming `where` it stands (the path, or a JSON Lines file:line)."""
    body = _plain(body).strip()
    if not body:
        raise SkipFile("no text")
    where = where or path

    def text(key: str) -> str:
        return _field(meta, key, where, warnings)

    return Article(
        id="a" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:7],
        title=text("title").strip(),
        outlet=text("outlet").strip() or text("source").strip() or guess_outlet(body),
        date=_date_field(meta.get("date"), where, warnings),
        path=path,
        body=body,
        url=text("url"),
    )


def _field(meta: dict[str, Any], key: str, path: str, warnings: list[str] | None) -> str:
    """A text field of the metadata; one of another shape (a mapping, a list) is left out
    with a warning, not shown as Python writes it ("{'x': 1}")."""
    value = meta.get(key)
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return _plain(value)
    if warnings is not None:
        kind = {dict: "a mapping", list: "a list"}.get(type(value), type(value).__name__)
        warnings.append(f"{path}: {key}: expected text, got {kind}; left out")
    return ""


def guess_outlet(body: str) -> str:
    """An outlet named by a dateline "(Agency) –" or a "(Video: Outlet)" credit."""
    match = _DATELINE_OUTLET.search(body[:400]) or _CREDIT_OUTLET.search(body)
    return match.group(1).strip() if match else ""


def _date_field(value: Any, where: str, warnings: list[str] | None) -> date | None:
    """The article's day; one that cannot be read leaves it undated, with a warning."""
    day = parse_date(value)
    if day is not None or value is None or (isinstance(value, str) and not value.strip()):
        return day
    if warnings is not None:
        if isinstance(value, str):
            written = _plain(value)
            written = written if len(written) <= 60 else written[:60] + "..."  # one short line
            why = f"cannot read {written!r} as a day"
        else:
            why = f"expected a day, got {kind_of(value)}"
        warnings.append(f"{where}: date: {why} (YYYY-MM-DD, or as feeds write it: "
                        "'Tue, 04 Mar 2025 10:00:00 +0000'); the article is taken as undated")
    return None


def parse_date(value: Any) -> date | None:
    """A day written as ISO 8601 (2025-03-04, 2025-03-04T10:00:00Z: the day as written) or
    as RFC 2822, as feeds write it (Tue, 04 Mar 2025 10:00:00 +0000: the day in UTC, as
    feeds are read)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip()[:10]).date()
    except ValueError:
        pass
    try:
        written = email.utils.parsedate_to_datetime(value.strip())
        if written.tzinfo is not None:  # "-0000" says the zone is unknown: as written
            written = written.astimezone(timezone.utc)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return written.date()
