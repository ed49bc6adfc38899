"""Money talk that is no shopping: a scam's money demand, an investment or agency offer, a rebate promised.

Whatever shop word sits in such a message (领鸡蛋, 卖蜂蜜, 买你们的卡), nothing is offered or drafted: the shop never
asks for a fee before giving anything, runs no agency, investment or rebate scheme. The reply says so.

* a demand for money before something is given: a prize, a subsidy, a free gift or a "someone said" (中奖, 补助,
  免费领, 有人说 …) beside paying a fee, a deposit or a transfer (交手续费, 先交运费, 转账, 保证金 …);
* an investment or agency offer (投资, 回报, 分红, 招代理, 加盟, 刷单, 拉人头 …);
* a rebate promised (返现, 返利, 返点).

The lists are kinds of scheme and of money asked, never sentences.
"""
from __future__ import annotations

import re

# Something given for nothing, or a third party's word: the bait of a money demand.
_BAIT = re.compile(r"中奖|中了奖|领奖|抽奖|奖品|奖金|补助|补贴|扶贫款|扶贫金|救助金|慰问金|免费领|免费送|白送|白领|"
                   r"有人说|有人打电话|打电话说|电话里说|短信说|发短信|通知说|说是你们|冒充|领(?!卡|取码)")
# Money asked before anything comes: a fee, a deposit, a transfer (先交运费, 交三百块手续费, 转账保证金).
_DEMAND = re.compile(r"手续费|保证金|押金|解冻费|激活费|工本费|服务费|入会费|会费|税费|个税|认证费|"
                     r"转账|汇款|打款|(?:先|要|需要|得)(?:交|付|缴|转|打)|(?:交|缴)\S{0,6}(?:钱|费|块|元)")
# An investment, an agency or a side job selling for the shop: no goods asked for (招商银行 is a bank's name).
_SCHEME = re.compile(r"投资|回报率|回报多少|高回报|收益率|分红|理财|入股|招代理|做代理|当代理|代理商|代理费|"
                     r"加盟|招商(?!银行|局)|刷单|拉人头|发展下线|传销|稳赚|躺赚|日赚|月入")
# A rebate promised on a purchase (返现20%, 返利, 返点).
_REBATE = re.compile(r"返现|返利|返钱|返点|返佣|返还\S{0,3}%")

REPLY = ("请当心：爱心助农不会以中奖、补助、返现等名义让您先交手续费、运费或转账，也不招代理、不做投资理财。"
         "这里只卖认定的扶贫农产品和消费扶贫爱心卡，钱只在您确认下单后付给订单本身。"
         "有人这样向您要钱，请不要转账，可拨打96110反诈专线。")


def money_talk(text: str) -> bool:
    """True when the compact message is a money demand, an investment or agency offer, or a rebate (see module)."""
    if _SCHEME.search(text) or _REBATE.search(text):
        return True
    return _BAIT.search(text) is not None and _DEMAND.search(text) is not None
