"""Talk for its own sake, asked of the assistant with words that look like shopping: never a search.

A message of such talk, with no goods named, is a `fallback` answered short and kindly (nothing offered):

* a show, a film, a novel or a song recommended (推荐一部电视剧, 有什么好看的电影, 推荐几首歌): the shop sells no
  entertainment (电影票 is a ticket, read as a service);
* chatting asked for (今晚吃什么好呢，随便聊聊, 陪我聊会儿天, 唠唠嗑, 好无聊啊);
* whether the assistant knows somebody (你认识马云吗, 你知道周杰伦吗): a person, not goods;
* a catch phrase said for an answer (天王盖地虎, 宝塔镇河妖).

The lists are ways of saying each, not sentences; a catalogue word said beside them keeps the message about goods
(bot.life_matters' caller reads only messages naming none).
"""
from __future__ import annotations

import re

_SHOWS = r"(?:电视剧|连续剧|电影|综艺|小说|动漫|动画片|纪录片|短剧|网剧|歌曲|歌)(?![票院厅城])"
_ENTERTAINMENT = re.compile(rf"(?:推荐|介绍|安利)\S{{0,4}}?{_SHOWS}|(?:好看|好听|好玩)的{_SHOWS}|追什么剧|看什么剧")
_CHAT = re.compile(r"随便聊聊|聊聊天|陪我聊|聊会儿?天?|闲聊|唠唠?嗑|谈谈心|解解闷|好无聊|无聊死了|我好无聊")
_KNOWN = re.compile(r"^(?:请问)?(?:你|您)(?:认识|知道|听说过|见过)(?P<who>[\u4e00-\u9fff]{2,4})(?:吗|不|么|没|没有)$")
_NOT_A_PERSON = re.compile(r"怎么|什么|哪|多少|这个|那个|几|谁")
_CATCH_PHRASES = re.compile(r"^(?:天王盖地虎|宝塔镇河妖)[!！。.~～]*$")

REPLIES = {
    "chat": ("哈哈，闲聊我不太在行。我是爱心助农的下单助手，只管认定的扶贫农产品和消费扶贫爱心卡，"
             "想买点扶贫好物直接告诉我就行。"),
}


def kind(compact: str) -> str:
    """"chat" for talk for its own sake (see the module), else ""."""
    if _ENTERTAINMENT.search(compact) or _CHAT.search(compact) or _CATCH_PHRASES.match(compact):
        return "chat"
    known = _KNOWN.match(compact)
    return "chat" if known is not None and not _NOT_A_PERSON.search(known.group("who")) else ""
