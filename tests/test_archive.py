"""The archive and continuity: editions kept per day, lines marked new or repeated, the
history and diff commands; all through the real CLI on real files."""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path

import pypdf
import pytest

from briefgen.vectors import ENGLISH_STOP_WORDS  # a stop list only (scikit-learn's words)

from .conftest import DEFAULT_CONFIG, SEEDS, run_cli
from .smallfs import briefgen, needs_namespaces, run_script

DAY1 = {
    "a.txt": ["The port authority of Veldmark approved a new container terminal on Tuesday "
              "after two years of public hearings.",
              "Harbour workers in Veldmark threatened a strike over night shifts at the "
              "planned terminal.",
              "The regional governor Lotte Brink said the terminal would open to ships in the "
              "spring of next year."],
    "b.txt": ["Fishermen in the bay complained that dredging the channel would ruin the "
              "spawning grounds of herring.",
              "The city council will vote on the budget for the access road at its meeting "
              "next month."],
}
# Day 2: one fact reworded, one repeated word for word, one said by other words; three new.
REPEATED = [
    "After two years of public hearings, the Veldmark port authority approved the new "
    "container terminal.",
    "Harbour workers in Veldmark threatened a strike over night shifts at the planned terminal.",
    "Herring fishermen in the bay say the dredging of the channel would ruin the spawning "
    "grounds.",
]
NEW = [
    "A shipping line from Denmark signed a ten-year lease for three berths at the future "
    "terminal.",
    "Environmental groups filed a lawsuit in the district court against the licence for the "
    "quay.",
    "The mayor promised a second ferry line to the northern islands before the summer season.",
]
DAY2 = {"c.txt": [REPEATED[0], REPEATED[1], NEW[0], NEW[1]], "d.txt": [REPEATED[2], NEW[2]]}


def write_articles(folder: Path, day: str, articles: dict[str, list[str]]) -> Path:
    folder.mkdir(parents=True)
    for name, paragraphs in articles.items():
        (folder / name).write_text(f"date {day}\n\n" + "\n\n".join(paragraphs) + "\n")
    return folder


def archived_config(tmp: Path, extra: str = "") -> Path:
    """The default config with a state_dir of its own, so it keeps an archive."""
    text = DEFAULT_CONFIG.read_text().replace("title: Daily brief",
                                              f"title: Daily brief\nstate_dir: state\n{extra}", 1)
    (tmp / "brief.yaml").write_text(text)
    return tmp / "brief.yaml"


def build(config: Path, *inputs: Path, day: str, formats: str = "json") -> None:
    args = [a for p in inputs for a in ("--input", str(p))]
    proc = run_cli("build", "--config", str(config), *args, "--date", day,
                   "--out", str(config.parent / "out"), "--format", formats, "-q")
    assert proc.returncode == 0, proc.stderr


def edition(config: Path, day: str) -> dict:
    return json.loads((config.parent / "state" / "briefs" / day / "brief.json").read_text())


def lines(brief: dict) -> list[dict]:
    """Every summary line, item and quote."""
    return [*brief["summary"], *(x for s in brief["sections"] for x in (*s["items"],
                                                                          *s["quotes"]))]


def test_two_days_item_by_item(tmp_path):
    config = archived_config(tmp_path)
    build(config, write_articles(tmp_path / "d1", "2024-03-04", DAY1), day="2024-03-04")
    build(config, write_articles(tmp_path / "d2", "2024-03-05", DAY2), day="2024-03-05",
          formats="json,md,html")
    day1 = lines(edition(config, "2024-03-04"))
    assert {x["status"] for x in day1} == {"new"}  # nothing before the first edition
    day2 = {x["text"]: x for x in lines(edition(config, "2024-03-05"))}
    assert set(day2) == {*REPEATED, *NEW}
    for text in REPEATED:
        assert (day2[text]["status"], day2[text]["first_seen"]) == ("repeated", "2024-03-04"), text
    for text in NEW:
        assert (day2[text]["status"], day2[text]["first_seen"]) == ("new", "2024-03-05"), text
    md = (tmp_path / "out" / "brief-2024-03-05.md").read_text()
    assert f"**new** {NEW[2]}" in md
    assert f"_since 2024-03-04_ {REPEATED[1]}" in md
    html = (tmp_path / "out" / "brief-2024-03-05.html").read_text()
    assert html.count('<span class="new">new</span>') == len(NEW)
    assert html.count('<span class="since">since 2024-03-04</span>') == len(REPEATED)
    pdf = tmp_path / "state" / "briefs" / "2024-03-05" / "brief.pdf"
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(pdf).pages)
    assert pdf_text.count("since 2024-03-04") == len(REPEATED)
    assert pdf_text.count("NEW ") == len(NEW)
    # The summary puts new developments first.
    summary = [x["status"] for x in edition(config, "2024-03-05")["summary"]]
    assert summary == sorted(summary)


