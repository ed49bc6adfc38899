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
_PACKED = re.compile(rf"{_SIZE}\s*[*×xX/]\s*\d+\s*(?:{_PIECES}|(?=\s|$))", re.IGNORECASE)  # 500ml*24: cans
# A verb of buying said as such (来两箱, 我要, 买, 下单, 拍); 整 only before a count (整两箱), never 整箱.
_ASKED_TO_BUY = re.compile(r"来|我要|要[一二两三四五六七八九十\d]|买|订|下单|拍|整(?=[一二两三四五六七八九十\d俩仨])")
_LABEL = re.compile(r"【[^】]*】|\[[^\]]*\]")


# Words only a shop's title uses to sell (产地直发, 新鲜水果, 顺丰冷链, 官方正品, 煲汤煮粥, 整箱): no shopper's request.
_SELLING = re.compile(r"【|产地直[发供]|源头|新鲜水果|新鲜现[摘挖捡]|现货|顺丰|冷链|包邮|官方|正品|旗舰店|煲汤|"
                      r"煮粥|整箱|批发价|一件代发|当季|特价|爆款|网红|同款|直发|直供|农家自产|礼盒装")
_SIZED = re.compile(r"\d+(?:\.\d+)?\s*(?:ml|l|g|kg|克|毫升|升|千克|公斤|斤|抽|片|包|袋|瓶|盒|罐|枚)(?:装)?",
                    re.IGNORECASE)
# A question, or a count of packs wanted (×3, 来两箱): the shopper speaks, not the title.
_SPOKEN = re.compile(r"[吗呢?？]|多少|怎么|什么|几[天时号]|能不能|可以|有没有|[×xX*]\s*\d+\s*$")


# A title's last word, where it says where from and for whom it sells (信阳特产 消费帮扶, 吴忠扶贫产品, 哈尔滨特产):
# a selling word only at the end of a long title, said apart from four words or more.
_SELLING_LAST = re.compile(r"(?:特产|扶贫产品|扶贫好物|消费帮扶|扶贫|助农|帮扶)$")
# A count of packs said in words (两袋, 三箱): the shopper's, never a title's pack (20枚装, 5kg).
_COUNT_SAID = re.compile(r"(?<![\d.])[一二两三四五六七八九十俩仨]+(?:袋|箱|盒|瓶|罐|包|份|只|斤|桶|提)(?!装)")


def titled(message: str) -> bool:
    """A shop's title sent as it is (【产地直发】新疆和田骏枣 特级 1kg 大红枣 煲汤煮粥, 维达抽纸 24包 整箱, 耐克 Air
    Force 1 空军一号 低帮板鞋 白色 官方正品, 黑龙江延寿大米 5kg 东北长粒香 新米 哈尔滨特产): a selling word, a size or
    several words, no question, no count wanted."""
    last = len(message.split()) >= 4 and _SELLING_LAST.search(message.strip()) is not None \
        and not _COUNT_SAID.search(message)
    if not (_SELLING.search(message) or last) or _SPOKEN.search(message) or _ASKED_TO_BUY.search(message):
        return False
    return _SIZED.search(message) is not None or "【" in message or len(message.split()) >= 4


def packed(message: str) -> bool:
    """The message holds a pack written as a title writes it (480ml*15瓶)."""
    return _PACKED.search(message) is not None


def name(message: str) -> str:
    """The title's name: what comes before its pack, without a 【…】 label (蒙牛纯牛奶250ml*12盒 → 蒙牛纯牛奶)."""
    m = _PACKED.search(message)
    if m is None:  # 维达抽纸 24包 整箱 → 维达抽纸: what comes before its first size or selling word
        m = min((x for x in (_SIZED.search(message), _SELLING.search(_LABEL.sub(" ", message))) if x is not None),
                key=lambda x: x.start(), default=None)
    before = _LABEL.sub(" ", message[:m.start()] if m and m.start() > 1 else message)
    return re.sub(r"\s+", "", before) if m is None or _PACKED.search(message) else " ".join(before.lower().split())


def revised(u: Understanding, message: str) -> Understanding:
    """`u`, revised when `message` is a title of something the shop does not sell, sent with no buying verb: a
    search for its name (see the module)."""
    if titled(message) and u.about_products and not u.foreign and u.intent in ("order", "ask_info", "fallback"):
        u.intent = "search"  # 贵州修文猕猴桃 贵长 新鲜水果 5斤: the shop's own goods, shown, no pack drafted
        u.quantity, u.quantities, u.money_yuan, u.card_count = None, [], None, None
        u.cues -= {"card", "buy", "strong_buy", "add"}
        return u
    if not (packed(message) or titled(message)) or _ASKED_TO_BUY.search(_PACKED.sub(" ", message)):
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
