"""One JSON error shape for every failure: {"error": {"code", "message", "details"}}."""
from __future__ import annotations

import logging
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from models import errors as domain
from models.db_busy import is_database_busy

log = logging.getLogger(__name__)

DOMAIN_STATUS: dict[type[domain.DomainError], int] = {
    domain.NotFound: 404,
    domain.Invalid: 422,
    domain.Conflict: 409,
    domain.Forbidden: 403,
    domain.Unauthenticated: 401,
    domain.Unavailable: 503,
    domain.TooManyAttempts: 429,
}
HTTP_CODES = {
    400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "payload_too_large", 415: "unsupported_media_type",
}


class ApiError(Exception):
    """An error decided at the HTTP edge (bad JSON, missing token, WeChat failures)."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> web.Response:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return web.json_response(body, status=status)


def validation_details(exc: ValidationError) -> dict[str, Any]:
    return {
        "errors": [
            {"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_url=False, include_context=False)
        ]
    }


@web.middleware
async def error_middleware(request: web.Request, handler: Any) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message, exc.details)
    except domain.DomainError as exc:
        status = next(s for cls, s in DOMAIN_STATUS.items() if isinstance(exc, cls)) if type(exc) is not domain.DomainError else 400
        response = error_response(status, exc.code, exc.message, exc.details)
        if "retry_after_seconds" in exc.details:  # an abuse limit (429): how long to wait, as HTTP says it
            response.headers["Retry-After"] = str(exc.details["retry_after_seconds"])
        return response
    except ValidationError as exc:
        return error_response(422, "validation_error", "请求参数不正确", validation_details(exc))
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        code = HTTP_CODES.get(exc.status, "http_error")
        message = "请求体过大" if exc.status == 413 else exc.reason
        response = error_response(exc.status, code, message)
        if "Allow" in exc.headers:  # 405 says which methods the resource has
            response.headers["Allow"] = exc.headers["Allow"]
        return response
    except ConnectionResetError:  # the client left while its body was read: no one will read the answer
        log.info("client went away during %s %s", request.method, request.path)
        return error_response(400, "bad_request", "连接已断开")
    except Exception as exc:
        if is_database_busy(exc):  # a lock held elsewhere (a large import, another process): try again shortly
            log.warning("database busy on %s %s: %s", request.method, request.path, exc)
            return database_busy_response()
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "服务器内部错误")


RETRY_AFTER_SECONDS = 2


def database_busy_response() -> web.Response:
    """503 `database_busy` with Retry-After: the database is locked by someone else; nothing was written."""
    response = error_response(503, "database_busy", "系统繁忙，请稍后重试")
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
