"""A product title copied from another shop and sent as it is (元气森林 白桃味苏打气泡水 480ml*15瓶 整箱 0糖0卡,
蒙牛纯牛奶250ml*12盒 整箱 早餐奶, 卫龙辣条106g*10包 网红零食): the shopper asks whether the shop has that thing.

Such a title writes its pack as a size times a count of pieces (480ml*15瓶, 106g×10包, 750g/30包): what one pack
holds, never a count of packs the shopper wants; 整箱 is "a whole case", no verb of buying (整两袋 is); 0糖0卡 is
about calories, no love card (bot.other_cards.energy). So when no buying verb stands outside the title and the thing
is not the shop's, the message is a `search` answered 没有找到「the title's name」: no count, no card, nothing drafted.
A title of the shop's own goods (春中宝蜂蜜 500g*2瓶) is read as before.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_SIZE = r"\d+(?:\.\d+)?\s*(?:ml|l|g|kg|克|毫升|升|千克|公斤|斤|抽|片)"
_PIECES = r"(?:瓶|盒|包|袋|罐|听|杯|支|条|片|桶|枚|个|只|块|粒|卷|提|小袋|小包)"
# 480ml*15瓶, 106g×10包, 750g/30包, 80抽*10包: the pack, as titles write it.
_PACKED = re.compile(rf"{_SIZE}\s*[*×xX/]\s*\d+\s*{_PIECES}", re.IGNORECASE)
# A verb of buying said as such (来两箱, 我要, 买, 下单, 拍); 整 only before a count (整两箱), never 整箱.
_ASKED_TO_BUY = re.compile(r"来|我要|要[一二两三四五六七八九十\d]|买|订|下单|拍|整(?=[一二两三四五六七八九十\d俩仨])")
_LABEL = re.compile(r"【[^】]*】|\[[^\]]*\]")


def packed(message: str) -> bool:
    """The message holds a pack written as a title writes it (480ml*15瓶)."""
    return _PACKED.search(message) is not None


def name(message: str) -> str:
    """The title's name: what comes before its pack, without a 【…】 label (蒙牛纯牛奶250ml*12盒 → 蒙牛纯牛奶)."""
    m = _PACKED.search(message)
    before = _LABEL.sub(" ", message[:m.start()] if m else message)
    return re.sub(r"\s+", "", before)


def revised(u: Understanding, message: str) -> Understanding:
    """`u`, revised when `message` is a title of something the shop does not sell, sent with no buying verb: a
    search for its name (see the module)."""
    if not packed(message) or _ASKED_TO_BUY.search(_PACKED.sub(" ", message)):
        return u
    if u.about_products and not u.foreign:
        return u  # 春中宝蜂蜜 500g*2瓶 土蜂蜜: the shop's own goods, read as before
    if u.intent not in ("order", "search", "buy_card", "card_balance", "fallback", "ask_info"):
        return u  # a price asked (…多少钱) keeps its question
    said = name(message)
    u.intent = "search"
    u.quantity, u.quantities, u.specs, u.money_yuan, u.card_count = None, [], [], None, None
    u.cues -= {"card", "buy", "strong_buy", "add"}
    u.product_words, u.origin, u.generic, u.bare = [], None, False, False
    if said:
        u.foreign = u.foreign or said
        u.product_text = said if not u.instead else u.foreign
    return u
