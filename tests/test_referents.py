"""A line that leans on "He" or "She" is shown with the person its article means."""

import json
from pathlib import Path

from briefgen.referents import pronoun_of

from .conftest import DEFAULT_CONFIG, run_cli

# Invented articles: a line opening on "She", and one closing on "he said", each meaning a
# person named only in the sentences before it.
TARIFFS = "\n\n".join([
    "date 2024-03-05",
    "Trade Minister Jane Doe met her counterpart Sam Roe in Strelsau on Monday for three hours"
    " of talks on steel tariffs.",
    "Doe said the meeting had been frank. She stressed that the tariffs on steel would stay in"
    " place until the dispute over subsidies is settled.",
    "Ms Doe and Mr Roe agreed to meet again in April to resume the talks on a new trade"
    " agreement.\n"])
VISIT = "\n\n".join([
    "date 2024-03-05",
    "Foreign Minister Sam Roe arrived in Strelsau on Monday for a two-day visit, the first by a"
    " Kesh minister in a decade.",
    '"We are ready to open a new chapter with our neighbours," Roe told reporters at the airport.',
    '"This visit will be fruitful and bring new energy" into the relationship between the two'
    " countries, he said.\n"])


def _brief(tmp_path: Path, *bodies: str) -> tuple[dict, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for n, body in enumerate(bodies):
        (folder / f"{n:03}.txt").write_text(body)
    out = tmp_path / "out"
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(folder),
                   "--out", str(out), "--format", "json,md")
    assert proc.returncode == 0, proc.stderr
    return (json.loads(next(out.glob("*.json")).read_text()),
            next(out.glob("*.md")).read_text())


def _line(brief: dict, opening: str) -> dict:
    lines = [*brief["summary"], *(i for s in brief["sections"] for i in s["items"])]
    return next(i for i in lines if i["text"].startswith(opening))


def test_a_line_opening_on_she_names_her_and_stays_as_printed(tmp_path: Path):
    brief, md = _brief(tmp_path, TARIFFS)
    line = _line(brief, "She stressed")
    assert line["text"] == ("She stressed that the tariffs on steel would stay in place until "
                            "the dispute over subsidies is settled.")
    assert line["refers_to"] == {"pronoun": "She", "name": "Jane Doe"}
    assert "settled. _(She: Jane Doe)_" in md


def test_a_closing_he_said_names_the_speaker_before_it(tmp_path: Path):
    brief, md = _brief(tmp_path, VISIT)
    line = _line(brief, '"This visit will be fruitful')
    assert line["refers_to"] == {"pronoun": "he", "name": "Sam Roe"}
    assert "he said. _(he: Sam Roe)_" in md
    # a line that names its own subject leans on no one
    assert all("refers_to" not in i for i in brief["summary"] if "Roe" in i["text"])


def test_he_is_never_a_woman_the_article_named_before(tmp_path: Path):
    body = ("date 2024-03-05\n\nThe ministers of Kesh and Strelsau met on Monday for talks on "
            "steel tariffs, and Trade Minister Jane Doe signed a trade agreement. Ms Doe was "
            "pleased.\n\nHe stressed that the "
            "tariffs on steel would stay in place until the dispute over subsidies is "
            "settled.\n")
    brief, _ = _brief(tmp_path, body)
    assert "refers_to" not in _line(brief, "He stressed")


def test_the_lines_that_lean_on_a_pronoun():
    assert pronoun_of("He stressed that the tariffs would stay.") == ("He", 0)
    assert pronoun_of("Her visit is the first in a decade.") == ("Her", 0)
    text = "“This visit will be fruitful” into the relationship, she said."
    assert pronoun_of(text) == ("she", text.index("she said"))
    # "he" inside a quotation the line goes on with is the speaker's word, not the article's
    assert pronoun_of("He was a good friend,' Doe said, adding it was important.") is None
    assert pronoun_of("He was a good friend,” Doe said.") is None
    assert pronoun_of("Roe's visit, he said, was long.") is None
