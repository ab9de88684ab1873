"""Input built to hang or break a run: long runs of one character class, an alias bomb,
file names that are not UTF-8, links out of the input folder, text in no language we read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefgen import config as config_mod
from briefgen.clean import clean_text
from briefgen.pipeline import build_brief
from briefgen.quotes import find_quotes
from briefgen.segment import segment

from .conftest import DEFAULT_CONFIG, SEEDS, make_article, run_cli

QUOTE = ' said: "We will meet again next week to talk about trade and energy."'
# One unit per character class a rule looks at: capitals, small letters, digits, spaces,
# commas, dots, hyphens, quotes, apostrophes, initials, honorifics, particles, line breaks,
# other scripts, and words that cue an attribution.
UNITS = ["Ab ", "A ", "AB ", "Ab, ", "Ab-", "ab ", "a", "1 ", "1,", ". ", ", ", "- ", "“", '"',
         "' ", "’", "\n", "Ab\n", "A. ", "Mr. ", "U.S. ", "de ", "( ", "Ab: ", "Жо ", "中",
         "said ", "the ", "according to ", "Ab said, "]


def speakers_of(body: str) -> list[str]:
    text = clean_text(body)
    if not text:
        return []
    article = make_article(text)
    return [q.speaker for q in find_quotes([article], segment(article), 5, 60)]


def test_a_44_kb_capitalised_run_before_a_quote_is_not_taken_for_a_name():
    """Once 36 s for this paragraph: the name pattern took the whole run as one name."""
    for speaker in speakers_of("Ab " * 15_000 + QUOTE):
        assert len(speaker.split()) <= 10


def test_long_runs_of_each_character_class_go_through_every_rule():
    for unit in UNITS:
        for tail in ("", QUOTE, ' "We will meet again next week," the minister said.'):
            for speaker in speakers_of(unit * (12_000 // len(unit)) + tail):
                assert len(speaker.split()) <= 10, unit


def test_a_whole_brief_from_44_kb_runs_of_the_costliest_shapes(tmp_path: Path):
    """Every stage (titles, figures, selection, quotes), on the shapes that cost the most."""
    cfg = config_mod.load(DEFAULT_CONFIG)
    for n, unit in enumerate(["Ab ", "Ab, ", "Ab-", "1,", "Jan 1 ", "Mr. "]):
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "a.txt").write_text("The minister met her counterpart for talks on Monday. "
                                      + unit * (44_000 // len(unit)) + QUOTE)
        brief = build_brief(cfg, [str(folder)])
        for section in brief.sections:
            assert all(len(q.speaker.split()) <= 10 for q in section.quotes), unit


# Nine levels of nine aliases: a billion strings once expanded (as str() of the title does).
ALIAS_BOMB = "".join([
    "---\n", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
    *(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n"
      for p, n in zip("abcdefgh", "bcdefghi", strict=True)),
    "title: *i\n---\nThe minister met her counterpart on Monday for talks on trade.\n"])


def test_hostile_files_in_an_input_folder_are_skipped_or_read_safely(tmp_path: Path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    (inputs / "bomb.md").write_text(ALIAS_BOMB)
    odd_name = os.fsencode(inputs) + b"/caf\xe9-talks.txt"
    with open(odd_name, "wb") as f:
        f.write(b"The foreign minister met her counterpart for talks on energy on Tuesday.\n")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    (inputs / "inside.txt").symlink_to(inputs / "seed.txt")  # a link inside is fine
    out = tmp_path / "out"
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(inputs),
                   "--out", str(out), "--format", "html,json,md,pdf")
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if "warning" in ln]
    assert any("bomb.md: skipped: front matter line 3: YAML aliases" in ln for ln in warnings)
    assert any("passwd.txt: skipped: a link leading out of" in ln for ln in warnings)
    brief = json.loads(next(out.glob("*.json")).read_text())
    paths = sorted(Path(s["path"]).name for s in brief["sources"])
    assert paths[0] == "caf\ufffd-talks.txt"
    assert paths[1:] in (["inside.txt"], ["seed.txt"])  # the link inside: the same text, once
    assert "root:" not in (out / f"brief-{brief['date']}.md").read_text()
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".json", ".md", ".pdf"]


def test_articles_in_no_language_we_read_give_a_warning(tmp_path: Path):
    for name, text in [("zh.txt", "外交部长周一与对方举行会谈。双方同意成立工作组。"),
                       ("ar.txt", "التقى وزير الخارجية نظيره يوم الاثنين لإجراء محادثات. "),
                       ("ru.txt", "Министр иностранных дел встретился с коллегой. ")]:
        (tmp_path / name).write_text(text * 5)
    cfg = config_mod.load(DEFAULT_CONFIG)
    brief = build_brief(cfg, [str(tmp_path)])
    assert any("none of the 3 articles is in a language briefgen reads" in w
               for w in brief.warnings)
    english = build_brief(cfg, [str(SEEDS)])
    assert not any("language" in w for w in english.warnings)


def test_a_damaged_seen_file_is_quarantined_with_a_warning(tmp_path: Path):
    from briefgen.fetch import SeenStore

    for content in ("[]", "{not json", '{"version": 1, "first_seen": {"u": 3}}'):
        path = tmp_path / "seen.json"
        path.write_text(content)
        warnings: list[str] = []
        store = SeenStore(path, warnings)
        [line] = warnings
        assert line.startswith(f"{path}: damaged (") and "seen items start afresh" in line
        assert store.first_seen == {} and not path.exists()
        store.is_new("http://x/1", make_article("x").date)
        store.save(warnings)
        assert SeenStore(path, warnings).first_seen and len(warnings) == 1
    assert len(list((tmp_path / "quarantine").iterdir())) == 3


def test_impossible_dates_huge_numbers_deep_nesting_and_lone_surrogates(tmp_path: Path):
    """Each bad field or record costs a warning and itself, never the build."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    talks = "The foreign minister met her counterpart for five hours of talks on {}."
    (inputs / "date.txt").write_text(f"---\ndate: 2024-02-31\n---\n{talks.format('Sunday')}\n")
    (inputs / "bigint.txt").write_text(
        f"---\ntitle: 1{'0' * 5000}\n---\n{talks.format('Monday')}\n")
    (inputs / "deep.md").write_text(
        f"---\ntitle: {'[' * 3000}{']' * 3000}\n---\n{talks.format('Tuesday')}\n")
    (inputs / "deep.json").write_text("[" * 5000 + "]" * 5000)
    friday, wednesday, thursday = (json.dumps(talks.format(d))
                                   for d in ("Friday", "Wednesday", "Thursday"))
    (inputs / "bigint.json").write_text(f'{{"text": {friday}, "date": 9{"9" * 5000}}}')
    (inputs / "lone.json").write_text(
        f'{{"text": {wednesday[:-1]} \\ud800 The two sides failed to agree.", '
        '"title": "Talks \\ud800 end", "date": "2024-03-05"}')
    (inputs / "records.jsonl").write_text(
        f'{{"text": {thursday}}}\n{{bad\n'
        '{"text": "The ministers agreed to meet again in May."}\n')
    out = tmp_path / "out"
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(inputs),
                   "--out", str(out), "--format", "json,pdf")
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if "warning" in ln]
    assert any("date.txt: front matter is not valid YAML (day is out of range" in ln
               for ln in warnings)
    assert any("deep.md: front matter is not valid YAML (nested too deep)" in ln
               for ln in warnings)
    assert any("deep.json: skipped: JSON nested too deep" in ln for ln in warnings)
    assert any("bigint.json: skipped: unreadable JSON" in ln for ln in warnings)
    assert any("records.jsonl:2: record skipped: malformed JSON" in ln for ln in warnings)
    brief = json.loads(next(out.glob("*.json")).read_text())
    assert "Talks \ufffd end" in [s["title"] for s in brief["sources"]]
    texts = " ".join(i["text"] for i in brief["summary"])
    for day in ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday"):
        assert talks.format(day) in texts or day in json.dumps(brief)
    assert "agreed to meet again in May" in json.dumps(brief)
