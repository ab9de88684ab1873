import http.server
import threading
from datetime import date
from pathlib import Path

import pypdf
import pytest

from briefgen.errors import RenderError
from briefgen.model import Brief, Item, Quote, Section, SourceRef
from briefgen.render import render_pdf, render_text, write_brief

from .conftest import DEFAULT_CONFIG, SEEDS, run_cli

HOSTILE = '<script>alert("x")</script><img src="http://127.0.0.1:9/pixel.png"> & more'


def brief(text: str = "The ministers met for talks.") -> Brief:
    return Brief(
        title="Test brief", date=date(2024, 1, 2), generated_at="2024-01-02T07:00:00+00:00",
        summary=(Item(text, ("a1",)),),
        sections=(Section("meetings", "Key meetings", (Item(text, ("a1", "a2")),),
                          (Quote("We talked a lot.", "Jane Doe", "a2", ("a2",)),)),),
        sources=(SourceRef("a1", "One", "Wire", date(2024, 1, 2), "one.txt"),
                 SourceRef("a2", "Two", "", None, "two.txt")),
    )


def test_article_text_never_becomes_markup():
    html = render_text(brief(HOSTILE), "html")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    md = render_text(brief(HOSTILE), "md")
    assert "<script>" not in md and "\\<script\\>" in md


def test_user_template_overrides_one_file_and_extends_the_default(tmp_path: Path):
    (tmp_path / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}')
    (tmp_path / "brief.css").write_text("h1 { color: rgb(1, 2, 3); }")
    html = render_text(brief(), "html", tmp_path)
    assert "rgb(1, 2, 3)" in html and "Key meetings" in html


def test_an_override_of_the_footer_block_changes_only_the_footer(tmp_path: Path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.html.j2").write_text(
        '{% extends "default:brief.html.j2" %}'
        '{% block footer %}<footer>Prepared by the night desk</footer>{% endblock %}')
    write_brief(brief(), tmp_path / "default", ("html", "pdf"))
    write_brief(brief(), tmp_path / "custom", ("html", "pdf"), templates)

    def pdf_text(folder: str) -> str:
        reader = pypdf.PdfReader(tmp_path / folder / "brief-2024-01-02.pdf")
        return "\n".join(p.extract_text() for p in reader.pages)

    default, custom = pdf_text("default"), pdf_text("custom")
    assert "Prepared by the night desk" in custom and "Made by briefgen" in default
    assert "Made by briefgen" not in custom
    assert default.split("Made by briefgen")[0] == custom.split("Prepared by")[0]

    def without_footer(folder: str) -> str:
        html = (tmp_path / folder / "brief-2024-01-02.html").read_text()
        return "".join((html[:html.index("<footer")] + html[html.index("</footer>"):]).split())

    assert without_footer("default") == without_footer("custom")


def test_pdf_has_pages_text_and_no_remote_fetch(tmp_path: Path):
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        html = render_text(brief(), "html").replace(
            "</body>", f'<img src="http://127.0.0.1:{port}/x.png">'
                       f'<img src="file:///etc/passwd"></body>')
        pdf = tmp_path / "b.pdf"
        pdf.write_bytes(render_pdf(html))
    finally:
        server.shutdown()
    reader = pypdf.PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 1
    assert "Key meetings" in text and "Test brief" in text and "Page 1 of" in text
    assert requests == []


def test_broken_template_leaves_previous_brief_intact(tmp_path: Path):
    out = tmp_path / "out"
    write_brief(brief(), out, ("html", "json", "md"))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text("{% for x in %}broken")
    with pytest.raises(RenderError) as e:
        write_brief(brief("Different text now."), out, ("html", "json", "md"), templates)
    assert "brief.md.j2:1: template error" in str(e.value)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_folder_named_as_a_template_is_an_error_naming_it(tmp_path: Path):
    """Was passed over for the packaged template: the restyle silently did not show."""
    (tmp_path / "templates" / "brief.html.j2").mkdir(parents=True)
    (tmp_path / "templates" / "brief.css").write_text("body { color: red }")
    config = tmp_path / "brief.yaml"
    config.write_text(DEFAULT_CONFIG.read_text().replace("path: ../seeds", f"path: {SEEDS}")
                      + "\ntemplates: templates\n")
    folder = tmp_path / "templates" / "brief.html.j2"
    said = f"briefgen: error: {folder}: a folder has the name of a template; a template " \
           "must be a file\n"
    check = run_cli("check", "--config", str(config))
    assert (check.returncode, check.stderr) == (1, said)
    build = run_cli("build", "--config", str(config), "--out", str(tmp_path / "out"))
    assert (build.returncode, build.stderr) == (1, said)
    assert not (tmp_path / "out").exists()
    # send and run render it without build's check: the template lookup says the same.
    with pytest.raises(RenderError, match=f"^{folder}: a folder has the name of a template"):
        render_text(brief(), "html", tmp_path / "templates")
