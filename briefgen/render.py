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
import traceback
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from .errors import RenderError
from .fsutil import atomic_write_all, exists, is_dir
from .model import Brief
from .parallel import waiting_beside

PACKAGED_TEMPLATES = Path(str(resources.files("briefgen").joinpath("templates")))
TEMPLATE_NAMES = {"html": "brief.html.j2", "md": "brief.md.j2", "txt": "brief.txt.j2"}
MAX_REFS = 5  # source numbers shown after a line; "+N" stands for the rest
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    packaged = jinja2.FileSystemLoader(PACKAGED_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [_UserLoader(user_dir)] if user_dir else []
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


def check_user_templates(user_dir: Path) -> None:
    """A folder named as a template (`brief.html.j2/`) is an error naming it: jinja would
    pass over it to the packaged template, and the user's restyle would silently not show."""
    names = sorted(p.name for p in PACKAGED_TEMPLATES.iterdir() if p.is_file())
    folders = [user_dir / name for name in names if is_dir(user_dir / name)]
    if folders:
        raise RenderError("; ".join(map(_folder_error, folders)))


def _folder_error(path: Path) -> str:
    return f"{path}: a folder has the name of a template; a template must be a file"


class _UserLoader(jinja2.FileSystemLoader):
    """The user's templates; one that is not UTF-8, or a folder in a template's place,
    is a RenderError naming it."""

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str | None, Callable[[], bool]]:
        for folder in self.searchpath:  # jinja would take the packaged one instead
            if is_dir(Path(folder) / template):
                raise RenderError(_folder_error(Path(folder) / template))
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError:
            path = next(Path(d) / template for d in self.searchpath
                        if (Path(d) / template).is_file())
            raise RenderError(f"{path}: template error: not UTF-8") from None


def _failed_line(error: BaseException) -> str | None:
    """`file:line` of the template line an error was raised at, if a template's."""
    found = None
    for frame, line in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename.endswith(".j2"):  # jinja gives templates' frames these
            found = f"{frame.f_code.co_filename}:{line}"
    return found


def template_dirs(user_dir: Path | None) -> list[Path]:
    return [p.resolve() for p in ([user_dir] if user_dir else []) + [PACKAGED_TEMPLATES]]


def context(brief: Brief | dict, env: jinja2.Environment, edition: dict | None = None) -> dict:
    """What every template sees: `brief` (the JSON contract), `cited` (the sources the
    brief cites, in order), `source_number` (article id -> number among them), `css`,
    `edition` (archived editions before and after this one, or None)."""
    data = brief if isinstance(brief, dict) else brief.to_dict()
    lists = [x["sources"] for s in data["sections"] for x in (*s["items"], *s["quotes"])]
    lists += [x["sources"] for x in data["summary"]]
    differing = [*data["summary_discrepancies"], *(d for s in data["sections"]
                                                   for d in s["discrepancies"])]
    lists += [r["sources"] for d in differing for r in d["readings"]]
    # Only articles a line shows as its first MAX_REFS are listed and numbered: a day of
    # 1,000 articles may have a fact in 200 of them; the JSON keeps every one.
    cited_ids = {i for ids in lists for i in ids[:MAX_REFS]}
    cited = [s for s in data["sources"] if s["id"] in cited_ids]
    numbers = {s["id"]: n for n, s in enumerate(cited, start=1)}
    css = env.loader.get_source(env, "brief.css")[0] if env.loader else ""
    return {"brief": data, "cited": cited, "source_number": numbers, "css": css,
            "max_refs": MAX_REFS, "edition": edition}


def render_text(brief: Brief | dict, fmt: str, user_dir: Path | None = None,
                edition: dict | None = None) -> str:
    """One format; `brief` may be the JSON contract itself (an archived edition)."""
    if fmt == "json":
        data = brief if isinstance(brief, dict) else brief.to_dict()
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    env = environment(user_dir)
    try:
        return env.get_template(TEMPLATE_NAMES[fmt]).render(context(brief, env, edition))
    except jinja2.TemplateSyntaxError as e:
        raise RenderError(f"{e.filename or e.name}:{e.lineno}: template error: {e.message}") \
            from None
    except jinja2.TemplateError as e:
        raise RenderError(f"template {TEMPLATE_NAMES[fmt]}: {e}") from None
    except RenderError:  # an included template that is not UTF-8: named already
        raise
    except Exception as e:  # a user's template may divide by zero or include itself
        where = _failed_line(e)
        if where is None:
            raise
        raise RenderError(f"{where}: template error: {type(e).__name__}: {e}") from None


