"""An address said for an order already placed (我刚才那单地址写错了，改成北京市…): the placed order is sent there, not
only the next one. Before, the address was saved as the default and the reply said so, while the order went to the
old address. The order is changed through models/services/order_reship.py, only before any of it has shipped.

* One order that may still change, or the newest when the shopper says 刚才 / 那单 / 上一单: changed.
* Several: listed, with how to say which (订单号 改寄到新地址), which sends that order to the default address.
* None: the address is saved, and the reply says no placed order could be changed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from bot import placed_orders, replies
from bot.reply import Reply
from bot.turns import common
from models.errors import DomainError
from models.services import addresses, order_reship

if TYPE_CHECKING:
    from bot.engine import Turn
    from models.tables.addresses import Address

_SHOWN = 5


async def reship_to(turn: Turn, address: Address) -> Reply:
    """The address just saved (`address`) for the placed order the message refers to."""
    open_orders = await order_reship.reshippable(turn.ctx.user)
    saved = common.address_text(address)
    raw = turn.u.raw
    if turn.u.order_no:
        chosen = [o for o in open_orders if o.order_no == turn.u.order_no]
    elif placed_orders.says_all(raw) or len(open_orders) == 1:
        chosen = open_orders  # 刚才买的那些都改一下: every order not shipped yet
    else:
        chosen = open_orders[:1] if placed_orders.says_newest(raw) else []
    if chosen:
        return await _reship(turn, [o.order_no for o in chosen], address, saved)
    if not open_orders:
        return turn.say(f"收货地址已保存：{saved}，以后下单默认寄到这里。您没有还没发货的订单，"
                        "已经发出的包裹改不了地址，可以联系快递改派。", "change_address",
                        suggestions=["订单到哪了"])
    listed = "\n".join(f"订单{o.order_no}：{replies.yuan(o.total_fen)}" for o in open_orders[:_SHOWN])
    return turn.say(f"收货地址已保存：{saved}。您有几笔还没发货的订单：\n{listed}\n"
                    "要改哪一笔？请说“订单+订单号 改寄到新地址”。", "change_address")


async def reship_said_order(turn: Turn) -> Reply | None:
    """订单2026… 改寄到新地址, with no address in the message: that order to the default address. None when the
    message names no order, or the shopper has no saved address."""
    if not turn.u.order_no:
        return None
    address = await addresses.address_for_order(turn.ctx.user, None)
    return None if address is None else await reship_to(turn, address)


async def _reship(turn: Turn, order_nos: list[str], address: Address, saved: str) -> Reply:
    done, refused = [], []
    for order_no in order_nos:
        try:
            await order_reship.reship(turn.ctx.user, order_no, address.id)
            done.append(order_no)
        except DomainError as exc:  # shipped meanwhile: said, the others changed
            refused.append(f"订单{order_no}没能改地址：{exc.message}")
    said = f"好的，订单{'、'.join(done)}改寄到：{saved}。以后下单也默认寄到这里。" if done \
        else f"收货地址已保存：{saved}。"
    return turn.say("\n".join([said, *refused]), "change_address", suggestions=["订单到哪了"])
