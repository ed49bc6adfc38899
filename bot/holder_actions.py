"""Turns that answer a shop question or carry out a holder's action on what is already theirs:
ask_info, recommend, claim_card (by the printed code), pay_order (with one of my love cards) and
cancel_order (an order already placed, still unpaid). Every write goes through the domain's services."""
from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from bot import (
    budgets,
    card_rules,
    certified_kinds,
    health_talk,
    holder_questions,
    infant_formula,
    numerals,
    phrasing,
    placed_orders,
    product_facts,
    question_kinds,
    recipients,
    replies,
    selling_here,
    shop_questions,
    shop_workings,
    things_asked_of,
    things_named,
    welfare,
)
from bot.products import resolve
from bot.reply import Reply
from bot.turns import cancelled_goods, card_paid, common, honest, orders_named, prices, referents
from models.errors import DomainError
from models.search import PriceRange
from models.services import cards, orders, payments

if TYPE_CHECKING:
    from bot.dialogue import Turn

SHOW = 5


async def answer(turn: Turn, intent: str | None = None) -> Reply:
    intent = intent or turn.u.intent
    handler = {"ask_info": _info, "recommend": _recommend, "claim_card": _claim, "pay_order": _pay,
               "cancel_order": _cancel_order}[intent]
    text, products, suggestions = await handler(turn)
    text += turn.pending_question()
    focused = bool(intent == "ask_info" and products and len(products) == 1 and turn.u.product_words
                   and not shop_questions.after_sales(turn.u.text)  # 蜂蜜少了一瓶 / 苹果能退吗: no new line for it
                   and product_facts.asked(turn.u.text) != "weight"  # 土鸡一只大概几斤: 一只 is no quantity
                   and health_talk.kind(turn.u) != "facts"  # 高血压能吃蜂蜜吗: a question of health, no purchase
                   and await prices.focus(turn, products[0]))  # 赫章核桃有认证吗: "this one" from now on (slots.sku)
    reply = turn.say(text, intent, products, suggestions=suggestions or turn.resume_suggestions())
    if focused and turn.draft is not None:
        turn.draft.awaiting = "qty"
    return reply


def _this(turn: Turn) -> dict[str, Any] | None:
    """The product a question is about: the one named, else the one in the draft, else the only one shown."""
    cards_by_sku = turn.ctx.search.cards
    prop = phrasing.property_asked(turn.u.text) or ""
    if any(w not in prop for w in turn.u.product_words):  # 土鸡是散养的吗: 土鸡, not whatever is tagged 散养
        found = turn.resolve_products()
        if not found.candidates and turn.u.origin is not None and turn.u.origin.mention in prop:
            # 红枣是新疆的吗 where no red dates come from 新疆: the shop's red dates, said to come from elsewhere
            found = resolve(dataclasses.replace(turn.u, origin=None), turn.ctx.vocab, turn.ctx.search)
        if found.candidates:
            return found.candidates[0]
    d = turn.draft
    line = d.current if d is not None and d.kind == "goods" else None
    if line is not None and line.sku is not None and line.sku in cards_by_sku:
        return cards_by_sku[line.sku]
    shown = [s for s in turn.state.shown if s in cards_by_sku]
    return cards_by_sku[shown[0]] if len(shown) == 1 else None


