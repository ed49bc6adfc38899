"""A love card that came to the shopper from someone, and what they ask of it (a seventeenth held-out round's kinds).

* Its balance asked, the card named by who gave it or the money said another way (朋友送的那张卡里还有多少额度, 我妈给
  的卡还剩多少钱, 别人送我的卡还有钱吗): `card_balance`. Who gave it only says which card; the question is how much.
* Claiming it without its code (我妈给我转了张卡 想绑到我账号上, 别人转赠的卡在哪收, 爱心卡怎么绑, 收到一张同事转来的
  卡 怎么添加, 我要领爱心卡): `claim_card`, answered with how to claim (the printed code, or 我的爱心卡 → 领取).
* A card got by claiming it, its balance asked (领到的爱心卡还能用多少): `card_balance`; 领到的 says which card.
* Cards the shopper gave out, how much is left on them (发给员工那些卡还剩多少, 送出去的那几张卡还有多少钱):
  `card_balance`; whom they went to only says which cards.
* A card received, asked how it works (朋友送的卡能买水果吗, 朋友送的卡有效期多久): the card rules (`ask_info`).
Giving a card away (我给我妈转了张卡, 卡怎么转赠给朋友, 我想把卡转给我妹) is none of these: the giver is the shopper.
"""
from __future__ import annotations

import re

from bot import card_rules
from bot.recipients import PEOPLE

_GIVERS = (*PEOPLE, "妹", "弟", "别人", "人家", "他", "她", "单位", "公司", "亲戚", "家里")
_WHO = "|".join(sorted((re.escape(p) for p in _GIVERS), key=len, reverse=True))
# Someone (not the shopper) gave the card: 朋友送的那张卡, 我妈给我转了张卡, 我爸转了一张卡给我, 别人转赠的卡,
# 同事送了我一张爱心卡, 收到一张同事转来的卡. 我给我妈转了张卡 / 送我妈一张卡: the person is whom it goes to.
_FROM_SOMEONE = re.compile(
    rf"(?<!给)(?<!给我)(?<!送)(?<!送我)(?<!把)(?:{_WHO})(?:们)?(?:给我|帮我|那边)?"
    r"(?:转赠|转送|转过来|转来|转|送|给|发|寄)(?:了|过来|来)?(?:给我|我)?(?:的|了)?(?:那|这|一)?[张个]?(?:的)?(?:爱心|扶贫)?卡")
_CAME = re.compile(r"(?:转赠|转送|送|给|转|发|寄)(?:了|过来)?我(?:一|那|这)?张|(?:转给|送给|发给|给)我的(?:爱心)?卡"
                   r"|(?:收到|拿到|得到)(?:了)?(?:一|那|这)?张|(?:转来|转过来|送来)的(?:爱心)?卡"
                   rf"|卡\S{{0,3}}(?:转|送|给)(?:了)?我(?!们|{_WHO})")  # 买爱心卡送我们班主任: the shopper gives
# 领到的爱心卡 / 领的那张卡: how it was got, said to name the card (领到的爱心卡还能用多少 asks its balance).
_CLAIMED = re.compile(r"(?<![带率首本认])领(?:到|取|了)?的(?:那|这)?张?(?:爱心|扶贫)?卡")
# Taking the card into the shopper's account, or asked where / how (绑到我账号上, 怎么加到我账户, 在哪收, 怎么接收).
_TAKE = re.compile(r"绑(?:到|在|进|定|上|卡|一下|下)?|(?:弄|放|加|导|存|装)进去"  # 那个卡怎么弄进去
                   r"|(?:加|添加|放|存|弄|导)(?:到|进)(?:我的?)?(?:账号|账户|帐号|帐户|卡包|这里)"
                   r"|(?:在哪|在哪里|哪里|哪儿|去哪|去哪里|怎么|咋|如何)(?:能|可以|才能)?(?:收(?!费|货|款)|领|接收|添加|激活)"
                   r"|接收|收下|领取|领一下|领了"
                   r"|(?<![带率首本])领(?:一张|张|个|一下|下)?(?:爱心|扶贫)?卡")  # 我要领爱心卡: claiming one
# How much is on it (还有多少额度, 还剩多少钱, 还够不够, 有钱吗, 还有几个钱): a balance question, whoever gave the card.
_HOW_MUCH = re.compile(r"还有多少|还剩|剩多少|剩下多少|剩余|余额|额度|有多少|够不够|还够|够用吗|能用多少|可以用多少"
                       r"|还能用多少|还有钱|有钱吗|有钱没|钱还有|(?:还有|还剩|剩下?)?(?:几个|几块|多少个)钱")
# Paying with it (付款 用我女儿送的爱心卡余额付, 用朋友送的卡付款): an order paid, nothing asked of the card.
_PAYS = re.compile(r"付款|支付|结账|买单|(?:余额|卡里?的?钱?)(?:来|先|能|可以)?(?:付|抵|扣|结)")
# A question about giving it away, said by the giver (卡怎么转赠给朋友): not a claim.
# 给我一张一千块的爱心卡 said first is a request (give me one: buying), not a card someone gave (朋友给我一张).
_ASKED_FOR = re.compile(r"^(?:请|麻烦|劳驾)?(?:你)?给我(?:来|拿|买|办)?[\d一两二三四五六七八九十几]+张")
# Cards the shopper gave out, named by whom they went to (发给员工那些卡, 送出去的那几张卡, 分给大家的卡): which cards,
# when how much is left on them is asked.
_GIVEN_OUT = re.compile(r"(?:发给|分给|送给|发到|发出去|送出去|分出去|发下去|发了)(?!我)\S{0,6}?"
                        r"(?:的|那些|这些|那几张|这几张)(?:爱心|扶贫)?卡")
_GIVING = re.compile(r"(?:转赠|转送|转|送)给(?!我)|我(?:想|要|打算)?(?:把|给)")


def received(compact: str) -> bool:
    """The card is said to come from someone else (see the module)."""
    return "卡" in compact and any(p.search(compact) is not None for p in (_FROM_SOMEONE, _CAME, _CLAIMED))


def asked(compact: str) -> str | None:
    """The holder's question about a card that came to them, or taken into their account: `card_balance`,
    `claim_card`, `ask_info`, `pay_order`, or None when the message is none of them (buying or giving cards)."""
    if "卡" not in compact or _ASKED_FOR.match(compact):
        return None
    got = received(compact)
    if _PAYS.search(compact):
        return "pay_order" if got else None
    if (got or _TAKE.search(compact)) and _HOW_MUCH.search(compact):
        return "card_balance"  # 朋友送的那张卡里还有多少额度: the giver says which card
    if _GIVEN_OUT.search(compact) and _HOW_MUCH.search(compact) and not _TAKE.search(compact):
        return "card_balance"  # 发给员工那些卡还剩多少: the cards given out say which; how much is left on them
    if got and card_rules.asked(compact):
        return "ask_info"  # 朋友送的卡能买水果吗: how the card works
    if _GIVING.search(compact) and not got:
        return None
    if got or _TAKE.search(compact):
        return "claim_card"
    return None


def balance_of_code(intent: str, compact: str) -> bool:
    """AX1.…这张卡余额多少: a message holding a card's code (read without it as `intent`) that asks how much is left
    on the card and claims nothing (claim card AX1.…, AX1.… 领取 are claims)."""
    return intent == "card_balance" and _HOW_MUCH.search(compact) is not None and _TAKE.search(compact) is None
