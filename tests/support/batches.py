"""Card batches: the batch body, issuing one and waiting for it, activating it and reading its cards."""
from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from aiohttp.test_utils import TestClient

from models.clock import today_shanghai

BATCHES = "/api/v1/admin/card-batches"
FACE = 20000


def batch_body(**overrides: Any) -> dict[str, Any]:
    body = {"organization": "广州某某集团", "face_value_fen": FACE, "count": 2500,
            "expires_at": (today_shanghai() + timedelta(days=365)).isoformat(), "note": "2026 年以购代捐"}
    return {**body, **overrides}


async def wait_issued(client: TestClient, headers: dict[str, str], batch_id: int) -> tuple[dict, list[int]]:
    """Poll the batch until it leaves `issuing`; returns it and every `done` seen."""
    seen: list[int] = []
    for _ in range(1200):
        resp = await client.get(f"{BATCHES}/{batch_id}", headers=headers)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        seen.append(body["done"])
        if body["state"] != "issuing":
            return body, seen
        await asyncio.sleep(0.05)
    raise AssertionError(f"batch {batch_id} still issuing: {seen[-5:]}")


async def create_and_issue(client: TestClient, headers: dict[str, str], **overrides: Any) -> dict:
    resp = await client.post(BATCHES, json=batch_body(**overrides), headers=headers)
    assert resp.status == 202, await resp.text()
    created = await resp.json()
    assert created["state"] == "issuing"
    assert created["total"] == created["count"]
    batch, seen = await wait_issued(client, headers, created["id"])
    assert seen == sorted(seen)
    return batch


async def batch_cards(client, admin, batch_id: int) -> list[dict]:
    body = await (await client.get(f"{BATCHES}/{batch_id}/cards", headers=admin)).json()
    return body["items"]


async def activated_batch(client, admin, **overrides) -> tuple[dict, list[dict]]:
    batch = await create_and_issue(client, admin, **overrides)
    resp = await client.post(f"{BATCHES}/{batch['id']}/activate", headers=admin)
    assert resp.status == 200, await resp.text()
    return batch, await batch_cards(client, admin, batch["id"])
