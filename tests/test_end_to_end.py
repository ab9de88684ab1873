"""The whole tool on the five sample articles, as a user runs it."""

import json
import re
from pathlib import Path

import pypdf

from briefgen.clean import clean_text
from briefgen.ingest import expand_inputs, read_articles

from .conftest import DEFAULT_CONFIG, ROOT, SEEDS, run_cli

TEMPLATES = ROOT / "templates"

SECTION_IDS = ["key_meetings", "unresolved_issues", "cooperation", "next_visits"]
FURNITURE = ["[ad_", "adinserter", "See also", "Related Posts", "Source link", "Getty Images",
             "Millis", "Comment this story", "gift item", "Our Standards", "Trust Principles",
             "contributed to this report", "Editing by", "(Video:"]


def the_files(out: Path) -> dict[str, Path]:
    return {p.suffix[1:]: p for p in out.iterdir()}


def test_all_four_formats_written(seeds_brief: Path):
    files = the_files(seeds_brief)
    assert sorted(files) == ["html", "json", "md", "pdf"]
    assert all(p.name == f"brief-2023-06-20.{p.suffix[1:]}" for p in files.values())
    assert not [p for p in seeds_brief.iterdir() if p.name.startswith(".")]


def test_json_contract(seeds_brief: Path):
    brief = json.loads(the_files(seeds_brief)["json"].read_text())
    assert {"title", "date", "generated_at", "summary", "sections", "sources"} <= set(brief)
    assert brief["date"] == "2023-06-20"
    assert [s["id"] for s in brief["sections"]] == SECTION_IDS
    ids = {s["id"] for s in brief["sources"]}
    assert len(brief["sources"]) == 5
    for src in brief["sources"]:
        assert set(src) >= {"id", "title", "outlet", "date", "path"} and src["title"]
    for section in brief["sections"]:
        assert section["items"], section["id"]
        for item in section["items"]:
            assert item["text"] and item["sources"] and set(item["sources"]) <= ids
        for quote in section["quotes"]:
            assert quote["speaker"] and quote["source"] in ids


def test_every_line_is_verbatim_source_text(seeds_brief: Path):
    brief = json.loads(the_files(seeds_brief)["json"].read_text())
    files, _ = expand_inputs([SEEDS])
    bodies = {a.id: clean_text(a.body) for a in read_articles(files).articles}
    items = brief["summary"] + [i for s in brief["sections"] for i in s["items"]]
    for item in items:  # the shown wording stands in one of its sources
        assert any(item["text"] in bodies[src] for src in item["sources"]), item["text"]
    for quote in (q for s in brief["sections"] for q in s["quotes"]):
        assert all(quote["text"] in bodies[src] for src in quote["sources"]), quote


def test_no_page_furniture_anywhere(seeds_brief: Path):
    files = the_files(seeds_brief)
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(files["pdf"]).pages)
    brief = json.loads(files["json"].read_text())
    lines = [i["text"] for i in brief["summary"]]
    lines += [x["text"] for s in brief["sections"] for x in s["items"] + s["quotes"]]
    for text in [*lines, pdf_text, files["md"].read_text()]:
        for marker in FURNITURE:
            assert marker not in text, marker


def test_pdf_and_html_show_every_section(seeds_brief: Path):
    files = the_files(seeds_brief)
    reader = pypdf.PdfReader(files["pdf"])
    pdf_text = "".join(p.extract_text() for p in reader.pages)
    html = files["html"].read_text()
    for title in ["Key meetings", "Unresolved issues", "Areas of cooperation", "Next visits",
                  "Sources"]:
        assert title in pdf_text and f">{title}</h2>" in html
    assert "Daily brief" in pdf_text and "2023-06-20" in pdf_text
    assert re.search(r"Page 1 of \d", pdf_text)


def test_default_config_and_code_know_nothing_of_the_sample_story():
    story = ["Blinken", "Xi", "Jinping", "Wang", "Qin", "China", "Chinese", "Beijing", "Taiwan",
             "Biden", "fentanyl", "balloon", "Washington", "Yellen"]
    texts = [DEFAULT_CONFIG.read_text()] + [p.read_text() for p in (ROOT / "briefgen").rglob("*")
                                           if p.suffix in (".py", ".yaml", ".j2", ".css")]
    for text in texts:
        for word in story:
            assert not re.search(rf"\b{word}\b", text), word


