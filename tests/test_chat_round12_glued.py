"""Twelfth round of honesty: a catalogue word glued to a head noun jieba's dictionary does not know (发膜, 手膜) names
another thing, which the shop does not sell (bot/glued_heads.py). Sentences of our own over the demo catalogue, as the
shopper sees them (reply, products offered, draft). Guards: the catalogue's own products glued to a size, a quality or
a processed form it sells still match.
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once

GLUED = [("橄榄油发膜", "橄榄油发膜"), ("核桃发膜 有吗", "核桃发膜"), ("小米发膜", "小米发膜"),
         ("猕猴桃发膜多少钱一瓶", "猕猴桃发膜"), ("要两瓶蜂蜜发膜", "蜂蜜发膜"), ("木耳发膜，滋润的", "木耳发膜")]


async def said(client, message: str) -> dict:
    return await say_once(client, message, name="round12")


def names(body: dict) -> list[str]:
    return [p["name"] for p in body["products"]]


async def test_a_glued_unknown_head_is_not_found(client):
    async def check(message, thing):
        body = await said(client, message)
        assert f"没有找到「{thing}」" in body["reply"], body["reply"]

    await each_case(check, GLUED, spread=True)


async def test_a_glued_unknown_head_offers_no_product(client):
    async def check(message):
        body = await said(client, message)
        assert body["products"] == [], body["reply"]

    await each_case(check, [m for m, _ in GLUED])


async def test_a_glued_unknown_head_drafts_nothing(client):
    async def check(message):
        body = await said(client, message)
        assert body["slots"]["sku"] is None, body["reply"]

    await each_case(check, [m for m, _ in GLUED])


async def test_the_catalogues_own_words_glued_to_a_size_or_quality_still_match(client):
    async def check(message, offered):
        body = await said(client, message)
        assert any(offered in n for n in names(body)), body["reply"]

    await each_case(check, [
    ("核桃 薄皮", "核桃"), ("薄皮核桃", "核桃"), ("核桃新货", "核桃"), ("纸皮核桃", "纸皮核桃"), ("蜂蜜 500g", "蜂蜜"),
    ("土鸡蛋", "鸡蛋"), ("三七粉", "文山三七粉"), ("辣椒面", "甘谷辣椒面"), ("橄榄油 1L", "武都橄榄油"),
    ("广生源鸡蛋礼盒装", "广生源鸡蛋"), ("武都橄榄油 500ml", "武都橄榄油")], spread=True)


async def test_olive_oil_by_the_litre_is_still_drafted(client):
    body = await said(client, "橄榄油 1L")
    assert body["slots"]["sku"] == "GS-WD-0002", body["reply"]
