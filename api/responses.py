"""JSON responses serialised with orjson (several times faster than json for product lists)."""
from __future__ import annotations

from typing import Any

import orjson
from aiohttp import web
from pydantic import BaseModel


def json_ok(data: Any, status: int = 200) -> web.Response:
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    return web.Response(body=orjson.dumps(data), status=status, content_type="application/json")