async def _info(turn: Turn) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    if shop_workings.answer(turn.u.text):  # 营业时间, 你们公司在哪, 能指定日期送达吗: how the shop works
        return shop_workings.answer(turn.u.text), None, []
    if selling_here.asked(turn.u.text):  # 我想当供应商, 怎么申请认定: how certification and a supplier's account work
        return selling_here.REPLY, None, []
    if _not_sold(turn) or things_asked_of.unsold(turn.u):  # 安吉白茶是扶贫产品吗, 这个耳机支持快充吗: not sold
        return honest.not_found_parts(turn, turn.resolve_products())
    unsold = _unsold_thing(turn)
    if unsold:  # 五粮液保真吗, 紫砂壶是不是宜兴的: no such product, so no answer about it
        return replies.not_found(unsold, "") + " 您可以换个说法，比如说品类或产地。", [], []
    health = _this(turn) if health_talk.kind(turn.u) == "facts" else None
    if health is not None:  # 藜麦含糖高不高, 孕妇能吃吗: what its page says, no figure made up, a doctor's advice
        return health_talk.answer(health, turn.u.text), [health], []
    if health_talk.kind(turn.u) == "facts" and not turn.u.product_words:  # 孕妇能吃吗 with nothing shown
        if turn.u.product_text:  # 孕妇能喝咖啡吗: a thing not sold here, never 您问的是哪一款
            return honest.not_found_parts(turn, turn.resolve_products())
        return "您问的是哪一款？说一下商品名，比如“小米孕妇能吃吗”。", None, []
    fact = product_facts.asked(turn.u.text)
    if fact is not None and not shop_questions.asks_other(turn.u.text):  # 香肠辣不辣, 土鸡一只大概几斤
        return _fact(turn, fact)
    said = holder_questions.answer(turn.u.text, turn.ctx.card_faces_fen)  # 卡买了能退吗, 能对公转账吗
    if said:
        return said, None, []
    if "卡" in turn.u.text and card_rules.asked(turn.u.text):  # 这卡只能买扶贫产品吗 水果能买不: no product in it
        return card_rules.answer(turn.u.text), None, []
    if question_kinds.faces(turn.u.text):  # 有哪些面值: the love card's, answered as 爱心卡有哪些面值 is
        return shop_questions.answer_info("爱心卡面值", None, turn.ctx.card_faces_fen), None, []
    kinds = turn.resolve_products().candidates if turn.u.product_words else []
    if certified_kinds.several(turn.u.text, kinds):  # 你们的茶叶有认证吗: each tea's certificate, never the first's
        return certified_kinds.answer(kinds), kinds[:certified_kinds.SHOW], []
    card = _this(turn)
    if card is not None and question_kinds.contents(turn.u.text):  # 年货大礼包里都有什么: from its own data
        return question_kinds.contents_answer(card), [card], []
    prop = phrasing.property_asked(turn.u.text)
    if prop and card is not None and shop_questions.topic(turn.u.text, turn.u.raw) is None:
        return shop_questions.answer_property(card, prop), [card], []
    count = common.quantity_for(turn.u.quantities, card["unit"]) if card is not None else None
    wanted = int(count.value) if count is not None and card is not None and count.unit == card["unit"] \
        and count.value.denominator == 1 else None  # 要200箱 有这么多货吗: the stock weighed against 200
    text = shop_questions.answer_info(turn.u.text, card, turn.ctx.card_faces_fen, wanted)
    return text, [card] if card is not None else None, []


def _fact(turn: Turn, fact: str) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    """What a named product is like, from its data; a thing not sold here is not found (never another's answer)."""
    u = turn.u
    found = turn.resolve_products()
    if not found.candidates and found.unknown and not u.product_words:  # 香肠辣不辣 where no 香肠 is sold
        said = product_facts.thing_said(found.unknown) or found.unknown
        return replies.not_found(said, "") + " 您可以换个说法，比如说品类或产地。", [], []
    if fact == "compare":
        named = [(w, hits[0][0]) for w in dict.fromkeys(u.product_words)
                 if (hits := turn.ctx.search.matches(w, limit=1)[0])]
        named = [(w, c) for i, (w, c) in enumerate(named) if c not in [k for _, k in named[:i]]]
        return product_facts.answer_compare(named), [c for _, c in named], []
    if fact == "weight" and len(found.candidates) > 1 and u.product_words:  # 大米多重: each rice's pack
        shown = found.candidates[:SHOW]
        return product_facts.answer_weights(shown, found.total or len(found.candidates), u.text), shown, []
    card = _this(turn)
    if card is None:
        return "您问的是哪一款？说一下商品名，比如“腊肉咸不咸”。", None, []
    text = product_facts.answer_weight(card, u.text) if fact == "weight" else product_facts.answer_usage(card) \
        if fact == "usage" else product_facts.answer_quality(card, product_facts.quality(u.text))
    prop = phrasing.property_asked(u.text.split("吗")[0] + "吗")  # 腊肉是柴火熏的吗 咸吗: both questions
    if prop and fact == "quality":
        text = shop_questions.answer_property(card, prop) + text
    return text, [card], []


