"""拼多多上华坪芒果10斤装才五十几，你们咋卖78 / 京东上沃柑才65: where the shopper saw a product (another platform or
shop, then 上 / 里) says no part of its name — the platform is dropped before the product is read, so the price asked
is that product's (not 没有找到「拼多多上华坪芒果」); with no product named (拼多多才五十几 你们咋贵这么多) the price
there asks ours of the product in talk. The price seen there (才五十几) goes with it, and with no
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
    rest = _PRICED_THERE.sub(" ", message)  # (the 要 of 只要 buys nothing)
    if plain == message and rest != message and not _BUYING.search(rest):
        return _COMPLAINT.sub(" ", rest) + " 多少钱"  # 拼多多才五十几 你们咋贵这么多
    if plain == message or not _THEIR_PRICE.search(plain):
        return plain
    plain = _THEIR_PRICE.sub(" ", plain)
    return plain if _BUYING.search(plain) else plain + " 多少钱"


_BUYING = re.compile(r"来|买|要|订|拿|下单|整")
_PLATFORMS = r"拼多多|京东|淘宝|天猫|抖音|快手|美团|超市|菜市场|网上|别家|别的店|外面"
# A price there with no product named (拼多多才五十几 你们咋贵这么多, 超市只要三十): the product in talk, compared, so
# our price of it is what is asked (the complaint 咋贵这么多 was read as "the dearer one" and DRAFTED it).
_PRICED_THERE = re.compile(rf"(?:{_PLATFORMS})(?:上|里)?(?:的|卖的?)?\s*(?:才|只要|只卖|就卖)\s*{NUM}\s*(?:多|几)?"
                           r"\s*(?:块钱|块|元)?(?:多|几)?")
_COMPLAINT = re.compile(r"(?:你们|你家|这里|这边|咱们)?(?:咋|怎么|为啥|为什么|凭啥)?(?:贵|卖)(?:了)?"
                        r"(?:这么多|那么多|不少|好多|很多|太多|这么贵)?(?:啊|呀|呢|吧|哦)*")
