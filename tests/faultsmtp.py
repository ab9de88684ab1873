"""A small SMTP server on 127.0.0.1 that misbehaves on purpose.

aiosmtpd answers every command correctly and at once; delivery has to be tried
against late answers, refusals and broken connections at exact steps, so this
one speaks the protocol line by line and lets a test choose the fault.
"""

from __future__ import annotations

import contextlib
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass
class Faults:
    data_delay: float = 0
    """Seconds before the answer to the message's final dot (it is received at once)."""
    drop_after_data: bool = False
    """Receive the message, then close the connection without an answer."""
    quit_reply: str = "221 bye"
    reject: bytes | None = None
    """Answer 554 to a message containing these bytes (it is not received)."""
    refuse: tuple[str, ...] = ()
    """Answer 550 to RCPT TO for these addresses."""
    mail_reply: str = "250 ok"
    """The answer to MAIL FROM, e.g. a transient "451 try later"."""
    sessions: int | None = None
    """The faults apply to the first this many connections; None: to all."""
    on: Callable[[str], None] | None = None
    """Called at "rcpt", "body" (the first line of the message) and "accepted" (after 250)."""


@dataclass
class Received:
    message: EmailMessage
    mail_from: str
    rcpt_to: list[str]


@dataclass
class FaultySmtp:
    faults: Faults = field(default_factory=Faults)
    received: list[Received] = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        owner = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                with contextlib.suppress(OSError):
                    owner._session(self.rfile, self.wfile)

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def message_ids(self) -> list[str]:
        return [str(r.message["Message-ID"]) for r in self.received]

    def _session(self, rfile, wfile) -> None:
        number = self.connections
        self.connections += 1
        f = self.faults if self.faults.sessions is None or number < self.faults.sessions \
            else Faults()

        def reply(line: str) -> None:
            wfile.write(line.encode() + b"\r\n")
            wfile.flush()

        def event(name: str) -> None:
            if f.on:
                f.on(name)

        reply("220 127.0.0.1 faulty ESMTP")
        mail_from, rcpts = "", []
        while line := rfile.readline():
            verb = line[:4].decode("ascii", "replace").upper()
            arg = line[5:].decode("utf-8", "replace").strip()
            if verb in ("EHLO", "HELO"):
                reply("250 127.0.0.1")
            elif verb == "MAIL":
                mail_from, rcpts = arg.partition("<")[2].partition(">")[0], []
                reply(f.mail_reply)
            elif verb == "RCPT":
                address = arg.partition("<")[2].partition(">")[0]
                event("rcpt")
                if address in f.refuse:
                    reply(f"550 5.1.1 <{address}>: no such user")
                else:
                    rcpts.append(address)
                    reply("250 ok")
            elif verb == "DATA":
                reply("354 go ahead")
                content = self._read_data(rfile, event)
                if content is None:
                    return
                if f.reject and f.reject in content:
                    reply("554 5.7.1 message rejected by policy")
                    continue
                self.received.append(Received(
                    message_from_bytes(content, policy=policy.default), mail_from, rcpts))
                if f.drop_after_data:
                    return
                time.sleep(f.data_delay)
                reply("250 2.0.0 queued")
                event("accepted")
            elif verb == "RSET":
                mail_from, rcpts = "", []
                reply("250 ok")
            elif verb == "NOOP":
                reply("250 ok")
            elif verb == "QUIT":
                reply(f.quit_reply)
                return
            else:
                reply("502 unknown command")

    @staticmethod
    def _read_data(rfile, event: Callable[[str], None]) -> bytes | None:
        """The message up to the final dot, unstuffed; None if the client went away."""
        lines = []
        while True:
            line = rfile.readline()
            if not line:
                return None
            if not lines:
                event("body")
            if line in (b".\r\n", b".\n"):
                return b"".join(lines)
            lines.append(line[1:] if line.startswith(b"..") else line)
