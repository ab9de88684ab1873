"""Bad and hostile input: the brief is still made, nothing is fetched or lost."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.clean import clean_text
from briefgen.corpus import build_corpus
from briefgen.ingest import SkipFile, decode, from_html, from_text
from briefgen.model import Sentence
from briefgen.segment import segment

from .conftest import DEFAULT_CONFIG, SEEDS, make_article, run_cli
from .servers import Site

PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def pipeline_text(raw: str) -> tuple[str, list[Sentence]]:
    body = clean_text(raw)
    return body, segment(make_article(body)) if body else []


@PROPERTY
@given(st.text(max_size=3000))
def test_any_text_goes_through_clean_and_segment(raw):
    body, sentences = pipeline_text(raw)
    for s in sentences:
        assert body[s.start:s.end] == s.text and s.text.strip()


@PROPERTY
@given(st.binary(max_size=3000))
def test_any_bytes_decode_or_are_skipped(data):
    try:
        text = decode(data)
        article = from_text(text, "x.txt") if text.strip() else None
    except SkipFile:
        return
    if article:
        pipeline_text(article.body)


@PROPERTY
@given(st.lists(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<img src=x>", "<b>",
                                 "<!--", "-->", "&amp;", "<![CDATA[", "Talks ended.", " ",
                                 "The minister met her counterpart.", "<style>", "\u2028"]),
                max_size=40))
def test_any_html_extracts_or_is_skipped(parts):
    try:
        article = from_html("".join(parts), "x.html")
    except SkipFile:
        return
    pipeline_text(article.body)


@PROPERTY
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400),
                min_size=1, max_size=6))
def test_selected_items_are_always_source_text(bodies):
    articles = [make_article(clean_text(b) or "x", id=f"a{i}") for i, b in enumerate(bodies)]
    sentences = [s for a in articles for s in segment(a)]
    corpus = build_corpus(sentences, [a.id for a in articles])
    by_id = {a.id: a.body for a in articles}
    for group in corpus.groups:
        assert any(group.text in by_id[src] for src in group.sources)


def hostile_files(directory: Path, image_url: str) -> None:
    directory.mkdir()
    (directory / "empty.txt").write_bytes(b"")
    rng = random.Random(1)
    (directory / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (directory / "latin1.txt").write_bytes(
        "Le ministre a rencontré son homologue lundi pour des entretiens très longs. "
        "Les deux pays ont décidé de créer un groupe de travail.".encode("latin-1"))
    (directory / "huge.txt").write_text("word " * 1_100_000)  # 5.5 MB, one line, no stop
    (directory / "broken.json").write_text('{"title": "x", "text": "unterminated')
    (directory / "evil.html").write_text(
        "<html><body><article><h1>Evil</h1><p>The delegation met officials for two hours of "
        "talks on Tuesday, a spokesman said.</p><script>alert('pwned')</script>"
        f'<p>&lt;script&gt;alert(1)&lt;/script&gt; was printed here.</p><img src="{image_url}">'
        "</article></body></html>")


def test_seeds_plus_hostile_files_still_make_the_brief(tmp_path: Path):
    site = Site({"/pixel.png": b"GIF89a"})
    try:
        inputs = tmp_path / "inputs"
        hostile_files(inputs, f"{site.url}/pixel.png")
        out = tmp_path / "out"
        proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(SEEDS),
                       "--input", str(inputs), "--out", str(out), "--format", "html,json,pdf")
    finally:
        site.stop()
    assert proc.returncode == 0, proc.stderr
    for name, reason in [("empty.txt", "empty file"), ("random.txt", "binary file"),
                         ("huge.txt", "limit"), ("broken.json", "malformed JSON")]:
        assert any(name in ln and reason in ln for ln in proc.stderr.splitlines()), name
    assert site.requests == []
    html = next(out.glob("*.html")).read_text()
    assert "<script>alert" not in html
    brief = json.loads(next(out.glob("*.json")).read_text())
    assert len(brief["sources"]) == 7  # five seeds, the latin-1 text and the HTML page


def test_long_runs_of_one_letter_are_kept_as_text():
    """Rules with optional separators inside repeats once backtracked for ever on "DDDD..."."""
    for text in ["D" * 4096, "Ab" * 3000, ("Jo " * 2000) + "/"]:
        assert clean_text(text) == text
    assert clean_text("By " + "Xy" * 3000) == ""  # the shape of a byline


def test_furniture_rules_stay_linear_on_long_runs():
    """Runs shaped like credits, captions, stamps, menus and list markers, 30,000 characters."""
    for unit in ["- ", "1 of 1 ", "Live: ", "© ", ". ", "a & ", "| ", "(L) ", "Jo Jo/", "Sep 1 ",
                 "speaks ", "A/", "+1.0% ", "Home", "By Xy ", "…", "Photo: A "]:
        for text in (unit * (30_000 // len(unit)), "Talks began. " + unit * (30_000 // len(unit))):
            start = time.perf_counter()
            clean_text(text)
            assert time.perf_counter() - start < 3, unit


def test_nothing_readable_is_one_line_and_non_zero(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "zero.txt").write_bytes(b"\x00\x01")
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(tmp_path),
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    errors = [ln for ln in proc.stderr.splitlines() if "error" in ln]
    assert errors == [f"briefgen: error: no readable article in {tmp_path} "
                      f"({tmp_path / 'empty.txt'}: skipped: empty file; 1 more like it)"]
    assert not (tmp_path / "out").exists()


def test_misspelled_top_level_key_is_named(tmp_path: Path):
    config = tmp_path / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace("title:", "titel:", 1))
    proc = run_cli("check", "--config", str(config))
    assert proc.returncode == 2
    assert "titel: unknown key (did you mean 'title'?)" in proc.stderr


def test_broken_user_template_keeps_the_previous_brief(tmp_path: Path):
    out = tmp_path / "out"
    first = run_cli("build", "--config", str(DEFAULT_CONFIG), "--out", str(out), "-q")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "brief.html.j2").write_text("{% if %}broken")
    config = tmp_path / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace("../seeds", str(SEEDS))
                      + "\ntemplates: templates\n")
    proc = run_cli("build", "--config", str(config), "--out", str(out))
    assert proc.returncode != 0
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "brief.html.j2:1: template error" in lines[0]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
