"""Feeds and pages served from 127.0.0.1: main text in, navigation out, failures skipped."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, run_cli
from .servers import Site, free_port, slow

PAGE = """<html><head><title>{title} | The Courier</title></head><body>
<nav>Home | World | Politics | Sport | Weather | Subscribe now</nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright The Courier. All rights reserved. Cookie settings | Privacy</footer>
</body></html>"""

PARAGRAPHS = {
    "/talks": ["The foreign minister met her counterpart for four hours of talks on Monday.",
               "Both sides agreed to set up a joint working group on energy by the summer.",
               "The two governments failed to settle their dispute over fishing rights."],
    "/visit": ["The prime minister accepted an invitation to visit the capital next spring.",
               "Trade ministers will meet in March to discuss tariffs, officials said.",
               "The president met the visiting minister for a 40-minute meeting."],
}


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(title=title, paragraphs=body).encode()


def feed(base: str, links: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{link}</link>"
        f"<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>"
        for n, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title>'
            f"<link>{base}/</link><description>news</description>{items}</channel></rss>").encode()


@pytest.fixture
def site():
    s = Site({"/talks": page("Ministers talk", PARAGRAPHS["/talks"]),
              "/visit": page("Visit planned", PARAGRAPHS["/visit"]),
              "/slow": slow(3), "/broken.xml": b"<rss><channel><item>not a feed"})
    s.pages["/feed.xml"] = feed(s.url, ["/talks", "/visit", "/slow", "/missing"])
    yield s
    s.stop()


def config_for(tmp: Path, sources: str) -> Path:
    base = (ROOT / "config" / "brief.yaml").read_text()
    start, end = base.index("sources:"), base.index("formats:")
    text = base[:start] + sources + "\n" + base[end:] + "\nfetch: {timeout: 1}\nstate_dir: state\n"
    (tmp / "brief.yaml").write_text(text)
    return tmp / "brief.yaml"


def test_feed_brief_has_the_pages_text_without_navigation(tmp_path: Path, site: Site):
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed.xml\n"
                                  f"  - feed: {site.url}/broken.xml\n")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                   "--format", "json,html")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads(next((tmp_path / "out").glob("*.json")).read_text())
    assert brief["date"] == "2025-03-04"
    assert sorted(s["title"] for s in brief["sources"]) == ["Story 0", "Story 1"]
    assert {s["outlet"] for s in brief["sources"]} == {"The Courier"}
    lines = [i["text"] for s in brief["sections"] for i in s["items"]]
    lines += [i["text"] for i in brief["summary"]]
    everything = " ".join(lines)
    assert "four hours of talks" in everything and "invitation to visit" in everything
    html = next((tmp_path / "out").glob("*.html")).read_text()
    for furniture in ["Subscribe now", "Cookie settings", "All rights reserved"]:
        assert furniture not in html
    # Each page's address from the feed is its source's link.
    assert {s["url"] for s in brief["sources"]} == {f"{site.url}/talks", f"{site.url}/visit"}
    for path in ("/talks", "/visit"):
        assert f'<a href="{site.url}{path}">' in html
    assert f"{site.url}/slow: skipped: no answer within 1 s" in proc.stderr
    assert f"{site.url}/missing: skipped: HTTP 404" in proc.stderr
    assert f"{site.url}/broken.xml: feed skipped" in proc.stderr


def test_pages_are_cached_so_a_rerun_does_not_refetch(tmp_path: Path, site: Site):
    config = config_for(tmp_path, f"sources:\n  - url: {site.url}/talks\n")
    for _ in range(2):
        proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                       "--format", "json")
        assert proc.returncode == 0, proc.stderr
    assert site.requests.count("/talks") == 1


def test_window_and_new_only(tmp_path: Path, site: Site):
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed.xml\n"
                                  "    since: 24h\n    new_only: true\n")
    late = run_cli("build", "--config", str(config), "--out", str(tmp_path / "a"),
                   "--date", "2025-03-10", "--format", "json")
    assert late.returncode == 1 and "no readable article" in late.stderr  # all too old
    # Each count is said only when it is one: none was seen before, so nothing of new_only.
    assert "left out: 2 older than their source's `since` before 2025-03-10 23:59 UTC" \
        in late.stderr and "seen on an earlier day" not in late.stderr, late.stderr
    on_time = run_cli("build", "--config", str(config), "--out", str(tmp_path / "b"),
                      "--date", "2025-03-04", "--format", "json")
    assert on_time.returncode == 0, on_time.stderr
    next_day = run_cli("build", "--config", str(config), "--out", str(tmp_path / "c"),
                       "--date", "2025-03-05", "--format", "json")
    assert next_day.returncode == 1  # within 24h, but already seen on an earlier day
    assert "left out: 2 seen on an earlier day (`new_only`)" in next_day.stderr \
        and "older than" not in next_day.stderr, next_day.stderr


def atom(entries: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f'<entry><title>{title}</title><link href="{href}"/><id>{href}</id>'
        f"<updated>2025-03-04T08:00:00Z</updated></entry>" for title, href in entries)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>The Courier</title><id>courier</id>"
            f"<updated>2025-03-04T08:00:00Z</updated>{items}</feed>").encode()


def built(tmp_path: Path, config: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """A build with this config that succeeded, and the brief's JSON."""
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(next((tmp_path / "out").glob("*.json")).read_text())