def test_drop_leaves_out_repeated_lines(tmp_path):
    config = archived_config(tmp_path, "continuity:\n  repeated: drop\n")
    build(config, write_articles(tmp_path / "d1", "2024-03-04", DAY1), day="2024-03-04")
    build(config, write_articles(tmp_path / "d2", "2024-03-05", DAY2), day="2024-03-05")
    assert {x["text"] for x in lines(edition(config, "2024-03-05"))} == set(NEW)


def test_an_unreadable_edition_is_skipped_with_a_warning(tmp_path):
    config = archived_config(tmp_path)
    broken = tmp_path / "state" / "briefs" / "2024-03-04" / "brief.json"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"title": "half a brief"')
    folder = write_articles(tmp_path / "d2", "2024-03-05", DAY2)
    proc = run_cli("build", "--config", str(config), "--input", str(folder), "--date",
                   "2024-03-05", "--out", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert f"briefgen: warning: {broken}: skipped: not a readable brief" in proc.stderr
    assert {x["status"] for x in lines(edition(config, "2024-03-05"))} == {"new"}
    listed = run_cli("history", "--config", str(config)).stdout.splitlines()
    assert listed[0].startswith("2024-03-04  unreadable: ")
    assert listed[1].startswith("2024-03-05  2 articles, 6 items (6 new), ")


def test_history_names_an_unreadable_editions_file_once(tmp_path):
    """Was '2024-03-04  unreadable: <path>/2024-03-04/brief.json: not a readable brief
    (malformed JSON ...)': the path inside the reason, the reason said twice."""
    config = archived_config(tmp_path)
    broken = tmp_path / "state" / "briefs" / "2024-03-04" / "brief.json"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"title": "half a brief"')
    proc = run_cli("history", "--config", str(config))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ("2024-03-04  unreadable: malformed JSON at line 1: Expecting ',' "
                           f"delimiter  {broken}\n")


def test_without_state_dir_nothing_is_archived_or_marked(tmp_path):
    folder = write_articles(tmp_path / "d1", "2024-03-04", DAY1)
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input", str(folder),
                   "--out", str(tmp_path / "out"), "--format", "json", "-q")
    assert proc.returncode == 0, proc.stderr
    brief = json.loads((tmp_path / "out" / "brief-2024-03-04.json").read_text())
    assert all("status" not in x for x in lines(brief))
    proc = run_cli("history", "--config", str(DEFAULT_CONFIG))
    assert proc.returncode == 1
    assert proc.stderr.strip().endswith("set `state_dir` in the config to keep past editions")


def test_an_archive_that_cannot_be_written_names_the_file(tmp_path):
    """Was `state/briefs: cannot archive the brief: Operation not permitted`: the archive's
    folder, and a reason that did not fit."""
    config = archived_config(tmp_path)
    folder = write_articles(tmp_path / "d1", "2024-03-04", DAY1)
    day = tmp_path / "state" / "briefs" / "2024-03-04"
    (day / "brief.pdf").mkdir(parents=True)
    proc = run_cli("build", "--config", str(config), "--input", str(folder),
                   "--out", str(tmp_path / "out"), "--format", "json", "-q")
    assert (proc.returncode, proc.stderr) == (1, f"briefgen: error: {day / 'brief.pdf'}: a "
                                              "folder has the name of the archived file; the "
                                              "archive is unchanged\n")
    assert [p.name for p in day.iterdir()] == ["brief.pdf"]


