"""Where a cue word found in the message is not that cue (a fifth held-out round's kinds).

* 算了，还是要五斤的吧 / 算了 就来两箱: a cancel word that opens a request is a change of mind, not a cancel;
* 钱包, 荷包, 书包, 腰带: 包 and 带 glued as the last character of a word of the language are that thing's head,
  not the verbs 包(了) / 带(点) of buying;
* 腊肉价格, 大米价钱: 价 after a catalogue word begins the price asked, not another thing (肉价, 米价 are words).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from bot import lexicon

# A cancel word, then what is wanted instead: 还是要 / 那就来 / 就要 / 换成 / 改成 …
_CHANGE_OF_MIND = re.compile(r"^(?:那|哦|嗯|唉|哎)?(?:算了|算啦|罢了)(?:吧|啊)?(?:那|那就|我)?"
                             r"(?:还是|就|换成|改成|改|换)(?:要|来|买|拿|订|整)?")
_NOUN_HEADS = "包带"
_VERB_WORDS = frozenset({"打包", "承包", "全包"})  # words whose 包 is the doing, not the thing
PRICE_WORDS = re.compile(r"价格|价钱|价位|价儿|价多少")  # after a catalogue word: its price asked


def changes_mind(text: str, wants: bool) -> bool:
    """算了 还是要五斤的吧 一箱: the cancel word opens a request (`wants`: a quantity, size or product is said)."""
    return wants and _CHANGE_OF_MIND.match(text) is not None


def buying_only_in_nouns(text: str, freq: Mapping[str, int]) -> bool:
    """The only buying words of the message are 包 / 带 ending words of the language (荷包, 钱包, 腰带): no buying."""
    lowered = text.lower()
    found = [w for w in lexicon.BUY if w.replace(" ", "") in lowered]
    if not found or any(w not in _NOUN_HEADS for w in found):
        return False
    return all(i > 0 and text[i - 1:i + 1] not in _VERB_WORDS and bool(freq.get(text[i - 1:i + 1]))
               for i, ch in enumerate(text) if ch in _NOUN_HEADS)

