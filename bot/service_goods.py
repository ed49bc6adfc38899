"""A service or a ticket asked for as if it were goods: what the shopper does with it, and its name as said.

The shop sells certified farm products and its love card, no services and no tickets. A message naming one
(bot.honesty service_spans: 门票, 话剧票, 钢琴课, 月嫂, 保洁, 开锁 …) keeps the intent of what the shopper does, as
another shop's card does (bot.card_goods):

* asks whether the shop has it (有没有月嫂服务, 有保姆吗, 有植物园门票吗, 电影票 有吗) → `search`;
* asks its price (开锁多少钱, 空调清洗一次多少钱, 动物园门票多少一张) → `ask_price`;
* buys it (买三张博物馆门票, 来两张音乐会的票, 订一次上门保洁) → `order`;
* an errand asked of the assistant (帮我叫个车, 帮我租个房子, 我要打车, 开锁 换锁, 外卖 能送吗) stays `fallback`: the
  verb of the errand (叫, 租, 打, 修 …) is no buying, even after 要 or 帮我; so is any service the shopper asks the
  assistant itself to get done, 帮我 + a verb (帮我订张明天去广州的机票, 帮我抢两张演唱会门票, 帮我预约故宫,
  12306帮我抢票, 帮我P个图, 帮我砍一刀, 帮我代打排位): the assistant would be doing it, and it can book and fetch
  nothing.

Whatever the intent, nothing is offered and nothing drafted: 没有找到「the words as said」 and what the shop is
(bot.turns.honest.service_answer).
"""
from __future__ import annotations

import re

from bot import errands

_PRICE = re.compile(r"多少钱|什么价|啥价|价格|价钱|收费|怎么收|怎么卖|咋卖|几块|多少一(?:张|次|位|个|节|小时|天|人)")
_ASKS = re.compile(r"有没有|有没|有吗|有卖|有售|卖不卖|卖吗|有不|^(?:请问|你们|这里|这儿|店里)?有\S+?(?:吗|么|没)$")
_BUY = re.compile(r"买|来|订|预订|预定|下单|抢|拍|(?<!需)(?<!不)要(?!不要)")
# The verb of an errand, right at the start of the service's words (叫个车, 租个房子, 打车, 修手机, 交电费): having it
# done is no buying, whatever comes before (帮我, 我要).
_ERRAND_VERB = re.compile(r"^(?:打|叫|租|修|查|办|挂|寄|取|交|缴|约|搬|开|换|疏通|配|洗|点|代|跑)")
# Errands whatever the verb (订个外卖, 要个跑腿): somebody fetches or drives, nothing is bought from the shop.
# Sending or fetching a parcel or a meal, or a ride: an errand even when its price is asked (寄件 中通 多少钱).
_SENDING = re.compile(r"寄件|取件|寄快递|外卖|跑腿|代驾|打车|叫车")
_ERRAND = re.compile(r"外卖|跑腿|代驾|打车|叫车|网约车|出租车|顺风车|滴滴|寄件|取件|寄快递|搬家")
# The shopper asks the assistant itself to do it (帮我订…, 替我抢…, 麻烦帮忙约…): an errand whatever the verb.
_FOR_ME = re.compile(r"帮我|帮俺|帮忙|替我|麻烦你?帮")
# Errands about one's own records (帮我查一下公积金, 社保怎么交): no service sold, asked of the assistant.
RECORDS = re.compile(r"公积金|社保|医保|个税|违章|征信|信用分")
# Whether a repairer or a cleaner comes to the door (水管坏了能上门修吗): asked of the assistant, never goods.
# 空调加氟上门吗 too, not goods brought (能送货上门吗: the shop's shipping)
# 空调坏了能来修吗 too: somebody coming to repair or fit (来修, 过来装), never goods.
AT_DOOR = re.compile(r"(?:能|可以|会|能不能|可不可以)"
                     r"(?:上门|(?:派人|找人)?(?:过来|来)(?:帮忙)?(?:修|维修|装|安装|看看|看一下))"
                     r"|(?<![送货])上门(?:吗|不|么|嘛|服务吗)$")
# A repairer or a hirer nearby asked for (附近有没有修手机的, 周边有租车的吗): somebody's shop, never goods here.
_NEARBY_DOER = re.compile(r"(?:附近|周边|周围|这边)\S{0,5}?(?:修|租|洗|配钥匙|开锁)")
# Whether the shop sells a financial product (有没有理财产品): a question of goods, not a scheme to warn about.
FINANCE_ASKED = re.compile(r"^(?:请问|你们|这里|店里)?(?:有没有|有)(?:什么)?(?:理财产品|基金|保险)(?:吗|卖吗|卖)?$")


