"""包 as a verb (wrapping food): 包饺子, 包粽子, 包汤圆, 包个红包, 包点馄饨 — never a pack of anything.

One pattern, read by every finder of counts (bot/numerals.py, the ×3 of bot/rewrite.py), so that a count and the
verb after it stay apart: 蜂蜜×3 包饺子用 is three jars (not a count of 包), 糯米一斤半包粽子 is 1.5斤 (not 1斤 and
half a 包). A count glued before 包 makes it the pack word, whatever follows: 两包饺子 is two bags of dumplings,
来一包包子 one bag of buns, 两包糯米 two bags of rice.
"""
from __future__ import annotations

# What one wraps (包饺子 …), and what may stand between the verb and it (包个红包, 包点馄饨, 包一下粽子, 包了饺子).
_WRAPPED = ("饺子", "水饺", "粽子", "包子", "馄饨", "云吞", "抄手", "汤圆", "元宵", "春卷", "烧卖", "烧麦", "红包",
            "利是")
_BETWEEN = r"(?:一?[个点些下]|几个|一下|了|过)?"

VERB = rf"包(?={_BETWEEN}(?:{'|'.join(_WRAPPED)}))"
"""包 the verb (a regex): 包 followed by what is wrapped."""

NOT_VERB = rf"(?!{VERB})"
"""A guard put before a pack word 包 that may also be the verb (…[袋包盒] → …(?:[袋盒]|{NOT_VERB}包))."""
