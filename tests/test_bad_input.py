"""Bad input found by the q9 hunt: each gets one line naming file, line and key, a
non-zero exit and no traceback; nothing half-written, nothing read that was not meant."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from briefgen import config
from briefgen.errors import ConfigError

from .conftest import SEEDS, run_cli

SECTIONS = "sections: [{id: one, title: One, cues: [met]}]\n"


def errors_of(text: str) -> str:
    with pytest.raises(ConfigError) as e:
        config.parse(text, "brief.yaml")
    return str(e.value)


@pytest.mark.parametrize("value, problem", [
    ("2024-02-31", "day is out of range"),  # YAML reads it as a date, which is none
    ("9" * 5000, "digits"),                 # over Python's limit for int("...")
])
def test_a_value_yaml_cannot_make_is_named_with_its_line(value, problem):
    msg = errors_of(f"{SECTIONS}\ntitle: {value}\n")
    assert msg.startswith("brief.yaml:3: ") and problem in msg and "\n" not in msg


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a: " * 5000 + "1" + "}" * 5000])
def test_nesting_deeper_than_the_stack_is_one_line(nested):
    msg = errors_of(f"{SECTIONS}title: {nested}\n")
    assert msg == "brief.yaml: YAML nested too deep"


def test_a_character_yaml_refuses_is_named_with_its_line():
    msg = errors_of(f"{SECTIONS}title: \"A\x01\"\n")
    assert msg.startswith("brief.yaml:2: ") and "#x0001" in msg and "\n" not in msg


@pytest.mark.parametrize("text, line, key", [
    (f"{SECTIONS}title: A\n{SECTIONS}", 3, "sections"),
    ("sections:\n  - id: one\n    title: One\n    id: two\n", 4, "sections[0].id"),
])
def test_a_key_given_twice_is_an_error_naming_both_lines(text, line, key):
    """YAML keeps the last of two equal keys: the first is lost without a word."""
    msg = errors_of(text)
    assert msg.startswith(f"brief.yaml:{line}: {key}: given twice (first at line "), msg
    assert "\n" not in msg


@pytest.mark.parametrize("value", ["!!bool x", "!!int ''", "!!int _", "!!float ''",
                                   "!!timestamp x"])
def test_a_value_its_tag_cannot_make_is_named_with_its_line(value):
    """Only ValueError was caught: `!!bool x` (KeyError), `!!int ''` (IndexError),
    `!!timestamp x` (AttributeError) were internal errors."""
    msg = errors_of(f"{SECTIONS}title: {value}\n")
    assert msg.startswith("brief.yaml:2: YAML error: cannot read ") and "\n" not in msg, msg
    assert value.split()[0] in msg, msg


def test_an_error_in_a_merged_mapping_names_the_line_of_the_key_that_wins():
    """With `<<: *s`, the error pointed at the anchor's `max_items: 3`, not the
    `max_items: 999` that YAML keeps."""
    msg = errors_of("sections:\n"
                    "  - &s\n"
                    "    id: a\n"
                    "    title: A\n"
                    "    max_items: 3\n"
                    "  - <<: *s\n"
                    "    id: b\n"
                    "    title: B\n"
                    "    max_items: 999\n")
    assert msg.startswith("brief.yaml:9: sections[1].max_items: "), msg


def test_bad_yaml_values_from_the_command_line_are_one_line_exit_2(tmp_path):
    for n, text in enumerate([f"{SECTIONS}title: 2024-02-31\n",
                              f"{SECTIONS}title: {'[' * 5000}{']' * 5000}\n"]):
        path = tmp_path / f"c{n}.yaml"
        path.write_text(text)
        proc = run_cli("check", "--config", str(path))
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "internal error" not in proc.stderr


@pytest.mark.parametrize("rules", ["drop_paragraphs: [2024-02-31]\n",
                                   f"drop_paragraphs: {'[' * 5000}{']' * 5000}\n",
                                   "drop_paragraphs: [!!bool x]\n", "drop_paragraphs: [!!int '']\n",
                                   "drop_paragraphs: [!!timestamp x]\n"])
def test_cleaning_rules_yaml_cannot_make_are_one_line_exit_2(tmp_path, rules):
    (tmp_path / "rules.yaml").write_text(rules)
    path = tmp_path / "c.yaml"
    path.write_text(f"{SECTIONS}cleaning:\n  rules: [rules.yaml]\n")
    proc = run_cli("build", "--config", str(path), "--input", str(SEEDS),
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "rules.yaml" in proc.stderr, proc.stderr


@pytest.mark.parametrize("rules, expected", [
    ("drop_paragraphs: 5\n", "rules.yaml:1: drop_paragraphs: expected a list of rules"),
    ("# mine\ncredits: photo\n", "rules.yaml:2: credits: expected a list of rules"),
    ("drop_paragrafs: [x]\n", "rules.yaml:1: unknown rule list 'drop_paragrafs' (did you mean "
                               "'drop_paragraphs'?)"),
    ("credits:\n  - ok\n  - '(bad'\n", "rules.yaml:3: credits[1]: bad rule '(bad'"),
    ("repairs:\n  - [a, b]\n  - {a: b, c: d}\n", "rules.yaml:3: repairs[1]: bad rule"),
    ("captions: [[x]]\n", "rules.yaml:1: captions[0]: bad rule ['x']: expected a regular"),
    ("credits: [x]\ncredits: [y]\n", "rules.yaml:2: credits: given twice (first at line 1)"),
    ("\nother_script_share: 2\n", "rules.yaml:2: other_script_share: 2 is not a share"),
    (b"credits: ['\xe9quipe']\n", "rules.yaml: cannot read cleaning rules: not UTF-8 text"),
])
def test_a_bad_rules_file_names_its_line_and_rule_exit_2(tmp_path, rules, expected):
    """A rule list that was a number crashed the build; one that was a string became a rule
    per letter; a list given twice lost the first without a word."""
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_bytes(rules) if isinstance(rules, bytes) else rules_file.write_text(rules)
    path = tmp_path / "c.yaml"
    path.write_text(f"{SECTIONS}cleaning:\n  rules: [rules.yaml]\n")
    proc = run_cli("build", "--config", str(path), "--input", str(SEEDS),
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and expected in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()
    checked = run_cli("check", "--config", str(path))  # check reads the rules too
    assert checked.returncode == 2 and expected in checked.stderr, checked.stderr


def test_feed_dates_are_utc_days_in_any_time_zone_and_a_bad_link_is_skipped(tmp_path):
    """Entry dates went through mktime, which reads them as local time: in Tokyo a story of
    00:30 UTC was dated the day before, and year 1 crashed the build ("year 0 is out of
    range"); a link that is no URL (`http://[::1`) was an internal error."""
    from .servers import Site
    from .test_feeds import PARAGRAPHS, config_for, page

    site = Site({"/talks": page("Ministers talk", PARAGRAPHS["/talks"]),
                 "/visit": page("Visit planned", PARAGRAPHS["/visit"])})
    items = [(f"{site.url}/talks", "2025-03-04T00:30:00Z"),
             (f"{site.url}/visit", "0001-01-01T00:00:00Z"), ("http://[::1", "2025-03-04"),
             (f"{site.url}/gone&#10;briefgen: error: forged", "2025-03-04")]
    site.pages["/feed.xml"] = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title>'
        + "".join(f"<item><title>S{n}</title><link>{link}</link><pubDate>{day}</pubDate></item>"
                  for n, (link, day) in enumerate(items))
        + "</channel></rss>").encode()
    try:
        cfg = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed.xml\n")
        proc = subprocess.run([sys.executable, "-m", "briefgen.cli", "build", "--config",
                               str(cfg), "--out", str(tmp_path), "--format", "json"],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "TZ": "Asia/Tokyo"})
    finally:
        site.stop()
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "http://[::1: skipped: not a URL" in proc.stderr
    assert "/gone\\nbriefgen: error: forged: skipped" in proc.stderr  # a line break shown
    assert not [ln for ln in proc.stderr.splitlines() if ln.startswith("briefgen: error")]
    brief = json.loads((tmp_path / "brief-2025-03-04.json").read_text())
    assert sorted(s["date"] for s in brief["sources"]) == ["0001-01-01", "2025-03-04"]


