"""Parsing request bodies, query strings and path parameters into pydantic models: the one place input enters.

Refused here, the same way on every route and both engines, before anything reaches a query:
- a body that is not JSON (400 `malformed_json`), or nested deeper than MAX_DEPTH (400 `body_too_deep`: the
  standard parser recursed until RecursionError);
- a NUL character in any string of a body (keys too), a query or a path (422 `validation_error`: PostgreSQL
  cannot store it in text);
- the wrong shape (422 `validation_error`, from the models; see api/schemas/common.py for the shared types that
  bound ids, days and PATCH fields).
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Mapping
from itertools import accumulate
from typing import Any, TypeVar

import orjson
from aiohttp import BodyPartReader, web
from pydantic import BaseModel

from models.errors import BadRequest, Invalid

M = TypeVar("M", bound=BaseModel)

MAX_DEPTH = 64  # arrays and objects inside one another; no request of this API needs more than a handful
NUL = "\x00"
_NUL_ESCAPE = b"\\u0000"  # the only way a NUL can be written in valid JSON text
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _BRACKETS)
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in JSON text (brackets inside strings do not count); C-speed passes."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0  # cannot be too deep: not worth measuring
    brackets = _STRING.sub(b'""', raw).translate(None, _NOT_BRACKETS)
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def _nul_locations(value: Any, loc: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Where NUL characters sit in parsed JSON (its depth already bounded, so recursion is safe)."""
    if isinstance(value, str):
        if NUL in value:
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            if NUL in key:
                yield (*loc, key.replace(NUL, "\\u0000"))
            yield from _nul_locations(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _nul_locations(item, (*loc, str(i)))


def _refuse_nul(locations: list[tuple[str, ...]]) -> None:
    if locations:
        errors = [{"loc": list(loc), "msg": "不能含有 NUL 字符（\\u0000）", "type": "string_contains_nul"}
                  for loc in locations]
        raise Invalid("validation_error", "请求参数不正确", errors=errors)


def load_json(raw: bytes) -> Any:
    """The body as Python values, or the 400/422 above. orjson also refuses what the standard parser let through
    to the database: lone surrogates, NaN, integers of thousands of digits."""
    if json_depth(raw) > MAX_DEPTH:
        raise BadRequest("body_too_deep", f"请求体嵌套过深（最多 {MAX_DEPTH} 层）", max_depth=MAX_DEPTH)
    try:
        data = orjson.loads(raw or b"null")
    except orjson.JSONDecodeError:
        raise BadRequest("malformed_json", "请求体不是合法的 JSON") from None
    if _NUL_ESCAPE in raw:
        _refuse_nul(list(_nul_locations(data)))
    return data


async def parse_json(request: web.Request, model: type[M]) -> M:
    """400 `malformed_json` / `body_too_deep`; 422 `validation_error` (NUL here, the wrong shape via middleware)."""
    data = load_json(await request.read())
    if data is None:
        data = {}
    return model.model_validate(data)


async def form_parts(request: web.Request) -> AsyncIterator[BodyPartReader]:
    """The parts of a multipart body; 400 `malformed_multipart` when aiohttp cannot read it (no boundary, …)."""
    try:
        async for part in await request.multipart():
            if isinstance(part, BodyPartReader):
                yield part
    except (ValueError, AssertionError):
        raise BadRequest("malformed_multipart", "multipart 表单格式不正确") from None


def _text_params(params: Mapping[str, str]) -> dict[str, str]:
    _refuse_nul([(key.replace(NUL, "\\u0000"),) for key, value in params.items() if NUL in key or NUL in value])
    return dict(params)


def parse_query(request: web.Request, model: type[M]) -> M:
    return model.model_validate(_text_params(request.query))


def parse_path(request: web.Request, model: type[M]) -> M:
    return model.model_validate(_text_params(request.match_info))
