"""The delivery ledger: what became of each day's brief, in state_dir/ledger.json.

Version 2 keeps one entry per day with a status:

- `sending`: written before DATA; found at the start of a run, the run that
  wrote it ended without an answer (killed, or the connection broke), so the
  server may have the mail.
- `in_doubt`: no answer after the whole message went out; sent once more.
- `deferred`: a transient failure (4xx, server down); tried again after `next_try`.
- `sent`, `failed` (a 5xx; the message is in failed/), `unconfirmed` (in doubt
  and not sent again; the message is in failed/): final, never sent again.

Version 1 (`{"version": 1, "sent": {day: {...}}}`) is read and upgraded on the next write.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from .errors import BriefgenError
from .fsutil import atomic_write

VERSION = 2
STATUSES = ("sending", "in_doubt", "deferred", "sent", "failed", "unconfirmed")
FINAL = ("sent", "failed", "unconfirmed")


class LedgerError(BriefgenError):
    """The ledger cannot be read or written; nothing is sent without it."""


class Entries(Protocol):
    """What delivery needs of a ledger: this file, or a desk's state in Redis (claims.py)."""

    def get(self, day: str) -> dict[str, Any]: ...

    def put(self, day: str, entry: dict[str, Any]) -> None: ...


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _entry_problem(entry: Any) -> str | None:
    """What makes a day's entry unusable: no status we know, or a count that is no whole
    number from 0 up (a wrong count of doubts could send a brief a third time)."""
    if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
        return f"expected a status, one of {', '.join(STATUSES)}"
    for key in ("attempts", "doubts"):
        value = entry.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"{key}: expected a whole number from 0 up; got {value!r:.40}"
    return None


class Ledger:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.days = self._load()

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except OSError as e:
            raise LedgerError(f"{self.path}: cannot read the ledger: {e.strerror}") from None
        except ValueError:
            raise self._damaged("not JSON") from None
        if not isinstance(data, dict):
            raise self._damaged("expected a JSON object with a version")
        version = data.get("version")
        if version == 1 and isinstance(data.get("sent"), dict):
            days = {day: {"status": "sent", **entry} for day, entry in data["sent"].items()
                    if isinstance(entry, dict)}
        elif version == VERSION and isinstance(data.get("days"), dict):
            days = data["days"]
        else:
            raise self._damaged(f"unknown version {version!r}" if version not in (1, VERSION)
                                else "no entries")
        for day, entry in days.items():
            try:
                date.fromisoformat(day)
            except ValueError:
                raise self._damaged(f"{day!r} is not a date") from None
            problem = _entry_problem(entry)
            if problem:
                raise self._damaged(f"{day}: {problem}")
        return days

    def _damaged(self, why: str) -> LedgerError:
        return LedgerError(f"{self.path}: damaged ledger ({why}); nothing is sent until it is "
                           "repaired or moved aside (briefs already sent might then go again)")

    def get(self, day: str) -> dict[str, Any]:
        return dict(self.days.get(day, {}))

    def put(self, day: str, entry: dict[str, Any]) -> None:
        """Record entry for day on disk; memory changes only once the file is written."""
        days = {**self.days, day: {**entry, "at": now()}}
        try:
            atomic_write(self.path, json.dumps({"version": VERSION, "days": days}, indent=1,
                                               sort_keys=True))
        except OSError as e:
            raise LedgerError(f"{self.path}: cannot write the ledger: "
                              f"{e.strerror or e}") from None
        self.days = days
