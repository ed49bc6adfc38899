"""Services asked about in shopping words: the car and its fuel, trips, the bank, one's own parcel, a repair, a course
or an insurance priced or bought, and an app whose name holds a food word.

The shop sells certified farm products and its love card. A message about one of these is a `fallback` with the short
honest answer (抱歉，这个我们办不了 … bot.errands.answer), whatever its buying, price, how-to or stock words, never a
search, an order, help, an after-sales question or an order's status:

* the car and its fuel (帮我加个油, 附近哪里有加油站, 92号汽油多少钱一升, 柴油怎么买, 充电桩在哪充电,
  汽车保养一次多少钱, 附近哪有换胎的): fuel is sold at the pump, the car is cared for at a garage (机油, 轮胎,
  洗车液 stay goods);
* trips (帮我查下航班延误没, 飞机票退票怎么退, 明天去广州的高铁票还有吗, 学生票怎么买, 米脂到榆林的班车): a flight,
  a bus line, a refund or a seat left is the carrier's (有电影票吗 and 机票多少钱, asked as goods, stay
  bot.service_goods');
* the bank (怎么开通网银, 我要取现金, 花呗怎么提额): money kept elsewhere; a phone topped up (买个流量包,
  移动话费充50);
* one's own parcel (帮我寄一箱东西回老家, 寄文件到上海要多久, 帮我寄土特产 … 我自己的东西, 京东快递电话多少,
  国际快递寄药): the shopper's things sent, a courier's number (福贡漆油给我寄两瓶 is goods sent to the shopper);
* a repair (热水器坏了; 换个手机电池多少钱, 小米手机换屏多少钱, 哪里能贴膜: a part changed, priced or sought): a
  device or a fixture mended, no goods of ours broken (收到的苹果坏了 stays after-sales; 修手机 换屏 alone stays a
  thing asked for, as the kept sets have it);
* a course or an insurance priced or bought (驾校报名多少钱, 瑜伽私教课多少钱, 钢琴陪练怎么收费, 给我妈买个养老保险,
  家财险怎么买): a lesson and a policy are no goods; whether the shop has one (有没有游泳课, 有没有车险) keeps its
  reading;
* an app whose name holds a food word, asked how it is used or its membership priced or opened (梨视频怎么下载,
  荔枝FM怎么用, 土豆网还能看吗, 苹果ID密码忘了, 百合网会员怎么开通), or opened (打开微信读书):
  the food word is inside the name, no goods (苹果 of 苹果ID is no apple); whether the shop has one (有没有芒果TV会员)
  keeps its reading, and so does its price asked (芒果TV会员多少钱: ask_price in the kept sets);
* gifts sent in a live stream (帮我在花椒直播上刷个礼物), a game's skins or coins bought (吃鸡游戏皮肤怎么买), a
  cosmetic procedure (有没有苹果肌填充), a tour priced (张家界旅游团多少钱) and where to stay (凤凰古城住哪里方便).

The lists are words of each domain, not sentences; a catalogue word said outside the service's words keeps the message
about goods (加油站旁边的苹果 is apples).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

# The car and its fuel: filled up, a station, fuel by its grade, a charger found, the car cared for at a garage.
_CAR = (r"加(?:个|点|满|一箱|箱|\d+(?:号|块|元)?)油|加满油?|加油站|(?:汽油|柴油)(?![机桶泵滤发壶])|\d{2}号(?:汽)?油"
        r"|充电站|充电桩\S{0,4}(?:在哪|哪里|哪儿|怎么)|(?:附近|周边|哪里|哪儿|在哪)\S{0,4}充电"
        r"|[换补](?:个|一下)?轮?胎|(?:汽车|车子|爱车)\S{0,2}(?:保养|年检|年审|打蜡|镀晶|喷漆|钣金|四轮定位)")
# Trips: a flight, a bus line, a refund or a change of a ticket, a seat left, how a ticket is got.
_TRIP = (r"航班|班车|退票|改签|余票|值机|登机牌|(?:飞机|高铁|火车|动车|列车)\S{0,3}(?:延误|晚点)"
         r"|(?:[车机船]|高铁|动车|卧铺|学生|儿童)票\S{0,2}(?:还有|还剩|有票)"
         r"|(?<![发开])票(?:怎么|如何|咋|在哪|哪里|去哪)(?:买|订|抢|退|改|取|办)")
# The bank: online banking, cash taken out or put in, a credit line raised, a card reported lost.
_BANK = (r"网银|手机银行|网上银行|取(?:现金|现|钱|款)(?![码机])|存(?:钱|款)(?![罐])|提额|挂失|U盾|u盾"
         r"|(?:花呗|借呗|白条|信用卡)\S{0,3}(?:额度|开通|提)")
# One's own parcel: things, papers or luggage sent, the shopper's own goods, a courier's number, abroad.
_PARCEL = (r"(?:帮我|替我|帮忙)寄(?:个|一个|一箱|一件|一份|一些|些|点)?东西"  # not 怎么给别人寄东西: our goods sent
           r"|寄(?:个|一个|一件|一份|一些|些|点)?(?:文件|包裹|行李|衣服|资料|合同|证件|材料)"
           r"|寄\S{0,12}自己的东西|自己的东西\S{0,12}寄|[\u4e00-\u9fffa-z]{0,4}快递(?:公司|网点)?\S{0,2}(?:电话|客服)|国际快递|国际件")
# A repair: an appliance or a fixture broken; a device's battery or screen changed, or a screen protector fitted,
# priced or sought (修手机 换屏 alone is read as a thing asked for, as the kept sets have it).
_BROKEN = r"(?:热水器|空调|冰箱|洗衣机|电视|油烟机|燃气灶|马桶|水管|电脑|手机|路由器|门锁|水龙头|微波炉)\S{0,2}坏了"
# A phone topped up: a data pack, credit topped up by a sum (移动话费充50; 话费充值 100 and 来100元话费 are read as the
# kept sets have them).
_TOPUP = r"流量包|(?:话费|流量)充(?=\d)"
# A cosmetic procedure (苹果肌填充, 玻尿酸, 水光针): a clinic's, whatever food word names the body part.
_COSMETIC = (r"(?:苹果肌|法令纹|泪沟|鼻子|下巴|额头|太阳穴|嘴唇)?(?:填充|注射)|(?:打|注射)(?:个|点)?(?:玻尿酸|肉毒素?)"
             r"|水光针|瘦脸针|除皱针|隆鼻|割双眼皮|医美|整形")  # 面膜 补水 玻尿酸: goods
# Gifts sent in a live stream (花椒直播上刷个礼物, 给主播打赏): the platform's, no goods.
_STREAM = r"(?:[\u4e00-\u9fffa-z]{0,4}直播\S{0,3}?)?(?:刷|送)(?:个|点|一个|几个)?(?:礼物|火箭|嘉年华)|打赏|给主播"
# Where to stay on a trip (凤凰古城住哪里方便): lodging advice; 你住哪 (small talk) is not.
_LODGING = r"(?<![你您])住哪(?:里|儿)?(?:方便|好|合适|划算|便宜|比较好|最好)"
_SERVICES = re.compile("|".join((_CAR, _TRIP, _BANK, _PARCEL, _BROKEN, _TOPUP, _COSMETIC, _STREAM, _LODGING)))
# Bought things of a game (吃鸡游戏皮肤怎么买, 王者点券多少钱) or a tour (张家界旅游团多少钱), priced or got.
_GAME_OR_TOUR = re.compile(r"(?:游戏|手游)\S{0,3}(?:皮肤|点券|钻石|装备|礼包|道具|金币)|皮肤\S{0,2}(?:怎么买|多少钱)"
                           r"|点券|旅游团|跟团游|报团")
# An app opened (打开微信读书): the assistant opens no app; the shop's own pages (订单, 购物车) are asked of it.
_OPEN_APP = re.compile(r"^(?:帮我|请|麻烦)?打开(?:一下)?(?!.*(?:订单|购物车|爱心卡|地址|我的))[\u4e00-\u9fffa-z]{2,8}$")
_PART_CHANGED = re.compile(r"[换贴](?:个|块|张|一个|一块|一张)?(?:手机|电脑|笔记本|平板|电动车)?"
                           r"(?:电池|电瓶|屏幕|屏|外屏|内屏|膜)")
# A course or an insurance policy (课 of 课桌, 课外书 and 上课 is none; 运费险 is the shop's shipping).
_COURSE = re.compile(r"网课|(?<![上下])课(?![桌本椅外件])|课程|培训|辅导|陪练|私教|驾校|考证|补习|家教")
_INSURANCE = re.compile(r"(?<!运费)(?<!退货)(?:保险|(?:车|寿|意外|医疗|重疾|养老|财产|家财|宠物|人身|少儿|健康"
                        r"|旅游|旅行|意外伤害|百万医疗)险)(?![柜箱丝杠带盒锁套])")
# Priced, bought, enrolled in or asked how it is got.
_PRICED = re.compile(r"多少钱|什么价|啥价|价格|价钱|收费|怎么收|报价|几块|多少一(?:节|次|年|月|个|份|小时|课)")
_GOT = re.compile(r"(?:买|来|办|上|交|续|报)(?:个|份|一份|一个|点|一下)?\S{0,4}?$|怎么(?:买|办|报|交|弄|上|续)|报名")
_SOUGHT = re.compile(r"哪里|哪儿|在哪|去哪|找谁|要多久")
# Whether the shop has it (有没有车险, 有英语网课吗): asked as goods, kept as it was read (bot.service_goods).
_HAS = re.compile(r"有没有|有没|有卖|有售|有吗|有么|有货|有不"
                  r"|^(?:请问|你们|这里|这儿|店里)?有\S+?(?:吗|么|没|不)$")
# An app whose name may hold a food word (梨视频, 荔枝FM, 土豆网, 苹果ID), asked how it is used.
_APP = re.compile(r"(?<=[\u4e00-\u9fffa-z0-9])(?<![们的这那个我你])"
                  r"(?:视频|fm|网(?![站页上购址])|id|tv|app|音乐|直播|浏览器|输入法)\S{0,3}?(?:怎么下载|下载|怎么用|怎么登|登录|登陆|登不上|注册|密码|能看|还能看|打不开|闪退"
                  r"|卸载|更新|忘了|会员\S{0,2}(?:怎么开|开通|续费|充值))")
_NAME = re.compile(r"[\u4e00-\u9fffa-z0-9]{1,4}$")
# The shop's own love card said (爱心卡能挂失吗): the card's rules answer, not this module.
_LOVE_CARD = re.compile(r"爱心卡|扶贫卡|助农卡|(?:我的|这张|那张)卡|^卡")
_KEPT = frozenset({"greet", "thanks", "cancel", "confirm", "cancel_order", "change_address", "pay_order", "claim_card",
                   "buy_card", "card_balance"})


def span(text: str) -> tuple[int, int] | None:
    """Where `text` (compact, lower case) names a service of the module asked about, None when it names none."""
    app = _APP.search(text)
    if app is not None:  # 梨视频怎么下载: the app's name, taken back over the words before its suffix
        name = _NAME.search(text[:app.start()])
        return (name.start() if name else app.start()), app.end()
    found = _SERVICES.search(text) or _OPEN_APP.match(text)
    if found is not None:
        return found.span()
    if _HAS.search(text):
        return None
    asked = _PRICED.search(text) or _GOT.search(text) or _SOUGHT.search(text)
    if asked is None:
        return None
    changed = _PART_CHANGED.search(text) if asked.re is not _GOT else None  # 小米手机换屏多少钱, 哪里能换电池
    if changed is not None:
        return min(changed.start(), asked.start()), max(changed.end(), asked.end())
    named = _COURSE.search(text) if asked.re is _PRICED or "报" in asked.group() else None
    named = named or _INSURANCE.search(text) or _GAME_OR_TOUR.search(text)
    return (min(named.start(), asked.start()), max(named.end(), asked.end())) if named else None


def revise(u: Understanding) -> None:
    """A service of the module asked about (see the module): `fallback`, set aside as a service; a catalogue word
    said outside the service's words keeps the message as it was read."""
    if u.intent in _KEPT or u.order_no or _LOVE_CARD.search(u.text):
        return
    text = u.text.lower()
    raw = re.sub(r"\s+", "", u.raw.lower())
    found = span(text) or span(raw)  # 花呗怎么提额: the raw words, before any slip is mended
    if found is None:
        return
    said = raw if span(text) is None else text
    named = said[found[0]:found[1]]
    if any(w not in named for w in u.product_words):
        return  # 加油站旁边的苹果: goods named besides
    u.unrelated, u.intent, u.quantity, u.quantities = "service", "fallback", None, []
    u.money_yuan, u.card_count, u.pick = None, None, None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""
