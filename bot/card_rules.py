"""A love card the customer already has: questions about how the card works, and the code printed on it.

* How the card works (爱心卡能不能买水果, 这卡能转给我妹用吗, 爱心卡有效期多久, 爱心卡在超市能刷吗): the card is the
  subject and a modal verb asks what it may do, or its validity is asked. That is `ask_info`, answered from the card
  rules, never the purchase of a card — unless the question is about buying cards themselves (能买两张吗, 200的能买吗).
* Giving a card held (把我的爱心卡送给我妈, 这张卡我想转给我姐) is the same question: how to give it (转赠 on the page).
* A code read off a card (刮开是 4471 2290, 卡背面的密码 5521 0087 1234, 卡上写着 QWER-12AB-ZX90): digits in groups of
  four or more in a message about a card or its scratch panel, or letters and digits together after 写着/印着/是 in a
  message about a card. It is a claim, never a face value or a quantity (bot.shop_questions.claiming).
"""
from __future__ import annotations

import re

from bot import card_by_face
from bot.addressing import LOOSE_PHONE

# The love card said as such: alone, or after 爱心/扶贫 or a pronoun or particle (这卡, 我的卡); not 饭卡, 银行卡.
_CARD = r"(?:^|(?<=爱心|扶贫)|(?<=[这那张的我本该您你]))卡"
# The card as the subject, then a modal verb and what the card may do (在超市能刷吗, 能转给我妹用吗, 能不能买水果).
_CAN_IT = re.compile(_CARD + r"(?P<pre>[^买卖张份个]{0,8}?)(?:能不能|可不可以|能否|可否|能|可以|可)(?:在\S{1,8}?)?"
                     r"(?P<verb>买|用|刷|转|送|给|借|兑换|换|消费|退|提现|取现|充值|叠加|共用|分开|挂失|补办)(?P<rest>\S*)$")
_QUESTION_END = re.compile(r"(?:吗|嘛|么|不|没|呢|否|\?|？)$|能不能|可不可以|能否|可否|是不是|是否")
# A question said right after what the card may do, before more is said (可以转给我姐用吗 她在外地, 能送人吗 送同事).
_ASKED_IN = re.compile(r"吗|嘛|么|呢|\?|？|(?:不|没)(?=$|[^\u4e00-\u9fff])")
# What the card buys, asked before the verb (是不是啥都能买, 只能买…): about the rules, not about buying cards.
_WHAT_IT_BUYS = re.compile(r"啥|什么|哪些|哪|都|只|随便|任何")
# The card, what it would buy, then whether that is allowed (这张卡买蜂蜜行不行, 卡里的钱买茶叶可以吗).
_THEN_ALLOWED = re.compile(_CARD + r"(?:里的钱|里的余额|里)?(?P<verb>买|用来买|用|刷|付)(?P<rest>\S{1,8}?)"
                           r"(?:行不行|行吗|行不|可以吗|可以不|可不可以|成吗|能行吗|中不中|得不得)")
_VALIDITY = re.compile(_CARD + r"\S{0,6}(?:有效期|过期|到期|期限|失效|多久有效|能用多久|用多久|保质期)")
_LOST = re.compile(_CARD + r"\S{0,4}(?:丢了|掉了|丢失|被偷|挂失|补办)")
# A discount asked of the card itself, or of buying cards (爱心卡能打折吗, 买卡有折扣吗, 爱心卡有优惠吗): sold at
# face value. Not another shop's card (京东卡打折吗: bot.discounts and the cards of other platforms).
_DISCOUNT = re.compile(r"(?:" + _CARD + r"|(?<=买|办|充)(?:爱心)?卡)\S{0,6}?"
                       r"(?:打折|折扣|几折|打个折|优惠|便宜|满减|返现|多送|赠送)")