def sources_read(tmp_path: Path, config: Path) -> set[str]:
    """The addresses of the articles a build with this config read, none skipped."""
    proc, brief = built(tmp_path, config)
    assert "skipped" not in proc.stderr
    return {s["url"] for s in brief["sources"]}


@pytest.mark.parametrize("name", ["atom.xml", "rss.xml"])
def test_relative_links_in_a_feed_mean_the_feeds_address(tmp_path: Path, site: Site, name: str):
    # Under /news/: `talks` is /news/talks, `/visit` is /visit on the same host.
    site.pages["/news/talks"] = site.pages["/talks"]
    site.pages["/news/atom.xml"] = atom([("Story 0", "talks"), ("Story 1", "/visit")])
    site.pages["/news/rss.xml"] = feed("", ["talks", "/visit"])
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/news/{name}\n")
    assert sources_read(tmp_path, config) == {f"{site.url}/news/talks", f"{site.url}/visit"}


def test_relative_links_in_a_redirected_feed_mean_where_it_moved(tmp_path: Path, site: Site):
    """Was /talks, relative to the address in the config, and "skipped: HTTP 404"."""
    site.pages["/news/talks"] = site.pages["/talks"]
    site.pages["/news/feed.xml"] = feed("", ["talks"])
    site.pages.pop("/talks")
    site.redirects["/feed"] = "/news/feed.xml"
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed\n")
    assert sources_read(tmp_path, config) == {f"{site.url}/news/talks"}


def test_a_failed_fetch_says_why_in_words_naming_the_address(tmp_path: Path, site: Site):
    """Was `skipped: ConnectError`, httpx's class name, for each of these."""
    closed = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    site.redirects["/moved"] = f"{closed}/story"
    site.redirects["/gone"] = "/missing"
    site.pages["/news.xml"] = feed(site.url, ["/talks", "/moved", "/gone"])
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/news.xml\n"
                                  f"  - feed: {closed}/feed.xml\n  - url: {closed}/page\n")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    warnings = proc.stderr.splitlines()
    assert f"briefgen: warning: {closed}/feed.xml: feed skipped: connection refused" in warnings
    assert f"briefgen: warning: {closed}/page: skipped: connection refused" in warnings
    assert (f"briefgen: warning: {site.url}/moved: skipped: redirected to {closed}/story: "
            "connection refused") in warnings
    assert (f"briefgen: warning: {site.url}/gone: skipped: redirected to {site.url}/missing: "
            "HTTP 404") in warnings
    assert "Error" not in proc.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_feed_in_utf16_or_utf32_with_a_byte_order_mark_is_read(tmp_path: Path, site: Site,
                                                                  encoding: str):
    """Was 'feed skipped: not a well-formed RSS or Atom feed': a byte order mark names the
    encoding of XML without a declaration of it."""
    text = feed(site.url, ["/talks"]).decode().replace("The Courier", "Le Télégramme")
    site.pages["/wide.xml"] = ("\ufeff" + text).encode(encoding)
    site.pages["/half.xml"] = site.pages["/wide.xml"][:-1]  # UTF-16 or 32 is whole units
    config = config_for(tmp_path, f"sources:\n  - feed: {site.url}/wide.xml\n"
                                  f"  - feed: {site.url}/half.xml\n")
    proc, brief = built(tmp_path, config)
    assert [(s["title"], s["outlet"]) for s in brief["sources"]] == \
        [("Story 0", "Le Télégramme")]
    name = encoding[:6].upper()
    assert proc.stderr.splitlines() == [f"briefgen: warning: {site.url}/half.xml: feed skipped: "
                                        f"not {name} as its byte order mark says"], proc.stderr
