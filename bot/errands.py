"""Errands and services the shop does not do, named in words the honesty lists lack or with the errand's own verb.

The shop sells certified farm products and its love card. A message asking for somebody's work or a right to travel
or to be served is an errand, answered short and honestly (这个我们办不了 … 订票、抢票这类服务都办理不了), never an
order and never 没有找到「…」:

* travel tickets and trips (春节回家的卧铺票, 学生票 寒假回家, 抢票 腊月二十八 回家, 过年出国旅游 泰国团, 三亚五日游);
* fees and fines paid (交交通罚款, 缴物业费), cleaning or repairs at the door (上门洗油烟机, 清洗空调), photos taken
  (全家福拍照 预约), a restaurant booked (年夜饭 饭店预订);
* a service followed by the verb of having it done (话费充值 50, 酒店预订, 拍照 预约): the verb after the noun is the
  errand's, never a buying word (and 话费 there is no card sold elsewhere).

Goods said with 订 / 预订 stay goods (订两箱苹果, 预订年货礼盒: a catalogue word, no service), and so does a service
asked whether sold or priced (有电影票吗 → search, 上门修空调多少钱 → ask_price: bot.service_goods).
"""
from __future__ import annotations

import re

from bot import takeaway

# Services the honesty lists do not hold (bot.honesty._SERVICE_NOUNS): travel tickets and seats, trips, fines and
# fees, cleaning or repairing at the door, family photos, a restaurant or its table booked.
_MORE = re.compile(
    r"(?:卧铺|硬卧|软卧|硬座|软座|站|学生|儿童|往返|返程|回程|单程|春运|高铁|动车|火车|汽车|大巴|飞机|船|车|机|回家的?)票"
    r"|卧铺|硬卧|软卧|硬座|二等座|一等座|商务座|抢票|春运"
    r"|出国游|出境游|出国旅游|出境旅游|旅游|旅行团|(?<=[\u4e00-\u9fff])(?:国|洲)团|[一二三四五六七八九十\d]日游|自驾游|跟团|报团"
    r"|罚款|罚单|(?:交|缴)(?:一下|个)?(?:交通|违章|停车|物业|电|水|燃气|网|学|党|停车)?(?:费|罚款|税)(?!用)"
    r"|上门(?:洗|清洗|拆洗|修|维修|安装|装|打扫|保洁|开锁|理发)"
    r"|(?:洗|清洗|拆洗)(?:个|一下)?(?:油烟机|空调|洗衣机|热水器|冰箱|沙发|地毯|窗帘)"
    r"|全家福|照相|写真"
    r"|(?:饭店|饭馆|餐馆|餐厅|酒楼|包间|包厢|年夜饭|团圆饭)\S{0,3}?(?:预订|预定|预约|订)"
    r"|(?:预订|预定|预约|订)(?:个|一桌|桌|一个)?(?:年夜饭|团圆饭|饭店|饭馆|餐厅|包间|包厢)"
    r"|(?:预订|预定|预约|订)(?:个|一桌|桌|一个)?\S{1,4}?(?:宴|酒席)?(?:包间|包厢)"  # 订个生日宴包间
    r"|租(?:一|两|几)?(?:辆|台)"  # 租一辆特斯拉: a car hired
    r"|培训课|一对一(?:辅导|教学|上课|课)?"  # 古筝培训课 一对一: lessons given
    r"|(?:技术|种植|养殖)?培训(?![用的会室])"  # 种植技术培训: taught, not goods (培训用的茶叶 is goods for it)
    r"|(?:学|教)(?:种植|养殖|嫁接|种|养|栽)(?:一下|点|些)?[\u4e00-\u9fff]{0,6}")  # 学种猕猴桃: a skill, no fruit
# The verb of having a service done said after its name (话费充值, 饭店预订, 拍照 预约, 酒店 办理): an errand's, not a
# purchase's; 充值卡 / 订单 are other words.
_DONE_AFTER = re.compile(r"(?:充值|预订|预定|预约|办理|代办|订)(?![单卡券购])")
# The errand's own verb starting the service (抢票, 拍照, 照相, 预约): no buying verb, though 抢 and 拍 buy goods.
_OWN_VERB = re.compile(r"抢|拍照(?![好的功效])|拍全家福|照相|预约")  # not 拍照好的手机: a quality
# Bookings: with 订 before them they are the assistant asked to book (订张卧铺票, 订机票, 订个酒店, 订年夜饭), which it
# cannot; a show's or a park's ticket ordered (订三张动物园门票) stays an order not found.
_BOOKED = re.compile(r"(?:机|车|卧铺|高铁|火车|动车|船|飞机|返程|往返|回程|学生|硬座|软卧|硬卧|回家的?)票"
                     r"|卧铺|硬座|软卧|硬卧|酒店|宾馆|民宿|饭店|饭馆|餐厅|年夜饭|团圆饭|包间|包厢|桌|旅游|团")
