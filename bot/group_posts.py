"""A message forwarded from a group chat: its forwarding marks (【转发】, @所有人, @王会计, 👉) say nothing of what is
asked, and a group's own promotion (今晚8点直播间抢红包 速度进群, 扫码进群领券) asks nothing of the shop:
the shop says what it is, never 没有找到「…」 of the post's words."""
from __future__ import annotations

import re

_MARKS = re.compile(r"【转发】|\[转发\]|^转发[:：]|@[^\s@，,:：]{1,12}(?=[\s，,:：]|$)|[👉👈👇👆🧧]")
# (帮我砍一刀, 助力: another platform's errand, answered as one: bot.errands)
_PROMOTION = re.compile(r"抢红包|进群|拉群|入群|加群|群里|直播间(?:抢|领|下单|见)|扫码(?:进|加|领)|点击链接|戳链接"
                        r"|拼团链接")
REPLY = ("这像是群里转发的消息。这里是爱心助农的购物助手，不发红包、不拉群；"
         "想买扶贫产品或爱心卡，直接告诉我要什么就行。")


def plain(text: str) -> str:
    """【转发】@王会计 团购枸杞礼盒 → 团购枸杞礼盒: the marks of forwarding dropped."""
    return _MARKS.sub(" ", text) if ("@" in text or "转发" in text or any(e in text for e in "👉👈👇👆🧧")) else text


def promotion(text: str) -> bool:
    """今晚8点直播间抢红包 速度进群: a group's promotion, nothing asked of the shop."""
    return _PROMOTION.search(text) is not None
