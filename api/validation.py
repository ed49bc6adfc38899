"""Parsing request bodies and query strings into pydantic models."""
from __future__ import annotations

import json
from typing import TypeVar

from aiohttp import web
from pydantic import BaseModel

from api.errors import ApiError

M = TypeVar("M", bound=BaseModel)


async def parse_json(request: web.Request, model: type[M]) -> M:
    """400 `malformed_json` for bytes that are not JSON; 422 `validation_error` (via middleware) for the wrong shape."""
    raw = await request.read()
    try:
        data = json.loads(raw or b"null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ApiError(400, "malformed_json", "请求体不是合法的 JSON") from None
    if data is None:
        data = {}
    return model.model_validate(data)


def parse_query(request: web.Request, model: type[M]) -> M:
    return model.model_validate(dict(request.query))


def parse_path(request: web.Request, model: type[M]) -> M:
    return model.model_validate(dict(request.match_info))