def action(text: str, spans: list[tuple[int, int]]) -> str:
    """`search`, `ask_price` or `order` for a service named in `text` (compact) at `spans`; "" for an errand."""
    if RECORDS.search(text) or AT_DOOR.search(text) or _SENDING.search(text) or _NEARBY_DOER.search(text):
        return ""  # 帮我查一下公积金, 水管坏了能上门修吗, 寄件 中通 多少钱: asked of the assistant
    if _PRICE.search(text):
        return "ask_price"
    if _ASKS.search(text):
        return "search"
    start = min(a for a, _ in spans)
    if _FOR_ME.search(text[:start]):
        return ""  # 帮我订张机票, 12306帮我抢票: the assistant asked to book it, which it cannot
    if (_ERRAND_VERB.match(text[start:]) and not _BUY.match(text[start:])) or _ERRAND.search(text):
        return ""  # 帮我叫个车, 我要打车: an errand
    if errands.done(text, start):
        return ""  # 抢票 腊月二十八 回家, 全家福拍照 预约, 年夜饭 饭店预订: the errand's own verb, never a purchase
    if _BUY.search(text[:start]) or _BUY.match(text[start:]):
        return "order"
    return ""


def said(text: str, spans: list[tuple[int, int]]) -> str:
    """The service as said: the run of words ending at the last span (taken back over the words glued before it:
    博物馆门票, 音乐会的票, 张家界门票) without the asking and buying words and the count before it (买三张博物馆门票 →
    博物馆门票, 有没有月嫂服务 → 月嫂服务)."""
    end = max(b for _, b in spans)
    end += 2 if text[end:end + 2] == "服务" else 0
    runs = re.findall(r"[\u4e00-\u9fffA-Za-z0-9]+", text[:end])
    name = runs[-1] if runs else ""
    name = _LEAD.sub("", name)
    return name or text[min(a for a, _ in spans):end]


_COUNT = r"[\d一二两三四五六七八九十几]+(?:张|次|份|个|位|节|场)"
# Asking and buying words and the count before the service's name; a measure alone only after a verb (订张机票; the
# 张 of 张家界门票 stays).
_LEAD = re.compile(r"^(?:请问|你们|这里|店里|我想|我要|我|帮我|给我|麻烦)*"
                   r"(?:(?:有没有|有没|有卖|有|卖不卖|买|来|订|预订|预定|要|下单|抢|拍)"
                   r"(?:" + _COUNT + r"|一下|个|张|次|份)?|" + _COUNT + ")?")
# Services the honesty lists do not hold as nouns: tickets of a show or a place (话剧票, 音乐会的票, 球票), lessons
# (钢琴课), financial products (理财产品), errands about records (公积金) and asking for someone at the door.
_MORE = re.compile(r"(?:话剧|音乐会|演唱会|音乐剧|歌剧|舞剧|相声|球赛|比赛|展览|展会|演出|电影|乐园|公园|植物园|动物园|"
                   r"博物馆|科技馆|水族馆|海洋馆|景点|剧场|球)的?票"
                   r"|(?:钢琴|小提琴|吉他|古筝|舞蹈|游泳|英语|绘画|美术|书法|编程|瑜伽|健身|声乐|围棋|跆拳道|私教)课"
                   r"|理财产品|基金"
                   # work done online for someone: editing a photo, a bargain link, a game played, a booking grabbed
                   r"|[p修做](?:个|张|一下|几张)?图|[p修](?:一下)?(?:这|那)?(?:张|个|些)?(?:照片|相片)|砍一刀|帮砍|代打|代练|陪练|陪玩|上分|排位|抢票|(?<=帮我)预约|(?<=帮忙)预约"
                   "|" + RECORDS.pattern + "|" + AT_DOOR.pattern)


def asked_of_me(text: str, spans: list[tuple[int, int]]) -> bool:
    """能帮我约个理发吗: a service (at `spans`) the assistant itself is asked to get done, 帮我 before it."""
    return bool(spans) and _FOR_ME.search(text[:min(a for a, _ in spans)]) is not None


def more_spans(compact: str) -> list[tuple[int, int]]:
    """Where the message names a service of `_MORE`."""
    return [m.span() for m in _MORE.finditer(compact)]
