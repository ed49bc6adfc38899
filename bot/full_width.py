"""Letters, digits and the marks inside codes and numbers typed in full width (ＡＸ２.５ＨＫ９Ｐ３Ｍ７, ２００元):
read as the ASCII ones, so a card's code, a phone number, an amount or a count is read wherever it is typed.
Chinese punctuation in full width (，？！) is left as typed: the readers of clauses split on it."""
from __future__ import annotations

import re
import unicodedata

# Ｆ１-Ｚ, ａ-ｚ, ０-９ and the marks that join them in codes and numbers: ．－＋＠＃＿／％
_WIDE = re.compile(r"[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF0D\uFF0B\uFF20\uFF03\uFF3F\uFF0F\uFF05]")


def narrowed(text: str) -> str:
    """The message with its full-width letters, digits and code marks as ASCII (NFKC), the rest as typed."""
    return _WIDE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
