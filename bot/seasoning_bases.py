"""A seasoning base made for a dish (火锅底料, 麻辣烫底料, 酸菜鱼调料包, 卤料包, 蘸料, 小面调料) is goods of its own:
the catalogue words said with it (牛油, 大红袍, 麻辣) only say its flavour, so the shop's pepper or spicy chicken is
never drafted for it. When the catalogue holds no such base: 没有找到「四川火锅底料」, nothing listed.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Vocabulary

# (a dish's own 调料: 重庆小面调料, 烧烤调料, 卤菜调料; 调料 alone is the shop's 调味品, a synonym)
_DISHES = (r"(?:小面|面条|拌面|火锅|麻辣烫|酸菜鱼|烧烤|烤肉|卤菜|卤肉|卤味|红烧肉|凉拌菜?|烤鱼|水煮鱼|饺子|馄饨|米线"
           r"|螺蛳粉|串串|冒菜|干锅|小龙虾|炸鸡)")
_BASE = re.compile(rf"底料|蘸料|调料包|料包|汤料包?|酱料包|{_DISHES}的?调(?:味)?料")
# The run holding the base, from the dish or the place it is for (四川火锅底料, 重庆老火锅底料).
_RUN = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + _BASE.pattern + ")")
# The base said as what the goods are for (花椒 做火锅底料用, 炒底料用的): the shop's goods are asked, not a base.
_FOR_USE = re.compile(r"(?:做|炒|熬|煮|用来|拿来|用于|适合)[\u4e00-\u9fff]{0,4}?(?:" + _BASE.pattern + ")|(?:"
                      + _BASE.pattern + ")(?:用|时)")
_LEAD = re.compile(r"^(?:有没有|有|来|要|买|想买|我要|给我|帮我|找)+")


def named(u: Understanding, vocab: Vocabulary) -> tuple[str, str] | None:
    """(the base as said, "") when the message asks for a base the catalogue lacks, else None."""
    m = _BASE.search(u.text)
    if m is None or _FOR_USE.search(u.text) or vocab.knows(m.group()) \
            or any(m.group() in k.name for k in vocab.products.values()):
        return None
    run = _RUN.search(u.spaced)
    said = _LEAD.sub("", run.group()) if run else m.group()
    return said or m.group(), ""
