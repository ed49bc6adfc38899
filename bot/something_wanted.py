"""Something wanted, the thing not said yet (我想买点东西但不知道从哪开始, 我想买点东西寄回老家): the rest of the
message is why, for whom or how the shopper feels, not goods. Before, those words were quoted as goods not found
(没有找到「点东西寄回老家」); now the shopper is asked what they would like, as after 想买点东西.

Something sent home or to someone (我想给老家寄点东西, 往家里寄点吃的, 给我妈寄点东西):
the home or the person is where it goes, never goods. With an address said beside it
(… 地址是贵州省… 收件人张大山 电话 151-8573-2210) the message is the address: it is saved and the shopper
asked what to send (bot/understanding.py reads the cue "something")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.recipients import PERSON

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# 买点东西 with the clause after it a why or a how (寄回老家, 送人, 但不知道…), not a thing (买点东西 比如猫砂).
_SOMETHING = re.compile(r"(?:买|要|看看|挑|选|带|寄)(?:点|些|一些|个|几样)?东西\s*[，,]?\s*"
                        r"(?:寄|送|给|带|但|可是|不过|不知道|回|过年|过节|孝敬|看望|探望|自己|家里|平时)")

# Something sent (寄点东西, 捎些吃的, 带点特产), and the words beside it that only say who wants it and where it goes
# (我想, 给老家, 往家里, 给我妈, 回老家): nothing else said.
_SENT = re.compile(r"(?:寄|捎|邮)(?:点|些|一些|一点|几样)?(?:东西|吃的|好吃的|土特产|特产)")
_WHERE_TO = re.compile(rf"(?:我|俺|咱)?(?:们)?(?:想|要|打算|准备|得)?(?:给|往|回|到|寄到|寄回|送到|寄给)?"
                       rf"(?:我|俺|咱)?(?:们)?(?:的)?(?:老家|家里人?|家乡|乡下|家|{PERSON})(?:那边|里)?")
_FILLER = re.compile(r"我|俺|咱|们|想|要|打算|准备|一下|吧|啊|呀|哈|了|回去|过去|回家|回老家")


def revise(u: Understanding, vocab: Vocabulary) -> None:
    if u.product_words or u.foreign or u.origin is not None or u.quantity is not None:
        return
    if u.intent in ("order", "search") and _SENT.search(u.text) \
            and not _FILLER.sub("", _WHERE_TO.sub("", _SENT.sub("", u.text))).strip():
        u.intent, u.product_text, u.generic = "order", "", False  # 我想给老家寄点东西: what to send is asked
        u.cues.add("something")
        return
    if u.intent != "order" or not _SOMETHING.search(u.text):
        return
    if any(vocab.knows(word) for word in u.product_text.split()):
        return  # 买点东西 大米也行: goods are named after all
    u.product_text, u.generic = "", False  # asked what, as after 想买点东西
    u.cues.add("something")