@needs_namespaces
def test_a_read_only_archive_names_the_file_it_could_not_write(tmp_path):
    config = archived_config(tmp_path)
    folder = write_articles(tmp_path / "d1", "2024-03-04", DAY1)
    build(config, folder, day="2024-03-04")
    day, logs = tmp_path / "state" / "briefs" / "2024-03-04", tmp_path / "logs"
    before = {p.name: p.read_bytes() for p in day.iterdir()}
    results = run_script([
        f"mount --bind {day} {day}", f"mount -o remount,bind,ro {day}",
        briefgen(logs, "build", "build", "--config", str(config), "--input", str(folder),
                 "--out", str(tmp_path / "out"), "--format", "json", "-q"),
    ], logs)
    assert results["build"] == (1, f"briefgen: error: {day / 'brief.json'}: cannot archive "
                                   "the brief: Read-only file system\n")
    assert {p.name: p.read_bytes() for p in day.iterdir()} == before


_STOP = ENGLISH_STOP_WORDS | {"said", "says"}


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _overlap(text: str, others: list[str]) -> float:
    """The largest share of text's content words that one of the others uses."""
    words = _content_words(text)
    return max(len(words & _content_words(o)) / len(words) for o in others)


@pytest.fixture(scope="module")
def seeds_two_days(tmp_path_factory) -> Path:
    """The issue's acceptance run: the first two seeds as 2023-06-19, all five as 2023-06-20."""
    tmp = tmp_path_factory.mktemp("seeds-days")
    config = archived_config(tmp)
    first_two = sorted(SEEDS.iterdir())[:2]
    build(config, *first_two, day="2023-06-19", formats="json,html")
    build(config, SEEDS, day="2023-06-20", formats="json,html")
    return config


def test_seeds_repeated_lines_state_facts_of_yesterday(seeds_two_days):
    day1 = [x["text"] for x in lines(edition(seeds_two_days, "2023-06-19"))]
    day2 = lines(edition(seeds_two_days, "2023-06-20"))
    assert {x["status"] for x in day2} == {"new", "repeated"}
    for x in day2:
        # Judged by plain word overlap, independent of how briefgen decides.
        if x["status"] == "repeated":
            assert x["first_seen"] == "2023-06-19", x
            assert _overlap(x["text"], day1) >= 0.6, x["text"]
        else:
            assert x["first_seen"] == "2023-06-20", x
            assert _overlap(x["text"], day1) < 0.6, x["text"]


def test_history_diff_and_links(seeds_two_days):
    proc = run_cli("history", "--config", str(seeds_two_days))
    assert proc.returncode == 0, proc.stderr
    listed = [line.split()[0] for line in proc.stdout.splitlines()]
    assert listed == ["2023-06-19", "2023-06-20"]

    proc = run_cli("diff", "2023-06-19", "2023-06-20", "--config", str(seeds_two_days))
    assert proc.returncode == 0, proc.stderr
    day1 = {x["text"] for x in lines(edition(seeds_two_days, "2023-06-19"))}
    new_items = [x["text"] for x in lines(edition(seeds_two_days, "2023-06-20"))
                 if x["text"] not in day1]
    added = [line for line in proc.stdout.splitlines() if line.startswith("+ ")]
    assert new_items and len(added) == len(new_items)
    assert all(any(text in line for line in added) for text in new_items)
    day2 = {x["text"] for x in lines(edition(seeds_two_days, "2023-06-20"))}
    dropped = [line for line in proc.stdout.splitlines() if line.startswith("- ")]
    assert len(dropped) == len(day1 - day2)
    assert proc.stdout.splitlines()[0] == (f"2023-06-19 -> 2023-06-20: {len(added)} added, "
                                           f"{len(dropped)} dropped")

    briefs = seeds_two_days.parent / "state" / "briefs"
    for day in ("2023-06-19", "2023-06-20"):
        assert {p.name for p in (briefs / day).iterdir()} >= {"brief.json", "brief.html",
                                                              "brief.pdf"}
    assert 'href="../2023-06-20/brief.html"' in (briefs / "2023-06-19" / "brief.html").read_text()
    assert 'href="../2023-06-19/brief.html"' in (briefs / "2023-06-20" / "brief.html").read_text()


