"""Whether the shop delivers somewhere, asked with no goods (市区能送吗, 我在乡下 送不送, 你们送货到村里吗,
县城能配送吗, 上门送吗): the shop's shipping answer, never an order of the goods of a place named (新疆能送吗 had
opened an order listing Xinjiang's products) nor the status of an order (县城能配送吗).

Addresses are those of the mainland's divisions (the region table holds no 香港, 澳门, 台湾 and nothing abroad), so
a question about delivering there is answered with that: the goods cannot be sent there.
"""
from __future__ import annotations

import re

_VERB = r"(?:配送|派送|送货|送|寄|发货|发|邮寄|邮|快递)"
# The verb asked about at the end (能送吗, 可以寄吗, 送不送, 能不能配送, 配送吗), or with where it goes (送到村里吗,
# 送货到家不, 寄去香港吗, 能送上门吗). Not 发货没 (whether an order has left: its status).
_ASKED = re.compile(
    rf"(?:能|可以|可|会|给)?{_VERB}(?:(?:到|去|往|过去|上门|到家|进)\S{{0,8}}?)?(?:吗|嘛|么|不|呢|\?|？)+$"
    rf"|{_VERB}不{_VERB}(?:啊|呀|呢|\?|？)*$|(?:能不能|可不可以|能否|可否){_VERB}\S{{0,8}}?$")
# Someone given a thing (能送人吗, 送朋友行吗, 可以送给老人吗), a card (爱心卡能送吗: bot.card_rules) or takeaway
# (外卖 能送吗: an errand, bot.takeaway): no delivery of the shop's goods.
_GIVEN = re.compile(r"送(?:给|人|礼|朋友|老人|长辈|同事|领导|客户|父母|爸妈|孩子|女友|男友|老师)|卡|外卖|跑腿|闪送")
# Goods bought in the same message (来两箱苹果 能送吗, 我要买大米 可以送到家吗): the order leads (bot.asked_after).
_BUYING = re.compile(r"[来要买订拿]\S{0,3}?(?:\d|[一二两三四五六七八九十俩仨几])|下单|我要买|想买|买了")
# Places beyond the mainland's divisions.
# Not a mainland street named after one (武汉市江岸区香港路, 青岛市香港中路): after a division or before a street word.
_BEYOND = re.compile(r"(?<![省市区县旗镇])(?:香港|澳门|台湾|港澳|国外|境外|海外|外国|美国|日本|韩国|新加坡|马来西亚"
                     r"|澳洲|澳大利亚|加拿大|英国|欧洲|德国|法国|俄罗斯|泰国)(?![东西南北中]?(?:路|街|道|大道|花园|广场|大厦|城))")
# Where a parcel has got to (快递到哪了嘛, 寄到哪儿了呢): an order's status, whatever particle closes it.
_WHERE_NOW = re.compile(r"到(?:哪|哪儿|哪里|哪儿去|哪里去)了")
YES = "能送，内地的地址都能寄到。"
# A courier company asked for (发顺丰吗, 能走中通吗, 用的什么快递, 可以指定京东快递吗): the supplier chooses it.
_COURIERS = r"(?:顺丰|圆通|中通|申通|韵达|百世|极兔|德邦|邮政|ems|EMS|京东快递|京东物流|菜鸟)"
_COURIER_ASKED = re.compile(rf"(?:发|走|用|是|指定|换成?|能发|可以发){_COURIERS}"
                            rf"|{_COURIERS}(?:快递)?(?:吗|嘛|么|不|能|可以|到|包邮)|(?:什么|啥|哪家|哪个)快递")
COURIER = "快递公司由发货的供货商家选，下单时指定不了；发货后在「我的订单」里能看到快递公司、单号和物流。"
BEYOND = "目前只能寄到内地（大陆）的地址，港澳台和国外暂时寄不了。"


def asked(text: str) -> bool:
    """市区能送吗 / 送货到村里吗 / 上门送吗: whether the shop delivers, no one given a thing."""
    compact = text.replace(" ", "")
    if _WHERE_NOW.search(compact):  # 快递到哪了嘛: where a parcel is now (its status), not where the shop sends
        return False
    return _ASKED.search(compact) is not None and _GIVEN.search(compact) is None and _BUYING.search(compact) is None


def courier(text: str) -> bool:
    """发顺丰吗 / 用的什么快递: which courier carries the goods."""
    return _COURIER_ASKED.search(text.replace(" ", "")) is not None and _GIVEN.search(text) is None


def beyond(text: str) -> bool:
    """寄到香港吗 / 国外能发吗: a place the shop cannot send to."""
    return _BEYOND.search(text) is not None


def spans(compact: str) -> list[tuple[int, int]]:
    """The words of a delivery or courier question (能送吗, 走顺丰, 寄到香港): they name no goods."""
    found = [m.span() for m in _COURIER_ASKED.finditer(compact)] if courier(compact) else []
    if asked(compact) or found:
        found += [m.span() for m in (*_ASKED.finditer(compact), *_BEYOND.finditer(compact))]
    return found