def _not_sold(turn: Turn) -> bool:
    """A thing the shop does not sell asked about as a product (certified? genuine? in stock?), not a shop question
    (shipping, invoices, after-sales: 鸡蛋碎了三个能退吗 is about goods received)."""
    u = turn.u
    text = u.text.replace(" ", "")
    if shop_questions.shipping_to(text) and not u.product_words:
        return False  # 发货要几天 我在广东清远: where the shopper is, not goods asked after
    return bool(u.foreign) and not u.product_words and not shop_questions.received_wrong(u.text) and not any(
        w in text for w in (*shop_questions.INVOICE, *shop_questions.AFTER_SALES))  # 土豆烧牛肉 能寄吗: not sold


def _unsold_thing(turn: Turn) -> str:
    """A thing no catalogue word names, asked whether it is genuine, under warranty, traceable, certified, from a
    place or like something (五粮液保真吗, 电视保修多久, 紫砂壶是不是宜兴的, 你们的海参是大连的吗): the thing as said
    before the question when no product is that thing, else "" (是不是有机的 of the product in the draft names no
    thing; 扶贫产品是真的吗 asks of the programme)."""
    u = turn.u
    if u.product_words or u.generic or not u.product_text or shop_questions.received_wrong(u.text):
        return ""
    asked = [u.text.find(w) for w in ("是不是", "是否", "是", *shop_questions.GENUINE, *shop_questions.CERTIFIED,
                                      *shop_questions.ORIGIN_Q) if w in u.text]
    if not asked or not (phrasing.property_asked(u.text) or any(w in u.text for w in (
            *shop_questions.GENUINE, *shop_questions.CERTIFIED, *shop_questions.ORIGIN_Q))):
        return ""
    thing = _ASKER.sub("", u.text[:min(asked)])
    found = turn.resolve_products()
    named = any(len(piece) >= 2 and piece in thing for piece in found.unknown.split())  # 有机 names no thing
    return thing if not found.candidates and named else ""


# Who or which is asked about before the thing (你们的海参, 这个紫砂壶): not part of its name.
_ASKER = re.compile(r"^(?:请问|你们家的|你们的|你家的|您家的|你们卖的|你家卖的|你们店里的|你们这的|你们"
                    r"|这个|那个|这款|那款)+")


