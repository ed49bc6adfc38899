"""Confirming, cancelling and placing; cards; the questions that leave the draft alone (balance, orders, help)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import card_totals, holder_actions, lexicon, phrasing, question_kinds, replies, shop_questions
from bot.draft import Draft, Line
from bot.lexicon import CARD_UNITS, MONEY_UNITS
from bot.reply import Reply
from bot.turns import common, orders_named, quantity
from models.errors import DomainError
from models.services import addresses, assistant_reads, card_purchase, cards, orders
from models.services.basket import LineRequest

if TYPE_CHECKING:
    from bot.dialogue import Turn


# An order already placed: named (订单, 那单, 单子) or said to be placed wrongly (下错了, 拍错了, 买错了, 点错单了);
# 点错了 / 按错了 alone is a wrong tap on the order under way (不要了不要了 点错了): nothing was placed.
_PLACED = re.compile(r"订单|单子|[那这刚]单|[下拍买订]错|点错单")
# Emptying (这单先不要了 清空): what is being put together, a draft or a cart, never an order already placed.
_EMPTIES = re.compile(r"清空|清掉|全清|清除|清一下")
# 这单不要了 may be an order placed; 这单不下了 / 不买了 / 不订了 only the one under way.
_NOT_WANTED = re.compile(r"[不别]要")
# Not to be placed (点错了 别下单, 先别提交): the order under way, which has not been placed.
_NOT_YET = re.compile(r"(?:别|不要|先别|先不|不)(?:下单|提交)")


async def cancel(turn: Turn) -> Reply:
    if turn.draft is None:
        # 取消订单 / 下错了 取消一下 with nothing being ordered: a placed order
        text = turn.u.text  # 这单先不下了 / 不买了: not placing one says nothing of an order already placed
        not_placing = (phrasing.drops_the_order(text) and not _NOT_WANTED.search(text)) or bool(_NOT_YET.search(text))
        if _PLACED.search(text) and not _EMPTIES.search(text) and not not_placing:
            return await holder_actions.answer(turn, "cancel_order")  # cancel only drops a draft
        return turn.say(replies.NOTHING_TO_CANCEL, "cancel", suggestions=replies.START_SUGGESTIONS)
    turn.state.draft = None
    return turn.say(replies.CANCELLED, "cancel", suggestions=replies.START_SUGGESTIONS)


# Placing said outright (下单, 落单, 确认, 提交): at a summary, with nothing else to change, whatever else is said.
_PLACING = re.compile("|".join(lexicon.PLACING))


def places_it(turn: Turn) -> bool:
    """At the summary, an order or yes said with a word of placing and no product, count or pick (要得，就咯样下单 /
    好额，下单伐 / 嘹咋咧，就这，下单: the regional words around it name nothing to buy; 好吧就莲子，下单 names only a
    line already in the draft)."""
    d, u = turn.draft, turn.u
    if d is not None and d.awaiting == "confirm" and _ASKED_TO_PLACE.fullmatch(_PUNCT.sub("", u.raw)):
        return True  # 能不能提交 / 可以下单了吗, however the words were read
    return d is not None and d.awaiting == "confirm" and u.intent in ("order", "confirm") \
        and _PLACING.search(u.text) is not None and not turn.changes() and u.quantity is None and u.pick is None \
        and _ASKED.search(_ASKED_TO_PLACE.sub("", u.raw)) is None  # 确认一下地址对吗: a question, not the yes


_ASKED = re.compile(r"[吗么嘛？?]|对不对|是不是|有没有|能不能|可不可以|多少|几|什么|啥|怎么|哪")
# Placing itself asked for (好额，下单伐 — 伐 is Shanghai's 吗 —, 可以下单了吗, 能不能提交): no other question.
_ASKED_TO_PLACE = re.compile(r"(?:那|就|现在)?(?:可以|能|能不能|可不可以)?(?:下单|提交|付款)了?[吗么嘛伐不呢]?[？?]?")
_PUNCT = re.compile(r"[\s，,。.！!～~]")


async def confirm(turn: Turn) -> Reply:
    d = turn.draft
    if d is None:
        if shop_questions.wants_to_pay(turn.u.text):  # 付款 with nothing to confirm: the order waiting for it
            return await holder_actions.answer(turn, "pay_order")
        return turn.say(replies.NOTHING_TO_CONFIRM, "confirm", suggestions=replies.START_SUGGESTIONS)
    if d.awaiting != "confirm":
        reply = await quantity.advance(turn, d)
        reply.intent = "confirm"
        return reply
    return await (place_goods(turn, d) if d.kind == "goods" else place_cards(turn, d))

# --- questions that leave the draft alone ----------------------------------------------------


async def info(turn: Turn, intent: str | None = None) -> Reply:
    intent = intent or turn.u.intent
    if intent == "greet":
        text = replies.greet("thanks" in turn.u.cues and "greet" not in turn.u.cues,
                             bye=replies.BYE.search(turn.u.text) is not None)
    elif intent == "help":
        text = question_kinds.how_to(turn.u.text) + replies.HELP
    elif intent == "card_balance":
        rows = await cards.list_cards(turn.ctx.user)
        text = replies.cards([(c.card_no, c.balance_fen, c.status.value, c.expires_at.isoformat()) for c in rows])
        if not rows:  # 买了两张卡 余额多少, the card order not paid: no card yet, and why
            waiting = [o for o in await orders.recent_orders(turn.ctx.user, 10)
                       if o.kind.value == "card" and o.status.value == "pending_payment"]
            text = replies.cards_unpaid([(o.order_no, o.total_fen) for o in waiting]) or text
    else:
        named: list[dict[str, Any]] = []  # 学校那批燕麦片发货了没: the orders holding the oats, the oats shown
        said = orders_named.products(turn)
        text = await order_status(turn, said, named)
        shown = named or (said if len(said) == 1 else None)  # in no order: the one product named, still shown
        return turn.say(text + turn.pending_question(), intent, shown, suggestions=turn.resume_suggestions())
    return turn.say(text + turn.pending_question(), intent, suggestions=turn.resume_suggestions())


async def order_status(turn: Turn, named: list[dict[str, Any]] | None = None,
                       shown: list[dict[str, Any]] | None = None) -> str:
    """The orders asked after: by number, else the latest, those holding a product `named` first (put in `shown`)."""
    if turn.u.order_no:
        try:
            order = await orders.order_for(turn.ctx.user, turn.u.order_no)
        except DomainError:
            return replies.order_unknown(turn.u.order_no)
        listed: list[tuple[Any, list[tuple[str, int, str]]]] = [(order, [])]
    else:
        listed = await assistant_reads.recent_orders_with_items(turn.ctx.user, orders_named.RECENT)
        with_it = [(o, items) for o, items in listed if named and orders_named.held(named, items) is not None]
        first = orders_named.held(named or [], with_it[0][1]) if with_it else None
        if first is not None and shown is not None:
            shown.append(first)
        listed = (with_it or listed)[:3]
    parcels = await assistant_reads.parcels_of([o.id for o, _ in listed])
    return replies.orders([(o.order_no, o.status.value, o.total_fen, common.shipping_note(o, parcels[o.id]),
                            o.kind.value, items) for o, items in listed])


_ONE_SHEET = re.compile(r"(?:买|来|要|拿|办|整|订)张(?=\S{0,6}卡)")


async def answer_card(turn: Turn, d: Draft) -> Reply | None:
    u = turn.u
    said = u.quantity if u.quantity and u.quantity.unit in MONEY_UNITS else None  # 两百块 without 卡 in it
    amount = u.money_yuan if u.money_yuan is not None else (said.value if said else None)
    if amount is None and d.awaiting == "amount":
        amount = u.number
    counted = u.quantity if u.quantity and u.quantity.unit in (*CARD_UNITS, "") else None
    count = u.card_count or (int(counted.value) if counted and counted.value.denominator == 1 else None) or (
        1 if _ONE_SHEET.search(u.text) else None)  # 给我妈买张爱心卡: one card
    if count is None and d.awaiting == "count" and u.number and u.number > 0 and u.number.denominator == 1:
        count = int(u.number)  # 1200块 of 500元 cards, asked how many: 3
    if amount is None and count is None:
        return None
    if count:  # kept though the face value said is refused (爱心卡有300的吗 买一张)
        d.card_qty, d.card_qty_said = count, True
    if amount is not None:
        fen = int(amount * 100) if (amount * 100).denominator == 1 else 0
        try:
            card_purchase.check_face_value(fen, turn.ctx.card_faces_fen)
        except DomainError:
            return turn.say(replies.bad_amount(turn.ctx.card_faces_fen, f"{amount}元"), "buy_card",
                            suggestions=[replies.yuan(f) for f in turn.ctx.card_faces_fen])
        d.amount_fen = fen
    uneven = card_totals.uneven(turn.said) if amount is not None and not count else None
    if uneven is not None:  # 总共1200元的爱心卡 都要500的: no whole number of cards, the count asked
        d.awaiting = "count"
        return turn.say(card_totals.question(*uneven), "buy_card", suggestions=card_totals.choices(*uneven))
    return await quantity.advance(turn, d)

# --- new requests ----------------------------------------------------------------------------


async def start_card(turn: Turn) -> Reply:
    turn.state.draft = Draft(kind="card")
    reply = await answer_card(turn, turn.state.draft)
    return reply if reply is not None else await quantity.advance(turn, turn.state.draft)


async def place_goods(turn: Turn, d: Draft) -> Reply:
    items = [LineRequest(line.sku, line.qty) for line in d.lines if line.sku and line.qty]
    try:
        order, lines = await orders.place_order(turn.ctx.user, items, d.address_id, "聊天下单", turn.ctx.pay_timeout)
    except DomainError as exc:
        return await order_refused(turn, d, exc)
    turn.state.draft = None
    summary = {"order_no": order.order_no, "kind": "goods", "status": order.status.value,
               "total_fen": order.total_fen, "items": [{"sku": ln.sku, "qty": ln.qty} for ln in lines]}
    text = replies.order_placed(order.order_no, order.total_fen, common.pay_minutes(turn.ctx.pay_timeout))
    if turn.new_address_id is not None:  # 确认 地址改成…: placed at the address just said, and said so
        shipping = await addresses.address_for_order(turn.ctx.user, d.address_id)
        text += f"\n寄到：{common.address_text(shipping)}" if shipping else ""
    return turn.say(text, "confirm", order=summary, suggestions=list(replies.AFTER_ORDER_SUGGESTIONS))


async def order_refused(turn: Turn, d: Draft, exc: DomainError) -> Reply:
    sku = exc.details.get("sku")
    card = turn.ctx.search.cards.get(sku) if sku else None
    name = card["name"] if card else (sku or "")
    if exc.code == "out_of_stock":
        line = next((ln for ln in d.lines if ln.sku == sku), None)
        if line:
            d.lines.remove(line)
            d.pending = Line(sku=sku, qty=None)
            d.awaiting = "qty"
        stock = await assistant_reads.stock_of(sku) if sku else 0
        return turn.say(replies.out_of_stock(name, stock), "confirm",
                        [card] if card else [], suggestions=["取消"])
    if exc.code in ("product_not_sellable", "product_not_found"):
        d.lines = [ln for ln in d.lines if ln.sku != sku]
        reply = await quantity.advance(turn, d) if d.lines else None
        text = replies.not_sellable(name)
        if reply is None:
            turn.state.draft = None
            return turn.say(text, "confirm", [], suggestions=replies.START_SUGGESTIONS)
        reply.reply = text + "\n" + reply.reply
        reply.intent = "confirm"
        return reply
    return turn.say(f"下单没有成功：{exc.message}", "confirm", suggestions=["取消"])


async def place_cards(turn: Turn, d: Draft) -> Reply:
    """The cards confirmed: one order, or (past one order's limit, as the summary said) several placed at once."""
    try:
        placed = await card_purchase.purchase_card_orders(turn.ctx.user, d.amount_fen or 0, d.card_qty,
                                                          turn.ctx.card_faces_fen, turn.ctx.pay_timeout)
    except DomainError as exc:
        return turn.say(f"没能下单：{exc.message}", "confirm", suggestions=["取消"])
    turn.state.draft = None
    order = placed[0]  # the contract's order is one: the first; the reply lists every one
    summary = {"order_no": order.order_no, "kind": "card", "status": order.status.value,
               "total_fen": order.total_fen, "items": []}
    minutes = common.pay_minutes(turn.ctx.pay_timeout)
    text = replies.cards_ordered(order.order_no, order.total_fen, minutes) if len(placed) == 1 else \
        replies.card_orders_placed([(o.order_no, o.card_quantity or 0, o.total_fen) for o in placed], minutes)
    return turn.say(text, "confirm", order=summary, suggestions=list(replies.AFTER_ORDER_SUGGESTIONS))
