"""How to cook a dish or grow a crop, asked with the shop's words: no recipe and no farming advice is given here.

The shop sells certified farm products; its pages state origin, pack and tags, never a recipe or a grower's method.
Such a question is a `fallback` answered short and honestly (nothing offered, nothing drafted), whatever product the
question names:

* cooking: how a food is cooked, prepared or made (腊肉怎么炒好吃, 木耳怎么泡发, 羊肉怎么去膻, 土豆炖牛肉的做法,
  苦荞茶怎么泡, 葛粉怎么冲才不结块, 板栗怎么剥壳快, 普洱茶饼怎么撬开, 腊肉要泡多久, 天麻炖乌鸡放多少天麻,
  蜂蜜水用开水冲可以吗): "recipe";
* growing and farming: how a crop is grown, tended or cured, a beast fed (猕猴桃怎么嫁接, 核桃树有虫子怎么治,
  土豆种多深合适, 木耳怎么栽培, 养土鸡用什么饲料, 刺梨什么时候修剪, 辣椒苗发黄怎么办): "farming".

How a product is kept (要不要放冰箱, 怎么保存, 能放多久, 保质期), whether it may be eaten as it comes (能直接吃吗,
可以生吃吗), and a question with a count (腊肉来两袋 怎么做: an order) stay as they were read (bot.product_facts,
bot.keeping). The lists are words of cooking and farming, not sentences.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.understanding import Understanding

_HOW = r"(?:怎么|怎样|如何|咋|咋样)(?:样)?(?:才(?:能)?|能|来|在家|自己|人工)?"
# Cooking: a verb of cooking or preparing after "how" (怎么炒, 如何泡发, 怎么去膻, 怎么撬开), a recipe asked (做法,
# 菜谱), how long a step takes (泡多久, 煮粥要多久), how much of something goes in (放多少), water to brew it with.
_COOK = r"(?:做|炒|炖|煮|熬|蒸|泡发|泡|冲|炸|剥|撬|腌|煲|烧|焖|卤|煎|烤|拌|切|吃|喝|去膻|去腥|去皮|去壳)"
_RECIPE = re.compile(rf"{_HOW}{_COOK}|做法|菜谱|食谱"
                     r"|(?:熬粥|煮粥|泡发|泡|煮|炖|蒸|熬|腌|炒|卤|焖)(?:要|得|需要)?(?:多久|多长时间|几分钟|几个?小时)"
                     r"|(?:放|加|搁)多少(?!钱)|(?:开水|热水|凉水|冷水|温水)(?:冲|泡)")
# Keeping, not cooking (能放多久, 怎么保存, 要不要放冰箱): what the page and the package say.
_KEEPING = re.compile(r"保存|存放|储存|贮存|冰箱|冷藏|冷冻|保质期|放多久|放多长时间|能放|解冻|处理")
# Growing: a verb of growing or tending after "how" (怎么种, 如何嫁接, 怎么防, 怎么过冬), a time to do it
# (什么时候修剪), how deep or how much (种多深, 产量高), a trouble of the crop asked (发黄怎么办, 有虫子怎么治), what
# to feed a beast or a crop (用什么饲料, 施什么肥), the soil.
_GROW = (r"(?:种植|种|栽培|栽种|栽|嫁接|剪枝|修剪|整枝|施肥|育苗|扦插|授粉|防治|防(?![伪骗诈晒水])|养殖|养(?!生|胃|颜)"
         r"|过冬|越冬|浇水|繁殖|催芽|打药)")
_WHEN = r"(?:什么时候|啥时候|几月份?|哪个季节)"
# A trouble only a crop has (裂果, 不开花, 黄龙病), and one goods received may have too (有虫子, 发黄: a crop's only
# when a plant or a beast raised is said, never 收到的核桃有虫子).
_CROP_TROUBLE = (r"(?:裂果|落果|落花|不开花|不结果|烂根|死苗|不发芽|病虫害|黄龙病|炭疽病|腐烂病|霜霉病|白粉病|根腐病"
                 r"|溃疡病|立枯病|青枯病|叶斑病)")
_ANY_TROUBLE = r"(?:有虫子?|生虫|长虫|虫害|发黄|黄叶|烂果|长不大|生病|得病)"
_FIX = r"\S{0,3}?(?:怎么办|咋办|怎么治|咋治|怎么防|如何防|怎么处理|用什么药|打什么药)"
_FARMING = re.compile(
    rf"{_HOW}{_GROW}|{_WHEN}(?:播种|种|栽|施肥|修剪|剪枝|嫁接|打药|浇水|授粉|育苗)"
    r"|(?:种|栽)(?:多深|多密|多远|几棵)|株距|行距|亩产|产量(?:高|低|多少)"
    rf"|{_CROP_TROUBLE}{_FIX}"
    r"|(?:用|喂|吃)(?:什么|啥)(?:饲料|肥料|肥)|施(?:什么|啥)肥|打(?:什么|啥)药|土壤\S{0,6}(?:吗|嘛|什么|啥|要)")
_TROUBLE = re.compile(_ANY_TROUBLE + _FIX)
# A plant, a tree, a seedling or a beast raised: what a trouble is asked of (核桃树有虫子, 辣椒苗发黄).
_CROP = re.compile(r"树|苗|秧|菌棒|菌种|大棚|果园|茶园|地里|田里|庄稼|养(?!生|胃|颜)|蜂群")
# Goods received or bought (收到的核桃有虫子怎么办): after-sales, never farming.
_RECEIVED = re.compile(r"收到|到货|买的|发来|寄来|快递|订单|退|换货")


def kind(compact: str) -> str:
    """"recipe" or "farming" for a how-to question of the module in the compact message, else ""."""
    if _RECEIVED.search(compact):
        return ""
    if _FARMING.search(compact) or (_TROUBLE.search(compact) and _CROP.search(compact)):
        return "farming"
    if _RECIPE.search(compact) and not _KEEPING.search(compact):
        return "recipe"
    return ""


_ASKED = frozenset({"search", "order", "ask_price", "ask_info", "recommend", "fallback"})


def revise(u: Understanding) -> None:
    """A how-to question of cooking or growing (see the module): `fallback` set aside as its kind, nothing kept of
    the goods named; a count said (腊肉来两袋 怎么做) or a message set aside already is left as it was."""
    if u.intent not in _ASKED or u.quantity is not None or u.quantities or u.unrelated not in ("", "service"):
        return
    found = kind(u.text)
    if not found:
        return
    u.unrelated, u.intent, u.money_yuan, u.card_count, u.pick = found, "fallback", None, None, None
    u.product_words, u.origin, u.generic, u.product_text, u.foreign, u.instead = [], None, False, "", "", ""


REPLIES = {
    "recipe": ("抱歉，做法、菜谱这类问题我答不了，商品页上只写了产地、规格和标签，没有写做法。"
               "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
    "farming": ("抱歉，种植、养殖这类技术问题我答不了，请问当地的农技站或农业部门。"
                "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"),
}