def test_diff_of_a_day_not_archived_is_one_line(seeds_two_days):
    proc = run_cli("diff", "2023-06-19", "2023-06-25", "--config", str(seeds_two_days))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1
    assert "no archived brief of 2023-06-25" in proc.stderr
    proc = run_cli("diff", "yesterday", "2023-06-20", "--config", str(seeds_two_days))
    assert proc.returncode == 2 and "DATE1: expected YYYY-MM-DD" in proc.stderr


def test_diff_of_an_edition_that_is_not_a_brief_names_the_file(tmp_path):
    config = archived_config(tmp_path)
    briefs = tmp_path / "state" / "briefs"
    for day, text in (("2024-01-01", '{"summary": [], "sections": []}'),
                      ("2024-01-02", '{"summary": [], "sections": [{"title": "A"}]}')):
        (briefs / day).mkdir(parents=True)
        (briefs / day / "brief.json").write_text(text)
    proc = run_cli("diff", "2024-01-01", "2024-01-02", "--config", str(config))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "2024-01-02/brief.json: not a readable brief (no 'sections[0].items' in it)" \
        in proc.stderr


def test_mail_marks_new_and_repeated_lines(tmp_path):
    delivery = ("delivery:\n  email: {from: briefs@example.org, to: [desk@example.org]}\n"
                "  smtp: {host: 127.0.0.1, port: 2525, security: none}\n")
    config = archived_config(tmp_path, delivery)
    config.write_text(config.read_text().replace("path: ../seeds", "path: d2"))
    build(config, write_articles(tmp_path / "d1", "2024-03-04", DAY1), day="2024-03-04")
    write_articles(tmp_path / "d2", "2024-03-05", DAY2)
    proc = run_cli("send", "--config", str(config), "--date", "2024-03-05", "--dry-run",
                   "--out", str(tmp_path / "out"), "-q")
    assert proc.returncode == 0, proc.stderr
    message = email.message_from_bytes((tmp_path / "out" / "brief-2024-03-05.eml").read_bytes(),
                                       policy=email.policy.default)
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for line in NEW:
        assert f"[NEW] {line}" in text
    for line in REPEATED:
        assert f"(since 2024-03-04) {line}" in text
    assert html.count(">since 2024-03-04</span>") == len(REPEATED)
    assert edition(config, "2024-03-05")["sources"]  # `send` archives its brief too


def test_the_summary_gives_repeated_places_to_new_items():
    from datetime import date

    from briefgen.continuity import prefer_new
    from briefgen.model import Item, Seen

    def line(text: str, status: str) -> Item:
        return Item(text, ("a1",), Seen(status, date(2024, 3, 4)))

    old_top, new_top = line("Old news on top.", "repeated"), line("New news on top.", "new")
    old_a, new_a = line("Old news in A.", "repeated"), line("New news in A.", "new")
    new_b = line("New news in B.", "new")
    summary, sections = prefer_new((old_top, new_top), [(old_a, new_a), (new_b,)], 2, 100)
    assert summary == (new_top, new_a)  # the first new item of a section moves up
    assert sections == [(old_a,), (new_b,)]
    # Room left over still goes to the repeated line; nothing new to promote keeps it.
    summary, sections = prefer_new((old_top, new_top), [(old_a,)], 4, 100)
    assert summary == (new_top, old_top) and sections == [(old_a,)]
    # The summary's word budget holds: a promoted line that does not fit stays put.
    long_new = line("New news in A, told at length.", "new")
    summary, sections = prefer_new((old_top,), [(long_new,)], 1, 4)
    assert summary == (old_top,) and sections == [(long_new,)]


def _damage(config: Path, day: str, change) -> Path:
    """Edit an archived edition's JSON as a hand or another tool might have."""
    path = config.parent / "state" / "briefs" / day / "brief.json"
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize("where, value", [
    ("summary", 5), ("summary", None), ("item", ["a list"]), ("item", {"a": "mapping"}),
    ("quote", 7)])