# A card held, given to someone (把我的爱心卡送给我妈, 这张卡我想转给我姐, 我那张卡转赠给同事): the holder asks how.
# The card put first with 把 (我想把卡转给我妹, 怎么把爱心卡送人): a card held, never one bought (买张卡送给我妹 buys).
# How to give one, asked of giving itself (怎么转赠爱心卡, 转赠卡怎么弄, 卡怎么转给别人): the same question.
_GIVE_AWAY = re.compile(r"(?:我的|我这张|我那张|这张|那张|手上的|手里的|这|把(?:我的|我那张|我这张)?)(?:爱心)?卡"
                        r"\S{0,6}?(?:送给|转给|转赠|转送|过户给|让给|送人|给别人|给家人)"
                        r"|(?:怎么|如何|咋|能不能|可以)(?:转赠|转送|转让)(?:爱心)?卡|(?:转赠|转送|转让)(?:爱心)?卡\S{0,3}"
                        r"(?:怎么|如何|咋|吗|在哪|哪里|哪儿)|卡\S{0,3}(?:怎么|如何|咋)(?:转给|送给|转赠|转送|转让|过户)")
# What follows the verb when the question is about buying cards (能买两张吗 / 能买吗): no question about the rules.
_ABOUT_CARDS = re.compile(r"^(?:\d+|[一二两三四五六七八九十几百千俩仨]+)?(?:块|元)?的?(?:张|份|个)?(?:爱心)?卡?"
                          r"(?:吗|嘛|么|不|没|呢)?$")

# A code written on its own among other words: letters and digits, six or more (QW12ER34, HX-2291-KP).
_TOKEN = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){5,}(?![A-Za-z0-9-])")
_SCRATCH = ("刮开", "刮出", "涂层", "卡背", "背面", "密码", "卡上", "卡片上", "卡面")
# Groups of digits joined by spaces or dashes, every group four digits or more (4471 2290, 5521-0087-1234).
_DIGIT_GROUPS = re.compile(r"(?<![\d\w-])\d{4,}(?:[ \-]+\d{4,})+(?![\d\w-])")
_NOT_A_CARD_NUMBER = ("手机", "电话", "订单", "单号", "快递", "身份证", "银行卡", "尾号")
_PLACE_KA = re.compile(r"卡(?=[镇乡村县区市路街])")
# Letters and digits read off the card after 写着/印着/是 (QWER-12AB-ZX90, AB12CD34).
_WRITTEN = re.compile(r"(?:写着|印着|写的是|印的是|刮开是|刮开后是|刮出来是|上面是|显示)\s*[:：]?\s*"
                      r"(?P<code>[A-Za-z0-9](?:[A-Za-z0-9]|[-\s](?=[A-Za-z0-9])){5,})")

CARD_RULES = ("消费扶贫爱心卡只能买本店的认定扶贫产品（网上下单时用卡支付），"
              "或在消费扶贫专柜、专馆、专区出示付款码消费，"
              "不能在普通超市、别的商店刷，也不能提现。")
DISCOUNT = "爱心卡按面值卖，没有折扣、满减或赠送：200元的卡付200元，卡里的200元全部用来买认定扶贫产品。"
VALIDITY = "每张卡的有效期印在卡上，领取后在「我的爱心卡」里也能看到；过了有效期，卡里的余额就不能再用了。"
GIVING = ("卡可以送人：在「我的爱心卡」里点这张卡的“转赠”，会得到一串卡码（只显示一次，请复制好），"
          "发给对方，对方点“领取”粘贴卡码即可（领取后卡就归对方）。")
# What the holder can do on the page (我的爱心卡: 冻结 / 解冻), and why a claimed card is safe anyway: it pays
# only with the rotating pay code shown on the holder's phone. A card not yet claimed is a bearer card.
LOST = ("已领取的卡付款要用您手机上「我的爱心卡」出示的付款码，实体卡丢了别人也刷不走卡里的钱；"
        "不放心可以在「我的爱心卡」里点这张卡的“冻结”，冻结后不能付款、已出示的付款码全部作废，找回后点“解冻”。"
        "还没领取的卡，谁拿到卡上的领取码都能领取，请尽快联系发卡单位。")


