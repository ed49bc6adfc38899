"""The access log, with secrets taken out of the logged URLs.

Pay codes travel in query strings (`GET …/pay-code.png?code=AX2.…`), and a pay code or a printed card's QR text is
money for whoever reads it within its lifetime: logs are kept longer and read by more people than that. Every
query value whose name says it is a secret, and anything shaped like one of our codes (AX1., AX2., AXM., in the
path too), is logged as `***`.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from api.observe import LOG as LOG_KEY

SECRET_PARAMS = frozenset({
    "code", "token", "qr", "claim_code", "pay_code", "access_token", "secret", "password", "signature",
    "msg_signature", "echostr", "key", "ticket",
})
# Our codes: AX1.<card>.<mac>, AX2.<card>.<counter>.<step>.<otp>, AXM.<…>; the dot may arrive as %2E.
_CODE = re.compile(r"AX[12M](?:\.|%2[Ee])[^\s&#?/\"]*", re.IGNORECASE)
_PARAM = re.compile(r"([?&;])([^=&;#]*)=([^&;#]*)")
MASK = "***"


def redact(target: str) -> str:
    """A request target (path and query) with secret query values and code-shaped text masked."""
    if "?" not in target and "ax" not in target.lower():
        return target  # the common case, cheaply

    def param(match: re.Match[str]) -> str:
        sep, name, value = match.groups()
        return f"{sep}{name}={MASK}" if name.lower() in SECRET_PARAMS and value else match.group(0)

    path, mark, query = target.partition("?")
    if mark:
        target = path + _PARAM.sub(param, "?" + query)
    return _CODE.sub(MASK, target)


class RedactingAccessLogger(AbstractAccessLogger):
    """`<peer> "<method> <redacted target> HTTP/x.y" <status> <bytes> <seconds>s`, at INFO on `aiohttp.access`."""

    @property
    def enabled(self) -> bool:
        return self.logger.isEnabledFor(logging.INFO)

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        version = request.version
        self.logger.info(
            '%s "%s %s HTTP/%d.%d" %d %d %.6fs', request.remote or "-", request.method, redact(request.path_qs),
            version.major, version.minor, response.status, response.body_length, time,
            extra={"request": _request_fields(request, response, time)})


def _request_fields(request: web.BaseRequest, response: web.StreamResponse, time: float) -> dict[str, Any] | None:
    """The request's log fields (api/logs.py), with the whole request's duration and its status."""
    log = request.get(LOG_KEY)
    if log is None:  # answered before the middlewares (an unparsable request)
        return None
    return {**log.fields(), "duration_ms": round(time * 1000, 2), "status": response.status}


# What the server's runner is given (main.py), and what the tests start their servers with.
RUNNER_KWARGS: dict[str, Any] = {"access_log_class": RedactingAccessLogger}
