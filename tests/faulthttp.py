"""An HTTP server on 127.0.0.1 that never finishes: a page trickling in a byte at a time
(in its body, or already in its status line) and a redirect that leads on for ever."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time


class StuckSite:
    TRICKLE = "/trickle"
    SLOW_HEADERS = "/slow-headers"
    LOOP = "/loop/"

    def __init__(self, interval: float = 0.1) -> None:
        self.requests: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append(self.path)
                path = self.path.partition("?")[0]
                with contextlib.suppress(OSError):  # the client gave up: expected
                    if path.startswith(site.LOOP):
                        n = int(path.removeprefix(site.LOOP) or 0)
                        self.send_response(302)
                        self.send_header("Location", f"{site.LOOP}{n + 1}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                    elif path == site.TRICKLE:
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", "1000000")
                        self.end_headers()
                        self._drip(b"<html><body><p>" + b"a" * 999_985)
                    elif path == site.SLOW_HEADERS:
                        self._drip(b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 100_000)
                    else:
                        self.send_error(404)

            def _drip(self, data: bytes) -> None:
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    time.sleep(interval)

            def log_message(self, *args) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
