"""Render a Brief to HTML, PDF, JSON and Markdown, and write the files atomically.

Templates are looked up in the user's directory first, then in the packaged
ones; `{% extends "default:brief.html.j2" %}` reaches the packaged version of
a template that the user overrides. Every format is rendered in memory before
any file is written, so a broken template never leaves half a brief behind.
"""

from __future__ import annotations

import json
import logging
import re
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .errors import RenderError
from .fsutil import atomic_write
from .model import Brief

PACKAGED_TEMPLATES = Path(str(resources.files("briefgen").joinpath("templates")))
TEMPLATE_NAMES = {"html": "brief.html.j2", "md": "brief.md.j2", "txt": "brief.txt.j2",
                  "email": "email.html.j2"}
MAX_REFS = 5  # source numbers shown after a line; "+N" stands for the rest
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    packaged = jinja2.FileSystemLoader(PACKAGED_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(user_dir)] if user_dir else []
    loaders += [jinja2.PrefixLoader({"default": packaged}, delimiter=":"), packaged]
    # Sandboxed: a template from a shared config directory cannot reach Python internals.
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "html.j2", "htm"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: _MD_SPECIAL.sub(r"\\\1", str(text))
    return env


def template_dirs(user_dir: Path | None) -> list[Path]:
    return [p.resolve() for p in ([user_dir] if user_dir else []) + [PACKAGED_TEMPLATES]]


def context(brief: Brief, env: jinja2.Environment) -> dict:
    """What every template sees: `brief` (the JSON contract), `cited` (the sources the
    brief cites, in order), `source_number` (article id -> number among them), `css`."""
    data = brief.to_dict()
    lists = [x.sources or (x.source,) for s in brief.sections for x in (*s.items, *s.quotes)]
    lists += [x.sources for x in brief.summary]
    lists += [r["sources"] for s in data["sections"] for d in s["discrepancies"]
              for r in d["readings"]]
    # Only articles a line shows as its first MAX_REFS are listed and numbered: a day of
    # 1,000 articles may have a fact in 200 of them; the JSON keeps every one.
    cited_ids = {i for ids in lists for i in ids[:MAX_REFS]}
    cited = [s for s in data["sources"] if s["id"] in cited_ids]
    numbers = {s["id"]: n for n, s in enumerate(cited, start=1)}
    css = env.loader.get_source(env, "brief.css")[0] if env.loader else ""
    return {"brief": data, "cited": cited, "source_number": numbers, "css": css,
            "max_refs": MAX_REFS}


def render_text(brief: Brief, fmt: str, user_dir: Path | None = None) -> str:
    if fmt == "json":
        return json.dumps(brief.to_dict(), indent=2, ensure_ascii=False) + "\n"
    env = environment(user_dir)
    try:
        return env.get_template(TEMPLATE_NAMES[fmt]).render(context(brief, env))
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"{e.filename or e.name}:{e.lineno}: template error: {e.message}") \
            from None
    except jinja2.TemplateError as e:
        raise RenderError(f"template {TEMPLATE_NAMES[fmt]}: {e}") from None


def render_pdf(html: str, user_dir: Path | None = None) -> bytes:
    import weasyprint  # loaded for PDF only: it is most of the start-up time

    from .pdf_fetcher import LocalOnlyFetcher

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    fetcher = LocalOnlyFetcher(template_dirs(user_dir))
    try:
        return weasyprint.HTML(string=html, base_url=str(template_dirs(user_dir)[0]) + "/",
                               url_fetcher=fetcher).write_pdf()
    except Exception as e:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"PDF rendering failed: {e}") from None


def render_all(brief: Brief, formats: tuple[str, ...], user_dir: Path | None = None) \
        -> dict[str, bytes]:
    """Every requested format, in memory."""
    out: dict[str, bytes] = {}
    html = None
    if "html" in formats or "pdf" in formats:
        html = render_text(brief, "html", user_dir)
    for fmt in formats:
        if fmt == "pdf":
            out[fmt] = render_pdf(html or "", user_dir)
        elif fmt == "html":
            out[fmt] = (html or "").encode("utf-8")
        else:
            out[fmt] = render_text(brief, fmt, user_dir).encode("utf-8")
    return out


def write_brief(brief: Brief, out_dir: Path, formats: tuple[str, ...],
                user_dir: Path | None = None) -> list[Path]:
    """Render everything first, then write each file atomically."""
    rendered = render_all(brief, formats, user_dir)
    paths = []
    for fmt, data in rendered.items():
        path = out_dir / f"brief-{brief.date.isoformat()}.{fmt}"
        try:
            atomic_write(path, data)
        except OSError as e:
            raise RenderError(f"{path}: cannot write: {e.strerror or e}") from None
        paths.append(path)
    return paths
