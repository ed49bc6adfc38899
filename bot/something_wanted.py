"""Something wanted, the thing not said yet (我想买点东西但不知道从哪开始, 我想买点东西寄回老家): the rest of the
message is why, for whom or how the shopper feels, not goods. Before, those words were quoted as goods not found
(没有找到「点东西寄回老家」); now the shopper is asked what they would like, as after 想买点东西."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# 买点东西 with the clause after it a why or a how (寄回老家, 送人, 但不知道…), not a thing (买点东西 比如猫砂).
_SOMETHING = re.compile(r"(?:买|要|看看|挑|选|带|寄)(?:点|些|一些|个|几样)?东西\s*[，,]?\s*"
                        r"(?:寄|送|给|带|但|可是|不过|不知道|回|过年|过节|孝敬|看望|探望|自己|家里|平时)")


def revise(u: Understanding, vocab: Vocabulary) -> None:
    if u.intent != "order" or u.product_words or u.foreign or u.origin is not None or not _SOMETHING.search(u.text):
        return
    if any(vocab.knows(word) for word in u.product_text.split()):
        return  # 买点东西 大米也行: goods are named after all
    u.product_text, u.generic = "", False  # asked what, as after 想买点东西
