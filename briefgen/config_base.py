"""What every part of the config schema stands on: a strict, frozen model, and durations."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown keys are errors; validated objects are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


MAX_DAYS = 3650  # longer reaches back past year 1 from a date, or beyond timedelta
_DURATION = re.compile(r"^\s*(\d+)\s*([smhd])\s*$")


def parse_duration(text: str) -> timedelta:
    """`30s`, `90m`, `24h`, `7d`."""
    m = _DURATION.match(text)
    if not m:
        raise ValueError(f"expected a duration like 30s, 90m, 24h or 7d; got {text!r}")
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[m.group(2)]
    if int(m.group(1)) > MAX_DAYS * {"s": 86400, "m": 1440, "h": 24, "d": 1}[m.group(2)]:
        raise ValueError(f"expected a duration of at most {MAX_DAYS}d (ten years); got {text!r}")
    return timedelta(**{unit: int(m.group(1))})


def _checked_duration(text: str) -> str:
    parse_duration(text)
    return text


Duration = Annotated[str, AfterValidator(_checked_duration)]  # kept as written, checked


def _usable_path(text: str) -> str:
    """A path the system can be asked about: not empty, no NUL in it, and a `~user` of a
    user there is (Path.expanduser raises for another, when the path is first used)."""
    if not text.strip():  # "$DIR" with DIR unset: not the config's own folder
        raise ValueError("empty path: name a file or folder (\".\" for the config's own)")
    if "\0" in text:
        raise ValueError(f"{text!r}: a path cannot hold a NUL character")
    try:
        Path(text).expanduser()
    except RuntimeError:
        raise ValueError(f"{text!r}: no such user as {text.split('/')[0]}") from None
    return text


PathText = Annotated[str, AfterValidator(_usable_path)]  # kept as written, checked
