"""Why a request failed, in the words of a user (`connection refused`), not httpx's class
names (`ConnectError`): the cause httpx wraps (the socket's, the TLS library's) says it."""

from __future__ import annotations

import socket
import ssl

import httpx

from .ingest import shown


def reason(error: httpx.HTTPError, url: str) -> str:
    """A few words on why `url` could not be fetched; where a redirect led elsewhere, that
    address too."""
    why = _words(error)
    try:
        return where(url, error.request.url, why)
    except RuntimeError:  # no request attached: nothing more to say
        return why


def where(url: str, reached: httpx.URL, why: str) -> str:
    """`why`, after the address a redirect led to when that is not `url`."""
    return why if reached == httpx.URL(url) else f"redirected to {shown(str(reached))}: {why}"


def _words(error: httpx.HTTPError) -> str:
    cause = _os_cause(error)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"certificate not accepted ({cause.verify_message or 'not verified'})"
    if isinstance(cause, ssl.SSLError):
        return f"secure connection failed ({cause.reason or cause.strerror or 'TLS'})"
    if isinstance(cause, socket.gaierror):
        if cause.errno == socket.EAI_NONAME:
            return "host name not found"
        return f"host name not looked up ({_lower(cause.strerror) or 'no answer'})"
    if cause is not None and cause.strerror:
        return _lower(cause.strerror)  # connection refused, network is unreachable, ...
    if isinstance(error, httpx.DecodingError):
        return "the answer's compression is broken"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "not an http or https address"  # where a redirect led
    if isinstance(error, httpx.RemoteProtocolError):
        return f"bad answer from the server ({_lower(str(error).rstrip('.')) or 'none'})"
    return _lower(str(error).rstrip(".")) or "the request failed"


def _os_cause(error: BaseException) -> OSError | None:
    """The operating system's (or TLS library's) error under httpx's and httpcore's."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _lower(text: str | None) -> str:
    """`Connection refused` as it reads after a colon: `connection refused`."""
    text = (text or "").strip()
    return text[:1].lower() + text[1:]
