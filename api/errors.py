"""One JSON error shape for every failure: {"error": {"code", "message", "details"}}.

Handlers, services and WeChat clients raise a kind of models/errors.py `AppError`; STATUS below is the one table
from kind to HTTP status, and the middleware is the one place that turns an error into a response. What other
libraries raise (pydantic, aiohttp's router, a locked database) is translated into a kind here (docs/errors.md).
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from models.errors import (
    AppError,
    BadRequest,
    Conflict,
    Forbidden,
    Invalid,
    MethodNotAllowed,
    NotFound,
    PayloadTooLarge,
    TooManyAttempts,
    Unauthenticated,
    Unavailable,
    UnsupportedMediaType,
    UpstreamFailed,
)
from models.storage.busy import is_database_busy

log = logging.getLogger(__name__)

# The one table: each kind of error → the HTTP status it answers with.
STATUS: dict[type[AppError], int] = {
    BadRequest: 400,
    Unauthenticated: 401,
    Forbidden: 403,
    NotFound: 404,
    MethodNotAllowed: 405,  # sends Allow
    Conflict: 409,
    PayloadTooLarge: 413,
    UnsupportedMediaType: 415,
    Invalid: 422,
    TooManyAttempts: 429,  # sends Retry-After (details.retry_after_seconds)
    UpstreamFailed: 502,
    Unavailable: 503,  # sends Retry-After when details say retry_after_seconds (database_busy always does)
    AppError: 400,  # a bare AppError: raise a kind instead
}
KIND_OF_STATUS: dict[int, type[AppError]] = {status: kind for kind, status in STATUS.items() if kind is not AppError}
# The codes of the errors aiohttp raises by itself (no route, wrong method, body over client_max_size …).
HTTP_CODES = {
    400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
}
RETRY_AFTER_SECONDS = 2  # database_busy: a lock held elsewhere is usually gone by then


def status_of(exc: AppError) -> int:
    """The HTTP status of an error: its kind's (the nearest one in STATUS)."""
    return next(STATUS[cls] for cls in type(exc).__mro__ if cls in STATUS)


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> web.Response:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return web.json_response(body, status=status)


def render(exc: AppError, headers: Mapping[str, str] | None = None) -> web.Response:
    """The response for an error; Retry-After from `retry_after_seconds` (how long to wait, as HTTP says it)."""
    response = error_response(status_of(exc), exc.code, exc.message, exc.details)
    if "retry_after_seconds" in exc.details:
        response.headers["Retry-After"] = str(exc.details["retry_after_seconds"])
    response.headers.update(headers or {})
    return response


def validation_details(exc: ValidationError) -> dict[str, Any]:
    return {
        "errors": [
            {"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_url=False, include_context=False)
        ]
    }


def _http_exception(exc: web.HTTPException) -> web.Response:
    """aiohttp's own 4xx as a kind (its code from HTTP_CODES); a status no kind has keeps its own number."""
    code = HTTP_CODES.get(exc.status, "http_error")
    message = "请求体过大" if exc.status == 413 else exc.reason
    kind = KIND_OF_STATUS.get(exc.status)
    if kind is None:
        return error_response(exc.status, code, message)
    allow = {"Allow": exc.headers["Allow"]} if "Allow" in exc.headers else None  # 405 names the methods it has
    return render(kind(code, message), allow)


@web.middleware
async def error_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        return await handler(request)
    except AppError as exc:
        return render(exc)
    except ValidationError as exc:
        return render(Invalid("validation_error", "请求参数不正确", **validation_details(exc)))
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return _http_exception(exc)
    except ConnectionResetError:  # the client left while its body was read: no one will read the answer
        log.info("client went away during %s %s", request.method, request.path)
        return render(BadRequest("bad_request", "连接已断开"))
    except Exception as exc:
        if is_database_busy(exc):  # a lock held elsewhere (a large import, another process): try again shortly
            log.warning("database busy on %s %s: %s", request.method, request.path, exc)
            return database_busy_response()
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render_internal_error()


def render_internal_error() -> web.Response:
    """What a failure nobody foresaw answers: no detail leaves the server (it is in the log)."""
    return error_response(500, "internal_error", "服务器内部错误，请稍后再试")


def database_busy_response() -> web.Response:
    """503 `database_busy` with Retry-After: the database is locked by someone else; nothing was written."""
    return render(Unavailable("database_busy", "系统繁忙，请稍后重试"), {"Retry-After": str(RETRY_AFTER_SECONDS)})
