"""Turns that put goods in the draft: new orders, several at once, answers to a choice, corrections, removals."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot import joined_items, pack_sizes, packs, pasted_lines, replies, shop_questions, starting_over
from bot.draft import Draft, Line
from bot.products import Resolution, pick, resolve
from bot.reply import Reply
from bot.several_items import split_items
from bot.turns import (
    address,
    answered_lines,
    common,
    fitting,
    honest,
    line_counts,
    line_keeping,
    pack_changes,
    placing,
    prices,
    quantity,
    referents,
    swaps,
)
from bot.turns.picks import adds_a_pick, names_another_thing, seen_list, take_one
from bot.understanding import METRIC, Understanding
from models.places.address_parser import PHONE

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def replace_lines(turn: Turn) -> Reply:
    """不要X了，换成Y / X不要了，来一斤Y / 不要辣的，来瓶Y: the lines X names (or describes) leave the draft, then Y is
    ordered as if asked alone (added to what is left)."""
    d = turn.draft
    drop = turn.u.drop
    removed: list[str] = []
    if d is not None and drop is not None and starting_over.afresh(drop.text):  # 重新来，来两袋黑米: all go
        turn.state.draft = None
        reply = await start_goods(turn, add=False)
        reply.reply = f"好的，之前的不要了，重新来。\n{reply.reply}"
        return reply
    if d is not None and d.kind == "goods" and drop is not None:
        lines = [ln for ln in (*d.lines, d.pending) if ln is not None and ln.sku]
        gone = _lines_named(turn, drop, [ln.sku for ln in lines if ln.sku]) if drop.product_text or \
            drop.about_products else {d.current.sku} if d.current is not None and d.current.sku else set()  # 不要这个了
        removed = [turn.ctx.search.cards[s]["name"] for s in gone if s in turn.ctx.search.cards]
        d.drop_named(gone)
        if d.empty:
            turn.state.draft = None
    reply = await start_goods(turn, add=True)
    if removed:
        reply.reply = f"好的，已去掉{'、'.join(removed)}。\n{reply.reply}"
    return reply


def _lines_named(turn: Turn, drop: Understanding, skus: list[str]) -> set[str]:
    """The draft's products the removal names (蜂蜜), or, failing that, describes (辣的: whose name or tags hold 辣)."""
    if drop.about_products:
        found = resolve(drop, turn.ctx.vocab, turn.ctx.search, within=skus)
        if found.candidates:
            return {c["sku"] for c in found.candidates}
    words = [w for w in re.findall("[\u4e00-\u9fff]+", drop.product_text.replace("的", " ")) if w]
    cards = [turn.ctx.search.cards[s] for s in skus if s in turn.ctx.search.cards]
    return {c["sku"] for c in cards if words and all(
        w in c["name"] or any(w in t for t in c.get("tags", ())) for w in words)}


