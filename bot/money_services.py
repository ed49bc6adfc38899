"""Money matters and services no goods answer, asked of the assistant: another platform's balance (余额宝转出,
微信零钱提现), insurance bought or renewed (重疾险怎么买, 车险续保), money borrowed (借我两千), a market's rate or price
(美元汇率多少, 比特币行情), a doctor or a clinic (在线问诊, 宠物医院能预约吗, 我有高血压 吃什么药好), photos printed
(照片冲印), a card sold back (京东E卡回收), a repairer found (我家水管漏了 找个师傅, 手机屏幕碎了 能修吗) and a meal
chosen and ordered for the shopper (今晚吃啥 帮我点), a phone topped up (138… 充点流量), a fund or a transfer (基金定投
怎么弄, 转账给我妈500), a credit line (花呗额度怎么提), social insurance (医保报销怎么弄), a licence or an exam
entered (驾照科目一报名), a gym's card (健身房年卡), a courier in town (同城鲜花配送), a card sold on (天猫超市卡转让),
a text written for the shopper (帮我写一份年终总结), a bank's branch or money changed (招商银行网点几点关门,
能换外币吗), a loan's cost or a car bought by instalments (微粒贷利息多少, 我想分期付款买车) and a parcel taken in
(能帮忙代收快递吗), shares (这只股票能不能买), a repair or a part fitted (手机屏幕碎了去哪修, 电动车换个电瓶多少钱,
空调加氟) and food near the shopper (附近有什么好吃的外卖).

Each is `fallback` with the short honest answer (这个我们办不了 …), never a love-card action (余额 of 余额宝 is not the
card's balance), a search or help. Whether the shop has such a thing (有没有车险, 有卖保险的吗) keeps its reading, and a
catalogue word said with it (花茶能降血压吗) keeps the message about goods.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import selling_here

if TYPE_CHECKING:
    from bot.understanding import Understanding

# Another platform's balance or change: 余额 there is never the love card's.
OTHER_BALANCE = re.compile(r"余额宝|零钱通|理财通|(?:支付宝|微信|京东|美团|银行卡?|信用卡|话费|手机|公交卡|饭卡"
                           r"|校园卡|医保卡|社保卡|公积金)(?:的|里|里的|里面的)?(?:余额|零钱)")
_NUMBER = r"[\d一二两三四五六七八九十百千万几]"
# A parcel at a courier looked up by its number or its courier (帮我查个顺丰快递 SF1234567890, 查个快递 顺丰的 单号
# SF1234567): no order of the shop.
_COURIER = (r"查(?:个|下|一下)?(?:快递|包裹|件)?(?:单号)?(?:顺丰|中通|圆通|申通|韵达|极兔|邮政|EMS|ems|京东)(?:快递)?"
            r"|(?<![A-Za-z])(?:[Ss][Ff]|[Yy][Tt]|[Jj][Tt])\d{6,}")
_ASKED_OF_ME = re.compile(
    OTHER_BALANCE.pattern + r"|提现|转出来?$|(?:还|还款)(?:信用卡|花呗|白条|借呗)|(?:信用卡|花呗|白条|借呗)还款"
    r"|(?:车|重疾|寿|医疗|意外|养老|人身|财产|意外伤害)险|续保|理赔|保单"
    r"|汇率|(?:股票|基金|黄金|金价|币|比特币|大盘|期货)?行情|比特币|以太坊|虚拟币|数字货币|炒股|炒币"
    rf"|借(?:我|给我)(?:点|些)?(?:钱|{_NUMBER}+)|网贷"
    r"|问诊|看病|看医生|宠物医院|兽医|(?:吃|用)(?:什么|啥|哪种)药"
    r"|冲印|洗照片|打印照片|照片打印"
    r"|(?:找|叫|请)(?:个|一个|位|一位)?\S{0,3}师傅|(?:能|可以|能不能|可不可以)修(?:吗|不|嘛|么|好)?$"
    r"|(?:水管|管子|管道|马桶|下水道?|水龙头|屋顶|房顶|暖气)\S{0,3}[漏堵]了"  # not goods received (收到货漏了)
    r"|(?:帮|给)我点(?:吧|一下|下|个吧)?$|找\S{0,2}人\S{0,2}修|(?:附近|周边|周围)\S{0,5}(?<![来要买])修"
    # another maker's after-sales (小米手机售后在哪), gold's price by the gram (黄金多少钱一克; 黄金茶 is goods)
    r"|(?:手机|电脑|电视|空调|冰箱|洗衣机|热水器|小米|华为|荣耀|OPPO|oppo|vivo|三星)\S{0,2}售后"
    r"|" + _COURIER + r"|黄金(?!茶)\S{0,4}(?:多少钱|什么价|啥价)\S{0,2}克|金价"
    r"|充(?:点|些|个|一下|下)?(?:流量|话费)|基金|定投|理财|(?<!对公)(?<!银行)转账(?!付|支付|付款|买|行|可以)|汇款"
    r"|(?<!卡)(?<!卡能)(?<!卡可以)转(?:给|钱给)(?:我|他|她|你)"  # not 把卡转给我妹 (the card given: its rules)
    # 医保报销怎么弄, not 降压药能医保报销吗 (whether goods are covered: a question about them)
    r"|(?:花呗|借呗|白条|信用卡)\S{0,2}(?:额度|提额|开通)|(?<![能可以])(?:医保|社保)(?!卡)|公积金|养老金|个税"
    r"|驾照|驾考|科目[一二三四1-4]|报名|健身房|健身卡|游泳卡|同城\S{0,4}(?:配送|送|快递|跑腿)|闪送"
    r"|写(?:一份|个|一篇|篇|份|一个)?\S{0,8}(?:总结|报告|作文|论文|文章|方案|计划书?|简历|演讲稿|文案|材料|发言稿)"
    # a bank's branch or hours (招商银行网点几点关门), money changed (能换外币吗), a loan's cost (微粒贷利息多少), a
    # parcel taken in for the shopper (能帮忙代收快递吗)
    r"|网点|银行\S{0,4}(?:几点|营业|关门|开门|上班|下班)|外币|换汇|(?:换|兑换?)(?:点|些|一些|成)?(?:美元|美金|日元|欧元|港币|英镑|韩元)"
    r"|微粒贷|借呗|京东金条|车贷|房贷|贷款?\S{0,4}利息|利息\S{0,2}(?:多少|几个点|高不高|怎么算)"
    r"|代[收取](?:个|一下)?(?:快递|包裹|件)|(?:帮|替)(?:我|忙)?[收取](?:个|一下)?(?:快递|包裹)"
    r"|分期\S{0,4}买(?:辆|台|个|套)?(?:车|房|汽车|房子)|买(?:车|房|汽车|房子)\S{0,4}分期"  # a car by instalments
    # shares (这只股票能不能买), a repair or a part fitted (手机屏幕碎了去哪修, 冰箱不制冷了找谁修, 电动车换个电瓶, 空调
    # 加氟), food near the shopper (附近有什么好吃的外卖)
    r"|股票|股市|炒股|A股|港股|美股|(?:去|到)?(?:哪|哪里|哪儿|在哪)(?:能|可以)?修|找谁修|谁(?:能|会)修"
    r"|换(?:个|块|一个|一块)?(?:电瓶|屏幕|外屏|内屏|电池|轮胎)|加氟|(?:附近|周边|周围)\S{0,6}(?:外卖|餐厅|饭店|馆子|好吃的)"
    # an appliance broken (燃气灶打不着火, 冰箱不制冷了), a pet's vet or groomer (猫咪绝育, 宠物洗澡美容), a deposit
    r"|打不着火|不制冷|不制热|开不了机|绝育|宠物\S{0,2}(?:洗澡|美容|寄养)|存定期|定期存款|利息高")
# Asked of somebody who delivers (同城鲜花配送, 闪送): read as an order's delivery, still an errand.
_ERRAND_OVER_STATUS = re.compile(r"同城\S{0,4}(?:配送|送|快递|跑腿)|闪送|跑腿|" + _COURIER)
# Which investment to buy asked (现在买什么基金好, 投哪只股票): advice on money, never goods bought.
_ADVICE = re.compile(r"(?:买|投|选)(?:什么|啥|哪个|哪只|哪些|哪种)(?:基金|股票|理财|保险)")
# A card or voucher sold back (京东E卡回收): its issuer may be a word of some name (京东), still no goods.
_SOLD_BACK = re.compile(r"(?<=[卡券])(?:回收|转让|出售|变现)")
# Whether the shop has it (有没有车险, 有卖保险的吗): a search, answered with what is not sold.
_HAS = re.compile("有没有|有没|有卖|有售|有吗|有么|有货")
# The shop's own love card said (爱心卡能提现吗, 卡里的钱能转出来吗): the card's rules answer, not this module.
_LOVE_CARD = re.compile(r"爱心卡|扶贫卡|助农卡|(?:我的|这张|那张|我那张)卡|^卡(?:里|上|内)")
# Goods wanted for the occasion (给老人买点东西 看病住院的时候吃): shopping, not the service named.
_SHOPPING = re.compile(r"买(?:点|些|一些)(?:东西|吃的|喝的)?")
_KEPT = frozenset({"greet", "thanks", "cancel", "confirm", "cancel_order", "change_address", "pay_order", "claim_card",
                   "buy_card", "order_status"})


def revise(u: Understanding) -> None:
    """A money matter or a service asked of the assistant (see the module): `fallback`, set aside as a service."""
    if selling_here.asked(u.text):
        return  # 我想报名当供应商: how to sell here, not an exam entered (bot.selling_here)
    sold_back = _SOLD_BACK.search(u.text) is not None
    over_status = u.intent == "order_status" and _ERRAND_OVER_STATUS.search(u.text) is not None
    asked = _ASKED_OF_ME.search(u.text) or _ADVICE.search(u.text)  # 花 of 花呗额度 is no goods
    goods = [w for w in u.product_words if asked is None or w not in asked.group()]
    if (u.intent in _KEPT and not over_status) or (goods and not sold_back) or u.pick is not None or u.order_no \
            or _HAS.search(u.text) or _LOVE_CARD.search(u.text) or _SHOPPING.search(u.text):
        return
    advice = u.unrelated == "service_goods" and _ADVICE.search(u.text) is not None  # 现在买什么基金好
    if (u.unrelated not in ("", "service", "card") and not advice) or not (sold_back or asked):
        return
    u.unrelated, u.intent, u.quantity, u.quantities = "service", "fallback", None, []
    u.money_yuan, u.card_count = None, None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
