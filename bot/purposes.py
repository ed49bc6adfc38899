"""A purpose, an occasion or whom the goods are shared with, said beside an order (核桃要4斤 给我爸妈和我舅分,
30斤橙子 办公室下午茶用, 鸡蛋要60个 车间里发, 来只土鸡 煲汤, 给孩子熬粥 小米来两袋): no part of the product's name.

A clause (a run between spaces or punctuation, or the tail after a quantity that begins with 给 / 拿去 / 带回 / 用来 …)
is a purpose when it names no catalogue word, holds no quantity and no word of buying more (还要, 买 …), and either
holds a word of use (`phrasing.PURPOSES`, 下午茶, 食堂, 团建 …) or ends in a verb of use (用 吃 喝 分 发 送 尝 …), and
another clause of the message names a catalogue word or a count (给几个孙子吃的 来60个: the goods talked about).
A purpose that names a thing (夹核桃用: 核桃 is in it) is left to the honesty rules.
"""
from __future__ import annotations

import re
from collections.abc import Collection

from bot import numerals
from bot.phrasing import PURPOSES
from models.search.synonyms import expand

# A business's kitchen or stock the goods are for (后厨备货, 饭店后厨, 给店里, 店里进货): whom, never goods.
BUSINESS_USES = ("后厨", "备货", "进货", "囤货", "店里", "饭店", "饭馆", "餐馆", "餐厅", "酒楼", "馆子", "门店")
# An event the goods are for (班级活动，一共800块，买点水果给孩子们): when, never goods.
OCCASIONS = ("班级活动", "学校活动", "社区活动", "公司活动", "单位活动", "搞活动", "办活动", "活动用", "运动会",
             "联欢会", "春游", "秋游", "家长会", "六一", "儿童节", "开会用", "会议用", "茶话会")
USES = (*PURPOSES, "下午茶", "食堂", "团建", "聚餐", "招待", "福利", "慰问", "年会", "尝鲜", "尝尝", "送礼", "送人",
        "过节", "老家", "煲", "炖", "熬", "蒸", "榨汁", "做饭", "包饺子", "分着", "分一分", "分分", "大家",
        *BUSINESS_USES, *OCCASIONS)
_LEAD = r"(?:给|拿去|拿来|带去|带回|带给|用来|用于|留着|准备|打算|送给)"
_USE_END = re.compile(r"[用吃喝分发送尝]+(?:的|吧|啊|呀|了|哈)?$")
_TAIL = re.compile(rf"{_LEAD}\S*$")
_MORE = re.compile(r"还要|再要|也要|另外|还有|买|订|要[一两二三四五六七八九十几个点些]")


def _catalogue_word(text: str, words: Collection[str]) -> bool:
    """A catalogue word, or a synonym of one (调料 of the 调味品), in `text`."""
    pieces = [text[i:j] for i in range(len(text)) for j in range(i + 2, min(len(text), i + 10) + 1)]
    return any(p in words for p in pieces) or any(w in words for p in pieces for w in expand(p) - {p})


# A body's ache said as a clause of its own (站一夜 脚疼 鞋垫, 腰酸 要个靠垫): why the goods are wanted, no word of a
# brand or a name (脚疼 was read as an unknown word, and 鞋垫 then not found).
_AILING = re.compile(r"(?:[我俺]的?|老是|总是|经常|天天|每天)*(?:(?:脚底|脚后跟|脚|腿|腰|背|肩膀|肩|颈椎|脖子|膝盖"
                     r"|手|眼睛|嗓子|喉咙|胃|肚子|头)(?:有点|老是|总|好|很|太|都|特别|又)?(?:疼|痛|酸|麻|冷|凉|累|干|肿|痒))+"
                     r"(?:了|死了|得很|得慌|啊|呀)?")


def _is_purpose(clause: str, words: Collection[str]) -> bool:
    if not clause or _catalogue_word(clause, words) or _MORE.search(clause) or numerals.quantities(clause):
        return False
    return any(w in clause for w in USES) or bool(_USE_END.search(clause)) or bool(_AILING.fullmatch(clause))


def _candidates(spaced: str) -> list[tuple[int, int, bool]]:
    """(start, end) in the compact text of each clause and of each tail after a quantity, and whether whole."""
    out: list[tuple[int, int, bool]] = []
    at = 0
    for clause in spaced.split():
        out.append((at, at + len(clause), True))
        found = numerals.quantities(clause)
        if found:
            tail = _TAIL.search(clause, found[-1].end)
            if tail and tail.start() == found[-1].end:
                out.append((at + tail.start(), at + len(clause), False))
        at += len(clause)
    return out


# A dish made of the goods, glued right after them (小米熬米油, 红枣煲汤, 黄豆打豆浆用): what they are for.
# The dish ends in what cooking the goods gives (粥, 汤, 米油, 水, 豆浆 …): 西红柿炒蛋 and 维C泡腾片 are things asked
# for, not what the tomatoes or anything else is for.
_DISH = re.compile(r"(?:熬|煮|炖|煲|蒸|泡|打|做|包|磨)(?P<dish>[\u4e00-\u9fff]{0,3}?(?:粥|汤|米油|水|豆浆|米糊|糊|酒|茶"
                   r"|饭|饺子|包子|粽子|汤圆|年糕|馒头))(?:用|吃|喝)?(?:的)?$")


def glued_use_spans(spaced: str, words: Collection[str], compact: bool = True) -> list[tuple[int, int]]:
    """想买点小米熬米油: the dish said glued after a catalogue word (小米) names no product; never a dish that is a
    catalogue word itself (泡菜, 豆浆粉) nor one said with a count. Spans of the compact text, or of `spaced`."""
    out: list[tuple[int, int]] = []
    at = 0
    for clause in re.finditer(r"\S+", spaced):
        m = _DISH.search(clause.group())
        if m and m.group("dish") not in words and not numerals.quantities(m.group()) and any(
                clause.group()[max(0, m.start() - k):m.start()] in words for k in range(2, 7)):
            start = at if compact else clause.start()
            out.append((start + m.start(), start + len(clause.group())))
        at += len(clause.group())
    return out


def without_glued_use(spaced: str, words: Collection[str]) -> str:
    """小米熬米油 → 小米: the dish blanked, so that no 小米熬 is read as a thing glued to the millet."""
    chars = list(spaced)
    for start, end in glued_use_spans(spaced, words, compact=False):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def purpose_spans(spaced: str, words: Collection[str]) -> list[tuple[int, int]]:
    """Where the message says what the goods are for (see the module), as spans of the compact text; [] when it
    does not, or when nothing else in it names a catalogue word."""
    compact = spaced.replace(" ", "")
    spans = [(s, e) for s, e, _ in _candidates(spaced) if _is_purpose(compact[s:e], words)]
    glued = glued_use_spans(spaced, words)
    if not spans:
        return glued
    rest = list(compact)
    for s, e in spans:
        rest[s:e] = " " * (e - s)
    rest_text = "".join(rest)  # 给几个孙子吃的 来60个: a count of the goods talked about is enough too
    named = any(_catalogue_word(piece, words) for piece in rest_text.split())
    return spans + glued if named or numerals.quantities(rest_text.replace(" ", "")) else glued
