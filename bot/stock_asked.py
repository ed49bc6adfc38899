"""The stock of a named product asked in the words people use (松茸咋没货了 啥时候有, 热贡唐卡还有几幅, 这个还有几件,
牦牛肉干还剩多少, 松茸什么时候到货): `ask_info` about that product (or the one in view), answered from its stock —
how many are left, or that it is sold out and that no restock date is known (never a date made up).

Not a stock question: an order placed asked after (我买的松茸什么时候到货: the order's status), how many a pack holds
(一盒有几个), a price (还有多少钱)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.understanding import Understanding

_MEASURE = "幅张件条只盒袋箱瓶罐个包斤份套支本双对块桶提听饼串颗棵盆"
_WHEN = r"(?:什么时候|啥时候|啥时|几时|何时|哪天|多久|什么时间)"
# How many are left (还有几幅, 还剩多少, 剩几盒, 还有多少件): not 还有多少钱 / 一盒有几个 (what a pack holds).
_LEFT = re.compile(rf"(?:还有|还剩|剩下|只剩|就剩|剩)(?:下)?(?:几[{_MEASURE}]?|多少(?:[{_MEASURE}])?)(?![钱块元天])"
                   r"(?:了|啊|呀|呢|吗|么)?")
# Sold out, said as a fact or a complaint (咋没货了, 又断货了, 卖光了): asked why, and when it comes back.
_OUT = re.compile(r"(?:咋|怎么|为啥|为什么)?(?:又|都|也)?(?:没货|缺货|断货|卖光|卖完|售罄|没库存)(?:了)?"
                  r"(?:吗|呢|啊|呀)?")
# When it comes back (啥时候有, 什么时候到货, 多久能补货, 哪天上架).
_BACK = re.compile(rf"{_WHEN}(?:才|能|会|可以|再)?(?:再)?(?:有货|补货|上货|来货|进货|上架|补上"
                   r"|有(?=$|[吗呢啊呀的])|能买|可以买)(?:啊|呀|呢|吗|么)?|(?:补货|上架)(?:了吗|没|了没)")
# When it arrives (什么时候到货): a named product's restock; with no product named, an order's arrival.
_ARRIVES = re.compile(rf"{_WHEN}(?:才|能|会|可以|再)?(?:再)?到货(?:啊|呀|呢|吗|么)?|到货(?:了吗|没|了没)")
# An order of theirs said beside (我买的, 订单, 快递): the order's arrival, not the shop's stock.
_ORDER_SAID = re.compile(r"我买的|我订的|我的|订单|下单|下的单|买了|快递|包裹|物流|单子|发货")
# Money or a card's balance (我卡里还有几个钱, 领的卡还剩多少): the balance, never goods (热贡唐卡还有几幅 is goods).
_MONEY = re.compile(r"钱|余额|额度|积分|红包|(?:我|领|这张|那张|的|张)卡|卡(?:里|上|内|用)"
                    r"|(?:爱心|助农|扶贫|消费)[\u4e00-\u9fff]{0,2}卡")  # 爱心助农卡还剩多少: the love card


def asked(compact: str, named: bool = False) -> bool:
    """还有几幅 / 咋没货了 / 啥时候有: the stock of a product asked (not an order's arrival); 什么时候到货 only when a
    product is `named` (alone, it asks after an order)."""
    if _ORDER_SAID.search(compact) or _MONEY.search(compact):
        return False
    return any(p.search(compact) for p in (_LEFT, _OUT, _BACK, *((_ARRIVES,) if named else ())))


def restock(compact: str) -> bool:
    return any(p.search(compact) for p in (_OUT, _BACK, _ARRIVES))


def spans(compact: str) -> list[tuple[int, int]]:
    """The words of the stock question (还有几幅, 咋没货了, 啥时候有): they name no product."""
    if not asked(compact, named=True):
        return []
    return [m.span() for p in (_LEFT, _OUT, _BACK, _ARRIVES) for m in p.finditer(compact)]


_READ_OVER = ("search", "fallback", "order_status", "order", "ask_price", "greet")


def revise(u: Understanding) -> None:
    """A stock question is `ask_info`, whatever the search, fallback or order-status reading was; its 几幅 counts
    nothing."""
    if not asked(u.text, bool(u.product_words or u.product_text.strip())) or u.intent not in _READ_OVER:
        return
    if u.intent == "order" and u.cues & {"buy", "strong_buy", "add"}:
        return  # 有货的话来两袋: the order goes ahead
    u.intent, u.quantity, u.quantities = "ask_info", None, []


def answer(text: str, card: dict[str, Any], wanted: int | None) -> str:
    """The stock of `card`: how many are left (weighed against the `wanted` count), or sold out with no restock date
    known."""
    stock, unit = card.get("stock", 0), card["unit"]
    if stock <= 0:
        return (f"{card['name']}暂时卖完了，现在库存是0{unit}。什么时候补货，商家还没有给出日期，我这边也查不到，"
                "不敢乱说；过几天可以再来问我，或者先看看别的商品。")
    if wanted is not None and wanted > stock:
        return f"{card['name']}现在只有{stock}{unit}，不够{wanted}{unit}。"
    enough = f"，{wanted}{unit}够" if wanted is not None else ""
    back = "，不用等补货，现在就能下单" if restock(text) else ""
    return f"{card['name']}现在有货，还有{stock}{unit}{enough}{back}。"
