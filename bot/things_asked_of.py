"""A property asked of a thing the shop does not sell (这个大衣有M码吗, 这个面霜孕妇能用吗, 家具包安装吗,
这个耳机支持快充吗, 羽绒服是90绒吗 充绒量多少,
兰花是真花还是假花, 翡翠手镯有证书吗): a question about that thing, `ask_info`, answered 没有找到「…」 —
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
                       r"|(?:孕妇|小孩|孩子|宝宝|老人|敏感肌)?(?:能|可以)(?:用|穿|戴|机洗|水洗)(?:吗|嘛|么|不)"
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
    if u.intent == "search" and u.quantity is None and unsold(u):
        u.intent = "ask_info"


def unsold(u: Understanding) -> bool:
    """Whether the message asks such a question of a thing the shop does not sell."""
    thing = not u.product_words and not u.generic and bool(u.product_text.strip()) and not _CARDS.search(u.text)
    return thing and _ASKED_OF.search(u.text) is not None


def without_question(spaced: str) -> str:
    """这个耳机支持快充吗 → 这个耳机: the question asked of the thing is no part of its name."""
    return _ASKED_OF.sub(" ", spaced)