@pytest.mark.parametrize("link", ["http://" + "a" * 70 + ".example/x", "http://./"])
def test_a_feed_link_with_a_host_name_that_cannot_be_encoded_is_skipped(tmp_path, link):
    """A label over 63 letters, or an empty one, failed in the idna codec: an internal
    error."""
    from .servers import Site
    from .test_feeds import PARAGRAPHS, config_for, page

    site = Site({"/talks": page("Ministers talk", PARAGRAPHS["/talks"])})
    site.pages["/feed.xml"] = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title>'
        + "".join(f"<item><title>S{n}</title><link>{url}</link>"
                  "<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate></item>"
                  for n, url in enumerate([f"{site.url}/talks", link]))
        + "</channel></rss>").encode()
    try:
        cfg = config_for(tmp_path, f"sources:\n  - feed: {site.url}/feed.xml\n")
        proc = run_cli("build", "--config", str(cfg), "--out", str(tmp_path / "out"),
                       "--format", "json")
    finally:
        site.stop()
    assert proc.returncode == 0, proc.stderr
    assert f"briefgen: warning: {link}: skipped: not a valid host name" in proc.stderr, \
        proc.stderr
    assert "internal error" not in proc.stderr


TEXT = "date 2025-03-04\n\nThe foreign minister met her counterpart for talks in Oslo on Monday.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_text_in_utf_16_or_32_with_a_byte_order_mark_is_read(tmp_path, encoding):
    """Windows tools save "Unicode" text as UTF-16 with a BOM; its NULs made it "binary"."""
    from briefgen.ingest import read_file

    path = tmp_path / "story.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + TEXT.encode(encoding))
    [article] = read_file(path)
    assert article.body.startswith("The foreign minister met") and str(article.date) == "2025-03-04"


