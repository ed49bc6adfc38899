"""拼多多上华坪芒果10斤装才五十几，你们咋卖78 / 京东上沃柑才65: where the shopper saw a product (another platform or
shop, then 上 / 里) says no part of its name — the platform is dropped before the product is read, so the price asked
is that product's (not 没有找到「拼多多上华坪芒果」). The price seen there (才五十几) goes with it, and with no
buying word the message asks ours (我在京东上看到镇赉大米5kg才39 DRAFTED a bag). Only when a catalogue word or place
follows at once: 京东上能用你们的卡吗 and 淘宝上买的苹果坏了 are read as they were (bot.honesty)."""

from __future__ import annotations

import re

from bot.numerals import NUM
from bot.vocabulary import Vocabulary

_PLACES = r"拼多多|京东|淘宝|天猫|抖音|快手|美团|超市|菜市场|网上|别家|别的店|外面"
_SEEN_AT = re.compile(rf"(?:在|我在|看到)?(?:{_PLACES})"
                      r"(?:上|里|那边|那儿|那里)(?:的|卖的|看到的|看见的|看到|看见|看的)?")
# The price seen there (才五十几, 才3块一斤, 只要39): no part of the product either.
_THEIR_PRICE = re.compile(rf"(?:才|只要|只卖|只需|就卖)\s*{NUM}\s*(?:多|几)?\s*(?:块钱|块|元)?(?:多|几)?"
                          r"(?:一(?:斤|箱|袋|盒|瓶|罐|包|公斤))?")


def plain(message: str, vocab: Vocabulary) -> str:
    """The message without where a product was seen, when a product's word or its place follows (see the module)."""
    dearer = _dearer(message)
    if dearer is not None:
        return dearer
    def seen(m: re.Match[str]) -> str:
        after = message[m.end():]
        named = any(after[:n] in vocab.words or after[:n] in vocab.regions for n in range(2, 9))
        return " " if named and not after.startswith(("买的", "买过")) else m.group()
    plain = _SEEN_AT.sub(seen, message)
    if plain == message or not _THEIR_PRICE.search(plain):
        return plain
    plain = _THEIR_PRICE.sub(" ", plain)
    return plain if _BUYING.search(plain) else plain + " 多少钱"


_BUYING = re.compile(r"来|买|要|订|拿|下单|整")


# Ours said dearer than there (羊肉卷比拼多多贵不少啊 拼多多一斤才三十多 / 拼多多才五十几 你们咋贵这么多), or their
# price said alone (拼多多才三十多): our price asked, their price and the comparison left out, never an order.
_DEARER = re.compile(rf"(?:比|跟|和)(?:{_PLACES})(?:上|里|的|卖的)?(?:比)?(?:还|要)?贵"
                     r"(?:了)?(?:不少|很多|好多|多了|太多|这么多|那么多|一点|点|些|一些)?(?:啊|呀|吧|呢|哦)?"
                     r"|(?:你们这(?:里|边)?|你们|你家|这里|这边)?(?:咋|怎么|为啥|为什么)?(?:卖)?(?:这么|那么)?贵(?:这么多|那么多|不少|好多)"
                     r"(?:啊|呀|吧|呢|哦)?")
_PRICED_THERE = re.compile(rf"(?:{_PLACES})(?:上|里)?(?:的|卖的)?(?:一(?:斤|箱|袋|盒|瓶|罐|包|公斤))?"
                           rf"{_THEIR_PRICE.pattern}")


def _dearer(message: str) -> str | None:
    alone = _PRICED_THERE.fullmatch(message.strip()) is not None
    if not alone and (_DEARER.search(message) is None or re.search(_PLACES, message) is None):
        return None
    plain = _THEIR_PRICE.sub(" ", _PRICED_THERE.sub(" ", _DEARER.sub(" ", message)))
    plain = re.sub(rf"(?:{_PLACES})(?:上|里)?", " ", plain)
    return plain if _BUYING.search(plain) else plain + " 多少钱"