def render_pdf(html: str, user_dir: Path | None = None) -> bytes:
    import weasyprint  # loaded for PDF only: it is most of the start-up time

    from .pdf_fetcher import LocalOnlyFetcher

    _quiet_weasyprint()
    fetcher = LocalOnlyFetcher(template_dirs(user_dir))
    try:
        return weasyprint.HTML(string=html, base_url=str(template_dirs(user_dir)[0]) + "/",
                               url_fetcher=fetcher).write_pdf()
    except Exception as e:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"PDF rendering failed: {e}") from None


def pdf_renderer(user_dir: Path | None = None, worth_it: bool = True
                 ) -> AbstractContextManager[Callable[[str], bytes]]:
    """`render_pdf` for one page, WeasyPrint loaded meanwhile in a forked child: loading it
    is most of a PDF's time, and the brief is built on the other core while it loads.
    For `write_brief`'s `pdf`."""
    return waiting_beside(_load_weasyprint, partial(render_pdf, user_dir=user_dir), worth_it)


def _load_weasyprint() -> None:
    """WeasyPrint loaded, and its fonts too: laying out a first page finds and loads them
    (about 0.03 s), which the brief's own page then need not do after the build."""
    import weasyprint

    _quiet_weasyprint()
    weasyprint.HTML(string="<p>Brief</p>").write_pdf()  # (an error: the page meets it too)


def _quiet_weasyprint() -> None:
    """WeasyPrint's and fontTools' warnings (a font's odd table, say) are no user's
    business: errors only."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def render_email(html: str) -> str:
    """The brief's page as a mail body: the same HTML as the PDF, its style sheet inlined
    into style attributes (mail clients drop <style> blocks), nothing fetched."""
    import css_inline

    inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)
    return inliner.inline(html)


def render_all(brief: Brief, formats: tuple[str, ...], user_dir: Path | None = None,
               pdf: Callable[[str], bytes] | None = None) -> dict[str, bytes]:
    """Every requested format, in memory; the PDF from the page's HTML by `pdf` (from
    `pdf_renderer`) when given."""
    out: dict[str, bytes] = {}
    html = None
    if "html" in formats or "pdf" in formats:
        html = render_text(brief, "html", user_dir)
    for fmt in formats:
        if fmt == "html":
            out[fmt] = (html or "").encode("utf-8")
        elif fmt != "pdf":
            out[fmt] = render_text(brief, fmt, user_dir).encode("utf-8")
    if "pdf" in formats:  # last: the other formats are done while a child renders it
        out["pdf"] = (pdf or partial(render_pdf, user_dir=user_dir))(html or "")
    return {fmt: out[fmt] for fmt in formats}


def write_brief(brief: Brief, out_dir: Path, formats: tuple[str, ...],
                user_dir: Path | None = None, pdf: Callable[[str], bytes] | None = None
                ) -> list[Path]:
    """Render everything first, then replace the files as one: all new, or all as before.
    `pdf` as in `render_all`. Where the files cannot go is said before any is rendered."""
    paths = {fmt: out_dir / f"brief-{brief.date.isoformat()}.{fmt}" for fmt in formats}
    if exists(out_dir) and not is_dir(out_dir):
        raise RenderError(f"{out_dir}: not a directory; give --out a folder")
    for path in paths.values():
        if is_dir(path):
            raise RenderError(f"{path}: a folder has the name of the brief's file; the "
                              "previous brief is unchanged")
    rendered = render_all(brief, formats, user_dir, pdf)
    files = {paths[fmt]: data for fmt, data in rendered.items()}
    try:
        atomic_write_all(files)
    except OSError as e:
        raise RenderError(f"{e.filename or out_dir}: cannot write the brief: "
                          f"{e.strerror or e}; the previous brief is unchanged") from None
    return list(files)