async def answer(turn: Turn, d: Draft) -> Reply | None:
    if d.kind == "card":
        return await placing.answer_card(turn, d)
    u = turn.u
    line = d.current
    if d.awaiting == "product" and d.pending and (u.product_words or u.origin or u.generic):
        found = turn.resolve_products()
        if found.candidates:
            d.pending.candidates = [c["sku"] for c in found.candidates]
            d.pending.sku = found.chosen["sku"] if found.chosen else None
            if u.quantity or u.number:
                quantity.apply_quantity(turn, d.pending)
            elif d.pending.sku and d.pending.qty:
                pass
            return await quantity.advance(turn, d)
    if d.awaiting == "choice" and d.pending:
        chose = await line_counts.recount_while_choosing(turn, d) or await answer_choice(turn, d, d.pending)
        if chose is not None:
            return chose
        if line_keeping.recounted_while_choosing(turn, d.pending):  # 核桃来四斤 → 改成六斤 / 不对，三袋
            return await quantity.advance(turn, d)
    if d.awaiting == "address" or PHONE.search(u.raw):
        reply = await address.take_address(turn, d)
        if reply is not None:
            return reply
    recounted = await swaps.swapped(turn, d) or await line_counts.recount_named(turn, d) or await \
        line_counts.recount_sized(turn, d) or await pack_changes.named_line_resized(turn, d)  # 大米改成一袋
    if recounted is not None:
        return recounted
    if ("add" in u.cues and (u.product_words or u.origin)) or adds_a_pick(turn):
        return await start_goods(turn, add=True)
    if line is not None and line.sku and d.awaiting in ("qty", "confirm", "address") and u.specs \
            and not u.product_words:
        sized = await pack_changes.another_size(turn, d, line) or await pack_changes.resized(turn, d, line)
        if sized is not None:  # 再加两盒30枚装的: a size of the same product; 换成5kg的: another pack of it
            return sized
    current = turn.ctx.search.cards.get(line.sku) if line is not None and line.sku else None
    if line is not None and d.awaiting in ("qty", "confirm", "choice", "address") and quantity_fits(turn, line) \
            and not quantity.names_the_pack(turn, current) \
            and not names_another_thing(turn):  # 春中宝蜂蜜 500g at the summary: the product, not 1 bottle
        if u.product_words and line.sku and not same_product(turn, line.sku):  # lines noted stay (they were LOST)
            if "correct" in u.cues and u.specs and d.awaiting in ("confirm", "address"):  # 猕猴桃换成10斤的，还是两箱
                return await replace_product(turn, d)  # of another line than the last: that line, the count said
            return await start_goods(turn, add=d.awaiting in ("confirm", "address") or bool(d.lines))
        if line.sku is not None:
            line.qty = None
            quantity.apply_quantity(turn, line)
            return await quantity.advance(turn, d)
    if d.awaiting in ("confirm", "address") and (  # 换成2号 while the address is asked too: the count kept
            (("correct" in u.cues or u.pick) and (u.product_words or u.origin or u.pick))
            or (u.specs and not u.product_words)):
        return await replace_product(turn, d)
    if current is not None and u.product_words and same_product(turn, current["sku"]) \
            and quantity.names_the_pack(turn, current) and not [q for q in u.quantities if q.unit not in METRIC]:
        return await quantity.advance(turn, d)  # the product in the draft named again, as it was offered
    if d.awaiting in ("qty", "confirm", "address") and u.intent == "order" and u.product_words:
        return await start_goods(turn, add=(d.awaiting in ("confirm", "address") or bool(d.lines))  # 红枣 两斤 while
                                 and not same_product(turn, line.sku if line else None))  # the address is awaited
    return None


async def answer_choice(turn: Turn, d: Draft, pending: Line) -> Reply | None:
    """The answer to "which one?": the cheapest or dearest, a position or an origin in the list shown, or words
    that narrow the candidates (to one, or to fewer to ask about again). None when it chooses nothing."""
    u = turn.u
    if _names_another(turn, pending) or len(split_items(u, turn.ctx.vocab)) > 1:
        # 来一袋临泉粉丝 while 挂面 is being chosen: a line of its own, 挂面 asked after; 从江的腊肉来两袋 盘州火腿一件
        # while 腊肉 and 火腿 wait: the lines named, which answer those waiting (bot/turns/answered_lines.py)
        d.queued.insert(0, pending)
        d.pending = None
        return await start_goods(turn, add=True)
    seen = [s for s in turn.state.shown if s in pending.candidates] or pending.candidates
    extreme = shop_questions.superlative(u.text)
    if extreme is not None and u.intent != "ask_price":  # 要最便宜的那个，两罐
        offered = [turn.ctx.search.cards[s] for s in seen if s in turn.ctx.search.cards]
        if offered:
            pending.sku = shop_questions.by_price(offered, extreme)[0]["sku"]
            quantity.apply_quantity(turn, pending)
            return await quantity.advance(turn, d)
    chosen = pick(u, seen if u.pick or u.number else pending.candidates, turn.ctx.search, turn.ctx.vocab)
    by_size = None if u.product_words else pack_sizes.answering_which(u, quantity.family_of(turn, pending))
    sized = by_size is not None and chosen in (None, by_size)  # 那就30枚的 / 12个那盒吧: the size names the pack
    chosen = by_size if sized else chosen
    chosen = fitting.by_pack_word(turn, pending) if chosen is None else chosen  # 来5把 over 袋 and 把: the 把
    fitted = None if sized else fitting.by_amount(turn, pending)  # 那就两公斤吧: the packs that hold it
    if fitted is not None:
        pending.sku, pending.qty, pending.asked = fitted[0]["sku"], fitted[1], None
        return await quantity.advance(turn, d)
    if chosen is None and (u.product_words or u.origin or u.specs) and "add" not in u.cues:
        narrowed = turn.resolve_products(within=pending.candidates)
        chosen = narrowed.chosen
        if chosen is None and narrowed.candidates:
            pending.candidates = [c["sku"] for c in narrowed.candidates]
            line_keeping.recounted_while_choosing(turn, pending)  # 还是要六斤吧: an amount, no size
            return await quantity.advance(turn, d)
    if chosen is None:
        return None
    pending.sku = chosen["sku"]
    counted = pending.qty is not None and u.pick is None and u.number is not None and not u.quantities
    if not quantity.names_the_pack(turn, chosen) and not counted:  # 换成5kg的 over 2.5kg/5kg bags: which bag
        quantity.apply_quantity(turn, pending)  # (a bare 1 after 要改哪一行 with the count held: the first line)
    take_one(turn, pending)
    if sized and pending.qty is None and pending.asked is None and not packs.sold_by_measure(chosen):
        pending.qty = 1  # one pack of the size named, unless a count was said
    return await quantity.advance(turn, d)


