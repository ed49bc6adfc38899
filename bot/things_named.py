"""Whether a message that named nothing of the catalogue still names a thing: goods or a kind of goods the shop
does not sell, asked for with a question word or a particle around it (电热毯 双人的 有吗, 剃须刀能充电的吗,
洗发水 去屑的). Such a message is a search answered 没有找到「…」, not the generic fallback.

A thing is named when a word left to look up is a common noun of the language (jieba's dictionary and its part of
speech, read through the public `jieba.posseg` when the vocabulary is built: `Vocabulary.word_tags`): not a person,
a place, an organisation or a time, and not a cue.
Talk keeps its topics (天气, 笑话, 客服, 怎么…, 推荐 …: `TALK_TOPICS`); only the particles and small words that any
question carries (…吗, …呢, …没, 去屑) no longer hide the thing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot.phrasing import PURPOSES
from bot.product_words import cueish
from bot.recipients import PEOPLE

_RE_CJK = re.compile("[\u4e00-\u9fff]")
# Topics of talk that are never shopping for a thing (a message holding one is talk, whatever nouns stand beside).
TALK_TOPICS = re.compile(r"你|怎么|为什么|什么时候|天气|笑话|聊|哈哈|在吗|谁|人工|客服|投诉|优惠|便宜点|砍价|"
                         r"红包|积分|会员|活动|怎么样|好不好|是不是|了|等于|[+=]|写|打个|下雨|放假|股票|推荐|作业|"
                         r"作文|唱|讲")
# The forms of a question or a remark, on top of the topics: they hide no thing named beside them.
TALK_FORMS = re.compile(r"[吗嘛么呢]$|[不没]$|去")
# Common nouns (n), other proper nouns (nz: brands of goods, 洗发水) and bound noun roots (ng).
_THING_TAGS = frozenset({"n", "nz", "ng"})
# Nouns of the conversation itself, not goods (有个问题, 订单地址): the shop's questions read them elsewhere.
_NOT_GOODS = frozenset({"问题", "事情", "东西", "订单", "地址", "时间", "价格", "质量", "服务", "态度", "意思", "朋友",
                        "女朋友", "男朋友", "老婆", "老公", "孩子", "老人", "双人", "家人", "人家", "机器人", "钱",
                        # where one works or lives, and the trade itself (开个网店 能给我供货吗)
                        "公司", "单位", "学校", "医院", "网店", "店铺", "门店", "生意", "供货", "工作",
                        # what one asks a talking machine to perform (唱首歌 is a noun in jieba's dictionary)
                        "唱首歌", "首歌", "歌", "故事", "笑话", "谜语", "段子", "绕口令"})


def is_thing(word: str, tags: Mapping[str, str]) -> bool:
    """A common noun of the language that is not talk about the conversation (电热毯, 剃须刀; not 问题, 北京)."""
    return len(word) >= 2 and word not in _NOT_GOODS and tags.get(word) in _THING_TAGS and not cueish(word)


def names_thing(text: str, product_text: str, tags: Mapping[str, str]) -> bool:
    """The words left to look up name a thing (see the module): a noun of goods, and no topic of talk."""
    if not product_text or TALK_TOPICS.search(text):
        return False
    tokens = product_text.split()
    if "去" in tokens:  # 寄到我公司去: going somewhere (not 去屑, a word of its own)
        return False
    if not TALK_FORMS.search(text):
        return any(len(t) >= 2 and _RE_CJK.search(t) and not cueish(t) for t in tokens)
    return any(is_thing(t, tags) for t in tokens)


def only_talk(text: str, product_text: str, tags: Mapping[str, str]) -> bool:
    """A remark of talk that names no thing (太慢了吧, 好累了): a topic or form of talk, and no word left is a noun of
    goods, so the words left are no product to look for."""
    return bool(TALK_TOPICS.search(text)) and not any(is_thing(t, tags) for t in product_text.split())


# Whom the goods are for, where they live or work and why (老人, 工人, 村里, 厂里, 福利): no goods, in a request for
# advice (村里老人过冬 买点什么好, 厂里工人发福利 买什么合适).
_WHOM_AND_WHY = frozenset({*PEOPLE, *PURPOSES, "老人", "小孩", "孩子", "工人", "员工", "职工", "客户", "村民", "乡亲",
                           "老乡", "大家", "村里", "厂里", "家里", "部门", "单位里", "福利", "身体", "冬天", "夏天"})
# 吃点, 喝点, 买些: a verb and "some", cut as one unknown word.
_SOME = re.compile(r"[吃喝买用送带拿来整][点些]")
# Giving and budgets (以购代捐, 捐赠, 预算, 总共): why and how much, never goods.
_GIVING = re.compile(r"捐|预算|总共|一共|每人|人均|^总|人$")  # …人: a person (总人 of 总…人), not 人参
# How the advice is asked (合适, 划算, 好吃): no goods named.
_ASKED_HOW = frozenset({"合适", "实惠", "划算", "好用", "好吃", "好喝", "适合", "需要", "比较", "一点"})
# jieba's tags of words that name no goods: times (过冬), places (村里), pronouns, particles, numbers, adverbs.
# (jieba tags 巧克力 and 牛肉丸 as names, nr: names are no sign of talk here)
_NO_GOODS_TAGS = frozenset({"t", "s", "f", "r", "p", "c", "d", "m", "q", "y", "e", "uj", "ul", "uz", "ug", "uv",
                            "ud"})


def asks_for_goods(product_text: str, tags: Mapping[str, str], cut: Callable[[str], list[str]]) -> bool:
    """Whether the words left of a request for advice name goods the shop does not sell (钙片, 按摩仪, 护手霜, what they
    do: 防晒, 补钙, or an unknown word such as a brand: 汤臣倍健), rather than only whom, when and why (村里老人过冬,
    冬天吃点): then the advice is the shop's goods, not 没有找到「村里老人过冬」."""
    for token in cut(product_text.replace(" ", "")):
        tag = tags.get(token)
        if token in _WHOM_AND_WHY or token in _NOT_GOODS or token in _ASKED_HOW or cueish(token) \
                or _SOME.fullmatch(token) or _GIVING.search(token) \
                or (len(token) < 2 and tag not in _THING_TAGS):  # 猫 粮, 烟: nouns of one character count
            continue
        if tag not in _NO_GOODS_TAGS:  # a noun, a verb of what it does (防晒, 补钙), a word no dictionary has
            return True
    return False
