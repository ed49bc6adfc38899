"""Matters of everyday life the shop does not deal in, asked with words that look like shopping.

The shop sells certified farm products and its love card. A message about one of these, with no goods named, is a
`fallback` answered short and honestly (nothing offered, nothing drafted, no card action), whatever its buying, price
or asking words:

* the lottery (刮刮乐在哪里买, 今晚福彩3D开奖结果, 体彩排列三怎么玩, 七星彩几点开奖, 你们这能代买彩票吗, 快乐8怎么买,
  彩票店几点关门, 竞彩足球帮我买一注): a ticket of chance is no goods, and 开奖 is no parcel's;
* housing, rented or bought (一室一厅出租, 合租的单间, 二手房多少钱一平, 短租, 把老家的房子租出去, 学区房哪里有,
  月租一千以内的房子, 宿舍能不能帮我找一个, 房租能用爱心卡交吗, 门面出租, 旅馆长租, 宅基地能买吗): a dwelling or a
  shop front, never goods, and rent is not paid with the love card (会议室出租 stays a thing asked whether sold);
* work sought or offered (找份工作, 有没有兼职, 幼儿园招厨师吗, 快递员还招人吗, 普工一个月多少钱, 开车的活, 零工,
  扶贫车间招人吗, 保安的工作): 招 is hiring (招待 and 招牌 are not), 工资 and 一个月多少钱 are wages, not a price;
* the weather (天气怎么样, 会不会刮台风, 明天热不热, 适合晒被子吗, 暴雨预警, 今晚有没有霜冻): `world`, which the
  assistant cannot look up; a place said with it (重庆, 清远) is no origin of goods;
* the government's business and the law (户口迁移要什么材料, 网购被骗了怎么立案: bot.public_matters) and talk for its
  own sake (推荐一部电视剧, 随便聊聊, 你认识马云吗: bot.idle_talk);
* homework (阅读理解答案, 勾股定理是什么, 背一下出师表, 奥数题, 论文查重, 面积公式, 古诗的意思, 出十道口算题):
  a pupil's question, never a search (作业本 and 作文书 are goods).

The lists are words of the language for each domain, not sentences; a message naming a catalogue product keeps its
reading (最近天气热了 想买个电风扇 你们这有吗 asks for a fan).
"""
from __future__ import annotations

import re

from bot import idle_talk, public_matters

_LOTTERY = re.compile(r"彩票|刮刮乐|福彩|体彩|双色球|大乐透|排列[三五35]|七星彩|快乐8|快乐十分|[3３]D|竞彩"
                      r"|(?:买|来|选)(?:一|两|几|五|十|\d)注|机选|中奖号码|兑奖|开奖(?:结果|号码)")
# A dwelling or a shop front (一室一厅, 单间, 门面, 宿舍 …), and renting or buying one (出租, 合租, 短租, 月租 …).
_DWELLING = r"(?:[一二两三四1-4]室[一二两1-2]?厅|单间|房子|房间|住房|门面|店面|铺面|商铺|公寓|宿舍|旅馆|宾馆|套房)"
_HOUSING = re.compile(_DWELLING + r"\S{0,4}?(?:出租|出售|租出去|卖出去|转让|长租|短租|月租|合租|租)"
                      r"|(?:出租|合租|短租|长租|月租|租)\S{0,6}?" + _DWELLING
                      + r"|" + _DWELLING + r"\S{0,8}?找|找\S{0,4}?" + _DWELLING  # 宿舍能不能帮我找一个
                      + r"|合租|短租|房租|学区房|二手房|商品房|公租房|廉租房|宅基地|房价|房东|租客"
                        r"|多少钱一(?:平|平米|平方)|一平(?:米|方)?多少")
_WORK = r"工作(?![服证餐台室日装鞋帽手套包])"  # 工作服, 工作证: goods
# Work sought or offered: hiring (招人, 招厨师), a job (找份工作, 保安的工作), wages (普工一个月多少钱, 工资多少).
_JOBS = re.compile(r"招(?:不招)?(?:人|工|聘|\S{0,3}?(?:师傅|厨师|司机|保安|保姆|帮手|学徒|阿姨|工人|员))"
                   rf"|(?:找|换|介绍|问问|有没有|想找)(?:份|个|一份|一个|点)?(?:{_WORK}|活干|活儿|事做)"
                   rf"|(?:[\u4e00-\u9fff]的)(?:{_WORK}|活儿?|差事)(?:吗|呢|啊)?$|兼职|零工|临时工|普工|小时工|打零工|打工"
                   r"|求职|应聘|实习|月薪|时薪|找活|劳务")
# The weather asked (天气怎么样, 热不热 with a day, 台风, 暴雨预警, 霜冻, 适合晒被子).
_DAY = r"(?:今天|明天|后天|今晚|明晚|今早|明早|这几天|最近|周末|这周|下周|过几天|晚上|白天|早上)"
_WEATHER = re.compile(r"天气(?:怎么样|怎样|如何|咋样|好不好|好吗|预报|情况)|天气预报"
                      r"|台风|暴雨|大暴雨|预警|(?<![防冻])霜冻(?![疮膏])|下霜|寒潮|冰雹|沙尘暴|空气质量|雾霾"
                      rf"|{_DAY}\S{{0,2}}(?:热不热|冷不冷|热吗|冷吗|多少度|几度|带伞|下雨|下雪)"
                      r"|(?:适合|能|可以)(?:晒被子|晒衣服|晾衣服|出门|洗车)")
# Homework: answers, theorems, formulas, poems recited or explained, exercises set, a paper checked.
_HOMEWORK = re.compile(r"答案|阅读理解|定理|公式|奥数|口算|应用题|数学题|作文(?!本|纸|书|选|大全|素材)"
                       r"|查重|论文|古诗|诗词|背诵|默写"
                       r"|背(?:一下|一遍|下)|(?:出|做|解)(?:[\d一二两三四五六七八九十几]+道)\S{0,4}题"
                       r"|作业(?!本|纸)|习题|练习题|鸡兔同笼|方程")

REPLIES = {  # the kinds besides `world`, whose answer is bot.honesty's
    "lottery": ("抱歉，彩票我们不卖也不代买，开奖号码也查不了。"
                "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "housing": ("抱歉，租房、买房、出租这类事我们办不了，爱心卡也只能买本店的认定扶贫产品。"
                "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "jobs": ("抱歉，找工作、招人这类事我们帮不上，请问当地的人社部门或招聘平台。"
             "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "homework": "抱歉，作业题和学习上的问题我答不了。我是爱心助农的下单助手，只管认定的扶贫农产品和消费扶贫爱心卡。",
    **public_matters.REPLIES,  # 户口迁移要什么材料, 劳动合同纠纷找谁: the government's or the law's
    **idle_talk.REPLIES,  # 推荐一部电视剧, 随便聊聊, 天王盖地虎: talk for its own sake
}


def kind(compact: str) -> str:
    """"lottery", "housing", "jobs", "world" (the weather) or "homework" for such a message (see the module), else
    "". The caller keeps a message that names goods as it was read."""
    for name, pattern in (("lottery", _LOTTERY), ("housing", _HOUSING), ("world", _WEATHER), ("jobs", _JOBS),
                          ("homework", _HOMEWORK)):
        if pattern.search(compact):
            return name
    return public_matters.kind(compact) or idle_talk.kind(compact)


LIFE = frozenset(REPLIES)
"""The module's own kinds (bot.shop_workings leaves a message set aside as one: 彩票店几点关门 is no shop's hours)."""
