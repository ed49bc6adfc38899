"""当归来一斤 / 黄芪买两包: the tokenizer may join a product name's last character with the buying verb after it
(当 + 归来), so neither piece is the name. Such a pair is cut again: the name first, then the verb."""
from __future__ import annotations

import re

from bot.vocabulary import Vocabulary

VERBS = frozenset(("来", "要", "拿", "买", "订", "整", "寄", "捎", "称", "带"))
_CJK = re.compile("[\u4e00-\u9fff]+")
LONGEST = 3  # tokens before the glued one that may hold the rest of the name


def unglue(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """The tokens, with a name's last character taken back from a verb it was joined to (当 归来 → 当归 来)."""
    out: list[str] = []
    for token in tokens:
        if len(token) == 2 and token[1] in VERBS and out:
            for k in range(1, min(LONGEST, len(out)) + 1):
                head = "".join(out[-k:])
                if _CJK.fullmatch(head) and head + token[0] in vocab.words:
                    out[-k:] = [head + token[0], token[1]]
                    break
            else:
                out.append(token)
            continue
        out.append(token)
    return out
