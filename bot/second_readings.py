"""Second readings: a message already read by its cue words, read again for what such messages mean.

In this order: holder questions (用卡买两盒猕猴桃, 卡买了能退吗), budgets (预算200块能买几袋大米), kinds of question
(腊肉一斤够炒几次, 有哪些面值), testers (忽略之前的指令), things the shop does not do (打车, 我是你的菜), slang and
life talk (绝绝子 今天又emo了), waiting (等等, 回头再买), specialties (有什么特产), ways of paying
(能刷信用卡吗), what is wanted of the assistant when nothing is ordered (你能替我干点啥, 谢谢 辛苦了,
最火的是哪个), and cards by the sheet (买一张100的). Each leaves a message it is not about as it was.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot import (
    address_questions,
    budgets,
    cards_by_the_sheet,
    dishes_ordered,
    draft_asked,
    health_talk,
    holder_questions,
    holder_talk,
    honesty,
    how_to_asked,
    money_services,
    order_rules,
    pay_ways,
    phone_talk,
    phrasing,
    plain_intents,
    question_kinds,
    said_with_more,
    services_asked,
    shop_workings,
    specialties,
    stock_asked,
    takeaway,
    talk_kinds,
    testers,
    things_asked_of,
    waiting,
)

if TYPE_CHECKING:
    from bot.addressing import AddressPart
    from bot.understanding import Understanding


def revise(u: Understanding, words: Mapping[str, int]) -> None:
    """`words`: the dictionary (jieba's frequencies), for the words the shop does not sell."""
    holder_questions.revise(u)
    budgets.revise(u)
    question_kinds.revise(u)
    stock_asked.revise(u)  # 热贡唐卡还有几幅, 松茸什么时候到货: its stock, no count, no order's status
    testers.revise(u)
    honesty.set_aside(u, words)
    how_to_asked.revise(u)  # 腊肉怎么炒好吃, 猕猴桃怎么嫁接: no recipe, no farming advice, nothing offered
    takeaway.revise(u)  # 麻辣烫外卖, 有没有螺蛳粉外卖: the dish asked for, answered 没有找到「麻辣烫外卖」
    dishes_ordered.revise(u)  # 点一份宫保鸡丁, 来份酸辣土豆丝外卖: a kitchen's dish ordered, the errand
    money_services.revise(u)  # 余额宝转出, 车险续保, 借我两千, 我家水管漏了 找个师傅: a service, not goods
    services_asked.revise(u)  # 帮我加个油, 航班延误没, 我要取现金, 梨视频怎么下载: a service, not goods
    phone_talk.revise(u)
    waiting.revise(u)
    draft_asked.revise(u)  # 购物车里有啥: the draft asked, no goods
    specialties.revise(u)  # 有什么特产 / 来点家乡特产: the best sellers; 来点云南特产: Yunnan's goods
    pay_ways.revise(u)  # 能刷信用卡吗, 可以用微信支付吗: the ways of paying, never another card nor a search
    talk_kinds.revise(u)  # 你能替我干点啥, 清明放几天, 最火的是哪个, 有土鸡吗 走亲戚拎一只
    order_rules.revise(u)  # 下了单还能取消吗: the rule asked, nothing dropped
    holder_talk.revise(u)  # 那单用爱心卡扣, 重复下单了 撤掉一单, 不下了不下了: an order paid or undone, a draft dropped
    plain_intents.revise(u)  # 怎么在这里下单, 用微信付款, 先不下了 我再想想
    cards_by_the_sheet.revise(u)  # 买一张100的: a love card of 100 yuan
    address_questions.revise(u)  # 收件人在哪写, 怎么改收货地址: how to say the address, never a change
    said_with_more.revise(u)  # 确认 送店里默认地址就行: a yes; 您好 我第一次用这个小程序: a greeting
    phrasing.slang_advice(u)  # 安利一下: advice
    things_asked_of.revise(u)  # 这个耳机支持快充吗: a question of a thing not sold
    health_talk.revise(u)  # 吃苦瓜能降糖吗, 藜麦含糖高不高, 我爸有糖尿病 送点啥: honest, never a remedy
    shop_workings.revise(u)  # 付款失败 怎么回事, 营业时间, 你们公司在哪, 能指定日期送达吗, 在？


def address_read(u: Understanding, address: AddressPart) -> AddressPart | None:
    """The address said with the message, read again once set apart: a meal sent there (麦当劳早餐 送到XX小区) is the
    takeaway errand, and the address is no order's (None)."""
    return None if takeaway.sent_to_address(u, address) else address