def test_an_edition_whose_line_is_no_text_is_named_not_an_internal_error(tmp_path, where,
                                                                           value):
    config = archived_config(tmp_path)
    build(config, write_articles(tmp_path / "d1", "2024-03-04", DAY1), day="2024-03-04")
    build(config, write_articles(tmp_path / "d2", "2024-03-05", DAY2), day="2024-03-05")

    def change(data: dict) -> None:
        if where == "summary":
            data["summary"][0]["text"] = value
        elif where == "item":  # (day 1's lines all stand in the summary)
            data["sections"][1]["items"] = [{"text": value, "sources": [], "support": 0}]
        else:
            data["sections"][0]["quotes"] = [{"text": "Words said.", "speaker": value}]
    broken = _damage(config, "2024-03-04", change)
    for days in (("2024-03-04", "2024-03-05"), ("2024-03-05", "2024-03-04")):
        proc = run_cli("diff", *days, "--config", str(config))
        assert proc.returncode == 1, proc.stderr
        assert proc.stderr.count("\n") == 1 and "internal error" not in proc.stderr
        assert f"{broken}: not a readable brief" in proc.stderr and "expected text" in proc.stderr
    # A rebuild of the next day skips the damaged edition, with one warning naming it once.
    proc = run_cli("build", "--config", str(config), "--input", str(tmp_path / "d2"), "--date",
                   "2024-03-05", "--out", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    warning = [line for line in proc.stderr.splitlines() if str(broken) in line]
    assert len(warning) == 1 and warning[0].count(str(broken)) == 1, proc.stderr
    assert "expected text" in warning[0]
    assert {x["status"] for x in lines(edition(config, "2024-03-05"))} == {"new"}


@pytest.mark.parametrize("sources", [None, 5, "missing"])
def test_history_of_an_edition_without_a_list_of_sources_says_unreadable(tmp_path, sources):
    config = archived_config(tmp_path)
    build(config, write_articles(tmp_path / "d1", "2024-03-04", DAY1), day="2024-03-04")
    build(config, write_articles(tmp_path / "d2", "2024-03-05", DAY2), day="2024-03-05")
    _damage(config, "2024-03-04", lambda data: data.pop("sources") if sources == "missing"
            else data.update(sources=sources))
    proc = run_cli("history", "--config", str(config))
    assert proc.returncode == 0, proc.stderr
    listed = proc.stdout.splitlines()
    assert listed[0].startswith("2024-03-04  unreadable: ") and "sources" in listed[0]
    assert listed[1].startswith("2024-03-05  2 articles, ")


@pytest.mark.parametrize("content, problem", [
    (b"[]", "the top level: expected an object, got a list"),
    (b'{"summary": [5], "sections": []}', "summary[0]: expected an object, got a number"),
    (b'{"summary": [], "sections": {"a": 1}}', "sections: expected a list, got an object"),
    (b'{"summary": [], "sections": [{"title": "A", "quotes": []}]}',
     "no 'sections[0].items' in it"),
    (b'{"summary": ["caf\xe9"]}', "not UTF-8 text"),
    (b"[" * 100_000 + b"]" * 100_000, "JSON nested too deep"),
])
def test_an_edition_of_another_shape_is_named_in_the_users_words(tmp_path, content, problem):
    """An edition edited by hand: `diff` says which part is wrong, in JSON's words, and a
    build of the next day skips it with that warning. Python's words leaked out before
    ('list indices must be integers or slices, not str', "'utf-8' codec can't decode
    byte 0xe9 in position 14"), and a deep nesting was an internal error of every build."""
    config = archived_config(tmp_path)
    build(config, write_articles(tmp_path / "d2", "2024-03-05", DAY2), day="2024-03-05")
    broken = tmp_path / "state" / "briefs" / "2024-03-04" / "brief.json"
    broken.parent.mkdir()
    broken.write_bytes(content)
    proc = run_cli("diff", "2024-03-04", "2024-03-05", "--config", str(config))
    assert proc.returncode == 1
    assert proc.stderr == f"briefgen: error: {broken}: not a readable brief ({problem})\n"
    proc = run_cli("build", "--config", str(config), "--input", str(tmp_path / "d2"), "--date",
                   "2024-03-05", "--out", str(tmp_path / "out"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert f"warning: {broken}: skipped: not a readable brief ({problem})\n" in proc.stderr
