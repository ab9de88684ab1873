import json
import os
from datetime import date
from pathlib import Path

from briefgen.ingest import expand_inputs, read_articles

HTML = """<html><head><title>Ministers meet - Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-03-02T08:00:00Z"></head>
<body><nav>Home | World | Sports | Weather</nav>
<article><h1>Ministers meet</h1>
<p>The foreign minister met her counterpart on Monday for three hours of talks in the capital.</p>
<p>Both sides agreed to set up a working group on trade by the end of the year, officials said.</p>
<script>document.write('tracking')</script></article>
<footer>Copyright 2024 Daily Planet. All rights reserved. Privacy policy.</footer></body></html>
"""


def test_text_with_date_line(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2023-06-19 \n\n\nThe minister arrived on Sunday.\n")
    [a] = read_articles([f]).articles
    assert a.date == date(2023, 6, 19)
    assert a.body == "The minister arrived on Sunday."
    assert a.id.startswith("a") and len(a.id) == 8


def test_text_with_front_matter(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text("---\ntitle: Talks end\noutlet: The Courier\ndate: 2024-05-01\n---\nBody text.\n")
    [a] = read_articles([f]).articles
    assert (a.title, a.outlet, a.date, a.body) == ("Talks end", "The Courier",
                                                   date(2024, 5, 1), "Body text.")


def test_html_keeps_main_text_only(tmp_path: Path):
    f = tmp_path / "page.html"
    f.write_text(HTML)
    [a] = read_articles([f]).articles
    assert "three hours of talks" in a.body and "working group" in a.body
    assert "Home | World" not in a.body and "Copyright" not in a.body
    assert "tracking" not in a.body
    assert a.title == "Ministers meet" and a.outlet == "Daily Planet"


def test_html_headline_repeated_over_the_text_leaves_it(tmp_path: Path):
    # the page's title carries the site's name; the text opens on the bare headline
    f = tmp_path / "page.html"
    f.write_text(
        "<html><head><title>Ministers meet for trade talks | Daily Planet</title>"
        '<meta property="og:title" content="Ministers meet for trade talks | Daily Planet">'
        "</head><body><article><h1>Ministers meet for trade talks\n</h1><p>The foreign "
        "minister met her counterpart on Monday for three hours of talks in the capital.</p>"
        "<p>Both sides agreed to set up a working group on trade, officials said.</p>"
        "</article></body></html>")
    [a] = read_articles([f]).articles
    assert a.body.startswith("The foreign minister met")


def test_json_and_jsonl(tmp_path: Path):
    (tmp_path / "one.json").write_text(json.dumps(
        {"title": "T1", "text": "First body.", "date": "2024-02-03", "url": "http://x/1",
         "outlet": "Wire"}))
    (tmp_path / "many.jsonl").write_text(
        json.dumps({"text": "Second body."}) + "\n" + json.dumps({"text": "Third body."}) + "\n")
    files, warnings = expand_inputs([tmp_path])
    result = read_articles(files)
    assert not warnings and not result.warnings
    bodies = sorted(a.body for a in result.articles)
    assert bodies == ["First body.", "Second body.", "Third body."]
    one = next(a for a in result.articles if a.body == "First body.")
    assert (one.title, one.outlet, one.date, one.url) == ("T1", "Wire", date(2024, 2, 3),
                                                          "http://x/1")


def test_unreadable_files_are_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00")
    (tmp_path / "broken.json").write_text('{"text": "unterminated')
    (tmp_path / "good.txt").write_text("A real sentence of news.")
    files, _ = expand_inputs([tmp_path])
    result = read_articles(files)
    assert [a.body for a in result.articles] == ["A real sentence of news."]
    reasons = "\n".join(result.warnings)
    assert "empty.txt: skipped: empty file" in reasons
    assert "binary.txt: skipped: binary file" in reasons
    assert "broken.json: skipped: malformed JSON at line 1" in reasons


def test_latin1_text_is_decoded(tmp_path: Path):
    f = tmp_path / "latin.txt"
    text = ("Le ministre des Affaires étrangères a déclaré lundi que la réunion avec son "
            "homologue était très importante. « Nous avons fait des progrès », a-t-il ajouté.")
    f.write_bytes(text.encode("latin-1"))
    [a] = read_articles([f]).articles
    assert "déclaré" in a.body and "très" in a.body


def test_globs_and_missing_paths(tmp_path: Path):
    (tmp_path / "a.txt").write_text("One.")
    (tmp_path / "b.md").write_text("Two.")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    files, warnings = expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nothing-here")])
    assert files == [tmp_path / "a.txt"]
    assert warnings == [f"{tmp_path / 'nothing-here'}: no article files found"]


def test_identical_copies_are_one_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Same text.")
    (tmp_path / "b.txt").write_text("Same text.")
    files, _ = expand_inputs([tmp_path])
    assert len(read_articles(files).articles) == 1


def test_front_matter_yaml_cannot_read_is_read_line_by_line_with_a_warning(tmp_path: Path):
    path = tmp_path / "talks.md"
    path.write_text("---\ntitle: Talks: what comes next\ndate: 2024-03-05\noutlet: Wire\n---\n"
                    "The ministers met in the capital on Tuesday for talks on trade.\n")
    result = read_articles([path])
    [article] = result.articles
    assert (article.title, article.date, article.outlet) == (
        "Talks: what comes next", date(2024, 3, 5), "Wire")
    assert article.body.startswith("The ministers met")
    [warning] = result.warnings
    assert warning.startswith(f"{path}:2: front matter is not valid YAML")


def _rglob_files(folder: Path, skipped: list[Path], warnings: list[str]) -> list[Path]:
    """What a folder's walk was before it read the folders itself: the reference."""
    from briefgen.ingest import _OWN_OUTPUT, _supported, shown

    found = sorted(p for p in folder.rglob("*") if p.is_file() and _supported(p)
                   and not _OWN_OUTPUT.fullmatch(p.name)
                   and not any(p.resolve().is_relative_to(s) for s in skipped))
    root = folder.resolve()
    kept = []
    for path in found:
        if path.resolve().is_relative_to(root):
            kept.append(path)
        else:
            warnings.append(f"{shown(path)}: skipped: a link leading out of {shown(folder)}")
    return kept


def test_a_folders_walk_finds_what_rglob_finds(tmp_path: Path):
    from briefgen.ingest import _folder_files

    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "far.txt").write_text("Far.")
    (outside / "deep" / "farther.md").write_text("Farther.")
    top = tmp_path / "in" / "put"
    for sub in ("a/b", "a-b", ".hidden", "a/.state/briefs", "c"):
        (top / sub).mkdir(parents=True, exist_ok=True)
    for name in ("one.txt", "a/two.md", "a/b/three.html", "a-b/four.json", ".hidden/five.txt",
                 ".dot.txt", "a/.state/kept.txt", "a/.state/briefs/old.json", "c/six.PDF",
                 "brief-2024-01-02.html", "c/brief-2024-01-02.json", "c/Seven.TXT"):
        (top / name).write_text("Text.")
    (top / "inside.txt").symlink_to(top / "one.txt")
    (top / "c" / "relative.md").symlink_to("../a/two.md")
    (top / "passwd.txt").symlink_to(outside / "far.txt")
    (top / "linked").symlink_to(outside / "deep")  # a linked folder: not entered
    (top / "a" / "up").symlink_to(top)
    (top / "broken.txt").symlink_to(tmp_path / "nothing")
    (top / "loop.txt").symlink_to(top / "loop.txt")
    (top / "out.md").symlink_to(outside / "deep" / "farther.md")
    via_link = tmp_path / "link-to-input"
    via_link.symlink_to(top)
    for folder in (top, via_link, tmp_path / "in", Path(os.path.relpath(top))):
        for skipped in ([], [(top / "a" / ".state").resolve()], [outside.resolve()],
                        [top.resolve()]):
            mine: list[str] = []
            theirs: list[str] = []
            assert _folder_files(folder, skipped, mine) == _rglob_files(folder, skipped, theirs)
            assert mine == theirs
