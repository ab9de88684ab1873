"""Sources carry their origin: addresses as links, local paths never absolute."""

import json
from pathlib import Path

import pypdf

from .conftest import SEEDS, run_cli

URL = "https://news.example.org/2023/06/talks"


def linked_articles(tmp_path: Path) -> Path:
    """The seeds, the first one with front matter that gives its web address."""
    articles = tmp_path / "articles"
    articles.mkdir()
    seeds = sorted(SEEDS.iterdir())
    body = seeds[0].read_text().split("\n", 2)[2]  # after the "date ..." line
    (articles / "linked.md").write_text(
        f"---\ntitle: Talks in the capital\ndate: 2023-06-19\noutlet: Example News\n"
        f"url: {URL}\n---\n{body}")
    for seed in seeds[1:]:
        (articles / seed.name).write_text(seed.read_text())
    return articles


def test_addresses_are_links_and_no_output_shows_an_absolute_path(tmp_path: Path):
    articles = linked_articles(tmp_path)
    out = tmp_path / "out"
    proc = run_cli("build", "--input", str(articles), "--out", str(out), "-q",
                   "--format", "html,pdf,json,md", "--date", "2023-06-20")
    assert proc.returncode == 0, proc.stderr

    html = (out / "brief-2023-06-20.html").read_text()
    markdown = (out / "brief-2023-06-20.md").read_text()
    data = json.loads((out / "brief-2023-06-20.json").read_text())
    reader = pypdf.PdfReader(out / "brief-2023-06-20.pdf")
    pdf_text = "".join(p.extract_text() for p in reader.pages)
    pdf_links = [a.get_object()["/A"].get("/URI") for p in reader.pages
                 for a in p.get("/Annots") or [] if "/A" in a.get_object()]

    assert f'<a href="{URL}">Talks in the capital</a>' in html
    assert f"[Talks in the capital](<{URL}>)" in markdown
    listed = [line for line in markdown.split("## Sources", 1)[1].splitlines() if line]
    assert len(listed) == html.count('<li id="src-') > 1  # one line per cited source
    assert URL in pdf_links
    assert [s["url"] for s in data["sources"] if s["title"] == "Talks in the capital"] == [URL]
    for text in (html, markdown, json.dumps(data), pdf_text):
        assert str(tmp_path) not in text


def test_only_plain_web_addresses_become_links(tmp_path: Path):
    from briefgen.assemble import shown_path, web_address

    assert web_address(URL) == URL
    assert web_address("javascript:alert(1)") == "" and web_address("file:///etc/passwd") == ""
    assert shown_path(str(tmp_path / "desk" / "a" / "x.txt"), tmp_path / "desk") == "a/x.txt"
    assert shown_path("/elsewhere/deep/x.txt", tmp_path) == "x.txt"
    assert shown_path(URL, tmp_path) == URL


def test_the_mail_links_each_source_to_its_address(tmp_path: Path):
    from email import message_from_bytes, policy

    from .test_delivery import write_config

    articles = linked_articles(tmp_path)
    config = write_config(tmp_path, 25)
    config.write_text(config.read_text().replace(f"- path: {SEEDS}", f"- path: {articles}"))
    proc = run_cli("send", "--config", str(config), "--date", "2023-06-20", "--dry-run",
                   "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    msg = message_from_bytes((tmp_path / "out" / "brief-2023-06-20.eml").read_bytes(),
                             policy=policy.default)
    assert f'href="{URL}"' in msg.get_body(("html",)).get_content()
    assert URL in msg.get_body(("plain",)).get_content()