def _names_another(turn: Turn, pending: Line) -> bool:
    """The message names products, none of them among those being chosen (nor of their families)."""
    if not turn.u.product_words or turn.u.pick:
        return False
    found = turn.resolve_products()
    sized = {c["sku"] for c in found.candidates} if turn.u.specs else set()
    if sized and not sized & set(pending.candidates) and not found.unknown:
        return True  # 还有黑枸杞100g一罐 while the 250g jars are chosen between: the 100g jar, a line of its own
    named = {c["sku"] for c in found.candidates} | set(found.family)
    return bool(named) and not found.unknown and not named & set(pending.candidates)


def quantity_fits(turn: Turn, line: Line) -> bool:
    """The message holds a quantity for this line's product (a bare number, or one not a pack size)."""
    card = turn.ctx.search.cards.get(line.sku) if line.sku else None
    return (turn.u.number is not None
            or common.quantity_for(turn.u.quantities, card["unit"] if card else None) is not None)


def same_product(turn: Turn, sku: str | None) -> bool:
    found = turn.resolve_products()
    return sku is not None and any(c["sku"] == sku for c in found.candidates)


async def replace_product(turn: Turn, d: Draft) -> Reply:
    line = d.lines.pop(_named_line(turn, d)) if d.lines else d.pending
    within = line.candidates if line and line.candidates else None
    chosen = pick(turn.u, within, turn.ctx.search, turn.ctx.vocab) if within and turn.u.pick else None
    if chosen is None and turn.u.pick:  # 不对，要第二个: of the list the customer saw, not of the line's one product
        chosen = pick(turn.u, seen_list(turn), turn.ctx.search, turn.ctx.vocab)
    found = turn.resolve_products(within) if chosen is None else Resolution(candidates=[chosen])
    if not found.candidates and within:
        found = turn.resolve_products()
    qty = line.qty if line else None
    if not found.candidates:
        if line:
            d.lines.append(line)
        return turn.not_found(d.intent, found)
    d.pending = Line(sku=found.chosen["sku"] if found.chosen else None, qty=qty,
                     candidates=found.family or [c["sku"] for c in found.candidates])
    family = [turn.ctx.search.cards[s] for s in d.pending.candidates if s in turn.ctx.search.cards]
    sized = any(pack_sizes.holds(c, spec) for c in family for spec in turn.u.specs)  # 换成5kg的: a pack, no amount
    if not (quantity.names_the_pack(turn) and sized):  # 要5斤的 of 10斤 boxes only: an amount, asked as such
        quantity.apply_quantity(turn, d.pending)
    return await quantity.advance(turn, d)


def _named_line(turn: Turn, d: Draft) -> int:
    """Which settled line a change is about: the one whose product the message names (腊肠换成一公斤的 with the
    walnuts after it: the sausage, never the walnuts' line given the sausage), else the last one."""
    if turn.u.product_words:
        found, cards = turn.resolve_products(), turn.ctx.search.cards
        skus = {c["sku"] for c in found.candidates} | set(found.family)
        names = [cards[ln.sku]["name"] if ln.sku is not None and ln.sku in cards else "" for ln in d.lines]
        named = [i for i, (ln, name) in enumerate(zip(d.lines, names, strict=True)) if ln.sku in skus or any(
            len(w) >= 2 and w in name for w in turn.u.product_words)]  # 苹果换成礼盒装的: the apples' line
        if named:
            return named[-1]
    return len(d.lines) - 1