def test_bad_input_path_is_one_line(tmp_path: Path):
    proc = run_cli("build", "--config", str(DEFAULT_CONFIG), "--input",
                   str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("briefgen: error: no readable article")


def test_init_then_build(tmp_path: Path):
    proc = run_cli("init", str(tmp_path / "desk"))
    assert proc.returncode == 0, proc.stderr
    assert 'extends "default:brief.html.j2"' in proc.stdout
    for seed in list(SEEDS.iterdir())[:2]:
        (tmp_path / "desk" / "articles" / seed.name).write_text(seed.read_text())
    css = tmp_path / "desk" / "templates" / "brief.css"
    css.write_text((TEMPLATES / "brief.css").read_text() + "\nh2 { color: rgb(9, 8, 7); }\n")
    proc = run_cli("build", "--config", str(tmp_path / "desk" / "brief.yaml"), "--out",
                   str(tmp_path / "out"), "--format", "html", "--date", "2024-02-02", "-q")
    assert proc.returncode == 0, proc.stderr
    html = (tmp_path / "out" / "brief-2024-02-02.html").read_text()
    assert "rgb(9, 8, 7)" in html
    assert (tmp_path / "desk" / ".briefgen" / "briefs" / "2024-02-02" / "brief.pdf").is_file()
    assert "already exists" in run_cli("init", str(tmp_path / "desk")).stderr


def test_meeting_length_the_sources_disagree_on_is_flagged(seeds_brief: Path):
    brief = json.loads(the_files(seeds_brief)["json"].read_text())
    # Flagged where the brief states the figure: under the summary or a section.
    flagged = [*brief["summary_discrepancies"], *(d for s in brief["sections"]
                                                  for d in s["discrepancies"])]
    readings = {r["text"] for d in flagged for r in d["readings"]}
    assert {"35-minute", "30-minute"} <= readings
    assert "Sources differ on this figure" in the_files(seeds_brief)["html"].read_text()


def test_a_source_folder_holding_the_out_and_state_dirs_reads_only_articles(tmp_path: Path):
    desk = tmp_path / "desk"
    desk.mkdir()
    for seed in sorted(SEEDS.iterdir())[:3]:
        (desk / seed.name).write_text(seed.read_text())
    config = desk / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace("- path: ../seeds", "- path: .")
                      + "state_dir: state\n")
    (desk / "state").mkdir()
    (desk / "state" / "notes.txt").write_text("State files are never articles at all. " * 5)
    for _ in range(2):  # the second build finds the first one's files beside the articles
        proc = run_cli("build", "--config", str(config), "--out", str(desk / "out"),
                       "--format", "json,md,html", "-q")
        assert proc.returncode == 0, proc.stderr
    brief = json.loads(next((desk / "out").glob("*.json")).read_text())
    assert len(brief["sources"]) == 3
    assert all(s["path"].endswith(".txt") and "/" not in s["path"] for s in brief["sources"])


def test_new_only_on_a_path_source_reads_each_file_on_the_first_day_only(tmp_path: Path):
    desk = tmp_path / "desk"
    (desk / "inbox").mkdir(parents=True)
    seeds = sorted(SEEDS.iterdir())
    for seed in seeds[:3]:
        (desk / "inbox" / seed.name).write_text(seed.read_text())
    config = desk / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace(
        "- path: ../seeds", "- {path: inbox, new_only: true}") + "state_dir: state\n")

    def sources_on(day: str) -> int:
        proc = run_cli("build", "--config", str(config), "--out", str(desk / "out"),
                       "--format", "json", "--date", day, "-q")
        if proc.returncode != 0:
            return 0
        return len(json.loads((desk / "out" / f"brief-{day}.json").read_text())["sources"])

    assert sources_on("2023-06-20") == 3
    assert sources_on("2023-06-20") == 3  # a rebuild of the same day reads the same
    (desk / "inbox" / seeds[3].name).write_text(seeds[3].read_text())
    assert sources_on("2023-06-21") == 1


def test_every_command_takes_quiet_and_verbose(tmp_path: Path):
    from briefgen.cli import cli

    for name in cli.commands:
        text = run_cli(name, "--help").stdout
        assert "-q, --quiet" in text and "-v, --verbose" in text, name
    args = ["build", "--input", str(SEEDS), "--out", str(tmp_path), "--format", "json"]
    loud = run_cli(*args, "-v")
    assert loud.returncode == 0, loud.stderr
    stages = [line for line in loud.stderr.splitlines() if re.search(r"\d s  \w", line)]
    assert any("selecting from" in s for s in stages) and any("rendering" in s for s in stages)
    hushed = run_cli(*args, "-q")
    assert hushed.returncode == 0 and hushed.stdout == "" and hushed.stderr == ""
