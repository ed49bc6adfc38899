"""Questions about how a product keeps and travels: its shelf life (保质期, 能放多久), whether it is fresh,
frozen, dried or alive (是鲜的还是冻的, 活的还是冻的), how it is shipped (怎么发货, 冷链吗). Answered from what the
product's data says (name, tags, category), and where the data says nothing, honestly so, with where to find out —
never a search.
"""
from __future__ import annotations

import re
from typing import Any

SHELF_LIFE = ("保质期", "保存期", "能放多久", "能放多长", "放多久", "能存多久", "存多久", "放几天", "保存多久",
              "多久会坏", "过期", "怎么保存", "如何保存", "怎么储存", "怎么存放")
STATE = re.compile(r"(?:是|还是|是不是)(?:新鲜|鲜|冷冻|速冻|冰冻|冻|活|干|晒干|风干)的"
                   r"|(?:新鲜|鲜|冷冻|冻|活|干)的还是")  # 是鲜的还是冻的, 活的还是冻的 (not 新鲜的 有吗: a search)
SENT = ("怎么发货", "怎么发快递", "怎么寄", "怎么运", "怎么送货", "怎么配送", "用什么寄", "用什么发", "用什么运",
        "走什么快递", "走冷链", "冷链吗", "泡沫箱", "怎么包装", "包装怎么样", "寄过来会坏", "路上会坏", "会不会坏",
        "会压坏", "冷冻发", "冷藏发", "会不会化", "会化吗", "会化不", "化掉", "会坏吗", "会坏不", "会不会臭")
# How long the parcel takes to come (多久能到北京, 寄到上海要几天, 几天能送到): the shop's shipping times.
TRANSIT = re.compile(r"(?:多久|几天|多长时间|多少天|几日|多快)(?:能|可以|才能|就能|才|就)?"
                     r"(?:送到|寄到|运到|到货|收到|到)"
                     r"|(?:寄到|送到|发到|运到|快递到)\S{0,8}?(?:要|得|需要|大概|大约|一般|能)*"
                     r"(?:几天|多久|多长时间|多少天|几日)")
# A parcel waited for (到哪了, 等了好几天): an order placed, whatever days are said.
_WAITED = re.compile(r"到(?:哪|哪儿|哪里)去?了|等了")
_STATES = (("活", "活的"), ("鲜", "新鲜的"), ("冻干", "冻干的"), ("冻", "冷冻的"), ("干", "干货"))


def asked(text: str) -> bool:
    """The message asks how a product keeps, what state it comes in, or how it travels."""
    return any(w in text for w in SHELF_LIFE + SENT) or STATE.search(text) is not None or transit(text)


def transit(text: str) -> bool:
    """多久能到北京 / 寄到上海要几天: how many days the parcel takes (a question, not a placed order's status; not
    快递到哪儿了嘛，等了好几天了, where a parcel is after days of waiting)."""
    return TRANSIT.search(text) is not None and _WAITED.search(text) is None


def answer(text: str, card: dict[str, Any] | None) -> str:
    name = card["name"] if card is not None else "这款商品"
    if transit(text) and not any(w in text for w in SHELF_LIFE):
        return ("商品由产地的供货商家直接发快递，一般付款后48小时内发出，大部分地区3到5天送到，偏远地区会慢一两天；"
                "发货后在「我的订单」里能看到快递单号和物流。")
    if any(w in text for w in SENT):
        return (f"{name}由产地的供货商家直接发快递，一般付款后48小时内发出；生鲜会加泡沫箱或冰袋包装，"
                "具体用哪家快递、要不要冷链，可以在「我的订单」里联系商家确认。")
    if any(w in text for w in SHELF_LIFE):
        return (f"{name}的商品资料里没有写保质期，包装上印有生产日期和保质期；"
                "想先确认的话，下单前可以联系商家问一下。收到后建议阴凉干燥处存放，生鲜冷藏。")
    said = _state(card) if card is not None else ""
    if said:
        return f"{name}是{said}（商品资料里这么写的）。更细的情况可以联系商家确认。"
    return f"{name}的商品资料里没有写是鲜的、冻的还是活的，下单前可以联系商家确认。"


def _state(card: dict[str, Any]) -> str:
    """The state the product's own data names (鲜 in 鲜天麻 or the tag 鲜果, 冻干 in 冻干松茸, 干 in 干片), else ''."""
    words = [card["name"], *card.get("tags", ()), card.get("category", "") or ""]
    for mark, said in _STATES:
        if any(mark in w for w in words):
            return said
    return ""
