"""Who the goods are for, said beside a definite amount (大米要二十斤 家里四口人, 蜂蜜来两斤 老两口喝, 大米来十斤
三口之家, 红枣要两袋 一家五口): the people eat it, they are no count of packs. Read as a count, 老两口 made the honey
two 1kg jars (2kg where 两斤 was asked) and 三口之家 three bags of a product it no longer found.

The words for the people are dropped when the message says an amount of its own (二十斤, 两瓶) and nothing is shared
out per person (每人一箱, 一人一袋: bot.bulk reads those as the people times the share). A question of how much is
enough (三口人吃半个月大米买几袋合适: bot.question_kinds) keeps them: it has no amount of its own to go by.
"""
from __future__ import annotations

import re

from bot.bulk import multiplied
from bot.eating_rates import worth
from bot.numerals import NUM

_PEOPLE = re.compile(rf"(?:老两口|小两口|两口子|(?:一家|全家|家里|我家|家中)?(?:有|共)?{NUM}\s*口(?:人|之家)?"
                     rf"|(?:我们|咱们|俺们|家里|一家)?(?<![每一第\d]){NUM}\s*个?人(?![份分]))")
_AMOUNT = re.compile(rf"{NUM}\s*(?:公斤|千克|kg|斤|克|g|箱|袋|盒|瓶|罐|包|桶|提|听|件|份|只|条|支|枚)", re.IGNORECASE)
_QUESTION = re.compile(r"几|多少|够|合适|吗|呢|[?？]")


def dropped(message: str) -> str:
    """大米要二十斤 家里四口人 → 大米要二十斤 (see the module); unchanged when a share or a question is said. An amount
    eaten per period and that period's worth asked (一周吃3公斤 来一周的量) is read first (bot/eating_rates.py)."""
    message = worth(message)
    if "每" in message or _QUESTION.search(message) or multiplied(message) != message:
        return message
    people = list(_PEOPLE.finditer(message))
    if not people:
        return message
    rest = _PEOPLE.sub(" ", message)
    return rest if _AMOUNT.search(rest) else message