def test_front_matter_with_windows_line_ends_is_read(tmp_path):
    """With CRLF the front matter was not seen: its date was lost and its lines became text."""
    from briefgen.ingest import read_file

    path = tmp_path / "story.md"
    path.write_bytes(b"---\r\ntitle: Talks in Oslo\r\ndate: 2025-03-04\r\n---\r\n"
                     b"The foreign minister met her counterpart in Oslo on Monday.\r\n")
    [article] = read_file(path)
    assert (article.title, str(article.date)) == ("Talks in Oslo", "2025-03-04")
    assert article.body.startswith("The foreign minister")


def test_fields_of_the_wrong_shape_are_left_out_with_a_warning(tmp_path):
    """A title that is a mapping, an outlet that is a list: their Python repr
    ("{'x': 1}", "['Reuters']") stood in the brief's sources."""
    from briefgen.ingest import read_articles

    (tmp_path / "a.json").write_text(json.dumps({
        "text": "The foreign minister met her counterpart in Oslo on Monday.",
        "title": {"x": 1}, "outlet": ["Reuters"], "date": [2025], "url": 5}))
    (tmp_path / "b.md").write_text("---\ntitle: [1, 2]\noutlet: {a: 1}\n---\n"
                                   "The prime minister met the envoy in Rome on Tuesday.\n")
    got = read_articles(sorted(tmp_path.iterdir()))
    assert [(a.title, a.outlet) for a in got.articles] == [("", ""), ("", "")]
    assert any("a.json: title: expected text, got a mapping; left out" in w
               for w in got.warnings), got.warnings
    assert any("b.md: outlet: expected text, got a mapping; left out" in w
               for w in got.warnings), got.warnings


def test_an_outlet_of_the_wrong_shape_falls_back_to_the_source(tmp_path):
    """`{"outlet": {...}, "source": "Planet"}` had outlet "": the mapping counted as given."""
    from briefgen.ingest import read_articles

    (tmp_path / "a.json").write_text(json.dumps({
        "text": "The foreign minister met her counterpart in Oslo on Monday.",
        "outlet": {"name": "X"}, "source": "Planet"}))
    got = read_articles([tmp_path / "a.json"])
    assert [a.outlet for a in got.articles] == ["Planet"]
    assert any("a.json: outlet: expected text, got a mapping; left out" in w
               for w in got.warnings), got.warnings