async def _recommend(turn: Turn) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    u = turn.u
    if not u.about_products and infant_formula.baby_food(u.product_text):  # 宝宝辅食有啥推荐: no snack for a baby
        return turn.not_found("recommend", turn.resolve_products()).reply, [], []
    if not u.about_products and u.product_text and not phrasing.only_purposes(u.product_text) \
            and not shop_questions.for_buyers(u.product_text) \
            and things_named.asks_for_goods(u.product_text, turn.ctx.vocab.word_tags,
                                            turn.ctx.vocab.tokenizer.jieba.lcut):
        # 单位采购 预算80一份 / 村里老人过冬: who buys, for whom and why, not what
        return turn.not_found("recommend", turn.resolve_products()).reply, [], []  # 钙片 老人吃的 推荐: not sold here
    shown = [turn.ctx.search.cards[s] for s in turn.state.shown if s in turn.ctx.search.cards]
    if question_kinds.these_two(u.text) and len(shown) >= 2:  # 这两个送长辈哪个体面: the two just shown
        return question_kinds.weigh_answer(shown[:2], u.text), shown[:2], replies.pick_suggestions(2)
    found = turn.resolve_products() if u.about_products else None
    unsold = question_kinds.not_named(u) if question_kinds.weighed(u.text) else ""
    missing = f"本店没有「{unsold}」，" if unsold else ""  # 赤松茸和香菇哪个好: the one not sold is said so
    apart = referents.named_apart(turn) if question_kinds.weighed(u.text) and len(u.product_words) > 1 else []
    if len(apart) > 1:  # 静宁苹果和洛川苹果哪个好: both named products weighed (one was listed)
        return question_kinds.weigh_answer(apart, u.text), apart, replies.pick_suggestions(len(apart))
    if question_kinds.enough(u.text):  # 够六个人吃吗: the packs there are, never a made-up figure
        this = found.candidates[:3] if found is not None and found.candidates else [c for c in [_this(turn)] if c]
        if this:
            return question_kinds.enough_answer(this), this, []
    if question_kinds.weighed(u.text) and not u.about_products and not u.product_text.strip() and shown:
        few = shown[:SHOW]  # 5kg的和10kg的哪个值 where no such sizes are sold: the ones just shown, weighed
        return question_kinds.weigh_answer(few, u.text), few, replies.pick_suggestions(len(few))
    if found is not None and not u.product_words and u.origin is None and recipients.for_someone(u.text):
        found = None  # 给我妈买点东西: 东西 names no goods; what is asked is what suits her (the purpose path)
    if found is not None and found.candidates:  # 一百块以内的茶叶推荐哪个: of the goods named, those within it
        items = found.candidates[:SHOW] if u.budget is None else \
            budgets.named_within(turn.ctx.search, u.budget, u.product_text, found.candidates, SHOW)[:SHOW]
    elif u.budget is None:
        items = _for_purpose(turn)
        if not items and phrasing.looked_for(u.text):  # 适合追剧的 where nothing is tagged so: said, then the best
            missing = "没找到标明这个用途的商品，先看看店里卖得好的。\n"
            items = turn.ctx.search.search("", limit=SHOW).items
        items = items or turn.ctx.search.search("", limit=SHOW).items
    else:  # 预算50 有什么好吃的: the purpose's within it first, then the rest within it (both asked of the search)
        fitting = _for_purpose(turn, u.budget.range) + budgets.listed(turn.ctx.search, u.budget, SHOW)[0]
        items = list({c["sku"]: c for c in fitting}.values())[:SHOW]
    if health_talk.sugar(u.text):  # 我爸有糖尿病: never sweets, the rest filled from the whole catalogue
        items = health_talk.fitting([*items, *turn.ctx.search.search("", limit=6 * SHOW).items])[:SHOW]
    if health_talk.pregnancy(u.text):  # 孕妇能吃什么: no tea, alcohol, herbs or tonics
        items = health_talk.fitting_pregnancy([*items, *turn.ctx.search.search("", limit=6 * SHOW).items])[:SHOW]
    if not items:
        return "暂时没有可以推荐的认定扶贫产品。", [], []
    within = f"（{u.budget.text}）" if u.budget is not None else ""
    health = (health_talk.NO_EFFECTS + recipients.HEALTH_NOTE) if recipients.health_said(u.text) else \
        health_talk.NOTE if health_talk.said(u.text) else ""  # 她血糖有点高, 想买点养胃的: no health advice, no remedy
    text = f"{missing}推荐这几款认定扶贫产品{within}：\n{replies.numbered(items)}\n" \
        "想要哪个？说“第一个”或直接说名字和数量就行。" + health
    return text, items, replies.pick_suggestions(len(items))


def _for_purpose(turn: Turn, price: PriceRange | None = None) -> list[dict[str, Any]]:
    """推荐点送长辈的 / 有什么适合煲汤的: products whose tags or category hold what the purpose looks for (the best
    within `price` when a budget was said: 预算100 送长辈的)."""
    items: list[dict[str, Any]] = []
    gifts = ["送礼", "礼盒"] if question_kinds.gift(turn.u.text) else []  # 探望病人带什么合适: a gift
    looked = phrasing.looked_for(turn.u.text)
    if welfare.asked(turn.u.text):  # 给30个员工发福利: gifts first, whatever else the words point to (福利 finds none)
        looked, gifts = ["送礼", "礼盒", *looked], []
    hits = [[c for c, _ in turn.ctx.search.matches(word, price=price, limit=SHOW)[0]] for word in looked or gifts]
    for rank in range(SHOW):  # 适合煲汤的: mushrooms, dates and a hen in turn, not five mushrooms
        items += [found[rank] for found in hits if rank < len(found) and found[rank] not in items]
    return items[:SHOW]


async def _claim(turn: Turn) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    code = shop_questions.said_code(turn.u.raw)
    if not code or turn.ctx.codes is None:
        return ("领取爱心卡：把卡背面的卡码（AX1.开头的一串字符）发给我，或在「我的爱心卡」里点“领取”粘贴卡码、"
                "上传卡上的二维码。"), None, []
    if not code.upper().startswith("AX1."):  # 卡号1234-5678-9012, 兑换码 AB12CD34: no love card's code looks so
        return (f"没能领取这张卡：没认出卡码「{code}」。爱心卡的卡码印在卡背面，是AX1.开头的一长串字符（卡上的二维码"
                "里也是它）；把整串发给我，或在「我的爱心卡」里点“领取”上传二维码。"), None, []
    try:
        card = await cards.claim(turn.ctx.user, code, turn.ctx.codes)
    except DomainError as exc:
        return f"没能领取这张卡：{exc.message}", None, []
    return (f"领取成功！爱心卡尾号{card.card_no[-4:]}，余额{replies.yuan(card.balance_fen)}，"
            f"有效期至{card.expires_at.isoformat()}。"), None, ["卡里余额", "有哪些扶贫产品"]


