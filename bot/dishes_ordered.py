"""A cooked dish ordered from a kitchen (点一份宫保鸡丁, 叫一份黄焖鸡米饭, 来份酸辣土豆丝外卖): the
takeaway errand, never the shop's goods.

The shop sells farm products, not meals. Two ways of asking say a dish is wanted cooked and brought, whatever
catalogue word its name holds (腊肉 of 腊肉炒蒜苔, 鸡 of 板栗烧鸡):

* a portion ordered with the verb of ordering a meal, 点 or 叫 (点一份香菇滑鸡饭, 点份椒麻鸡, 叫一份板栗烧鸡外卖,
  外卖点个手抓饭, 帮我点份木须肉盖饭);
* a portion asked for before the dish glued to 外卖 (来份火龙果沙拉外卖, 来份酸辣土豆丝外卖).

Either is `fallback` (the errand's short answer: bot.errands), nothing offered and nothing drafted. A dish ordered
for the shopper counted with 一 (帮我点一份黄焖鸡米饭: the order of a thing not sold, as the
labelled sets 16 and 21 read it), the portion asked after the dish (土豆丝外卖来一份, set 22) and 外卖 said apart from
the dish (来一碗小米粥，外卖, 外卖来份炒饭) are left to bot.takeaway. A product the shop sells by the 份 (来一份腊肉)
names no dish and stays an order: the dish is what is left once the catalogue's own words are taken away, or a cooked
combination (X炒Y, X烧Y, …饭, …面).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

# One portion (a count of two or more, 点两份沙县小吃拌面, is the order of a thing not sold, as set 21 reads it).
_PORTION = r"(?:个|份|碗|杯|盒|一个|一份|一碗|一杯|一盒)"
# 点 / 叫 with a portion, at the start or after who it is for (点一份…, 帮我点份…, 外卖点个…); a cup (帮我点杯…柠檬水)
# is a drink bought, as set 27 reads it.
_ORDERED = re.compile(r"(?:^|帮我|替我|给我|帮忙|外卖|再)(?:点|叫)(?:个|份|碗|一个|一份|一碗)"
                      r"(?P<dish>[\u4e00-\u9fff]{2,12})")
# The dish glued to 外卖 with a portion asked before it (来份…外卖); asked after it (土豆丝外卖来一份) it is the order
# of a thing not sold, as set 22 reads it.
_GLUED = re.compile(rf"^(?:来|要){_PORTION}(?P<dish>[\u4e00-\u9fff]{{2,12}}?)外卖")
# Counted with 一 for the shopper (帮我点一份…): the order of a thing not sold, as the kept sets read it.
_FOR_ME_COUNTED = re.compile(r"(?:帮|替)(?:我|忙)(?:点|叫)一")
# A cooked combination: a cooking word between two foods, a meal's word at its end, a dish's own word.
_COOKED = re.compile(r"[\u4e00-\u9fff](?:炒|烧|炖|焖|滑|拌|烤|炸|煎|卤|煲|蒸|泡|切|扒|爆)[\u4e00-\u9fff]"
                     r"|(?:饭|面|粉|粥|汤|羹|鸡丁|肉丝|沙拉|奶茶|套餐|盖饭|馍|排|串|锅|鸡)$")
_ASKED = frozenset({"search", "order", "ask_price", "ask_info", "fallback"})


def dish(spaced: str) -> str:
    """The dish ordered from a kitchen in the message (see the module), or "". It is the message's first run of
    words; what follows may only say where it is sent (点个披萨 必胜客 names a chain: as set 27 reads it, an order)."""
    runs = spaced.split()
    if not runs or _FOR_ME_COUNTED.search(runs[0]) or any(not r.startswith(("送", "外卖")) for r in runs[1:]):
        return ""
    found = _ORDERED.search(runs[0]) or _GLUED.search(runs[0])
    if found is None:
        return ""
    said = found.group("dish").removesuffix("外卖")
    return said if len(said) >= 2 else ""


def revise(u: Understanding) -> None:
    """A dish ordered from a kitchen (see the module): the errand, `fallback`, nothing of the goods kept."""
    if u.intent not in _ASKED or u.unrelated not in ("", "service"):
        return
    said = dish(u.spaced.lower())
    if not said or not (_COOKED.search(said) or not any(len(w) >= 2 and w in said for w in u.product_words)):
        return
    u.unrelated, u.intent, u.quantity, u.quantities, u.money_yuan = "service", "fallback", None, [], None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