@pytest.mark.parametrize("args", [
    ["build", "--input", ""], ["build", "--input", "seeds", "--out", ""],
    ["check", "--config", ""], ["init", ""], ["send", "--dry-run", "--out", ""],
    ["serve", "--input", ""], ["dispatch", "--desks", ""],
])
def test_an_empty_path_is_refused_not_taken_for_the_current_directory(tmp_path, args):
    """`--input "$DIR"` with DIR unset read the whole working directory; `--out ""` wrote
    the brief there, `init ""` a config, and `--config ""` used another config."""
    (tmp_path / "brief.yaml").write_text(SECTIONS)  # a config in the working directory
    (tmp_path / "seeds").mkdir()
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and ": empty path" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.yaml", "seeds"]


@pytest.mark.parametrize("template, problem", [
    ("line one\n{{ 1 / 0 }}", "brief.md.j2:2: template error: ZeroDivisionError"),
    ('{% include "brief.md.j2" %}', "brief.md.j2:1: template error: RecursionError"),
    (b"\xff\xfe broken", "brief.md.j2: template error: not UTF-8"),
])
def test_a_user_template_that_fails_as_it_runs_keeps_the_previous_brief(tmp_path, template,
                                                                         problem):
    """Only jinja's own errors were caught: 1/0, an include of itself, or a template that is
    not UTF-8 was an internal error."""
    out = tmp_path / "out"
    (tmp_path / "templates").mkdir()
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: {SEEDS}}}]\nformats: [json, md]\n{SECTIONS}"
                      "templates: templates\n")
    assert run_cli("build", "--config", str(config), "--out", str(out), "-q").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    path = tmp_path / "templates" / "brief.md.j2"
    path.write_bytes(template if isinstance(template, bytes) else template.encode())
    proc = run_cli("build", "--config", str(config), "--out", str(out))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and f"{path.parent}/{problem}" in proc.stderr, proc.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_included_template_that_is_not_utf_8_is_named_once(tmp_path):
    """The RenderError of the included file was wrapped in another: "template error:
    RenderError: templates/part.txt: template error: not UTF-8"."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "brief.md.j2").write_text('{% include "part.txt" %}\n')
    (tmp_path / "templates" / "part.txt").write_bytes(b"\xff\xfe broken")
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: {SEEDS}}}]\nformats: [md]\n{SECTIONS}"
                      "templates: templates\n")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == (f"briefgen: error: {tmp_path}/templates/part.txt: template error: "
                           "not UTF-8\n"), proc.stderr


@pytest.mark.parametrize("cue, problem", [
    ('""', "an empty cue matches no word"), ('"*"', "an empty cue matches no word"),
    ('"  "', "an empty cue matches no word"),
    ('"/x?/"', "matches where there is no text, so at every word"),
    ('"/(?:)/"', "matches where there is no text, so at every word"),
    ('"/a)|(?:/"', "bad regular expression '/a)|(?:/'"),
    ('" /x?/"', "matches where there is no text, so at every word"),
    ('" /(/"', "bad regular expression '/(/'"),
])
def test_a_cue_that_matches_nothing_or_everywhere_is_refused_with_its_line(cue, problem):
    """An empty cue was left out without a word; a regular expression that matches the
    empty text made every sentence hold the section's cue."""
    msg = errors_of(f"sections:\n  - id: one\n    title: One\n    cues: [met, {cue}]\n")
    assert msg.startswith("brief.yaml:4: sections[0].cues: ") and problem in msg, msg


@pytest.mark.parametrize("cue, problem", [
    # it closed its own group: what matched `b` belonged to no cue (an internal error at build)
    ("/a)|(?:b/", "bad regular expression '/a)|(?:b/'"),
    ("/a)|(b/", "bad regular expression '/a)|(b/'"),
    # groups are numbered anew when the section's cues are joined (an internal error at build)
    ("/(a)\\\\1/", "back references"), ("/(a|b)c\\\\1/", "back references"),
    ("/(?P<x>a)(?P=x)/", "named groups"), ("/(?P<c1>a)/", "named groups"),
    ("/(a)(?(1)b|c)/", "back references"),
])
def test_a_cue_that_is_no_pattern_of_its_own_is_refused_with_its_line(cue, problem):
    msg = errors_of(f'sections:\n  - id: one\n    title: One\n    cues: [met, "{cue}"]\n')
    assert msg.startswith("brief.yaml:4: sections[0].cues: ") and problem in msg, msg


