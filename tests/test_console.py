"""The web console's files: served from assets/static, nothing outside it, and Chinese for every error code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient

from api.handlers.console import PAGES, STATIC

ROOT = Path(__file__).resolve().parents[1]
# An error code is the first string given to a kind of error (models/errors.py; after the status for
# error_response) or the first of a ("code", "中文…") pair (a kind may come first: (BadRequest, "code", "中文…")).
_PAIRED = re.compile(r'\(\s*(?:[A-Z]\w*,\s*)?"([a-z][a-z0-9]*_[a-z0-9_]+)",\s*[rf]?"[^"]*[\u4e00-\u9fff]')


def _raised() -> re.Pattern[str]:
    from models import errors

    kinds = sorted(name for name, obj in vars(errors).items()
                   if isinstance(obj, type) and issubclass(obj, errors.AppError))
    return re.compile(rf'\b(?:{"|".join(kinds)}|error_response)\(\s*(?:\d{{3}},\s*)?"([a-z][a-z0-9_]*)"')


def _codes_in_source() -> set[str]:
    from api.errors import HTTP_CODES

    codes, raised = set(HTTP_CODES.values()), _raised()
    for folder in ("api", "models"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            codes |= set(raised.findall(text)) | set(_PAIRED.findall(text))
    return codes


def test_every_error_code_has_chinese_text() -> None:
    mapped = set(re.findall(r"^\s+([a-z][a-z0-9_]*):", (STATIC / "error-text.js").read_text(), re.M))
    codes = _codes_in_source()
    assert len(codes) > 80  # the scan still finds the codes
    assert codes - mapped == set()


@pytest.mark.parametrize("url", sorted(PAGES))
async def test_pages_are_served_as_html(client: TestClient, url: str) -> None:
    reply = await client.get(url)
    assert reply.status == 200
    assert reply.content_type == "text/html"
    html = await reply.text()
    assert '<html lang="zh-CN">' in html
    for script in re.findall(r'<script src="(/static/[^"]+)"', html):
        assert (await client.get(script)).status == 200


async def test_static_files_never_leave_the_folder(client: TestClient) -> None:
    assert (await client.get("/static/console.js")).status == 200
    for path in ("/static/../main.py", "/static/%2e%2e/main.py", "/static/..%2fmain.py", "/static/missing.js",
                 "/static/secret_key", "/static/.hidden.js"):
        assert (await client.get(path)).status == 404, path


async def test_console_pages_are_not_in_the_api_document(client: TestClient) -> None:
    paths = (await (await client.get("/api/v1/openapi.json")).json())["paths"]
    assert "/" not in paths
    assert "/admin" not in paths
    assert not any(p.startswith("/static") for p in paths)
