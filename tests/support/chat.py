"""A consumer talking to the chat assistant over HTTP; every reply is checked against the contract."""
from __future__ import annotations

from tests.support.orders import ADDRESS

CONTRACT = {"reply", "intent", "products", "slots", "order", "suggestions"}


class Chat:
    """One consumer talking to the assistant; every reply is checked against the contract."""

    def __init__(self, client, headers) -> None:
        self.client, self.headers = client, headers

    async def say(self, message: str) -> dict:
        resp = await self.client.post("/api/v1/chat", json={"message": message}, headers=self.headers)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        assert set(body) == CONTRACT
        assert set(body["slots"]) == {"sku", "qty", "amount_fen", "unit", "total_qty_text"}
        assert body["reply"].strip()
        for product in body["products"]:
            assert set(product) == {"sku", "name", "price_fen", "unit", "origin", "stock"}
        return body


async def with_address(chat: Chat) -> Chat:
    resp = await chat.client.post("/api/v1/me/addresses", json=ADDRESS, headers=chat.headers)
    assert resp.status == 201, await resp.text()
    return chat


async def my_orders(chat: Chat) -> list[dict]:
    return (await (await chat.client.get("/api/v1/orders", headers=chat.headers)).json())["items"]