async def has_orders(turn: Turn) -> bool:
    return bool(await orders.recent_orders(turn.ctx.user, 1))


async def unpaid_orders(turn: Turn) -> list[Any]:
    return await _unpaid(turn)


async def _unpaid(turn: Turn) -> list[Any]:
    rows = await orders.recent_orders(turn.ctx.user, 10)
    unpaid = [o for o in rows if o.status.value == "pending_payment"]
    if turn.u.order_no:
        unpaid = [o for o in unpaid if o.order_no == turn.u.order_no]
    elif len(unpaid) > 1 and placed_orders.says_newest(turn.u.raw):
        unpaid = unpaid[:1]  # 取消刚才那个订单: the one just placed (recent_orders: newest first)
    return unpaid


# Paying another way than with a love card (付款 用微信, 支付宝付): the shop's own page, the card is not charged.
_OTHER_WAY = re.compile(r"微信|支付宝|银行卡|wechat|alipay", re.IGNORECASE)
_CARD_WAY = re.compile(r"爱心卡|卡里|卡上|余额|尾号")


async def _pay(turn: Turn) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    trouble = shop_workings.trouble(turn.u.text)
    if trouble:  # 付款失败 怎么回事, 钱扣了订单还是待付款: what happens and how to pay again, nothing paid
        return await _trouble(turn, trouble)
    d = turn.draft
    if d is not None and d.kind == "goods" and d.awaiting == "confirm":  # 付款 用微信 at the summary: not placed yet
        return "这一单还没下。说“确认”就下单，下单后可以用爱心卡付，或者在「我的订单」里用微信支付。", None, ["确认"]
    waiting = await _unpaid(turn)
    unpaid = [o for o in waiting if o.kind.value == "goods"]
    if not unpaid and waiting:  # a card order waits: it is paid by WeChat only
        return ("您没有待付款的商品订单。待付款的爱心卡订单请在「我的订单」里用微信支付："
                "爱心卡只能用来买认定扶贫产品，不能买爱心卡。"), None, ["我的订单"]
    if not unpaid:
        return "您没有待付款的订单。下单后可以在这里用爱心卡付，或者在「我的订单」里用微信支付。", None, []
    if len(unpaid) > 1:
        listed = _listed(turn, unpaid)
        return f"您有几笔待付款的订单：\n{listed}\n用哪笔？说“第一个”或“用卡支付订单+订单号”。", None, []
    order = unpaid[0]
    if _OTHER_WAY.search(turn.u.text) and not _CARD_WAY.search(turn.u.text):  # 付款 用微信: never the love card
        other = "" if "微信" in turn.u.text or "wechat" in turn.u.text else "只支持微信支付和爱心卡，"  # 支付宝付
        return (f"订单{order.order_no}共{replies.yuan(order.total_fen)}待付款。{other}微信支付请在「我的订单」里付；"
                "在这里我只能帮您用爱心卡付。"), None, ["我的订单"]
    usable = [c for c in await cards.list_cards(turn.ctx.user) if c.status.value == "active" and c.balance_fen > 0]
    tail, unheld = card_paid.chosen(usable, turn.u.raw, turn.u.text, order.total_fen)  # 尾号3344 / 用500那张
    if unheld:
        return unheld, None, []
    if not usable:
        return (f"订单{order.order_no}共{replies.yuan(order.total_fen)}待付款。您还没有可用的爱心卡，"
                "可以在「我的订单」里用微信支付。"), None, []
    if tail is None and len(usable) > 1:
        listed = "、".join(f"尾号{c.card_no[-4:]}（余额{replies.yuan(c.balance_fen)}）" for c in usable)
        return (f"用哪张卡支付订单{order.order_no}（{replies.yuan(order.total_fen)}）？"
                f"{listed}。说“用尾号XXXX的卡”。", None, [])
    card = tail or usable[0]
    try:
        await payments.pay_with_card(turn.ctx.user, order.order_no, card.card_no)
    except DomainError as exc:
        if exc.code == "card_insufficient_balance":  # 卡里余额先抵一部分 剩下微信付: one order, one way of paying
            return _short(card, order), None, ["卡里余额"]
        return f"没能用爱心卡支付：{exc.message}", None, []
    return (f"已用爱心卡尾号{card.card_no[-4:]}支付订单{order.order_no}，{replies.yuan(order.total_fen)}。"
            "商家会尽快发货。"), None, ["订单到哪了", "卡里余额"]