def test_cues_that_name_the_same_group_are_refused_not_an_internal_error(tmp_path):
    config_file = tmp_path / "brief.yaml"
    config_file.write_text(f"sources: [{{path: {SEEDS}}}]\nformats: [json]\nsections:\n"
                           "  - {id: one, title: One, cues: [met, '/(?P<x>a)/', '/(?P<x>b)/']}\n")
    for args in (("check",), ("build", "--out", str(tmp_path / "out"))):
        proc = run_cli(*args, "--config", str(config_file))
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "internal error" not in proc.stderr
        assert "brief.yaml:4: sections[0].cues: " in proc.stderr and "named groups" in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("since", ["99999999d", "99999999999d"])
def test_a_duration_too_long_for_a_calendar_is_one_line(since):
    """`since: 99999999d` reached back past year 1 (OverflowError at build); eleven digits
    did not fit timedelta (at load)."""
    msg = errors_of(f"sources: [{{path: a, since: {since}}}]\n{SECTIONS}")
    assert msg.startswith("brief.yaml:1: sources[0]: ") and "at most 3650d" in msg, msg


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_brief_date_at_the_calendars_ends_is_refused(tmp_path, day):
    """`--date 0001-01-01` with `since: 2d` went back past year 1: an internal error."""
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: {SEEDS}, since: 2d}}]\nformats: [json]\n{SECTIONS}")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                   "--date", day)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert "--date: expected a date from 1900-01-01 to 9998-12-31" in proc.stderr
    assert not (tmp_path / "out").exists()
    # an edition dated by its articles may be any day: diff still finds it by its date
    config.write_text(config.read_text() + "state_dir: state\n")
    for archived, title in ((day, "Old"), ("2023-06-20", "New")):
        (tmp_path / "state" / "briefs" / archived).mkdir(parents=True)
        (tmp_path / "state" / "briefs" / archived / "brief.json").write_text(json.dumps(
            {"summary": [{"text": f"{title} talks."}], "sections": []}))
    proc = run_cli("diff", day, "2023-06-20", "--config", str(config))
    assert proc.returncode == 0 and "internal error" not in proc.stderr, proc.stderr
    assert proc.stdout.splitlines()[0] == f"{day} -> 2023-06-20: 1 added, 1 dropped", proc.stdout


def test_an_out_dir_that_is_a_file_or_a_brief_name_that_is_a_folder_is_named(tmp_path):
    """Were "File exists" and "Operation not permitted": true, but no help."""
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: {SEEDS}}}]\nformats: [json, md]\n{SECTIONS}")
    (tmp_path / "file").write_text("mine")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "file"))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"{tmp_path / 'file'}: not a directory" in proc.stderr
    assert (tmp_path / "file").read_text() == "mine"
    (tmp_path / "out" / "brief-2023-06-20.json").mkdir(parents=True)
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert f"{tmp_path / 'out' / 'brief-2023-06-20.json'}: a folder has the name" in proc.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["brief-2023-06-20.json"]


def test_when_since_leaves_out_every_article_the_error_says_so(tmp_path):
    """Was "no readable article in <folder>": the files were read, and all too old."""
    (tmp_path / "articles").mkdir()
    for n, seed in enumerate(sorted(SEEDS.iterdir())[:2]):
        (tmp_path / "articles" / f"{n}.txt").write_text(
            "date 2023-06-19\n" + seed.read_text().split("\n", 1)[1])
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: articles, since: 2d}}]\nformats: [json]\n{SECTIONS}")
    proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                   "--date", "2025-03-04")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "every article read was left out: 2 older than their source's `since`" \
        in proc.stderr, proc.stderr


def test_the_article_limit_holds_within_one_json_file(tmp_path):
    """limits.max_articles was looked at between files only: one JSON list of 300
    records made 300 articles under a limit of 10."""
    from briefgen.ingest import read_articles

    records = [{"text": f"Minister {n} met envoy {n} in city {n} on day {n}."} for n in range(300)]
    (tmp_path / "many.json").write_text(json.dumps(records))
    (tmp_path / "more.txt").write_text("The envoy met the minister again on Tuesday.")
    got = read_articles(sorted(tmp_path.iterdir()), max_articles=10)
    assert len(got.articles) == 10
    assert any("many.json: records beyond the limit of 10 articles skipped" in w
               for w in got.warnings), got.warnings
    assert any("more.txt: skipped: the limit of 10 articles" in w for w in got.warnings)


