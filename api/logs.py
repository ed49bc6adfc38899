"""Logging: plain text for a terminal (the default) or one JSON object per line (`LOG_FORMAT=json`), every line
written while a request is answered carrying that request's id, user, role, route template and time so far.

The request's fields travel in a context variable (`REQUEST`) that api/observe.py sets for the request's task;
the access log line, written by aiohttp after the handler, reads them from the request itself
(api/access_log.py). Secrets never reach a line: the access log masks the request target, and every message is
passed through `scrub` (pay codes, printed card QR texts, counter codes and bearer tokens become `***`).
"""
from __future__ import annotations

import json
import logging
import re
import time
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

FORMATS = ("text", "json")
MASK = "***"
_SECRET = re.compile(r"\bAX[12M](?:\.|%2[Ee])[^\s&#?/\"',]*|(?i:bearer)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)


@dataclass
class RequestLog:
    """What every log line of one request says about it."""

    request_id: str
    method: str
    route: str = "unmatched"
    user_id: int | None = None
    role: str | None = None
    started: float = field(default_factory=time.perf_counter)

    def fields(self) -> dict[str, Any]:
        return {"request_id": self.request_id, "method": self.method, "route": self.route, "user_id": self.user_id,
                "role": self.role, "duration_ms": round((time.perf_counter() - self.started) * 1000, 2)}


REQUEST: ContextVar[RequestLog | None] = ContextVar("aixin_request_log", default=None)


def identify(user_id: int, role: str) -> None:
    """The request's user, once its token is resolved (api/auth.py)."""
    current = REQUEST.get()
    if current is not None:
        current.user_id, current.role = user_id, role


def scrub(text: str) -> str:
    """`text` with code-shaped secrets and bearer tokens masked; cheap when there is nothing to mask."""
    if "AX" not in text and "ax" not in text and "earer" not in text:
        return text
    return _SECRET.sub(MASK, text)


class RequestFields(logging.Filter):
    """Puts the current request's fields on each record (`record.request`), unless the record brings its own
    (the access log line)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request"):
            current = REQUEST.get()
            record.request = current.fields() if current is not None else None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "pid": record.process,
            "message": scrub(record.getMessage()),
        }
        line.update(getattr(record, "request", None) or {})
        if record.exc_info:
            line["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The classic line, with ` [request_id user=… role=… route=… 12.3ms]` after the message during a request."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s[%(process)d]: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = scrub(super().format(record))
        request = getattr(record, "request", None)
        if request:
            text += (f" [{request['request_id']} user={request['user_id'] or '-'} role={request['role'] or '-'} "
                     f"route={request['method']} {request['route']} {request['duration_ms']}ms]")
        return text


def handler(log_format: str, stream: TextIO | None = None) -> logging.Handler:
    """A stream handler (stderr by default) writing `log_format` lines with the request's fields."""
    out = logging.StreamHandler(stream)
    out.setFormatter(JsonFormatter() if log_format == "json" else TextFormatter())
    out.addFilter(RequestFields())
    return out


def configure(level: str, log_format: str = "text") -> None:
    """The process's logging: one handler on the root logger (replacing any earlier one)."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler(log_format))
    root.setLevel(level.upper())
    logging.getLogger("jieba").setLevel(logging.WARNING)