async def _trouble(turn: Turn, kind: str) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    """A payment that failed or seems lost: the answer, and the orders waiting for payment, none of them paid."""
    minutes = common.pay_minutes(turn.ctx.pay_timeout)
    text = shop_workings.PAID_NOT_SHOWN if kind == "lost" else shop_workings.failed_answer(minutes)
    waiting = await _unpaid(turn)
    if waiting:
        listed = "、".join(f"订单{o.order_no}（{replies.yuan(o.total_fen)}）" for o in waiting[:SHOW])
        text += f"\n现在待付款的：{listed}。"
    return text, None, ["我的订单", "用卡支付"] if waiting else ["我的订单"]


def _listed(turn: Turn, unpaid: list[Any]) -> str:
    """The orders waiting, numbered as shown; kept, so that 第一个 / 最后一个 next picks one (`picked_order`)."""
    shown = unpaid[:SHOW]
    turn.state.orders = [o.order_no for o in shown]
    return "\n".join(f"{i}. 订单{o.order_no}：{replies.yuan(o.total_fen)}" for i, o in enumerate(shown, 1))


async def picked_order(turn: Turn) -> Reply | None:
    """第一个 / 最后一个 right after the orders waiting were listed to cancel or pay: that order, cancelled or paid.
    None for any other message (a pick over a list of goods reads as before)."""
    u, state = turn.u, turn.state
    listed, state.orders = state.orders, []
    if not listed or state.answered not in ("cancel_order", "pay_order") or not u.pick or u.product_words:
        return None
    chosen = numerals.picked(listed, u.pick)
    if chosen is None:
        return None
    u.order_no = chosen
    return await answer(turn, state.answered)


def _short(card: Any, order: Any) -> str:
    """The card does not cover the order: what a split would mean, said as the shop can do it today."""
    return (f"爱心卡尾号{card.card_no[-4:]}余额{replies.yuan(card.balance_fen)}，不够付订单{order.order_no}"
            f"（{replies.yuan(order.total_fen)}），这单没有扣卡。现在一笔订单只能用一种方式付全款，"
            "还不能一部分用卡、剩下的用微信付：可以在「我的订单」里用微信支付整单；"
            "或者取消这单，按卡里的余额重新下一单用卡付，其余的另下一单用微信付。")


async def _cancel_order(turn: Turn) -> tuple[str, list[dict[str, Any]] | None, list[str]]:
    unpaid, said = await _unpaid(turn), orders_named.products(turn)  # 已经下的那个燕麦片的单取消掉: the oats' order
    kept, named = await orders_named.holding(turn, said, [o.order_no for o in unpaid])
    unpaid = [o for o in unpaid if o.order_no in kept]
    if not unpaid:
        return ("没有可以取消的待付款订单。已付款的订单请在「我的订单」里申请退款，"
                "还没发货的会全额退回。"), said if len(said) == 1 else None, []
    if len(unpaid) > 1:
        listed = _listed(turn, unpaid)
        return f"您有几笔待付款的订单：\n{listed}\n要取消哪一笔？说“第一个”或“取消订单+订单号”。", None, []
    shown = [named] if named is not None else None
    try:
        order = await orders.cancel_by_user(turn.ctx.user, unpaid[0].order_no)
    except DomainError as exc:
        return f"没能取消：{exc.message}", shown, []
    await cancelled_goods.remember(turn, order)  # 帮我重新来一袋2.5kg的 next: the same goods
    return f"订单{order.order_no}已取消，库存已退回。", shown, replies.START_SUGGESTIONS