def test_quotes_min_words_over_max_words_is_refused():
    """No quote can be both: the brief had none, and no word said why."""
    msg = errors_of(f"{SECTIONS}quotes: {{min_words: 50, max_words: 5}}\n")
    assert msg.startswith("brief.yaml:2: quotes: min_words (50) is over max_words (5)"), msg


def test_a_duplicate_section_id_is_named_at_the_sections_line():
    msg = errors_of(f"title: T\n{SECTIONS.replace('}]', '}, {id: one, title: Two}]')}")
    assert msg == "brief.yaml:2: sections: duplicate section id 'one'", msg


def test_a_file_name_with_a_line_break_stays_on_its_warnings_one_line(tmp_path):
    """A name "bad\\nbriefgen: error: x.txt" made a warning two lines, the second a forged
    error."""
    (tmp_path / "bad\nbriefgen: error: x.txt").write_bytes(b"\x00\x01")
    (tmp_path / "ok.txt").write_text(SEEDS.joinpath(sorted(p.name for p in SEEDS.iterdir())[0])
                                     .read_text())
    proc = run_cli("build", "--input", str(tmp_path), "--out", str(tmp_path / "out"),
                   "--format", "json", "-q")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == [
        f"briefgen: warning: {tmp_path}/bad\\nbriefgen: error: x.txt: skipped: binary file, "
        "not text"]


@pytest.mark.parametrize("where", ["through a file", "a folder named brief.yaml", "too long"])
def test_init_where_it_cannot_write_is_one_line(tmp_path, where):
    (tmp_path / "file").write_text("x")
    target = {"through a file": tmp_path / "file" / "desk",
              "a folder named brief.yaml": tmp_path / "desk",
              "too long": tmp_path / ("d" * 300)}[where]
    (tmp_path / "desk" / "brief.yaml").mkdir(parents=True)
    proc = run_cli("init", str(target), "--force")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "internal error" not in proc.stderr, proc.stderr
    assert proc.stderr.startswith(f"briefgen: error: {target}") and "cannot write" in proc.stderr
    assert sorted(p.name for p in (tmp_path / "desk").iterdir()) == ["brief.yaml"]


LONG = "n" * 300  # a name over the system's limit: Python 3.11 raises where it is looked at


@pytest.mark.parametrize("args, env", [
    (("--input", LONG), {}), (("--input", f"{LONG}/*.txt"), {}),
    (("--config", f"{LONG}.yaml"), {}), ((), {"BRIEFGEN_CONFIG": LONG}),
    (("--config", "brief.yaml", "--input", str(SEEDS)), {"state": LONG}),
    (("--config", "brief.yaml", "--input", str(SEEDS)), {"templates": LONG}),
])
def test_a_path_whose_name_is_too_long_is_one_line_not_an_internal_error(tmp_path, args, env):
    options = {k: v for k, v in env.items() if k in ("state", "templates")}
    (tmp_path / "brief.yaml").write_text(
        f"formats: [json]\nstate_dir: {options.get('state', 'state')}\n"
        + (f"templates: {options['templates']}\n" if "templates" in options else "") + SECTIONS)
    variables = {k: v for k, v in env.items() if k not in options}
    proc = subprocess.run([sys.executable, "-m", "briefgen.cli", "build", *args, "--out", "out"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(SEEDS.parent), **variables})
    assert proc.returncode in (1, 2), proc.stderr
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "internal error" not in proc.stderr and LONG in proc.stderr, proc.stderr


def test_history_and_desks_with_a_name_too_long_are_one_line(tmp_path):
    (tmp_path / "brief.yaml").write_text(f"state_dir: {LONG}\n{SECTIONS}")
    proc = run_cli("history", "--config", str(tmp_path / "brief.yaml"))
    assert proc.returncode == 0 and "No archived brief in" in proc.stdout, proc.stderr
    proc = run_cli("status", "--desks", str(tmp_path / LONG))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "no such directory of desk configs" in proc.stderr


