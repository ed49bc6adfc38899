"""Turns that answer prices (of a product, in the draft, cheapest or dearest) and searches."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import budgets, holder_questions, numerals, packs, replies, shop_questions, unit_prices
from bot.draft import Draft, Line
from bot.products import Resolution
from bot.reply import Intent, Reply
from bot.turns import common, fitting, price_each, quantity, referents, sizes_asked
from bot.vocabulary import normalize

if TYPE_CHECKING:
    from bot.dialogue import Turn


async def prices(turn: Turn, extremes: bool = True) -> Reply:
    extreme = shop_questions.superlative(turn.u.text) if extremes else None
    if extreme is not None:
        return cheapest_or_dearest(turn, extreme)
    each = await price_each.answer(turn) if turn.u.about_products else None
    if each is not None:  # 镇赉大米和湄潭翠芽各多少钱: both priced
        return each
    found = turn.resolve_products()
    shown_cards = [turn.ctx.search.cards[s] for s in turn.state.shown if s in turn.ctx.search.cards]
    if turn.u.pick and shown_cards and not turn.u.about_products:  # 第二个多少钱: of the list just shown
        card = numerals.picked(shown_cards, turn.u.pick)
        if card is not None:
            return await price_one(turn, card)  # the one priced becomes "this one": 来两罐 / 要这个 takes it
    referred = referents.referred(turn)  # 一升的多少钱 / 大桶的多少钱: of the list shown or the product talked about
    if referred is not None:
        return await price_one(turn, referred)
    if shown_cards and not turn.u.about_products and (fit := fitting.fewest_packs(turn, shown_cards)) is not None:
        return await price_one(turn, fit[0])  # 20斤多少钱 after the sizes were listed: the packs that hold it
    if not turn.u.about_products and not turn.u.product_text:  # nothing named, nothing to refer to: never 「」
        return turn.say(replies.WHICH_PRODUCT + turn.pending_question(), "ask_price",
                        suggestions=turn.resume_suggestions())
    if found.refused:
        return turn.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                        "ask_price", found.candidates)
    if not found.candidates:
        return turn.not_found("ask_price", found)
    shown = found.candidates[:common.SHOW]
    if turn.u.budget is not None and turn.u.budget.high_fen is not None:  # 预算200块能买几袋镇赉大米
        return turn.say(budgets.how_many_text(turn.u.budget, shown) + turn.pending_question(), "ask_price", shown,
                        suggestions=replies.pick_suggestions(len(shown)) if len(shown) > 1 else [])
    if found.chosen:
        return await price_one(turn, found.chosen)
    fits = fitting.fewest_of_each(turn, found.candidates)
    if len(fits) == 1:
        return await price_one(turn, fits[0][0])  # 20斤西峡猕猴桃多少钱: the size of which the fewest packs hold it
    if fits:  # 10斤大米多少钱 over several rices: what that amount costs of each
        shown = [card for card, _ in fits[:common.SHOW]]
        return turn.say(replies.amount_prices(_amount_said(turn), fits[:common.SHOW]) + turn.pending_question(),
                        "ask_price", shown, suggestions=replies.pick_suggestions(len(shown)))
    text = fitting.amount_unfitted(turn, shown) + replies.prices(shown)  # 8斤板栗多少钱: no size holds 8斤 whole
    return turn.say(text + _bulk(turn) + turn.pending_question(), "ask_price", shown,
                    suggestions=[f"来一{shown[0]['unit']}"] if len(shown) == 1
                    else replies.pick_suggestions(len(shown)))


async def price_one(turn: Turn, card: dict[str, Any]) -> Reply:
    """One product's price. It becomes "this one" (the draft's pending line, its quantity may follow) unless an
    order is waiting for confirmation; a price question shows no order to confirm."""
    if not await focus(turn, card, per_unit=True):
        text = replies.price_of(card) + unit_prices.note(turn.u.text, card)  # 多少钱一斤 of a 10斤 box: per 斤 too
        return turn.say(text + _bulk(turn) + turn.pending_question(), "ask_price", [card],
                        suggestions=[f"来一{card['unit']}"])
    d = turn.state.draft
    assert d is not None  # focus() has put the product in the draft
    p = d.pending
    sized_only = p is not None and p.qty == 1 and turn.u.specs and not _amount_first(turn) \
        and _size_as_named(turn, card)  # 大米5kg 多少钱: which (新晃黄牛肉 2斤 多少钱 of a 1kg pack: one, priced)
    if p is not None and p.qty and p.sku == card["sku"] and not sized_only:  # 5斤糯米蕉多钱: one 5斤 box, priced
        text = replies.price_of(card) + replies.price_total(card, p.qty, packs.amount_text(card, p.qty))
    else:
        text = replies.price_of(card) + unit_prices.note(turn.u.text, card)  # 多少钱一斤 of a 10斤 box: per 斤 too
        if p is not None:
            p.qty, p.asked = None, None
    d.awaiting = "qty"
    return turn.say(text + _bulk(turn), "ask_price", [card],
                    suggestions=[f"来一{card['unit']}", f"来两{card['unit']}"])


def _amount_first(turn: Turn) -> bool:
    """An amount said before the product (5斤糯米蕉多钱) is how much is wanted; a size after its name (泰来大米5kg
    多少钱, 5kg的多少钱) names the pack."""
    q, u = turn.u.quantity, turn.u
    at = [u.text.find(w) for w in u.product_words if w in u.text]
    return q is not None and bool(at) and q.end <= min(at)


def _size_as_named(turn: Turn, card: dict[str, Any]) -> bool:
    """A size written as the product's name writes it (泰来大米5kg) names the pack; said in other measures (2斤 of a
    1kg pack) it is how much is wanted."""
    name = normalize(card["name"]).replace(" ", "")
    return any(spec in name for spec in turn.u.specs)


def _amount_said(turn: Turn) -> str:
    said = turn.u.quantities[0]
    return packs.Asked(said.value, said.unit).text()


def _bulk(turn: Turn) -> str:
    """The word on wholesale prices when one was asked (买50箱能给批发价吗 / 量大能便宜吗)."""
    return replies.WHOLESALE if holder_questions.wholesale_asked(turn.u.text, turn.u.quantity is not None) else ""


def price_in_draft(turn: Turn, d: Draft) -> Reply:
    cards_by_sku = turn.ctx.search.cards
    line = d.current
    pool = [cards_by_sku[s] for s in (line.candidates if line else []) if s in cards_by_sku]
    card = cards_by_sku.get(line.sku) if line and line.sku else None
    if turn.u.specs and pool:
        narrowed = turn.resolve_products(within=[c["sku"] for c in pool])
        card = narrowed.chosen or card
    if turn.u.pick:  # 第三个多少钱 / 中间那个多少钱 while a choice is open: of the list the customer saw
        card = numerals.picked([cards_by_sku[s] for s in turn.state.shown if s in cards_by_sku] or pool, turn.u.pick)
    if card is None:
        return turn.say(replies.FALLBACK + turn.pending_question(), "ask_price", suggestions=turn.resume_suggestions())
    return turn.say(replies.price_of(card) + unit_prices.note(turn.u.text, card) + turn.pending_question(),
                    "ask_price", [card], suggestions=turn.resume_suggestions())


def cheapest_or_dearest(turn: Turn, extreme: str) -> Reply:
    """哪个最便宜 (over the list just shown, or what is named), A跟B哪个贵: answered from the prices."""
    cards_by_sku = turn.ctx.search.cards
    apart = referents.named_apart(turn) if len(turn.u.product_words) > 1 else []
    if len(apart) > 1:
        pool = apart  # 静宁苹果和洛川苹果哪个便宜: the two named (searched together, one was found)
    elif turn.u.about_products:
        pool = turn.resolve_products().candidates
    else:
        pool = [cards_by_sku[s] for s in turn.state.shown if s in cards_by_sku]
    if not pool and not turn.u.about_products and not turn.u.product_text.strip():  # 哪个最便宜: the whole shop
        pool = turn.ctx.search.search("", limit=200).items
    if not pool:  # 茅台和五粮液哪个便宜: not sold here (never the cheapest of the shop as the answer)
        return turn.not_found("ask_price", turn.resolve_products())
    ranked = shop_questions.by_price(pool, extreme)
    best = ranked[0]
    word = "最贵" if extreme == "dear" else "最便宜"
    text = f"{word}的是{replies.price_line(best)}。"
    if 2 <= len(pool) <= 3:
        text += "\n" + "\n".join(replies.price_line(c) for c in ranked[1:])
    return turn.say(text + turn.pending_question(), "ask_price", [best],
                    suggestions=[f"来一{best['unit']}", "还有别的吗"])


async def focus(turn: Turn, card: dict[str, Any], per_unit: bool = False) -> bool:
    """A single product asked about becomes the draft's pending line (its quantity may follow), unless an
    order is already waiting for confirmation."""
    d = turn.draft
    if d is not None and (d.kind != "goods" or d.awaiting == "confirm"):
        return False
    if d is None:
        d = turn.state.draft = Draft(kind="goods")
    d.pending = Line(sku=card["sku"], candidates=[card["sku"]])
    if not (per_unit and turn.u.quantity is not None and turn.u.quantity.value == 1):  # 多少钱一箱: a unit price
        quantity.apply_quantity(turn, d.pending)
    return True


async def focused_reply(turn: Turn, text: str, intent: Intent) -> Reply:
    draft = turn.state.draft
    assert draft is not None  # focus() has put the product in the draft
    reply = await quantity.advance(turn, draft)
    if draft.awaiting == "qty":
        sold_out = bool(reply.products) and reply.products[0].get("stock") == 0  # no count asked of what none can buy
        reply.reply = text + replies.QTY_QUESTION.format(unit=reply.products[0]["unit"]) \
            if reply.products and not sold_out else text
    else:
        reply.reply = text + "\n" + reply.reply
    reply.intent = intent
    return reply


# 有没有便宜点的大米 / 贵一点的茶叶: the products asked for, cheapest (dearest) first.
_CHEAP = re.compile(r"便宜(?:点|一点|些|一些)?的|实惠(?:点|一点|些)?的|平价的|性价比高的")
_DEAR = re.compile(r"贵(?:点|一点|些|一些)的|高档(?:点|一点)?的|档次高(?:点|一点)?的")


async def search(turn: Turn) -> Reply:
    found = sizes_asked.untagged(turn, turn.resolve_products())  # 食堂用，菜籽油有什么规格: every size
    if found.refused:
        return turn.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                        "search", found.candidates)
    budget = turn.u.budget
    bare = not found.candidates and not turn.u.origin and (turn.u.generic or not turn.u.product_text)
    if bare and budget is not None:
        items, total = budgets.listed(turn.ctx.search, budget, common.SHOW)  # 100块以内的有啥: one page within it
        if items:
            return within_budget(turn, items, budget, total)
    if not found.candidates and (turn.u.generic or (budget and not turn.u.product_text)) and not turn.u.origin:
        page = turn.ctx.search.search("", limit=common.SHOW if budget is None else 10_000)  # none within: the nearest
        found = Resolution(candidates=page.items, total=page.total)
    if not found.candidates:
        return turn.not_found("search", found)
    if budget is not None:
        return within_budget(turn, found.candidates, budget)
    order = "cheap" if _CHEAP.search(turn.u.text) else "dear" if _DEAR.search(turn.u.text) else ""
    shown = (shop_questions.by_price(found.candidates, order) if order else found.candidates)[:common.SHOW]
    place = turn.u.origin.mention if turn.u.origin and not turn.u.product_words else ""
    if found.chosen and turn.u.product_words and await focus(turn, found.chosen):
        return await focused_reply(turn, replies.found(shown, found.total, place).split("想要")[0].rstrip(), "search")
    return turn.say(replies.found(shown, found.total, place) + turn.pending_question(), "search", shown,
                    suggestions=replies.pick_suggestions(len(shown)))


def within_budget(turn: Turn, cards: list[dict[str, Any]], budget: budgets.Budget, total: int | None = None
                  ) -> Reply:
    """一百块以内的茶叶有啥: the products asked for within the budget (`total` of them when `cards` is one page of
    the search's); none: the nearest, said to be outside it."""
    fitting, what = budgets.within(cards, budget), turn.u.product_text.replace(" ", "")
    if fitting:
        shown = fitting[:common.SHOW]
        text = budgets.found_text(budget, what, fitting, replies.numbered(shown), total)
        return turn.say(text + turn.pending_question(), "search", shown,
                        suggestions=replies.pick_suggestions(len(shown)))
    mid = ((budget.low_fen or 0) + (budget.high_fen or budget.low_fen or 0)) // 2
    shown = sorted(cards, key=lambda c: abs(int(c["price_fen"]) - mid))[:3]
    text = budgets.none_within_text(budget, what, replies.numbered(shown))
    return turn.say(text + turn.pending_question(), "search", shown, suggestions=replies.pick_suggestions(len(shown)))
