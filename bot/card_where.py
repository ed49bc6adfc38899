"""Where and how the shop's love card is bought (消费扶贫爱心卡在哪买, 爱心卡在哪里办, 爱心卡去哪办理): a question,
answered with the two ways (this chat or the card page), never a card purchase started. 买一张爱心卡 buys one."""
from __future__ import annotations

import re

_WHERE = re.compile(r"(?:在哪|在哪里|在哪儿|哪里|哪儿|去哪|什么地方|哪个地方|什么渠道)(?:里|儿)?(?:能|可以|才能)?"
                    r"(?:买|办|购买|办理|申请|领|弄)|(?:怎么|如何|怎样)(?:办理|办卡|申请)")


def asked(text: str) -> bool:
    """爱心卡在哪买 / 爱心卡怎么办理: where or how a card is got, asked (the message names a card); where a card is
    given (转赠卡在哪弄) is how to give one (bot/card_rules.py)."""
    return "卡" in text and _WHERE.search(text) is not None and _GIVEN.search(text) is None


_GIVEN = re.compile(r"转赠|转送|转让|过户")


def answer(faces: str) -> str:
    return (f"爱心卡就在这里买：直接跟我说“买一张200元的爱心卡”，或打开小程序的爱心卡页面选面值下单，微信支付后就能用。"
            f"面值有{faces}。")