@pytest.mark.parametrize("key, text", [
    ("sources", "sources: [{path: PATH}]"), ("state_dir", "state_dir: PATH"),
    ("templates", "templates: PATH"), ("cleaning.rules", "cleaning: {rules: [PATH]}")])
@pytest.mark.parametrize("path, problem", [
    ("~no_such_user_of_briefgen/x", "no such user"), ('"a\\0b"', "NUL")])
def test_a_path_the_system_cannot_take_is_refused_with_its_line(key, text, path, problem):
    """`~user` of no user was an internal error (RuntimeError) at build; a NUL too."""
    msg = errors_of(text.replace("PATH", path) + "\n" + SECTIONS)
    assert msg.startswith(f"brief.yaml:1: {key}") and problem in msg, msg


@pytest.mark.parametrize("in_the_way", ["pages", "pages/page"])
def test_a_page_cache_that_cannot_be_used_is_a_warning_not_an_internal_error(tmp_path,
                                                                             in_the_way):
    """A file where state_dir/pages should be, or a folder where a cached page should be:
    the page is fetched, the brief made, and one warning says pages are not kept."""
    from .servers import Site
    from .test_feeds import PARAGRAPHS, config_for, page

    site = Site({"/talks": page("Ministers talk", PARAGRAPHS["/talks"])})
    try:
        config = config_for(tmp_path, f"sources:\n  - url: {site.url}/talks\n")
        pages = tmp_path / "state" / "pages"
        if in_the_way == "pages":
            pages.parent.mkdir()
            pages.write_text("not a folder")
        else:  # the cached page's own name, taken by a folder
            import hashlib

            name = hashlib.sha256(f"{site.url}/talks".encode()).hexdigest()[:32] + ".bin"
            (pages / name).mkdir(parents=True)
        proc = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"),
                       "--format", "json")
    finally:
        site.stop()
    assert proc.returncode == 0, proc.stderr
    [warning] = [ln for ln in proc.stderr.splitlines() if "warning:" in ln]
    assert warning.endswith(f"warning: {pages}: fetched pages are not kept ("
                            + ("a file stands where its folder should be" if in_the_way ==
                               "pages" else "Is a directory")
                            + "); the next run fetches them again"), warning
    brief = json.loads(next((tmp_path / "out").glob("brief-*.json")).read_text())
    assert [s["url"] for s in brief["sources"]] == [f"{site.url}/talks"]


def test_a_config_that_is_a_folder_or_not_utf_8_is_named_as_such(tmp_path):
    """`--config config/` said 'config file not found' of a folder that is there; a config
    saved as Latin-1 gave Python's 'utf-8' codec message with a byte position, no line."""
    folder = tmp_path / "config"
    folder.mkdir()
    proc = run_cli("check", "--config", str(folder))
    assert proc.returncode == 2
    assert proc.stderr == (f"briefgen: error: {folder}: a folder, not a config file (named by "
                           "--config); name the YAML file in it\n")
    latin = tmp_path / "brief.yaml"
    latin.write_bytes(f"{SECTIONS}title: Caf\xe9 brief\n".encode("latin-1"))
    proc = run_cli("check", "--config", str(latin))
    assert proc.returncode == 2
    assert proc.stderr == (f"briefgen: error: {latin}:2: not UTF-8 text (byte 0xe9); save the "
                           "config as UTF-8\n")


@pytest.mark.parametrize("text, line", [
    (f"{SECTIONS}summary: 5\n", "brief.yaml:2: summary: expected a mapping of keys; got 5"),
    (f"{SECTIONS}sources: [inbox/]\n",
     "brief.yaml:2: sources[0]: expected a mapping of keys; got 'inbox/'"),
    ("sections: [5]\n", "brief.yaml:1: sections[0]: expected a mapping of keys; got 5"),
    ("sections: []\n", "brief.yaml:1: sections: expected at least 1 item"),
    ("sections: [{id: Talks, title: T}]\n", "brief.yaml:1: sections[0].id: expected lowercase "
     "letters, digits and _, starting with a letter; got 'Talks'"),
    (f"{SECTIONS}title: [a]\n", "brief.yaml:2: title: expected text; got a list"),
    (f"{SECTIONS}max_words: many\n", "brief.yaml:2: max_words: expected a whole number; "
     "got 'many'"),
    (f"{SECTIONS}~: 1\n", "brief.yaml:2: key null: expected a name (text)"),
])
def test_a_value_of_the_wrong_kind_is_said_in_yamls_words(text, line):
    """pydantic's words named schema classes and Python types ('Input should be a valid
    dictionary or instance of SummaryConfig', 'Tuple should have at least 1 item after
    validation', a pattern as a regular expression, 'None: Keys should be strings')."""
    assert errors_of(text) == line


