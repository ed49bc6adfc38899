"""Honey and babies: a shopper who says a baby with honey in view (宝宝能吃蜂蜜吗, 给一岁的宝宝买点蜂蜜) is told that
babies under one must not eat honey (infant botulism: the advice of the WHO and of China's dietary guidelines
for infants), whatever the reply lists or drafts. No other health advice is given (bot.recipients.HEALTH_NOTE)."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

# A baby or a small child, or an age in months or years (10个月大, 一岁半的): not 保质期18个月 (no 大/的/宝宝 after).
_BABY_SAID = re.compile(r"宝宝|婴儿|婴幼儿|新生儿|幼儿|孩子|小孩|娃|小朋友|小宝"
                        r"|[0-9一两二三四五六七八九十]+(?:个月|岁)半?(?:大|的|宝宝|孩子|娃)")
NOTE = "\n提醒：一岁以内的宝宝不能吃蜂蜜；大一点的孩子吃多少，请听医生的建议。"
# Advice for a small child (宝宝一岁半 吃点啥好): the shop's goods are for grown-ups first; said plainly.
SMALL_CHILD = "\n提醒：给小宝宝吃的请看配料、按月龄挑，整粒坚果、硬糖容易呛到；拿不准的请听医生的建议。"


# Honey by its name: 蜂蜜, or a word ending in 蜜 (椴树蜜 500g, 百花蜜), not 蜜桔 nor 蜜饯.
_HONEY = re.compile(r"蜂蜜|蜜(?=$|\s|\d)")


def is_honey(card: Mapping[str, Any]) -> bool:
    return _HONEY.search(card["name"]) is not None


def note(text: str, cards: Sequence[Mapping[str, Any]], intent: str = "") -> str:
    """The caution, when a baby is said and honey is among the products of the reply (or asked of); for advice
    asked for a small child, the general one."""
    if not _BABY_SAID.search(text):
        return ""
    if "蜂蜜" in text or any(is_honey(c) for c in cards):
        return NOTE
    return SMALL_CHILD if intent == "recommend" and cards else ""
