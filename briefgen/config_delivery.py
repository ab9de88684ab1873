"""The daily job's settings: whom the brief is mailed to and how (`delivery`: email,
smtp), and when the job runs (`schedule`)."""

from __future__ import annotations

import re
import string
from email.utils import parseaddr
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import ConfigDict, Field, field_validator

from .config_base import Duration, Strict

_ADDRESS = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")
_FIELDS = ("title", "date")
_SPEC = re.compile(r"^[<>^]?\d{0,3}(\.\d{1,3})?$")  # an alignment and widths below 1000


def check_template(text: str) -> str:
    """A format string that fills only {title} and {date}, at a bounded width."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as e:
        raise ValueError(f"bad format string {text!r}: {e}") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in _FIELDS:
            raise ValueError(f"unknown field {{{name}}} in {text!r}; only {{title}} and "
                             "{date} are filled in (write {{ and }} for braces)")
        if conversion or (spec and not _SPEC.match(spec)):
            raise ValueError(f"{{{name}{'!' + conversion if conversion else ''}"
                             f"{':' + spec if spec else ''}}} in {text!r}: only an alignment "
                             "(<, >, ^) and a width below 1000 may follow the name")
    return text


def check_address(value: str) -> str:
    _, address = parseaddr(value)
    if not _ADDRESS.match(address) or any(c in value for c in "\r\n"):
        raise ValueError(f"not an email address: {value!r}")
    return value


class EmailConfig(Strict):
    model_config = ConfigDict(populate_by_name=True)  # `from:` is a Python keyword

    sender: str = Field(alias="from")
    """The From address."""
    to: tuple[str, ...] = Field(min_length=1)
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    subject: str = "{title} {date}"
    """`{title}` and `{date}` are filled in (with an optional width, `{title:.60}`)."""

    @field_validator("subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        return check_template(value)

    @field_validator("sender")
    @classmethod
    def _sender(cls, value: str) -> str:
        return check_address(value)

    @field_validator("to", "cc", "bcc")
    @classmethod
    def _recipients(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(check_address(v) for v in values)


class SmtpConfig(Strict):
    host: str
    port: int = Field(default=587, ge=1, le=65535)
    security: Literal["none", "starttls", "ssl"] = "starttls"
    username: str | None = None
    password_env: str | None = None
    """Name of the environment variable holding the password (never the password itself)."""
    timeout: float = Field(default=30, gt=0, le=600)

    @field_validator("host")
    @classmethod
    def _host(cls, host: str) -> str:
        # "" reached smtplib as "please run connect() first"; a line break split the error
        if not host or any(c.isspace() or not c.isprintable() for c in host):
            raise ValueError(f"expected a host name or address, like smtp.example.org; "
                             f"got {host!r}")
        return host


class DeliveryConfig(Strict):
    email: EmailConfig
    smtp: SmtpConfig
    resend_in_doubt: Literal["once", "never"] = "once"
    """A message that got no answer after it went out may have arrived: send it again once
    (with the same Message-ID), or never (it is then kept in state_dir/failed/)."""
    retry_after: Duration = "15m"
    """After a transient failure (4xx, server down), the first wait; it doubles up to a day."""


class ScheduleConfig(Strict):
    cron: str = "0 7 * * *"
    """When `briefgen schedule` runs the daily job (minute hour day month weekday)."""
    timezone: str = "UTC"
    lock_wait: Duration = "10m"
    """How long a run waits for another one to finish before it gives up with one line."""
    deadline: Duration = "1h"
    """The longest a run of `run` or `send` may take; then it stops with one line. What was
    sent is recorded before that, so the next run goes on from there."""

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {name!r}") from None
        return name

    @field_validator("cron")
    @classmethod
    def _cron(cls, expr: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(expr)
        except ValueError as e:
            raise ValueError(f"bad cron expression {expr!r}: {e}") from None
        return expr
