"""Questions about the world and small talk, which the assistant cannot look up and which name no goods.

* when something happens (春晚几点开始, 世界杯什么时候开赛, 几号开学), when a train or a plane comes (高铁几点到, 航班
  什么时候起飞), the weather (明天会下雪吗, 周末下雨不), a holiday's length said without its name (放假几天, 什么时候
  放假), where a place is (枣庄是哪个省): `world`, answered that the assistant cannot look such things up;
* small talk asked of the assistant (你吃饭了吗, 吃了没, 你几岁了, 在干嘛呢): `talk`, answered kindly.

Both are `fallback` (bot.honesty.unrelated), never a search for 「春晚几点开始」. A question about the shop keeps its
kind: when it ships (几点发货, 过年放假还发货吗), its hours (你们几点上班), an order's parcel (快递几点到).
"""
from __future__ import annotations

import re

_WHEN = r"(?:几点|几号|哪天|哪一天|什么时候|啥时候|几时|几月几号)"
# When an event of the world happens (春晚几点开始, 世界杯什么时候开赛, 几号开学, 什么时候出成绩).
_EVENT = re.compile(_WHEN + r"(?:钟)?(?:开始|结束|开播|播出|播|直播|开演|开幕|闭幕|开赛|揭晓|公布|出成绩|放榜|开学"
                    r"|收假|开工|过年|除夕|立春|下班)")
# When a train, a plane or a bus comes or leaves (高铁几点到, 飞机什么时候起飞, 末班地铁几点).
_TRAVEL = re.compile(r"(?:高铁|火车|动车|飞机|航班|班机|大巴|客车|长途车|公交|地铁|轮船|车次)\S{0,6}?"
                     + _WHEN + r"(?:到|开|发车|出发|起飞|降落|到站|进站|能到|停运|停|结束)?")
# The weather (明天会下雪吗, 周末下雨不, 北京明天冷吗, 这几天降温吗): asked, no goods.
_WEATHER = re.compile(r"(?:会|要|能|还)?(?:下雪|下雨|下大雨|下暴雨|刮风|刮大风|降温|升温|有雾霾|有雾|有台风|有雨|有雪"
                      r"|打雷|下冰雹|出太阳)"
                      r"(?:了)?(?:吗|么|不|没|没有|嘛|呢|啊|呀)?$")
# A holiday's length or day said without its name (放假几天, 放几天假, 什么时候放假, 调休吗).
_HOLIDAY = re.compile(r"放(?:几天|多少天|多久)(?:的)?假|放假(?:放)?(?:几天|多少天|多久|吗|了吗|没)"
                      + "|" + _WHEN + r"(?:放假|收假|调休)|调休(?:吗|几天|怎么调)")
# Where a place is (枣庄是哪个省, 昭通属于哪个市): geography, not an origin of goods (no product word is said).
_PLACE = re.compile(r"(?:是|在|属于)哪个(?:省|市|国家|地方)(?:的)?(?:啊|呀|呢)?$")
# Words of the shop beside such a question: it is the shop's (几点发货, 过年放假还发货吗, 快递几点到, 你们几点上班).
SHOP = re.compile(r"发货|发吗|发不发|快递|物流|到货|送到|送货|配送|订单|包裹|单号|客服|营业|你们|你家|咱家|店|商城"
                   r"|下单|爱心卡|活动|优惠|秒杀|直播间|退|付款|上班|开门|关门")
# Small talk asked of the assistant (你吃饭了吗, 吃了没, 你几岁了, 你在干嘛呢, 你是男的还是女的).
_SMALL_TALK = re.compile(r"^(?:那|哎|喂)?(?:你|您)?(?:今天|中午|晚上)?"
                         r"(?:吃饭了|吃了饭|吃过饭了|吃了|吃过了|睡了|睡觉了|下班了|在干嘛|在干什么|在干啥|在做什么|忙吗|忙不忙|累不累|累吗|几岁了?|多大了?|是男的?还是女的?"
                         r"|是男是女|结婚了|有对象|有男朋友|有女朋友|住哪|住在哪)"
                         r"(?:吗|没|么|呀|啊|呢|没有|嘛|啦)*$")


def world(compact: str) -> bool:
    """A question about the world (see the module), with no word of the shop beside it."""
    if SHOP.search(compact):
        return False
    return any(p.search(compact) for p in (_EVENT, _TRAVEL, _WEATHER, _HOLIDAY, _PLACE))


def small_talk(compact: str) -> bool:
    """你吃饭了吗 / 吃了没 / 你几岁了: small talk asked of the assistant."""
    return _SMALL_TALK.match(compact) is not None


TALK_REPLY = "哈哈，我是爱心助农的下单助手，不用吃饭睡觉，一直在线。想买点扶贫好物或者消费扶贫爱心卡，直接告诉我就行。"
