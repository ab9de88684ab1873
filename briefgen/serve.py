"""`briefgen serve`: a live preview of the brief on 127.0.0.1.

The brief is built once at start and again whenever the config, a template or
an input file changes (watchfiles). The page asks the server for the build's
number and reloads itself when it changes. A failed build shows its error in
the page; the server keeps running and the next good build replaces it. The
archived editions are served under /briefs/.
"""

from __future__ import annotations

import glob
import html
import socket
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send
from watchfiles import awatch

from . import archive, discover
from .errors import BriefgenError
from .pipeline import build_brief
from .render import PACKAGED_TEMPLATES, render_text

# Polling a tiny endpoint is simpler and sturdier than a held-open stream: a page left
# open across a server restart keeps working.
RELOAD_SCRIPT = """<script>
(() => {
  const built = "%s";
  setInterval(() => fetch("/_version").then(r => r.text())
    .then(v => { if (v !== built) location.reload(); }).catch(() => {}), 500);
})();
</script>
"""
ERROR_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>briefgen: build failed</title></head>
<body><h1>The brief could not be built</h1>
<pre id="build-error">%s</pre>
<p>Fix it and save: this page reloads by itself.</p>
</body></html>
"""


class Preview:
    """The latest build's page (or its error), numbered so the page knows when to reload."""

    def __init__(self, config_arg: str | None, inputs: Sequence[str]) -> None:
        self.config_arg = config_arg
        self.inputs = list(inputs)
        self.version = 0
        self.page = ""
        self.archive_root: Path | None = None
        self.watched: list[Path] = [discover.find_config(config_arg)]
        self._lock = threading.Lock()

    def rebuild(self) -> None:
        with self._lock:  # one build at a time; a change during a build builds again
            try:
                page = self._build()
            except BriefgenError as e:
                page = ERROR_PAGE % html.escape(str(e))
            except Exception as e:  # a bug of ours: show it, keep serving
                page = ERROR_PAGE % html.escape(f"internal error: {type(e).__name__}: {e}")
            self.version += 1
            self.page = page.replace("</body>", RELOAD_SCRIPT % self.version + "</body>", 1)

    def _build(self) -> str:
        cfg, path = discover.load(self.config_arg)
        user_dir = cfg.resolve(cfg.templates) if cfg.templates else None
        sources = self.inputs or [str(cfg.resolve(s.path)) for s in cfg.sources if s.path]
        self.watched = [path, *([user_dir] if user_dir else []), PACKAGED_TEMPLATES,
                        *(_watchable(s) for s in sources)]
        self.archive_root = archive.archive_root(cfg)
        brief = build_brief(cfg, self.inputs or None)
        return render_text(brief, "html", user_dir)


def _watchable(spec: str) -> Path:
    """What to watch for an input: the path, or for a glob the folder it starts in."""
    if not glob.has_magic(spec):
        return Path(spec)
    parts = Path(spec).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    return Path(*parts[:fixed]) if fixed else Path(".")


async def watch(preview: Preview, stop: anyio.Event) -> None:
    """Rebuild on every change; the watched paths are looked up again after each build,
    since the config may have named other templates or inputs."""
    while not stop.is_set():
        paths = [p for p in preview.watched if p.exists()]
        async for _changes in awatch(*paths, stop_event=stop, debounce=200):
            break
        else:
            return
        await anyio.to_thread.run_sync(preview.rebuild)


def app(preview: Preview) -> Starlette:
    async def page(_request: Request) -> HTMLResponse:
        return HTMLResponse(preview.page)

    async def version(_request: Request) -> PlainTextResponse:
        return PlainTextResponse(str(preview.version), headers={"Cache-Control": "no-store"})

    async def editions(_request: Request) -> HTMLResponse:
        root = preview.archive_root
        days = archive.editions(root) if root else []
        links = "".join(f'<li><a href="/briefs/{d}/brief.html">{d}</a></li>' for d in days)
        note = "" if root else "<p>No archive: set <code>state_dir</code> in the config.</p>"
        return HTMLResponse(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                            f"<title>Archived briefs</title></head><body><h1>Archived briefs"
                            f"</h1>{note}<ul>{links}</ul><p><a href='/'>Preview</a></p>"
                            "</body></html>")

    async def archived(scope: Scope, receive: Receive, send: Send) -> None:
        root = preview.archive_root  # may change with the config: looked up per request
        files = StaticFiles(directory=root) if root and root.is_dir() else \
            PlainTextResponse("no archive", status_code=404)
        await files(scope, receive, send)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        stop = anyio.Event()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(watch, preview, stop)
            yield
            stop.set()

    return Starlette(routes=[Route("/", page), Route("/_version", version),
                             Route("/briefs/", editions), Mount("/briefs", archived)],
                     lifespan=lifespan)


def serve(config_arg: str | None, inputs: Sequence[str], port: int) -> None:
    check_port(port)
    preview = Preview(config_arg, inputs)
    preview.rebuild()
    print(f"Serving the brief on http://127.0.0.1:{port}/ (archived editions on /briefs/); "
          "Ctrl-C stops.", flush=True)
    uvicorn.run(app(preview), host="127.0.0.1", port=port, log_level="warning")


def check_port(port: int) -> None:
    """A port in use is one line before the first build, not a server error after it."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as e:
            raise BriefgenError(f"127.0.0.1:{port}: {e.strerror or e}; choose another with "
                                "--port") from None
