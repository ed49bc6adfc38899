"""Certification asked of a kind of goods the shop sells several of (你们的茶叶有认证吗, 腊肉是扶贫产品吗, Hi, 你们的
tea 有 certification 吗?): every product is certified, each with its own certificate, so the answer lists them, never
the certificate of the first one found as if the kind were that product (it answered 是的，六安瓜片 125g是认定扶贫产品
and took that tea as "this one"). One product, or the sizes of one (六安瓜片有认证吗), keeps its certificate's answer.
"""
from __future__ import annotations

import re
from typing import Any

from bot import shop_questions
from bot.replies import origin_of

SHOW = 5


def _family(card: dict[str, Any]) -> str:
    """六安瓜片 125g → 六安瓜片: the name without a closing size (the sizes of one product are one family)."""
    name = str(card.get("name", ""))
    head, _, last = name.rpartition(" ")
    return head if head and re.search(r"\d", last) else name


def several(text: str, cards: list[dict[str, Any]]) -> bool:
    """Whether certification is asked of goods of more than one product (sizes of one product aside)."""
    return len({_family(c) for c in cards}) > 1 and shop_questions.says(text, shop_questions.CERTIFIED)


def answer(cards: list[dict[str, Any]]) -> str:
    """这几款都是认定扶贫产品 with each one's certificate, the first few of them."""
    lines = [f"{i}. {c['name']}：认定证书{(c.get('certificate') or {}).get('cert_no', '')}，产自{origin_of(c)}"
             for i, c in enumerate(cards[:SHOW], 1)]
    more = f"\n（共{len(cards)}款，说商品名可以看它的证书）" if len(cards) > SHOW else ""
    return ("这里卖的都是经认定的扶贫产品，每款都有认定证书：\n" + "\n".join(lines) + more
            + "\n想看哪一款？说“第一个”或直接说名字就行。")
