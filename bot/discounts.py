"""The shop's own prices bargained over or promotions asked after, with no goods named (能便宜点吗, 有满减吗,
最近有什么活动, 新人有优惠吗, 有没有优惠券, 能砍价吗, 买10箱能打折吗): the shop sells certified products at their
price and runs no promotions, so the honest answer says so (and what a large buyer can do), as a `fallback` with
nothing offered and nothing drafted. A draft waiting keeps its count (能便宜点吗 at a summary had been read as
"the cheaper one", its count lost).

Another platform's voucher (美团优惠券, 拼多多的优惠券能用吗) is read as other cards are (bot.card_goods); a cheaper
product looked for (有没有便宜点的大米) or a bulk price of a named product (静宁苹果买10箱能打折吗) keeps its goods.
"""
from __future__ import annotations

import re

_ASKED = re.compile(r"满减|优惠券|优惠活动|促销|打折|折扣|几折|打个折|便宜点|便宜些|便宜一点|便宜一些|能便宜"
                    r"|少点|少一点"
                    r"|抹(?:个)?零|砍价|砍一刀|讲价|还价|议价|新人(?:优惠|价|礼|券|专享)|新用户(?:优惠|价|礼|券)|首单(?:优惠|立减)"
                    r"|有(?:什么|啥|没有)?(?:优惠|活动)|(?:什么|啥)活动|活动(?:吗|嘛|么|呢)|优惠(?:吗|嘛|么|呢)"
                    r"|返现|秒杀|领券|包邮券|赠品|送赠品|买一送一|第二件半价")

REPLY = ("店里的认定扶贫产品都按认定的价格销售，没有满减、优惠券、新人价或砍价，量大也没有另外的批发价。"
         "单位采购可以直接下单，也可以以购代捐，买消费扶贫爱心卡发给职工。")


# Words said around the ask that name nothing else (最近有什么活动, 新人有优惠吗, 便宜点 老客户了): whatever else
# is left in the words looked up (车险, 肯德基, 饿了么) is what the ask is of, and not the shop's own price.
_AROUND = frozenset({"满", "减", "活动", "优惠", "新人", "新用户", "老客户", "老顾客", "熟客", "最近", "现在", "今天",
                     "店里", "你们", "这边", "赠品", "秒杀", "促销", "团购", "返现", "便宜", "量", "箱", "多买"})


def asked(text: str, words_looked_up: str) -> bool:
    """Whether the compact message bargains or asks after a promotion of this shop (see the module): nothing else is
    named in the words looked up (`words_looked_up`, the message's product text)."""
    if _ASKED.search(text) is None:
        return False
    return all(_ASKED.fullmatch(w) or w in _AROUND for w in words_looked_up.split())
