"""The daily job's files under state_dir: the lock, outbox/, failed/ and quarantine/.

Messages wait in outbox/ until the server has them. A message refused for good
(or in doubt and not sent again) moves to failed/; a file in the outbox that is
not a brief message moves to quarantine/ and is never mailed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr
from pathlib import Path

from .errors import BriefgenError
from .fsutil import atomic_write, exists, is_dir

REQUIRED_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "X-Briefgen-Date")


class StateError(BriefgenError):
    """The state directory cannot be used (read-only, full, locked by another run)."""


class NotABrief(Exception):
    """A file in the outbox that is not a message briefgen wrote."""


@dataclass(frozen=True)
class Spool:
    root: Path

    @property
    def ledger_path(self) -> Path:
        return self.root / "ledger.json"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    def message_path(self, day: str) -> Path:
        return self.outbox / f"brief-{day}.eml"

    def queue(self, day: str, msg: EmailMessage) -> Path:
        path = self.message_path(day)
        try:
            atomic_write(path, msg.as_bytes())
        except OSError as e:
            raise StateError(f"{path}: cannot write: {e.strerror or e}; nothing sent") from None
        return path

    def queued(self) -> list[Path]:
        return sorted(self.outbox.glob("*.eml")) if is_dir(self.outbox) else []

    def move(self, path: Path, folder: str) -> Path:
        """Move a message out of the outbox into failed/ or quarantine/, never over another."""
        target_dir = self.root / folder
        if exists(target_dir) and not is_dir(target_dir):  # the system would say `File exists`
            raise StateError(f"{path}: cannot move it to {target_dir}: not a folder")
        target = target_dir / path.name
        n = 1
        while target.exists():
            n += 1
            target = target_dir / f"{path.stem}.{n}{path.suffix}"
        try:
            target_dir.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError as e:
            raise StateError(f"{path}: cannot move it to {target_dir}: {e.strerror or e}") \
                from None
        return target

    @contextlib.contextmanager
    def lock(self, wait: float) -> Iterator[None]:
        """One daily job at a time. A second one waits up to `wait` seconds, then gives up
        with a line naming the run that holds the lock."""
        path = self.root / "lock"
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise StateError(f"{path}: cannot open the lock: {e.strerror or e}") from None
        held = False
        try:
            give_up = time.monotonic() + wait
            while not held:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    held = True
                except BlockingIOError:
                    if time.monotonic() >= give_up:
                        raise StateError(f"{path}: another run holds the lock "
                                         f"({_read_holder(path)}); gave up after waiting "
                                         f"{wait:g} s") from None
                    time.sleep(min(0.25, wait / 10 or 0.01))
            _write_holder(fd)
            yield
        finally:
            if held:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
            os.close(fd)  # releases the lock


def _write_holder(fd: int) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    with contextlib.suppress(OSError):  # a full disk must not stop the run: the holder is unnamed
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {stamp}".encode(), 0)


def _read_holder(path: Path) -> str:
    try:
        text = path.read_text("utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text[:100] or "a run that did not say who it is"


def read_message(path: Path) -> EmailMessage:
    """A message from the outbox, checked: named brief-<date>.eml, parsed, with the headers
    briefgen writes and a date that matches its name. Raises NotABrief with the reason."""
    day = path.stem.removeprefix("brief-")
    try:
        if not path.name.startswith("brief-"):
            raise ValueError
        date.fromisoformat(day)
    except ValueError:
        raise NotABrief("not named brief-YYYY-MM-DD.eml") from None
    try:
        data = path.read_bytes()
    except OSError as e:
        raise StateError(f"{path}: cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise NotABrief("empty file")
    msg = BytesParser(policy=policy.SMTP).parsebytes(data)
    missing = [h for h in REQUIRED_HEADERS if not str(msg.get(h) or "").strip()]
    if missing:
        raise NotABrief(f"no {missing[0]} header")
    if "@" not in parseaddr(str(msg["From"]))[1]:
        raise NotABrief(f"From is not an address: {str(msg['From'])[:80]!r}")
    if str(msg["X-Briefgen-Date"]).strip() != day:
        raise NotABrief(f"dated {str(msg['X-Briefgen-Date'])[:20]!r}, named {day}")
    if msg.get_body(("html", "plain")) is None:
        raise NotABrief("no text or HTML body")
    return msg