async def request(turn: Turn) -> Reply:
    """A new request: by the table of request intents (a pick over the list shown is an order)."""
    u = turn.u
    intent = "order" if u.intent != "buy_card" and u.pick and turn.state.shown else u.intent
    if intent in ("fallback", "search") and not u.unrelated and (
            referents.referred(turn) is not None or referents.narrowed(turn)):  # not 能便宜点吗 (bot.discounts)
        intent = "order"  # 那就10kg的 一袋 after two sizes compared: that one of them; 30枚那款: those of them
    handler = REQUESTS.get(intent, fallback)
    return await handler(turn)


async def new_order(turn: Turn) -> Reply:
    return await start_goods(turn, add="add" in turn.u.cues and turn.draft is not None)


async def nothing_to_confirm(turn: Turn) -> Reply:
    return turn.say(replies.NOTHING_TO_CONFIRM, "confirm", suggestions=replies.START_SUGGESTIONS)


async def fallback(turn: Turn) -> Reply:
    text = honest.fallback_text(turn) or replies.FALLBACK  # 打车 / 会员卡: what the shop does not do, said plainly
    return turn.say(text + turn.pending_question(), "fallback", suggestions=replies.START_SUGGESTIONS)


REQUESTS: dict[str, Callable[[Turn], Awaitable[Reply]]] = {
    "buy_card": placing.start_card, "order": new_order, "search": prices.search, "confirm": nothing_to_confirm,
}


async def start_goods(turn: Turn, add: bool) -> Reply:
    u = turn.u
    parts = pasted_lines.lines(turn.said, turn.ctx.vocab) or split_items(u, turn.ctx.vocab)  # a list, a line each
    if len(parts) == 1:  # 要一瓶蜂蜜 还有腊肉 / 要一袋小米 两瓶蜂蜜 500g: two lines, neither lost
        parts = joined_items.items(u, turn.ctx.vocab, turn.ctx.search) or parts
    if len(parts) > 1:
        return await start_several(turn, parts, add)
    chosen = pick(u, seen_list(turn), turn.ctx.search, turn.ctx.vocab) if u.pick else None
    found = Resolution(candidates=[chosen]) if chosen else turn.resolve_products()
    if not found.candidates and not u.product_text and not u.generic:
        return await ask_product(turn)
    if found.refused or not found.candidates:
        hold_quantity(turn, add)
        if found.refused:
            return turn.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                            "order", found.candidates)
        return turn.not_found("order", found)
    d = turn.draft if add and turn.draft and turn.draft.kind == "goods" else Draft(kind="goods")
    if d.pending and d.pending.sku and d.pending.qty:
        d.lines.append(d.pending)
    elif d.pending is not None and not line_keeping.same_goods(d.pending, found):
        d.queued.insert(0, d.pending)  # 第一个来两盒 (要几箱？) → 再加一箱洛川苹果: the pears wait their turn, not lost
    sized = found.chosen is None and bool(u.specs or pack_sizes.named(u))  # 苹果来两箱 要10斤装的: the 10斤 ones
    d.pending = Line(sku=found.chosen["sku"] if found.chosen else None,
                     candidates=[c["sku"] for c in found.candidates] if sized else
                     found.family or [c["sku"] for c in found.candidates])
    if chosen is None:
        fitting.amount_over_tags(turn, d.pending)  # 大米50斤 食堂用: the pack by the amount, not by the tag 食堂
    quantity.apply_quantity(turn, d.pending)
    if chosen is not None:
        take_one(turn, d.pending)
    answered_lines.drop_answered(d, list(d.queued), [d.pending])  # 盘州火腿一件 answers the 火腿 waiting its turn
    turn.state.draft = d
    return await quantity.advance(turn, d)


