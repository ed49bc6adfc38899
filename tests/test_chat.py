"""The chat assistant through `POST /api/v1/chat`, over a real database."""
from __future__ import annotations

from tests.helpers import consumer_headers


async def test_chat_answers_in_the_contract_shape(client):
    headers = await consumer_headers(client)
    resp = await client.post("/api/v1/chat", json={"message": "你好"}, headers=headers)
    assert resp.status == 200
    body = await resp.json()
    assert set(body) == {"reply", "intent", "products", "slots", "order", "suggestions"}
    assert body["intent"] == "greet"
