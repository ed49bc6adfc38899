"""A baby's formula or a milk powder of a brand or a stage, said with 奶粉, is never ours; nor is food made for babies
(宝宝辅食, 婴儿米粉: 没有找到, never a grown-up's snack recommended for a baby).

The shop's only milk powder is a yak's (红原牦牛奶粉), fine for grown-ups, never a baby's formula. Milk powder said with
a brand (美赞臣奶粉多少钱, a2 奶粉两罐, 飞鹤奶粉来一罐), a stage (1段奶粉, 3段奶粉 飞鹤, 二段奶粉) or a baby
(宝宝吃什么奶粉好, 婴儿奶粉有吗, 新生儿奶粉) asks for something else: 没有找到「…」 with nothing listed, not even as an
alternative, nothing drafted, and a recommendation names nothing of ours as fitting. Said with the animal or the
product's own words (牦牛奶粉 宝宝能喝吗, 红原奶粉) it is the shop's product, as usual; 奶粉 alone is left to
bot.other_milks (没有找到「奶粉」, the yak's listed as an alternative, for a grown-up asking).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.other_milks import ANIMAL

if TYPE_CHECKING:
    from bot.understanding import Understanding

_POWDER = re.compile(r"奶粉|配方奶")
# A stage of formula (1段, 三段), a baby or a child, a month of age: a baby's formula is asked for.
_STAGE = r"[1-4１-４一二三四]\s*段"
_BABY = (r"宝宝|婴儿|婴幼儿|新生儿|幼儿|儿童|孩子|小孩|娃娃?|小朋友|配方|月龄|[0-9一二三四五六七八九十]+个?月(?:大|的)?"
         r"|周岁|早产")
_SIGN = re.compile(rf"(?:{_STAGE}|{_BABY})")
# A brand in Latin letters or with digits beside the powder (a2 奶粉, Aptamil奶粉): not a word of the catalogue.
_LATIN_BRAND = re.compile(r"[A-Za-z][A-Za-z0-9]*\s*(?=奶粉|配方奶)")
# The product words that only say "milk powder", naming no product of the shop.
_PLAIN = re.compile(r"(?:婴儿|婴幼儿|儿童|宝宝)?(?:奶粉|配方奶粉?|牛奶粉)")
# A name glued before the powder (爱他美奶粉, 来两罐惠氏奶粉): what leads it (the asking, a count) and who or what
# kind of powder it is for (中老年, 全脂, 婴儿) are no brand; what is left of two characters or more is one.
_GLUED = re.compile(r"([\u4e00-\u9fff]{2,8})(?=奶粉|配方奶)")
_LEAD = re.compile(r"^(?:请问|你们|这里|店里|有没有|还有|有|想要|想买|我要|我想|要|来|买|给我|帮我|找|卖|"
                   r"[0-9一二两三四五六七八九十几]+[罐袋箱盒包桶听])+")
_KIND = re.compile(r"(?:婴儿|婴幼儿|儿童|宝宝|成人|中老年人?|老年人?|学生|孕妇|全脂|脱脂|高钙|低脂|纯|普通|进口"
                   r"|国产|正品|好的?|什么|啥|哪种|哪个|便宜|的|牛|速溶|早餐|营养)+")
_TALK = re.compile(r"推荐|适合|[个的给吃喝买要]")  # 推荐个, 适合老人喝的: talk before the powder, no brand
_THING = re.compile(rf"(?:[A-Za-z][A-Za-z0-9]*\s*)?(?:{_STAGE})?(?:婴儿|婴幼儿|新生儿|儿童|宝宝)?(?:奶粉|配方奶粉?)")


# Food made for babies (宝宝辅食有啥推荐, 婴儿米粉, 辅食泥): none of ours is; never a grown-up's snack recommended.
_BABY_FOOD = re.compile(r"(?:宝宝|婴儿|婴幼儿|儿童)?(?:辅食|米粉|米糊|果泥|肉泥|菜泥)(?:泥)?"
                        r"|(?:宝宝|婴儿|婴幼儿)(?:食品|零食)")


def baby_food(words: str) -> bool:
    """宝宝辅食, 婴儿米粉: the words name food made for babies (none of ours is)."""
    return _BABY_FOOD.fullmatch(words.replace(" ", "")) is not None


def _glued_brand(u: Understanding) -> bool:
    """爱他美奶粉, 来两罐惠氏奶粉: a name glued before the powder that is no kind, no asking, no place of ours."""
    for m in _GLUED.finditer(u.spaced):
        name = _LEAD.sub("", m.group(1))
        if len(name) >= 2 and not _KIND.fullmatch(name) and not _TALK.search(name) and not re.search(ANIMAL, name) \
                and not (u.origin and u.origin.mention in name) \
                and not any(len(w) >= 2 and w in name for w in u.product_words):
            u.foreign = name + ("配方奶" if u.spaced.startswith("配方奶", m.end()) else "奶粉")
            return True
    return False


def revise(u: Understanding) -> None:
    """A baby's formula or a branded milk powder (see the module): the thing as said is not found, nothing listed;
    likewise food made for babies, asked with no product of ours named."""
    food = _BABY_FOOD.search(u.text)
    if food and not u.product_words and not u.unrelated and ("辅食" in food.group() or _SIGN.search(u.text)):
        u.foreign = food.group()  # 宝宝辅食有啥推荐: no grown-up's snack offered as a baby's food
        u.product_words, u.origin, u.generic, u.product_text, u.instead, u.bare = [], None, False, u.foreign, "", False
        return
    if not _POWDER.search(u.text) or re.search(ANIMAL, u.text) or u.unrelated:
        return  # 牦牛奶粉 宝宝能喝吗: the shop's product named, asked about
    branded = bool(u.foreign) and _POWDER.search(u.foreign) is not None \
        and _PLAIN.fullmatch(u.foreign.replace(" ", "")) is None  # 美赞臣奶粉: a brand the catalogue lacks
    plain = bool(u.product_words) and all(_PLAIN.fullmatch(w) for w in u.product_words)
    signed = _SIGN.search(u.text) is not None or _LATIN_BRAND.search(u.spaced) is not None  # 1段, 宝宝, a2
    branded = branded or (not signed and _glued_brand(u))  # 爱他美奶粉: a brand cut into the catalogue's 美
    if not (branded or ((plain or not u.product_words) and signed)):
        return
    if not branded:
        found = _THING.search(u.spaced)
        u.foreign = found.group() if found else "奶粉"
        if not re.search(rf"{_STAGE}|[A-Za-z]|婴|儿童|宝宝", u.foreign):
            u.foreign = "婴儿" + u.foreign  # 宝宝吃什么奶粉好: a baby's formula, said as such
    u.product_words, u.origin, u.generic, u.product_text, u.instead, u.bare = [], None, False, u.foreign, "", False