async def start_several(turn: Turn, parts: list[Understanding], add: bool) -> Reply:
    """Several products in one message: the clear ones become lines, the first unclear one is asked about."""
    d = turn.draft if add and turn.draft and turn.draft.kind == "goods" else Draft(kind="goods")
    if d.pending and d.pending.sku and d.pending.qty:
        d.lines = common.merge(d.lines, d.pending)
    waiting, named, added = list(d.queued), [], dict[str, Line]()
    d.pending, missing = None, []
    for part in parts:
        found = resolve(part, turn.ctx.vocab, turn.ctx.search)
        if not found.candidates or found.refused:
            missing.append(part.product_text)
            continue
        line = Line(sku=found.chosen["sku"] if found.chosen else None,
                    candidates=found.family or [c["sku"] for c in found.candidates])
        quantity.apply_quantity(turn, line, part)
        named.append(line)
        if line.sku and line.qty and line.sku in added and "add" in part.cues:
            added[line.sku].qty = (added[line.sku].qty or 0) + line.qty  # 来两罐，再来一罐: three
        elif line.sku and line.qty:
            d.lines = common.merge(d.lines, line)
            added[line.sku] = next(ln for ln in d.lines if ln.sku == line.sku)
        elif d.pending is None:
            d.pending = line
        else:  # 蜂蜜两瓶 大米一袋, both with several sizes: the rice is asked about once the honey is chosen
            d.queued.append(line)
    answered_lines.drop_answered(d, waiting, named)  # 从江的腊肉来两袋 盘州火腿一件 answers 腊肉 and 火腿 waiting
    turn.state.draft = d
    turn.several = len({ln.sku or " ".join(ln.candidates) for ln in named}) > 1  # 两箱再加10斤: one product
    reply = await quantity.advance(turn, d)
    _noted_first(turn, d, reply)
    if missing:
        reply.reply = replies.not_found("、".join(missing)) + "\n" + reply.reply
    return reply


def _noted_first(turn: Turn, d: Draft, reply: Reply) -> None:
    """A line of several still asked about (腊肉 2斤 of a pasted list): the lines drafted are said first
    (好的，已记下：…)."""
    if d.pending is None or not d.lines or "已记下" in reply.reply:
        return
    cards = turn.ctx.search.cards
    reply.reply = replies.noted([(cards[ln.sku], ln.qty) for ln in d.lines if ln.sku and ln.sku in cards and ln.qty]) \
        + reply.reply.removeprefix("好的，")


def hold_quantity(turn: Turn, add: bool) -> None:
    """买两瓶茅台 (not sold here): keep the two bottles in the draft for whatever the user picks instead."""
    if turn.u.quantity is None:
        return
    if turn.draft is not None and turn.draft.kind == "goods" and turn.draft.lines:
        return  # 茅台来一瓶 with honey in the draft: the draft stays as it was, waiting for its confirmation
    d = turn.draft if add and turn.draft and turn.draft.kind == "goods" else Draft(kind="goods")
    d.pending = Line(sku=None)
    quantity.apply_quantity(turn, d.pending)
    d.awaiting = "product"
    turn.state.draft = d


async def ask_product(turn: Turn) -> Reply:
    """来3箱 / 我要下单: an order without a product. Over a list just shown, it is a choice from that list."""
    shown = referents.pool_for_size(turn)  # 来一盒15枚的: of the list shown, else of the product talked about
    if shown and (turn.u.specs or pack_sizes.named(turn.u)):  # 还是要五斤的吧 after the 10斤 one: its other sizes too
        shown = quantity.with_variants(turn, shown)
    d = turn.draft if turn.draft and turn.draft.kind == "goods" else Draft(kind="goods")
    if d.pending and d.pending.sku and d.pending.qty:
        d.lines = common.merge(d.lines, d.pending)
    d.pending = Line(sku=shown[0] if len(shown) == 1 else None, candidates=shown)
    extreme = shop_questions.superlative(turn.u.text)
    if shown and extreme is not None:  # 要最便宜的那个，两罐
        offered = [turn.ctx.search.cards[s] for s in shown]
        d.pending.sku = shop_questions.by_price(offered, extreme)[0]["sku"]
    elif len(shown) > 1 and (turn.u.specs or pack_sizes.named(turn.u)):  # 要10斤装那个，一箱
        narrowed = turn.resolve_products(within=shown)
        d.pending.sku = narrowed.chosen["sku"] if narrowed.chosen else None
        if narrowed.chosen is None and 1 < len(narrowed.candidates) < len(shown):  # 30枚那款: those of the list
            d.pending.candidates = [c["sku"] for c in narrowed.candidates]
    elif len(shown) > 1:
        sold_so = fitting.by_pack_word(turn, d.pending)  # 来5把 over 袋 and 把: the one sold by the 把
        d.pending.sku = sold_so["sku"] if sold_so else None
    quantity.apply_quantity(turn, d.pending)
    turn.state.draft = d
    if shown:
        return await quantity.advance(turn, d)
    d.awaiting = "product"
    return turn.say(replies.ASK_PRODUCT, "order", [], suggestions=["有哪些扶贫产品", "苹果", "蜂蜜", "大米"])

# --- moving the draft on -------------------------------------------------------------------
