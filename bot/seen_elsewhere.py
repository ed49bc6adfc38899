"""拼多多上华坪芒果10斤装才五十几，你们咋卖78 / 京东上沃柑才65: where the shopper saw a product (another platform or
shop, then 上 / 里) says no part of its name — the platform is dropped before the product is read, so the price asked
is that product's (not 没有找到「拼多多上华坪芒果」). The price seen there (才五十几) goes with it, and with no
buying word the message asks ours (我在京东上看到镇赉大米5kg才39 DRAFTED a bag). Only when a catalogue word or place
follows at once: 京东上能用你们的卡吗 and 淘宝上买的苹果坏了 are read as they were (bot.honesty)."""

from __future__ import annotations

import re

from bot.numerals import NUM
from bot.vocabulary import Vocabulary

_SEEN_AT = re.compile(r"(?:在|我在|看到)?(?:拼多多|京东|淘宝|天猫|抖音|快手|美团|超市|菜市场|网上|别家|别的店|外面)"
                      r"(?:上|里|那边|那儿|那里)(?:的|卖的|看到的|看见的|看到|看见|看的)?")
# The price seen there (才五十几, 才3块一斤, 只要39): no part of the product either.
_THEIR_PRICE = re.compile(rf"(?:才|只要|只卖|只需|就卖)\s*{NUM}\s*(?:多|几)?\s*(?:块钱|块|元)?(?:多|几)?"
                          r"(?:一(?:斤|箱|袋|盒|瓶|罐|包|公斤))?")


def plain(message: str, vocab: Vocabulary) -> str:
    """The message without where a product was seen, when a product's word or its place follows (see the module)."""
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