_BOOKING = re.compile(r"(?:订|预订|预定)")


def spans(compact: str) -> list[tuple[int, int]]:
    """Where the message names a service of `_MORE`."""
    return [m.span() for m in _MORE.finditer(compact)]


def done(text: str, start: int) -> bool:
    """The service starting at `start` in `text` (compact) is an errand by its verb: its own (抢票, 拍照 预约), a
    verb of having it done after its name (话费充值, 饭店预订), or 订 before a booking (订张卧铺票)."""
    rest = text[start:]
    if _OWN_VERB.match(rest) or "预约" in text:
        return True
    first = re.match(r"[\u4e00-\u9fff]{2}", rest)
    if first is not None and _DONE_AFTER.search(text, start + len(first.group())):
        return True
    booked = _BOOKING.match(rest) is not None or _BOOKING.search(text[:start]) is not None  # 订张正月初六的卧铺票
    return booked and _BOOKED.search(rest) is not None


# The kind of service named, for the answer (充话费 → 这里只卖…，充话费、充值这类服务都办理不了), first match wins.
_KINDS = (
    (re.compile(r"话费|充值|流量|充\S{0,3}钱"), "充话费、充值"),
    (re.compile(r"险|续保|理赔|保单|汇率|行情|借我|贷款|余额宝|零钱|提现|股票|比特币|基金|定投|理财|转账|汇款|花呗|借呗"
                r"|白条|额度|分期|利息|微粒贷|外币|换汇|美元|美金|日元|欧元|港币"), "保险、理财、借贷、转账"),
    (re.compile(r"票|卧铺|硬座|软卧|硬卧|座位?|春运"), "订票、抢票"),
    (re.compile(r"旅游|旅行|团|日游|自驾|签证|护照|酒店|宾馆|民宿|住宿"), "旅游、订酒店"),
    (re.compile(r"饭店|饭馆|餐馆|餐厅|酒楼|年夜饭|团圆饭|包间|包厢|桌|订座|订位"), "订餐、订座"),
    (re.compile(r"罚款|罚单|违章|(?:交|缴)\S{0,4}(?:费|税)|公积金|社保|医保|个税"), "交费、办事"),
    (takeaway.MEAL, "点外卖、送餐"),
    (re.compile(r"拍照|照相|摄影|写真|全家福|婚纱照|证件照|跟拍"), "拍照、摄影"),
    (re.compile(r"上门|清洗|洗|保洁|家政|保姆|月嫂|维修|修|开锁|换锁|疏通|安装|搬家|装修|加氟"
                r"|换\S{0,4}(?:电瓶|电池|屏幕|屏|轮胎)|贴膜|坏了|打不着火|不制冷|不制热|开不了机|绝育|宠物"),
     "上门维修、家政"),
    (re.compile(r"加\S{0,2}油|加油站|汽油|柴油|充电桩|充电站|保养|[换补]\S{0,2}胎|年检|年审"), "加油、充电、汽车保养"),
    (re.compile(r"航班|班车|改签|退票|余票"), "订票、抢票"),
    (re.compile(r"寄(?!养)|国际快递|快递\S{0,4}电话"), "寄快递"),
    (re.compile(r"车|代驾|外卖|跑腿|快递|寄件|取件|配送|闪送"), "叫车、跑腿、配送"),
    (re.compile(r"驾照|驾考|科目|报名|考试|考证"), "报名、考证"),
    (re.compile(r"写\S{0,10}(?:总结|报告|作文|论文|文章|方案|计划|简历|演讲稿|文案|材料|发言稿)"), "代写文章"),
    (re.compile(r"健身|游泳|瑜伽"), "健身、运动"),
    (re.compile(r"预约|挂号|体检|理发|美甲|按摩|足疗"), "预约"),
    (re.compile(r"网银|银行|取现|取钱|取款|存钱|存款|提额|挂失"), "银行业务"),
    (re.compile(r"视频|fm|网|id|tv|app|音乐|直播|下载", re.IGNORECASE), "别家软件、网站的使用"),
    (re.compile(r"课|培训|辅导|陪练|私教|补习|家教"), "课程、培训"),
)


def kind(compact: str) -> str:
    """The kind of service the message names (充话费、充值, 订票、抢票 …), "" when none of `_KINDS`."""
    return next((said for pattern, said in _KINDS if pattern.search(compact)), "")


def answer(compact: str) -> str:
    """The short honest answer to an errand, naming its kind when known."""
    said = kind(compact)
    shop = "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡"
    return f"抱歉，这个我们办不了。{shop}，{said}这类服务都办理不了。" if said else f"抱歉，这个我们办不了。{shop}。"
