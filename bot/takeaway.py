"""Takeaway food named (麻辣烫外卖, 有没有螺蛳粉外卖, 黄焖鸡米饭 外卖, 土豆丝外卖来一份, 附近有烧烤能送吗): a thing
asked for, which the shop does not deliver: a search (an order when a count is said, a price question when its price
is asked: 小米粥外卖多少钱),
answered 没有找到「麻辣烫外卖」 with nothing offered or drafted, never the errand's answer.

The errand itself stays an errand (`fallback`, the errand's short answer): takeaway ordered for the shopper
(帮我点个外卖, 叫个外卖 麻辣烫, 外卖 帮我点一份黄焖鸡), and so is a meal sent to a place without 外卖
(送份黄焖鸡米饭到公司, 肯德基全家桶送到家, 帮我送份盒饭到工地), a meal's word or a chain named and no goods of
the shop; so is takeaway ordered with the shopper's verb before the dish (点份螺蛳粉外卖, 叫个烧烤外卖), a chain's food
ordered (能点肯德基吗), a meal sent to the door (送上门) or to an address set apart (麦当劳早餐 送到XX小区:
`sent_to_address`). A portion ordered by name (帮我点一份黄焖鸡米饭, 订一份麻辣烫) stays the order of a thing not sold
(没有找到「…」), as the labelled sets 16 and 21 read it; whether it could be delivered (石锅拌饭能送到家吗) is asked
of the shop's shipping. 外卖's vouchers (美团外卖红包) are read as other cards are.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.addressing import AddressPart
    from bot.understanding import Understanding

_ERRAND = re.compile(r"(?:帮|替)(?:我|俺|忙)|(?:点|叫|订|送)(?:个|一个|份|一份|一下|了|点)?外卖"
                     r"|外卖(?:红包|券|满减|会员)")
# A meal ordered or sent for the shopper: a portion ordered (点个, 订一份, 叫份), sent to a place (送份…到公司,
# 送到家: read as an address), said with a meal's word or a restaurant chain; a meal's word with what makes it
# (火锅底料, 烧烤架, 奶茶粉) is goods.
_MEAL_ERRAND = re.compile(r"送(?:个|份|一份|[两几\d]份)?\S{0,10}?到(?:家|公司|单位|工地|学校|宿舍|楼下|办公室|医院"
                          r"|\S{1,8}?(?:小区|大厦|公寓|花园|宿舍楼|号楼|栋))"
                          r"|送(?:个|份|一份|[两几\d]份)\S{0,10}?(?:过来|来)|送上门")
# Takeaway ordered by the shopper's verb (点份螺蛳粉外卖, 叫个烧烤外卖, 订个火锅外卖) or a chain's food ordered (能点
# 肯德基吗): somebody's kitchen and rider, the errand; a portion counted (叫一份烤鱼外卖) stays an order not found.
_ORDERED = re.compile(r"(?:点|叫|订)(?:个|份)[^\s，,。？?]{1,8}?外卖"
                      r"|(?:点|叫|订)(?:个|份|一份)?(?:麦当劳|肯德基|必胜客|汉堡王|德克士|华莱士|海底捞|星巴克|瑞幸)")
# The dish bought as goods with the shopper's own verb (外卖来份炒饭，送到公司): an order of a thing not sold.
_BOUGHT = re.compile(r"(?:来|要|买)(?:个|一个|份|一份|[两几\d]份)")
# Whether the shop could deliver it (石锅拌饭能送到家吗): a question about shipping, unless asked as a favour (帮我…).
_ASKED_WHETHER = re.compile(r"能|可以|吗|嘛|么|不")
MEAL = re.compile(r"(?:外卖|套餐|全家桶|盒饭|快餐|便当|米饭|炒饭|盖饭|盖浇饭|拌饭|火锅|麻辣烫|冒菜|酸菜鱼|烧烤"
                  r"|炸鸡|汉堡|披萨|奶茶|麦当劳|肯德基|必胜客|汉堡王|德克士|华莱士|海底捞|星巴克|瑞幸|蜜雪冰城)"
                  r"(?![底调]?料|架|炉|锅|酱|粉|机|杯|碗|胚|皮)")
_NEARBY = re.compile(r"附近|周边|周围|这边")
# What is said around the dish: whether it is had or delivered, a count of it, the place it is near.
_AROUND = re.compile(r"外卖|多少钱|什么价|价格|价钱|怎么卖"
                     r"|有没有|有没|有卖|有的吗|有吗|有么|有|能送(?:吗|不|嘛)?|送不送(?:啊|嘛)?|能不能送|送吗"
                     r"|送到\S*$|[吗嘛呢啊呀吧]$|附近|周边|周围|这边|(?:来|要|给我来)[一两三]?[份碗杯个盒]|[一两三][份碗杯个盒]")
_COUNTED = re.compile(r"(?:来|要|给我来)[一两三\d]?[份碗杯个盒串]|[一两三\d][份碗杯个盒串]")
# Its price asked (小米粥外卖多少钱): a price question of a thing not sold, answered 没有找到「小米粥外卖」.
_PRICE = re.compile(r"多少钱|什么价|价格|价钱|怎么卖")
_INTENTS = frozenset({"fallback", "search", "order", "ask_info"})
# When or how it comes (外卖多久到, 外卖几天能到): the shop's shipping asked in the word of takeaway, not a dish.
_WHEN = re.compile(r"多久|多长时间|几天|几点|什么时候|啥时候|怎么送|怎么配送|快递")


def revise(u: Understanding) -> None:
    """Takeaway food named (see the module): a search for it, or an order when counted, answered 没有找到「…」; a meal
    ordered or sent for the shopper: the errand, `fallback`."""
    text = u.text
    if _meal_errand(u):
        u.unrelated, u.intent, u.quantity, u.quantities, u.money_yuan = "service", "fallback", None, [], None
        u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
        return
    named = "外卖" in text or (_NEARBY.search(text) is not None and "送" in text)
    if not named or _ERRAND.search(text) or _WHEN.search(text) or u.intent not in _INTENTS or u.product_words \
            or u.unrelated not in ("", "service"):
        return
    dish = "".join(_AROUND.sub(" ", part) for part in u.spaced.split()).replace(" ", "")
    if len(re.sub(r"[^\u4e00-\u9fff]", "", dish)) < 2:
        return
    thing = dish + "外卖" if "外卖" in text else dish
    u.intent = "order" if _COUNTED.search(text) else "ask_price" if _PRICE.search(text) else "search"
    u.unrelated, u.quantity, u.quantities = "", None, []
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, thing, thing, ""


def sent_to_address(u: Understanding, address: AddressPart) -> bool:
    """麦当劳早餐 送到XX小区 (the address set apart from the message): a meal or a chain's food sent to an address,
    nothing of the shop named, is the errand; `u` is made so. A dish bought with the shopper's own verb stays."""
    if not address.line or address.change or u.intent not in ("search", "order", "fallback") or u.product_words \
            or u.unrelated not in ("", "service") or MEAL.search(u.raw) is None or _BOUGHT.search(u.raw):
        return False
    u.unrelated, u.intent, u.quantity, u.quantities, u.money_yuan = "service", "fallback", None, [], None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
    return True


def _meal_errand(u: Understanding) -> bool:
    """点个麦当劳套餐, 送份盒饭到工地, 肯德基全家桶送到家 (the raw message: 送到家 is read as an address too): a meal
    ordered or sent, with nothing of the shop named."""
    if not ((u.intent in _INTENTS or u.intent == "order_status") and (not u.product_words or bool(u.foreign))
            and u.unrelated in ("", "service") and not _WHEN.search(u.raw)):
        return False
    if _ORDERED.search(u.raw):
        return True
    return MEAL.search(u.raw) is not None and _MEAL_ERRAND.search(u.raw) is not None \
        and ("帮" in u.raw or not _ASKED_WHETHER.search(u.raw)) and not _BOUGHT.search(u.raw)
