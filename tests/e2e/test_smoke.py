"""The browser reaches the real server at all (the other e2e tests assume it)."""
from __future__ import annotations

from typing import Any


def test_api_docs_page_lists_the_api(page: Any) -> None:
    page.goto("/api/docs")
    assert page.title() == "爱心助农 API 文档"
    page.get_by_text("/api/v1/chat").first.wait_for()
