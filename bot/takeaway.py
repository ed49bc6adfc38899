"""Takeaway food named (麻辣烫外卖, 有没有螺蛳粉外卖, 黄焖鸡米饭 外卖, 土豆丝外卖来一份, 附近有烧烤能送吗): a thing
asked for, which the shop does not deliver: a search (an order when a count is said),
answered 没有找到「麻辣烫外卖」 with nothing offered or drafted, never the errand's answer.

The errand itself stays an errand (`fallback`): takeaway ordered for the shopper (帮我点个外卖, 叫个外卖 麻辣烫,
外卖 帮我点一份黄焖鸡), and 外卖's vouchers (美团外卖红包) are read as other cards are.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_ERRAND = re.compile(r"(?:帮|替)(?:我|俺|忙)|(?:点|叫|订|送)(?:个|一个|份|一份|一下|了|点)?外卖"
                     r"|外卖(?:红包|券|满减|会员)")
_NEARBY = re.compile(r"附近|周边|周围|这边")
# What is said around the dish: whether it is had or delivered, a count of it, the place it is near.
_AROUND = re.compile(r"外卖|有没有|有没|有卖|有的吗|有吗|有么|有|能送(?:吗|不|嘛)?|送不送(?:啊|嘛)?|能不能送|送吗"
                     r"|送到\S*$|[吗嘛呢啊呀吧]$|附近|周边|周围|这边|(?:来|要|给我来)[一两三]?[份碗杯个盒]|[一两三][份碗杯个盒]")
_COUNTED = re.compile(r"(?:来|要|给我来)[一两三\d]?[份碗杯个盒串]|[一两三\d][份碗杯个盒串]")
_INTENTS = frozenset({"fallback", "search", "order", "ask_info"})
# When or how it comes (外卖多久到, 外卖几天能到): the shop's shipping asked in the word of takeaway, not a dish.
_WHEN = re.compile(r"多久|多长时间|几天|几点|什么时候|啥时候|怎么送|怎么配送|快递")


def revise(u: Understanding) -> None:
    """Takeaway food named (see the module): a search for it, or an order when counted, answered 没有找到「…」."""
    text = u.text
    named = "外卖" in text or (_NEARBY.search(text) is not None and "送" in text)
    if not named or _ERRAND.search(text) or _WHEN.search(text) or u.intent not in _INTENTS or u.product_words \
            or u.unrelated not in ("", "service"):
        return
    dish = "".join(_AROUND.sub(" ", part) for part in u.spaced.split()).replace(" ", "")
    if len(re.sub(r"[^\u4e00-\u9fff]", "", dish)) < 2:
        return
    thing = dish + "外卖" if "外卖" in text else dish
    u.intent = "order" if _COUNTED.search(text) else "search"
    u.unrelated, u.quantity, u.quantities = "", None, []
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, thing, thing, ""
