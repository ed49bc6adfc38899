"""拼多多上华坪芒果10斤装才五十几，你们咋卖78 / 京东上沃柑才65: where the shopper saw a product (another platform or
shop, then 上 / 里) says no part of its name — the platform is dropped before the product is read, so the price asked
is that product's (not 没有找到「拼多多上华坪芒果」). Only when a catalogue word or place follows at once: 京东上能用
你们的卡吗 and 淘宝上买的苹果坏了 are read as they were (bot.honesty: goods bought elsewhere)."""

from __future__ import annotations

import re

from bot.vocabulary import Vocabulary

_SEEN_AT = re.compile(r"(?:在|我在|看到)?(?:拼多多|京东|淘宝|天猫|抖音|快手|美团|超市|菜市场|网上|别家|别的店|外面)"
                      r"(?:上|里|那边|那儿|那里)(?:的|卖的|看到的|看的)?")


def plain(message: str, vocab: Vocabulary) -> str:
    """The message without where a product was seen, when a product's word or its place follows (see the module)."""
    def seen(m: re.Match[str]) -> str:
        after = message[m.end():]
        named = any(after[:n] in vocab.words or after[:n] in vocab.regions for n in range(2, 9))
        return " " if named and not after.startswith(("买的", "买过")) else m.group()
    return _SEEN_AT.sub(seen, message)