@pytest.mark.parametrize("args, name", [
    (("build", "--date", "2023-02-30"), "--date"), (("diff", "2023-02-30", "2023-06-20"), "DATE1")])
def test_a_date_of_the_right_shape_that_is_no_day_says_so(tmp_path, args, name):
    """`--date 2023-02-30` said 'expected YYYY-MM-DD', which is how it is written."""
    config = tmp_path / "brief.yaml"
    config.write_text(f"sources: [{{path: {SEEDS}}}]\nformats: [json]\nstate_dir: state\n"
                      f"{SECTIONS}")
    proc = run_cli(*args, "--config", str(config), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == f"briefgen: error: {name}: 2023-02-30: no such day\n"
    assert not (tmp_path / "out").exists() and not (tmp_path / "state").exists()


def test_a_date_that_cannot_be_read_is_said_and_one_as_feeds_write_it_is_read(tmp_path):
    """`"date": "2023-13-45"` and the RFC 2822 date feeds write were both dropped without a
    word, and JSON Lines records `[1]`, `null` and `{"text": 5}` too."""
    talks = "The foreign minister met her counterpart for talks in Oslo on {}."
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.json").write_text(json.dumps({"text": talks.format("Monday"),
                                               "date": "2023-13-45"}))
    (inputs / "b.json").write_text(json.dumps({"text": talks.format("Tuesday"),
                                               "date": "Tue, 04 Mar 2025 23:30:00 -0100"}))
    (inputs / "c.jsonl").write_text("[1]\nnull\n" + json.dumps({"text": 5}) + "\n"
                                    + json.dumps({"text": talks.format("Wednesday"),
                                                  "date": "soon"}) + "\n")
    proc = run_cli("build", "--input", str(inputs), "--out", str(tmp_path / "out"),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    undated = "(YYYY-MM-DD, or as feeds write it: 'Tue, 04 Mar 2025 10:00:00 +0000'); " \
              "the article is taken as undated"
    assert [ln.replace(f"{inputs}/", "") for ln in proc.stderr.splitlines()] == [
        f"briefgen: warning: a.json: date: cannot read '2023-13-45' as a day {undated}",
        "briefgen: warning: c.jsonl:1: record skipped: expected an article (an object with "
        "a 'text' field), got a list",
        "briefgen: warning: c.jsonl:2: record skipped: expected an article (an object with "
        "a 'text' field), got null",
        "briefgen: warning: c.jsonl:3: record skipped: 'text': expected text, got a number",
        f"briefgen: warning: c.jsonl:4: date: cannot read 'soon' as a day {undated}"]
    # the feed's date is its day in UTC, as a feed's entry is read; the others are undated
    brief = json.loads((tmp_path / "out" / "brief-2025-03-05.json").read_text())
    assert {s["path"]: s["date"] for s in brief["sources"]} == {
        "a.json": None, "b.json": "2025-03-05", "c.jsonl#3": None}


def test_a_record_of_a_json_list_without_text_is_said_by_its_place(tmp_path):
    """A list's records without text were skipped without a word, the others read."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "list.json").write_text(json.dumps([
        {"text": "The foreign minister met her counterpart for talks in Oslo on Monday."},
        {"title": "Talks in Oslo"},
        {"text": ""}]))
    proc = run_cli("build", "--input", str(inputs), "--out", str(tmp_path / "out"),
                   "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert [ln.replace(f"{inputs}/", "") for ln in proc.stderr.splitlines()] == [
        "briefgen: warning: list.json: record 2: record skipped: no 'text' field",
        "briefgen: warning: list.json: record 3: record skipped: 'text' is empty"]