def asked(compact: str) -> bool:
    """A question about how a love card works (what it buys, where it is used, giving it, its validity)."""
    if _VALIDITY.search(compact) or _LOST.search(compact) or _GIVE_AWAY.search(compact) or _DISCOUNT.search(compact):
        return True
    allowed = _THEN_ALLOWED.search(compact)
    if allowed is not None:
        return not _ABOUT_CARDS.match(allowed.group("rest"))  # 爱心卡买两张行吗: buying cards
    m = _CAN_IT.search(compact)
    if m is None:
        return False
    rest = m.group("rest")
    said = _ASKED_IN.search(rest)
    if said is not None:
        rest = rest[:said.end()]  # 能送人吗 送同事: the question ends at its particle
    elif not _QUESTION_END.search(compact):
        return False
    return not (m.group("verb") == "买" and _ABOUT_CARDS.match(rest) and not _WHAT_IT_BUYS.search(m.group("pre")))


# Paying with a card held: the card as the means (用爱心卡, 拿卡, 卡里的钱, 卡里余额) and a paying verb, in either order
# (付款用爱心卡, 这单拿爱心卡结, 卡里余额先抵一部分 剩下微信付). A question of how much is left (够不够, 多少) is not.
# 爱心卡抵扣 / 爱心卡付吧: the card named, then only the paying verb, is the means as much.
_BY_CARD = re.compile(r"(?:用|拿|使用|刷)(?:我的|这张|那张|我那张|我)?(?:爱心)?卡|卡(?:里|上|内)的?(?:钱|余额)"
                      r"|爱心卡(?=(?:来|直接)?(?:抵扣|抵|扣款?|付款?|支付|结账|结算)(?:吧|一下|了吧|呗|啊)?$)")
_PAYING = re.compile(r"付|支付|结账|结算|结(?=一下|吧|了|$)|抵|扣|买单")
_HOW_MUCH = re.compile(r"够|多少|几块|几元|还有|还剩|剩多少|查")


def pays_with(compact: str) -> bool:
    """付款用爱心卡 / 用我的卡结一下 / 卡里余额先抵一部分 / 用500那张付款 (bot.card_by_face): an order paid with a love
    card the customer holds."""
    if card_by_face.pays(compact):
        return True
    return bool(_BY_CARD.search(compact) and _PAYING.search(compact) and not _HOW_MUCH.search(compact))


def answer(compact: str) -> str:
    """The card rules that answer the question."""
    if _LOST.search(compact):
        return LOST + CARD_RULES
    if _VALIDITY.search(compact):
        return VALIDITY + CARD_RULES
    if _DISCOUNT.search(compact):
        return DISCOUNT + CARD_RULES
    m = _CAN_IT.search(compact)
    if _GIVE_AWAY.search(compact) or (m is not None and m.group("verb") in ("转", "送", "给", "借", "共用")):
        return GIVING + CARD_RULES
    return CARD_RULES


def held_code(raw: str) -> str:
    """The code of a card the customer holds, read off it (digits in groups, or letters and digits after 写着); ""."""
    text = raw.strip()
    compact = _PLACE_KA.sub("", text.replace(" ", ""))  # 当曲卡镇: 卡 in a place's name, no card
    about_card = "卡" in compact or any(w in compact for w in _SCRATCH)
    if not about_card or LOOSE_PHONE.search(text):  # …次仁多吉 139 0890 1234: a phone in an address, no card's code
        return ""
    m = _WRITTEN.search(text)
    if m is not None:
        code = m.group("code").strip()
        if (re.search(r"[A-Za-z]", code) and re.search(r"\d", code)) or _DIGIT_GROUPS.fullmatch(code):
            return code
    if any(w in compact for w in _NOT_A_CARD_NUMBER):
        return ""
    if any(w in compact for w in _SCRATCH):  # 这个码能用吗 QW12ER34 卡背面刮开的: letters and digits beside the panel
        mixed = [t for t in _TOKEN.findall(text) if re.search(r"[A-Za-z]", t) and re.search(r"\d", t)]
        if len(mixed) == 1:
            return mixed[0]
    groups = _DIGIT_GROUPS.search(text)
    if groups is None or all(g.endswith("00") for g in re.split(r"[ \-]+", groups.group())):
        return ""  # 爱心卡 1000 2000 各一张: face values, not a code
    return groups.group()
