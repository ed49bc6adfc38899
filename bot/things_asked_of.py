"""A property asked of a thing the shop does not sell (这个大衣有M码吗, 这个面霜孕妇能用吗, 家具包安装吗,
这个耳机支持快充吗, 羽绒服是90绒吗 充绒量多少,
兰花是真花还是假花, 翡翠手镯有证书吗, 口红有没有小样, 榴莲包开吗, 冰箱送货上楼吗, 运动鞋能试穿吗,
猫粮是进口的吗): a question about that thing, `ask_info`, answered 没有找到「…」 —
never a search listing goods, and the question (有M码吗, 支持快充吗) is no part of the thing's name."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

# What is asked of clothes, appliances, furniture and cosmetics: a size, who may use it, installation, a feature,
# the down it holds.
_ASKED_OF = re.compile(r"有(?:[a-z0-9]{1,3}|大|小|加大|均)?码(?:的)?(?:吗|嘛|么|没|不)"
                       r"|尺码(?:是)?(?:多少|多大|全吗|怎么选)?"
                       r"|(?:孕妇|小孩|孩子|宝宝|老人|敏感肌)?(?:能|可以)(?:试穿|试用|试戴|用|穿|戴|机洗|水洗)(?:吗|嘛|么|不)"
                       # a sample, writing on it, opened ripe, carried upstairs, imported, how long it keeps
                       r"|有(?:没有)?小样(?:吗|嘛|么|没)?|(?:能|可以)(?:写字|刻字|印字)(?:吗|嘛|么|不)|包开(?:吗|嘛|么|不)"
                       r"|送(?:货)?上楼(?:吗|嘛|么|不)?|是进口的?(?:吗|嘛|么)|有没有保质期|保质期(?:多久|多长|是多少)"
                       r"|(?:包|送|免费|上门)安装(?:吗|嘛|么|不)?|支持\S{1,6}?(?:吗|嘛|么|不)"
                       r"|是\S{1,4}?绒(?:的)?(?:吗|嘛|么)|充绒量(?:是)?(?:多少)?|含绒量(?:是)?(?:多少)?"
                       r"|是真的?[\u4e00-\u9fff]{0,2}?还是假的?[\u4e00-\u9fff]{0,2}?的?(?:吗|呢|啊)?$"  # 是真花还是假花
                       r"|是(?:不是)?[真假]的?花(?:吗|嘛|么|呢)?|有(?:没有)?(?:鉴定)?证书(?:吗|嘛|么|没)?")


# Cards and coupons (京东E卡能用吗) are read by the card rules, never as goods not sold.
_CARDS = re.compile("卡|券|红包|积分")


def spans(compact: str) -> list[tuple[int, int]]:
    """这个大衣有M码吗: the question names no thing."""
    return [m.span() for m in _ASKED_OF.finditer(compact)]


def revise(u: Understanding) -> None:
    """A thing no catalogue word names, with such a question asked of it: ask_info (answered 没有找到)."""
    if u.intent in ("search", "fallback", "ask_info") and u.quantity is None and unsold(u):
        u.intent = "ask_info"  # 蛋糕可以写字吗 was not understood: a question of a cake
        asked = _ASKED_OF.search(u.text)
        head = u.text[:asked.start()] if asked else ""
        if head and u.foreign.replace(" ", "").startswith(head) and len(head) < len(u.foreign.replace(" ", "")):
            u.foreign = u.product_text = head  # 猫粮是进口的吗: 「猫粮」, not 「猫粮是进」


def unsold(u: Understanding) -> bool:
    """Whether the message asks such a question of a thing the shop does not sell."""
    thing = not u.product_words and not u.generic and bool(u.product_text.strip()) and not _CARDS.search(u.text)
    return thing and _ASKED_OF.search(u.text) is not None


def without_question(spaced: str) -> str:
    """这个耳机支持快充吗 → 这个耳机: the question asked of the thing is no part of its name."""
    return _ASKED_OF.sub(" ", spaced)
