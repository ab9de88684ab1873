"""One SMTP transaction, step by step, so that each failure says whether the server has the mail.

`smtplib.send_message` raises the same `SMTPServerDisconnected` whether the
connection broke at MAIL FROM (nothing sent) or while waiting for the reply to
the message's final dot (the server may have it). Delivery needs to tell them
apart, so the transaction is spelled out here with smtplib's public commands.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import parseaddr

from .config_delivery import SmtpConfig


@dataclass(frozen=True)
class Accepted:
    """The server answered 2xx to the message: it is sent (to all but `refused`)."""

    refused: dict[str, str] = field(default_factory=dict)


class NotSent(Exception):
    """The server does not have the mail; `permanent` for a 5xx (sending again will not help)."""

    def __init__(self, reason: str, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


class InDoubt(Exception):
    """The whole message went out but no answer came back: the server may have it."""


def one_line(text: str) -> str:
    """Any text as one printable line (header values, server replies in messages): no
    control character, and no line break of those str.splitlines() knows (NEL, U+2028,
    U+2029), which a mail header refuses as it refuses CR and LF."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+", " ", text).strip()


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return one_line(f"{code} {words}")


def _refusal(what: str, code: int, text: bytes) -> NotSent:
    return NotSent(f"{what}: {_reply(code, text)}", permanent=500 <= code < 600)


def message_bytes(msg: EmailMessage) -> bytes:
    """The message as SMTP DATA: CRLF lines, leading dots doubled, ending with CRLF.CRLF."""
    out = io.BytesIO()
    BytesGenerator(out, policy=msg.policy.clone(linesep="\r\n")).flatten(msg)
    data = re.sub(rb"(?m)^\.", b"..", out.getvalue())
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def _connect(smtp: SmtpConfig) -> smtplib.SMTP:
    password = os.environ.get(smtp.password_env, "") if smtp.password_env else ""
    if smtp.password_env and not password:
        raise NotSent(f"SMTP password: environment variable {smtp.password_env} is not set")
    if smtp.security == "ssl":
        server: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout,
                                                context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        server.ehlo_or_helo_if_needed()
        if smtp.security == "starttls":
            server.starttls(context=ssl.create_default_context())
        if smtp.username:
            server.login(smtp.username, password)
    except smtplib.SMTPAuthenticationError:
        server.close()
        raise NotSent(f"login refused for user {smtp.username}") from None
    except BaseException:
        server.close()
        raise
    return server


def _envelope(server: smtplib.SMTP, sender: str, to: list[str]) -> dict[str, str]:
    """MAIL FROM and RCPT TO; the recipients the server refused, each with its reply."""
    code, text = server.mail(sender)
    if code != 250:
        raise _refusal("sender refused", code, text)
    refused: dict[str, str] = {}
    for address in to:
        code, text = server.rcpt(address)
        if code not in (250, 251):
            refused[address] = _reply(code, text)
    if len(refused) == len(to):
        codes = {int(r.split()[0]) for r in refused.values()}
        raise NotSent("every recipient refused: " + "; ".join(
            f"{a} ({r})" for a, r in refused.items()), permanent=all(c >= 500 for c in codes))
    return refused


def transmit(msg: EmailMessage, smtp: SmtpConfig, to: list[str],
             before_data: Callable[[], None] | None = None) -> Accepted:
    """Send msg to `to`. Raises NotSent when the server surely lacks it, InDoubt when it may
    have it. `before_data` runs just before DATA (the caller records "sending" there)."""
    where = f"SMTP {smtp.host}:{smtp.port}"
    sender = parseaddr(str(msg["From"]))[1]
    try:
        server = _connect(smtp)
    except NotSent as e:
        raise NotSent(f"{where}: {e}", e.permanent) from None
    except (smtplib.SMTPException, OSError) as e:
        raise NotSent(f"{where}: {_why(e)}") from None
    try:
        try:
            refused = _envelope(server, sender, to)
            if before_data:
                before_data()
            code, text = server.docmd("DATA")
            if code != 354:
                raise _refusal("DATA refused", code, text)
            server.send(message_bytes(msg))
        except NotSent as e:
            raise NotSent(f"{where}: {e}", e.permanent) from None
        except UnicodeEncodeError:  # smtplib sends commands as ASCII
            raise NotSent(f"{where}: an address is not ASCII (SMTPUTF8 is not supported)",
                          permanent=True) from None
        except (smtplib.SMTPException, OSError) as e:  # the final dot never went out
            raise NotSent(f"{where}: {_why(e)}") from None
        try:
            code, text = server.getreply()
        except (smtplib.SMTPException, OSError) as e:
            raise InDoubt(f"{where}: no answer after the message was sent ({_why(e)})") \
                from None
        if not 200 <= code < 300:
            raise NotSent(f"{where}: message refused: {_reply(code, text)}",
                          permanent=500 <= code < 600)
        _quit(server)  # the mail is sent: whatever QUIT says changes nothing
        return Accepted(refused)
    finally:
        server.close()


def _quit(server: smtplib.SMTP) -> None:
    with contextlib.suppress(smtplib.SMTPException, OSError):
        server.quit()


def _why(e: BaseException) -> str:
    if isinstance(e, TimeoutError):
        return "timed out"
    if isinstance(e, OSError) and e.strerror:
        return one_line(e.strerror)
    return one_line(str(e)) or type(e).__name__
