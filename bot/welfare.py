"""Welfare for a group said without goods: advice (`recommend`), the head count kept.

A company, a village or a group handing something out (给30个员工发福利, 公司年底给员工发点东西, 村里六十个老人
过年慰问, 工会给200名职工准备年货) asks what to give: the shop's suggestions, never 没有找到「员工发福利」 and never an
order of 30 of something. The people counted (30, 六十, 200) are kept on `Understanding.heads`, so a reading of the next
message that has a place for them (每人一袋大米 → 30袋) can take them; the count is no quantity of this message.

A message naming goods (给30个员工每人发一袋大米, 单位发福利 订二十瓶金桔膏) is an order and is left as it was.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.numerals import NUM, to_number

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Who is handed something as a group (员工, 老人, 村民 …), or who hands it out (公司, 单位, 村里, 工会).
_GROUP = (r"员工|职工|同事|工人|环卫工人?|老人|老年人|孤寡老人|老党员|党员|村民|乡亲|贫困户|困难户|低保户|"
          r"留守儿童|孩子们|学生|老师|教师|志愿者|会员|客户|员工们|家属|退休\S{0,2}|社区居民|居民|住户|业主|战士|官兵|医护人员?")
_GIVER = r"公司|单位|企业|厂里|工厂|村里|村委|社区|工会|部门|学校|医院|居委会|街道|协会|商会"
# The act of handing out, with nothing named (发福利, 发点东西, 过年慰问, 准备点年货, 送点心意).
_HANDING = re.compile(r"(?:发|送|搞|准备|弄)(?:点|些|一些|个|一点)?(?:福利|东西|礼品|礼物|年货|心意|节礼|过节费?)"
                      r"|福利|慰问|(?:发|送)点(?:啥|什么)")
_SAID = re.compile(rf"(?:{_GROUP})|(?:{_GIVER})")
# People counted (30个员工, 六十个老人, 200名职工, 50户贫困户, 80位): the count kept for the next message.
_HEADS = re.compile(rf"(?P<num>{NUM})\s*(?:个|名|位|户|人)(?:\S{{0,4}}?(?:{_GROUP}))?")


_READ = frozenset({"search", "order", "fallback", "recommend", "ask_info"})


def revise(u: Understanding) -> None:
    """Welfare for a group with no goods named: `recommend`, nothing looked up, the head count kept (see the module)."""
    if u.product_words or u.origin is not None or u.intent not in _READ or u.card_count is not None \
            or u.money_yuan is not None or re.search("[卡券]", u.text):
        return  # 工会福利，买300张超市购物卡: cards bought, not advice
    if not asked(u.text):
        return
    counted = _HEADS.search(u.text)
    u.heads = _number(counted.group("num")) if counted is not None else None
    u.intent, u.product_text, u.foreign, u.instead, u.unrelated, u.generic = "recommend", "", "", "", "", False
    u.quantity, u.quantities, u.specs = None, [], []


def asked(compact: str) -> bool:
    """A group handed something (发福利, 慰问, 发点东西 beside 员工, 老人, 公司, 村里 …): gifts suit it."""
    return _HANDING.search(compact) is not None and _SAID.search(compact) is not None


def _number(said: str) -> int | None:
    value = to_number(said)
    return int(value) if value is not None and value == int(value) and value > 0 else None
