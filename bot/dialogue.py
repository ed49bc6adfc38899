"""One turn of the conversation: the understood message, applied to the stored draft, gives a reply.

Order of precedence: cancel, confirm, questions that do not touch the draft (balance, orders,
greeting, help, prices), answers to the question the assistant asked (a choice, a quantity, an
address, a face value, a correction), then new requests (order, card, search). The order or card
purchase is placed only on an explicit confirmation, through the same domain operations as the API.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from typing import Any

from bot import holder_actions, packs, replies, shop_questions
from bot.draft import DialogueState, Draft, Line
from bot.addressing import AddressPart
from bot.packs import Asked
from bot.lexicon import CARD_UNITS, MONEY_UNITS
from bot.products import Resolution, alternatives, pick, resolve
from bot.reply import Reply
from bot.numerals import Found
from bot.understanding import METRIC, Understanding, split_items
from bot.vocabulary import Vocabulary
from models.address_parser import PHONE
from models.addresses import Address
from models.catalog import Product
from models.catalog_search import CatalogSearch
from models.errors import DomainError
from models.region_directory import RegionSnapshot
from models.services import addresses, card_purchase, cards, orders
from models.services.orders import MAX_QTY, LineRequest
from models.users import User

SHOW = 5


@dataclass(frozen=True)
class Context:
    user: User
    vocab: Vocabulary
    search: CatalogSearch
    card_faces_fen: tuple[int, ...]
    pay_timeout: timedelta
    regions: RegionSnapshot
    codes: Any = None


class Turn:
    def __init__(self, ctx: Context, state: DialogueState, u: Understanding) -> None:
        self.ctx, self.state, self.u = ctx, state, u
        self._resolved: Resolution | None = None
        self._half: Fraction | None = None  # a quantity like 三斤半 that is not a whole number of units
        self._new_address_id: int | None = None  # an address said in this very message
        self._why = ""  # why the quantity said is not yet a number of packs (bot.packs.Reading.why)

    @property
    def draft(self) -> Draft | None:
        return self.state.draft

    # --- replies -----------------------------------------------------------------------------

    def say(self, text: str, intent: str, products: list[dict[str, Any]] | None = None,
            suggestions: list[str] | None = None, order: dict[str, Any] | None = None) -> Reply:
        if products is not None:
            self.state.shown = [p["sku"] for p in products]
        return Reply(reply=text, intent=intent, products=[_product(p) for p in products or []],
                     slots=self._slots(), order=order, suggestions=suggestions or [])

    def _slots(self) -> dict[str, Any]:
        d = self.draft
        line = d.current if d and d.kind == "goods" else None
        card = d is not None and d.kind == "card"
        qty = d.card_qty if card else (line.qty if line else None)
        product = self.ctx.search.cards.get(line.sku) if line and line.sku else None
        unit = "张" if card else (product["unit"] if product else None)
        total = packs.amount_text(product, qty) if product and qty else ""
        return {"sku": line.sku if line else None, "qty": qty, "amount_fen": d.amount_fen if card else None,
                "unit": unit, "total_qty_text": total or None}

    # --- the turn ------------------------------------------------------------------------------

    async def run(self) -> Reply:
        u, d = self.u, self.draft
        if u.address is not None:
            answered = await self._address_turn(u.address)
            if answered is not None:
                return answered
        if not u.text:
            return self.say(replies.EMPTY, "fallback", suggestions=replies.START_SUGGESTIONS)
        if u.intent == "cancel" and d is not None and d.kind == "goods" and (u.product_words or u.pick):
            removed = await self._remove_line(d)  # 不要绿豆了: that line goes, the rest stays
            if removed is not None:
                return removed
        if u.intent == "cancel" or ("no" in u.cues and d and d.awaiting == "confirm" and not self._changes()):
            return await self._cancel()
        if "yes" in u.cues and not self._changes():
            return await self._confirm()
        if u.intent in ("ask_info", "recommend", "claim_card", "pay_order", "cancel_order"):
            return await holder_actions.answer(self)
        if u.intent in ("card_balance", "order_status", "greet", "help"):
            return await self._info()
        if u.intent == "ask_price" and d is not None and d.kind == "goods" and not u.about_products:
            return self._price_in_draft(d)  # 多少钱一袋 / 250g的多少钱 mid-order: answered, the draft unchanged
        if u.intent == "ask_price" and (u.about_products or not d):
            return await self._prices()
        if d is not None:
            answered = await self._answer(d)
            if answered is not None:
                return answered
        elif PHONE.search(u.raw) and not u.product_words:  # an address names places, not products
            saved = await self._save_address()
            if saved is not None:
                return saved
        return await self._request()

    async def _address_turn(self, part: AddressPart) -> Reply | None:
        """Save the address said in this message (whole, or a change to the current one's receiver, phone or
        place); the draft ships there. None when the rest of the message still has to be answered."""
        d = self.draft
        goods = d if d is not None and d.kind == "goods" else None
        base = await addresses.address_for_order(self.ctx.user, goods.address_id if goods else None)
        supplying = goods is not None and goods.awaiting == "address"
        intent = "order" if supplying or (self.u.text and self.u.intent == "order") else "change_address"
        suggestions = ["取消"] if d else replies.START_SUGGESTIONS
        if not (part.line or part.receiver or part.phone):  # 换个收货地址: ask for the new one
            if goods is not None:
                goods.awaiting = "address"
            return self.say(replies.ASK_NEW_ADDRESS, "change_address", suggestions=suggestions)
        line = await self._full_line(part, base)
        parsed = await addresses.parse_address_line(line, self.ctx.regions)
        if not (parsed.county and parsed.phone):
            problem = "缺少手机号" if not parsed.phone else "没找到省市县"
            return self.say(replies.bad_address(problem), intent, suggestions=suggestions)
        try:
            address = await addresses.create_from_line(self.ctx.user, self.ctx.regions, parsed)
        except DomainError as exc:
            return self.say(replies.bad_address(exc.message), intent, suggestions=suggestions)
        self._new_address_id = address.id
        if goods is not None:
            goods.address_id = address.id
            if goods.awaiting == "address":
                goods.awaiting = None
        u = self.u
        if u.text and (u.about_products or u.quantity or u.number or u.pick
                       or u.intent not in ("fallback", "greet", "change_address")):
            return None
        if goods is None:
            return self.say(replies.address_saved(_address_text(address)), intent, suggestions=replies.START_SUGGESTIONS)
        reply = await self._advance(goods)
        said = "收货地址已保存" if supplying else "收货地址已改为"
        reply.reply = f"{said}：{_address_text(address)}\n{reply.reply}"
        reply.intent = intent
        return reply

    async def _full_line(self, part: AddressPart, base: Address | None) -> str:
        """The address line to save: what was said, completed from the current address (its receiver and phone
        for a new place; its place for a new receiver or phone; its county for a street alone)."""
        if base is None:
            return part.line
        place = f"{base.province}{base.city}{base.county}{base.detail}"
        region = place[:len(place) - len(base.detail)] if base.detail else place
        if not part.line:
            return f"{place} {part.receiver or base.name} {part.phone or base.phone}"
        parsed = await addresses.parse_address_line(part.line, self.ctx.regions)
        if parsed.county is None:  # 地址改成XX路8号: a street in the same county
            candidate = f"{region}{part.line}"
            if (await addresses.parse_address_line(candidate, self.ctx.regions)).county:
                return candidate if parsed.phone else f"{candidate} {part.receiver or base.name} {part.phone or base.phone}"
            return part.line
        if parsed.phone:
            return part.line
        return f"{part.line} {part.receiver or ('' if parsed.name else base.name)} {part.phone or base.phone}"

    async def _save_address(self) -> Reply | None:
        """An address sent with no order under way (a user setting it up first) becomes the default address."""
        parsed = await addresses.parse_address_line(self.u.raw, self.ctx.regions)
        if not (parsed.county and parsed.phone):
            return None
        try:
            address = await addresses.create_from_line(self.ctx.user, self.ctx.regions, parsed)
        except DomainError as exc:
            return self.say(replies.bad_address(exc.message), "fallback", suggestions=replies.START_SUGGESTIONS)
        return self.say(replies.address_saved(_address_text(address)), "fallback",
                        suggestions=replies.START_SUGGESTIONS)

    def _changes(self) -> bool:
        u = self.u
        return bool(u.quantity or u.product_words or u.origin or u.money_yuan or u.card_count or u.pick)

    async def _cancel(self) -> Reply:
        if self.draft is None:
            if "订单" in self.u.text:  # 取消订单 with nothing being ordered: the unpaid order, if there is one
                reply = await holder_actions.answer(self, "cancel_order")
                reply.intent = "cancel"
                return reply
            return self.say(replies.NOTHING_TO_CANCEL, "cancel", suggestions=replies.START_SUGGESTIONS)
        self.state.draft = None
        return self.say(replies.CANCELLED, "cancel", suggestions=replies.START_SUGGESTIONS)

    async def _confirm(self) -> Reply:
        d = self.draft
        if d is None:
            if shop_questions.wants_to_pay(self.u.text):  # 付款 with nothing to confirm: the order waiting for it
                return await holder_actions.answer(self, "pay_order")
            return self.say(replies.NOTHING_TO_CONFIRM, "confirm", suggestions=replies.START_SUGGESTIONS)
        if d.awaiting != "confirm":
            reply = await self._advance(d)
            reply.intent = "confirm"
            return reply
        return await (self._place_goods(d) if d.kind == "goods" else self._place_cards(d))

    # --- questions that leave the draft alone ----------------------------------------------------

    async def _info(self) -> Reply:
        intent = self.u.intent
        if intent == "greet":
            text = replies.greet("thanks" in self.u.cues and "greet" not in self.u.cues)
        elif intent == "help":
            text = replies.HELP
        elif intent == "card_balance":
            rows = await cards.list_cards(self.ctx.user)
            text = replies.cards([(c.card_no, c.balance_fen, c.status.value, c.expires_at.isoformat()) for c in rows])
        else:
            text = await self._order_status()
        return self.say(text + self._pending_question(), intent, suggestions=self._resume_suggestions())

    async def _order_status(self) -> str:
        if self.u.order_no:
            try:
                order = await orders.order_for(self.ctx.user, self.u.order_no)
            except DomainError:
                return replies.order_unknown(self.u.order_no)
            rows = [order]
        else:
            rows = await orders.recent_orders(self.ctx.user, 3)
        return replies.orders([(o.order_no, o.status.value, o.total_fen, _shipping_note(o)) for o in rows])

    def _pending_question(self) -> str:
        d = self.draft
        questions = {"choice": "您还没选是哪一款", "qty": "还差购买数量", "address": "还差收货地址",
                     "confirm": "等您确认下单", "amount": "还差爱心卡面值"}
        return replies.reminder(questions.get(d.awaiting, "")) if d and d.awaiting else ""

    def _resume_suggestions(self) -> list[str]:
        d = self.draft
        if d and d.awaiting == "confirm":
            return list(replies.CONFIRM_SUGGESTIONS)
        return replies.START_SUGGESTIONS if d is None else ["取消"]

    async def _prices(self) -> Reply:
        extreme = shop_questions.superlative(self.u.text)
        if extreme is not None:
            return self._cheapest_or_dearest(extreme)
        found = self._resolve()
        if found.refused:
            return self.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                            "ask_price", found.candidates)
        if not found.candidates:
            return self._not_found("ask_price", found)
        shown = found.candidates[:SHOW]
        if found.chosen and await self._focus(found.chosen, per_unit=True):
            # A price question answers the price and makes the product "this one"; it shows no order to confirm.
            card, d = found.chosen, self.state.draft
            p = d.pending
            if p is not None and p.qty and p.sku == card["sku"]:
                text = replies.price_of(card) + replies.price_total(card, p.qty, packs.amount_text(card, p.qty))
            else:
                text = replies.price_of(card)
                if p is not None:
                    p.qty, p.asked = None, None
            d.awaiting = "qty"
            return self.say(text, "ask_price", [card], suggestions=[f"来一{card['unit']}", f"来两{card['unit']}"])
        if found.chosen:
            card = found.chosen
            return self.say(replies.price_of(card) + self._pending_question(), "ask_price", [card],
                            suggestions=[f"来一{card['unit']}"])
        return self.say(replies.prices(shown) + self._pending_question(), "ask_price", shown,
                        suggestions=[f"来一{shown[0]['unit']}"] if len(shown) == 1 else replies.pick_suggestions(len(shown)))

    async def _remove_line(self, d: Draft) -> Reply | None:
        found = self._resolve()
        skus = {c["sku"] for c in found.candidates} | set(found.family)
        kept = [ln for ln in d.lines if ln.sku not in skus]
        pending_goes = d.pending is not None and (d.pending.sku in skus or set(d.pending.candidates) & skus)
        if len(kept) == len(d.lines) and not pending_goes:
            return None
        d.lines = kept
        if pending_goes:
            d.pending = None
        if not d.lines and d.pending is None:
            self.state.draft = None
            return self.say(replies.CANCELLED, "cancel", suggestions=replies.START_SUGGESTIONS)
        reply = await self._advance(d)
        reply.reply = "好的，已去掉。\n" + reply.reply
        reply.intent = "order"
        return reply

    def _price_in_draft(self, d: Draft) -> Reply:
        cards_by_sku = self.ctx.search.cards
        line = d.current
        pool = [cards_by_sku[s] for s in (line.candidates if line else []) if s in cards_by_sku]
        card = cards_by_sku.get(line.sku) if line and line.sku else None
        if self.u.specs and pool:
            narrowed = self._resolve(within=[c["sku"] for c in pool])
            card = narrowed.chosen or card
        if card is None:
            return self.say(replies.FALLBACK + self._pending_question(), "ask_price", suggestions=self._resume_suggestions())
        return self.say(replies.price_of(card) + self._pending_question(), "ask_price", [card],
                        suggestions=self._resume_suggestions())

    def _cheapest_or_dearest(self, extreme: str) -> Reply:
        """哪个最便宜 (over the list just shown, or what is named), A跟B哪个贵: answered from the prices."""
        cards_by_sku = self.ctx.search.cards
        if self.u.about_products:
            pool = self._resolve().candidates
        else:
            pool = [cards_by_sku[s] for s in self.state.shown if s in cards_by_sku]
        if not pool:
            pool = self.ctx.search.search("", limit=200).items
        if not pool:
            return self._not_found("ask_price", self._resolve())
        ranked = sorted(pool, key=lambda c: c["price_fen"], reverse=extreme == "dear")
        best = ranked[0]
        word = "最贵" if extreme == "dear" else "最便宜"
        text = f"{word}的是{replies.price_line(best)}。"
        if 2 <= len(pool) <= 3:
            text += "\n" + "\n".join(replies.price_line(c) for c in ranked[1:])
        return self.say(text + self._pending_question(), "ask_price", [best],
                        suggestions=[f"来一{best['unit']}", "还有别的吗"])

    async def _focus(self, card: dict[str, Any], per_unit: bool = False) -> bool:
        """A single product asked about becomes the draft's pending line (its quantity may follow), unless an
        order is already waiting for confirmation."""
        d = self.draft
        if d is not None and (d.kind != "goods" or d.awaiting == "confirm"):
            return False
        if d is None:
            d = self.state.draft = Draft(kind="goods")
        d.pending = Line(sku=card["sku"], candidates=[card["sku"]])
        if not (per_unit and self.u.quantity is not None and self.u.quantity.value == 1):  # 多少钱一箱: a unit price
            self._apply_quantity(d.pending)
        return True

    async def _focused_reply(self, text: str, intent: str) -> Reply:
        reply = await self._advance(self.state.draft)
        if self.state.draft.awaiting == "qty":
            reply.reply = text + replies.QTY_QUESTION.format(unit=reply.products[0]["unit"]) if reply.products else text
        else:
            reply.reply = text + "\n" + reply.reply
        reply.intent = intent
        return reply

    def _not_found(self, intent: str, found: Resolution) -> Reply:
        place = self.u.origin.mention if self.u.origin else ""
        text = replies.not_found(found.unknown or self.u.product_text, place)
        return self.say(text + " 您可以换个说法，比如说品类或产地。", intent, [],
                        suggestions=["有哪些扶贫产品", "蔬菜水果", "茶叶饮品", "粮油米面"])

    def _resolve(self, within: list[str] | None = None) -> Resolution:
        """The products the message names (remembered for the turn: several steps may ask)."""
        if within is not None:
            return resolve(self.u, self.ctx.vocab, self.ctx.search, within)
        if self._resolved is None:
            self._resolved = resolve(self.u, self.ctx.vocab, self.ctx.search)
        return self._resolved

    # --- answers to the assistant's question -----------------------------------------------------

    async def _answer(self, d: Draft) -> Reply | None:
        if d.kind == "card":
            return await self._answer_card(d)
        u = self.u
        line = d.current
        if d.awaiting == "product" and d.pending and (u.product_words or u.origin or u.generic):
            found = self._resolve()
            if found.candidates:
                d.pending.candidates = [c["sku"] for c in found.candidates]
                d.pending.sku = found.chosen["sku"] if found.chosen else None
                if u.quantity or u.number:
                    self._apply_quantity(d.pending)
                elif d.pending.sku and d.pending.qty:
                    pass
                return await self._advance(d)
        if d.awaiting == "choice" and d.pending:
            seen = [s for s in self.state.shown if s in d.pending.candidates] or d.pending.candidates
            extreme = shop_questions.superlative(u.text)
            if extreme is not None and u.intent != "ask_price":  # 要最便宜的那个，两罐
                offered = [self.ctx.search.cards[s] for s in seen if s in self.ctx.search.cards]
                if offered:
                    best = sorted(offered, key=lambda c: c["price_fen"], reverse=extreme == "dear")[0]
                    d.pending.sku = best["sku"]
                    self._apply_quantity(d.pending)
                    return await self._advance(d)
            chosen = pick(u, seen if u.pick or u.number else d.pending.candidates, self.ctx.search, self.ctx.vocab)
            if chosen is None and (u.product_words or u.origin or u.specs) and "add" not in u.cues:
                narrowed = self._resolve(within=d.pending.candidates)
                chosen = narrowed.chosen
                if chosen is None and narrowed.candidates:
                    d.pending.candidates = [c["sku"] for c in narrowed.candidates]
                    return await self._advance(d)
            if chosen is not None:
                d.pending.sku = chosen["sku"]
                if not self._names_the_pack():  # 换成5kg的 over 2.5kg/5kg bags: which bag, not how much
                    self._apply_quantity(d.pending)
                return await self._advance(d)
        if d.awaiting == "address" or PHONE.search(u.raw):
            reply = await self._take_address(d)
            if reply is not None:
                return reply
        if "add" in u.cues and (u.product_words or u.origin):
            return await self._start_goods(add=True)
        if line is not None and d.awaiting in ("qty", "confirm", "choice", "address") and self._quantity_fits(line):
            if u.product_words and line.sku and not self._same_product(line.sku):
                return await self._start_goods(add=d.awaiting == "confirm")
            if line.sku is not None:
                line.qty = None
                self._apply_quantity(line)
                return await self._advance(d)
        if d.awaiting == "confirm" and (("correct" in u.cues or u.pick) and (u.product_words or u.origin or u.pick)
                                        or (u.specs and not u.product_words)):
            return await self._replace_product(d)
        if d.awaiting in ("qty", "confirm") and u.intent == "order" and u.product_words:
            return await self._start_goods(add=d.awaiting == "confirm" and not self._same_product(line.sku if line else None))
        return None

    def _quantity_fits(self, line: Line) -> bool:
        """The message holds a quantity for this line's product (a bare number, or one not a pack size)."""
        card = self.ctx.search.cards.get(line.sku) if line.sku else None
        return self.u.number is not None or _quantity_for(self.u.quantities, card["unit"] if card else None) is not None

    def _same_product(self, sku: str | None) -> bool:
        found = self._resolve()
        return sku is not None and any(c["sku"] == sku for c in found.candidates)

    async def _replace_product(self, d: Draft) -> Reply:
        line = d.lines.pop() if d.lines else d.pending
        within = line.candidates if line and line.candidates else None
        chosen = pick(self.u, within, self.ctx.search, self.ctx.vocab) if within and self.u.pick else None
        found = self._resolve(within) if chosen is None else Resolution(candidates=[chosen])
        if not found.candidates and within:
            found = self._resolve()
        qty = line.qty if line else None
        if not found.candidates:
            if line:
                d.lines.append(line)
            return self._not_found(d.intent, found)
        d.pending = Line(sku=found.chosen["sku"] if found.chosen else None, qty=qty,
                         candidates=found.family or [c["sku"] for c in found.candidates])
        if not self._names_the_pack():  # 换成5kg的: a pack, not an amount
            self._apply_quantity(d.pending)
        return await self._advance(d)

    def _names_the_pack(self) -> bool:
        """Every quantity in the message is a weight or volume used to say which pack (换成5kg的, 要2.5kg那种)."""
        u = self.u
        return bool(u.quantities) and all(q.unit in METRIC for q in u.quantities) and (
            "correct" in u.cues or u.text.endswith(("的", "那种", "那个", "那款")))

    def _apply_quantity(self, line: Line, u: Understanding | None = None) -> None:
        """Put the message's quantity on the line: read against the product's pack when the product is known,
        kept as said (5斤, 60个) until it is otherwise."""
        u = u or self.u
        card = self.ctx.search.cards.get(line.sku) if line.sku else None
        said = _quantity_for(u.quantities, card["unit"] if card else None)
        if said is not None:
            asked = Asked(said.value, said.unit)
        elif u.number is not None:
            asked = Asked(u.number, "")
        else:
            return
        line.qty, line.asked = None, asked.to_json()
        if card is None and (asked.measured is None or asked.unit in ("只", "个")) and asked.value.denominator == 1:
            line.qty = int(asked.value)  # 两箱 before the product is chosen: shown now, checked against its pack then
        self._settle(line)

    def _settle(self, line: Line) -> None:
        """A quantity kept as said becomes a number of packs once the product is known and a whole number fits."""
        asked = Asked.from_json(line.asked)
        card = self.ctx.search.cards.get(line.sku) if line.sku else None
        if asked is None or card is None:
            return
        reading = packs.read(asked, card)
        self._why = reading.why
        self._half = asked.value if reading.why == "fraction" else None
        line.qty = reading.packs
        if reading.packs is not None:
            line.asked = None

    async def _take_address(self, d: Draft) -> Reply | None:
        parsed = await addresses.parse_address_line(self.u.raw, self.ctx.regions)
        if not (parsed.county and parsed.phone):
            u = self.u
            if not PHONE.search(u.raw) and (u.about_products or u.intent not in ("fallback", "search")
                                             or u.quantity or u.number or u.pick or "correct" in u.cues):
                return None  # 改成三罐 while the address is awaited: a change, not a bad address
            problem = "缺少手机号" if not parsed.phone else "没找到省市县"
            return self.say(replies.bad_address(problem), "order", suggestions=["取消"])
        try:
            address = await addresses.create_from_line(self.ctx.user, self.ctx.regions, parsed)
        except DomainError as exc:
            return self.say(replies.bad_address(exc.message), "order", suggestions=["取消"])
        d.address_id = address.id
        return await self._advance(d)

    async def _answer_card(self, d: Draft) -> Reply | None:
        u = self.u
        said = u.quantity if u.quantity and u.quantity.unit in MONEY_UNITS else None  # 两百块 without 卡 in it
        amount = u.money_yuan if u.money_yuan is not None else (said.value if said else None)
        if amount is None and d.awaiting == "amount":
            amount = u.number
        counted = u.quantity if u.quantity and u.quantity.unit in (*CARD_UNITS, "") else None
        count = u.card_count or (int(counted.value) if counted and counted.value.denominator == 1 else None)
        if amount is None and count is None:
            return None
        if amount is not None:
            fen = int(amount * 100) if (amount * 100).denominator == 1 else 0
            try:
                card_purchase.check_face_value(fen, self.ctx.card_faces_fen)
            except DomainError:
                return self.say(replies.bad_amount(self.ctx.card_faces_fen, f"{amount}元"), "buy_card",
                                suggestions=[replies.yuan(f) for f in self.ctx.card_faces_fen])
            d.amount_fen = fen
        if count:
            d.card_qty = count
        return await self._advance(d)

    # --- new requests ----------------------------------------------------------------------------

    async def _request(self) -> Reply:
        u = self.u
        if u.intent == "buy_card":
            return await self._start_card()
        if u.intent == "order" or (u.pick and self.state.shown):
            return await self._start_goods(add="add" in u.cues and self.draft is not None)
        if u.intent == "search":
            return await self._search()
        if u.intent == "confirm":
            return self.say(replies.NOTHING_TO_CONFIRM, "confirm", suggestions=replies.START_SUGGESTIONS)
        return self.say(replies.FALLBACK + self._pending_question(), "fallback", suggestions=replies.START_SUGGESTIONS)

    async def _search(self) -> Reply:
        found = self._resolve()
        if found.refused:
            return self.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                            "search", found.candidates)
        if not found.candidates and self.u.generic and not self.u.origin:
            page = self.ctx.search.search("", limit=SHOW)
            found = Resolution(candidates=page.items, total=page.total)
        if not found.candidates:
            return self._not_found("search", found)
        shown = found.candidates[:SHOW]
        place = self.u.origin.mention if self.u.origin and not self.u.product_words else ""
        if found.chosen and self.u.product_words and await self._focus(found.chosen):
            return await self._focused_reply(replies.found(shown, found.total, place).split("想要")[0].rstrip(), "search")
        return self.say(replies.found(shown, found.total, place) + self._pending_question(), "search", shown,
                        suggestions=replies.pick_suggestions(len(shown)))

    async def _start_card(self) -> Reply:
        self.state.draft = Draft(kind="card")
        reply = await self._answer_card(self.state.draft)
        return reply if reply is not None else await self._advance(self.state.draft)

    async def _start_goods(self, add: bool) -> Reply:
        u = self.u
        parts = split_items(u, self.ctx.vocab)
        if len(parts) > 1:
            return await self._start_several(parts, add)
        chosen = pick(u, self.state.shown, self.ctx.search, self.ctx.vocab) if u.pick else None
        found = Resolution(candidates=[chosen]) if chosen else self._resolve()
        if not found.candidates and not u.product_text and not u.generic:
            return await self._ask_product()
        if found.refused or not found.candidates:
            self._hold_quantity(add)
            if found.refused:
                return self.say(replies.with_alternatives(replies.refused(found.refused.name), found.candidates),
                                "order", found.candidates)
            return self._not_found("order", found)
        d = self.draft if add and self.draft and self.draft.kind == "goods" else Draft(kind="goods")
        if d.pending and d.pending.sku and d.pending.qty:
            d.lines.append(d.pending)
        d.pending = Line(sku=found.chosen["sku"] if found.chosen else None,
                         candidates=found.family or [c["sku"] for c in found.candidates])
        self._apply_quantity(d.pending)
        self.state.draft = d
        return await self._advance(d)

    async def _start_several(self, parts: list[Understanding], add: bool) -> Reply:
        """Several products in one message: the clear ones become lines, the first unclear one is asked about."""
        d = self.draft if add and self.draft and self.draft.kind == "goods" else Draft(kind="goods")
        if d.pending and d.pending.sku and d.pending.qty:
            d.lines = _merge(d.lines, d.pending)
        d.pending, missing = None, []
        for part in parts:
            found = resolve(part, self.ctx.vocab, self.ctx.search)
            if not found.candidates or found.refused:
                missing.append(part.product_text)
                continue
            line = Line(sku=found.chosen["sku"] if found.chosen else None,
                        candidates=found.family or [c["sku"] for c in found.candidates])
            self._apply_quantity(line, part)
            if line.sku and line.qty:
                d.lines = _merge(d.lines, line)
            elif d.pending is None:
                d.pending = line
        self.state.draft = d
        reply = await self._advance(d)
        if missing:
            reply.reply = replies.not_found("、".join(missing)) + "\n" + reply.reply
        return reply

    def _hold_quantity(self, add: bool) -> None:
        """买两瓶茅台 (not sold here): keep the two bottles in the draft for whatever the user picks instead."""
        if self.u.quantity is None:
            return
        d = self.draft if add and self.draft and self.draft.kind == "goods" else Draft(kind="goods")
        d.pending = Line(sku=None)
        self._apply_quantity(d.pending)
        d.awaiting = "product"
        self.state.draft = d

    async def _ask_product(self) -> Reply:
        """来3箱 / 我要下单: an order without a product. Over a list just shown, it is a choice from that list."""
        shown = [s for s in self.state.shown if s in self.ctx.search.cards]
        d = self.draft if self.draft and self.draft.kind == "goods" else Draft(kind="goods")
        if d.pending and d.pending.sku and d.pending.qty:
            d.lines = _merge(d.lines, d.pending)
        d.pending = Line(sku=shown[0] if len(shown) == 1 else None, candidates=shown)
        extreme = shop_questions.superlative(self.u.text)
        if shown and extreme is not None:  # 要最便宜的那个，两罐
            offered = [self.ctx.search.cards[s] for s in shown]
            d.pending.sku = sorted(offered, key=lambda c: c["price_fen"], reverse=extreme == "dear")[0]["sku"]
        elif len(shown) > 1 and self.u.specs:  # 要10斤装那个，一箱
            narrowed = self._resolve(within=shown)
            d.pending.sku = narrowed.chosen["sku"] if narrowed.chosen else None
        self._apply_quantity(d.pending)
        self.state.draft = d
        if shown:
            return await self._advance(d)
        d.awaiting = "product"
        return self.say(replies.ASK_PRODUCT, "order", [], suggestions=["有哪些扶贫产品", "苹果", "蜂蜜", "大米"])

    # --- moving the draft on -------------------------------------------------------------------

    async def _advance(self, d: Draft) -> Reply:
        """Ask the next missing thing, or show the summary and wait for confirmation."""
        if d.kind == "card":
            if d.amount_fen is None:
                d.awaiting = "amount"
                return self.say(replies.ask_amount(self.ctx.card_faces_fen), "buy_card",
                                suggestions=[replies.yuan(f) for f in self.ctx.card_faces_fen])
            d.awaiting = "confirm"
            return self.say(replies.card_summary(d.amount_fen, d.card_qty), "buy_card",
                            suggestions=list(replies.CONFIRM_SUGGESTIONS))
        cards_by_sku = self.ctx.search.cards
        unsettled = next((ln for ln in d.lines if not ln.qty), None)
        if unsettled is not None and d.pending is None:  # a change made a line's quantity a question again
            d.lines.remove(unsettled)
            d.pending = unsettled
        p = d.pending
        if p is not None:
            if p.sku is None:
                asked = await self._narrow_by_amount(p)
                if asked is not None:
                    return asked
            if p.sku is None:
                d.awaiting = "choice"
                options = [cards_by_sku[s] for s in p.candidates if s in cards_by_sku][:SHOW]
                return self.say(replies.choose(options, len(p.candidates)), "order", options,
                                suggestions=replies.pick_suggestions(len(options)))
            card = cards_by_sku.get(p.sku)
            if card is None:
                d.pending = None
                return self.say(replies.not_sellable(p.sku), "order", [])
            self._settle(p)
            if p.qty is None and p.asked and self._why == "no_fit":
                return self._ask_pack(d, p, card)
            if p.qty is None or not 1 <= p.qty <= MAX_QTY:
                d.awaiting = "qty"
                asked = Asked.from_json(p.asked)
                half = self._half
                if asked is not None and self._why == "other_unit":
                    text = replies.other_unit(card, packs.equivalent(card), asked.text())
                elif half is not None:
                    text = replies.whole_units(card, int(half))
                else:
                    text = replies.too_many(card, MAX_QTY) if p.qty else replies.ask_qty(card)
                p.qty, p.asked = None, None
                return self.say(text, "order", [card], suggestions=[f"{n}{card['unit']}" for n in (1, 2, 3)])
            d.lines = _merge(d.lines, p)
            d.pending = None
        address = await addresses.address_for_order(self.ctx.user, d.address_id or self._new_address_id)
        if address is None:
            d.awaiting = "address"
            return self.say(replies.ASK_ADDRESS, "order", suggestions=["取消"])
        d.address_id = address.id
        d.awaiting = "confirm"
        lines = [(cards_by_sku[line.sku], line.qty) for line in d.lines if line.sku in cards_by_sku and line.qty]
        return self.say(replies.summary(lines, _address_text(address)), "order", [c for c, _ in lines],
                        suggestions=list(replies.CONFIRM_SUGGESTIONS))

    async def _narrow_by_amount(self, p: Line) -> Reply | None:
        """5斤大米 over several rice packs: the packs of which a whole number holds 5斤 (the fewest packs of each
        product); one left is chosen. None fits: ask which pack and how many, listing what each holds."""
        asked = Asked.from_json(p.asked)
        if asked is None or asked.measured is None:
            return None
        offered = [self.ctx.search.cards[s] for s in p.candidates if s in self.ctx.search.cards]
        fits = packs.fitting(offered, asked)
        if not fits:
            return self._ask_pack(self.draft, p, None) if offered else None
        best: dict[str, tuple[dict[str, Any], int]] = {}
        for card, n in fits:
            core = self._core(card)
            if core not in best or n < best[core][1]:
                best[core] = (card, n)
        kept = [card for card, _ in best.values()]
        if len(kept) == 1:
            p.sku = kept[0]["sku"]
        else:
            p.candidates = [c["sku"] for c in kept]
        return None

    def _core(self, card: dict[str, Any]) -> str:
        known = self.ctx.vocab.products.get(card["sku"])
        return known.core if known else card["name"]

    def _ask_pack(self, d: Draft | None, p: Line, card: dict[str, Any] | None) -> Reply:
        """No whole number of packs holds what was asked (3斤 of 2.5kg and 5kg bags): ask which pack and how many."""
        asked = Asked.from_json(p.asked)
        cards_by_sku = self.ctx.search.cards
        family = [cards_by_sku[s] for s in p.candidates if s in cards_by_sku] or ([card] if card else [])
        if card is not None:
            core = self._core(card)
            family = [c for c in family if self._core(c) == core] or [card]
        p.sku = None if len(family) > 1 else family[0]["sku"]
        p.candidates = [c["sku"] for c in family]
        p.qty, p.asked = None, None
        if d is not None:
            d.awaiting = "choice" if p.sku is None else "qty"
        options = family[:SHOW]
        one = len({self._core(c) for c in options}) == 1
        text = replies.which_pack(asked.text() if asked else "", [(c, packs.equivalent(c)) for c in options], one)
        suggestions = replies.pick_suggestions(len(options)) if p.sku is None else [f"{n}{options[0]['unit']}" for n in (1, 2, 3)]
        return self.say(text, "order", options, suggestions=suggestions)

    # --- placing ----------------------------------------------------------------------------------

    async def _place_goods(self, d: Draft) -> Reply:
        items = [LineRequest(line.sku, line.qty) for line in d.lines if line.sku and line.qty]
        try:
            order, lines = await orders.place_order(self.ctx.user, items, d.address_id, "聊天下单", self.ctx.pay_timeout)
        except DomainError as exc:
            return await self._order_refused(d, exc)
        self.state.draft = None
        summary = {"order_no": order.order_no, "kind": "goods", "status": order.status.value,
                   "total_fen": order.total_fen, "items": [{"sku": ln.sku, "qty": ln.qty} for ln in lines]}
        text = replies.order_placed(order.order_no, order.total_fen, self._minutes())
        return self.say(text, "confirm", order=summary, suggestions=list(replies.AFTER_ORDER_SUGGESTIONS))

    async def _order_refused(self, d: Draft, exc: DomainError) -> Reply:
        sku = exc.details.get("sku")
        card = self.ctx.search.cards.get(sku) if sku else None
        name = card["name"] if card else (sku or "")
        if exc.code == "out_of_stock":
            line = next((ln for ln in d.lines if ln.sku == sku), None)
            if line:
                d.lines.remove(line)
                d.pending = Line(sku=sku, qty=None)
                d.awaiting = "qty"
            stock = await Product.filter(sku=sku).values_list("stock", flat=True)
            return self.say(replies.out_of_stock(name, stock[0] if stock else 0), "confirm",
                            [card] if card else [], suggestions=["取消"])
        if exc.code in ("product_not_sellable", "product_not_found"):
            d.lines = [ln for ln in d.lines if ln.sku != sku]
            reply = await self._advance(d) if d.lines else None
            text = replies.not_sellable(name)
            if reply is None:
                self.state.draft = None
                return self.say(text, "confirm", [], suggestions=replies.START_SUGGESTIONS)
            reply.reply = text + "\n" + reply.reply
            reply.intent = "confirm"
            return reply
        return self.say(f"下单没有成功：{exc.message}", "confirm", suggestions=["取消"])

    async def _place_cards(self, d: Draft) -> Reply:
        try:
            order = await card_purchase.purchase_cards(self.ctx.user, d.amount_fen or 0, d.card_qty,
                                                       self.ctx.card_faces_fen, self.ctx.pay_timeout)
        except DomainError as exc:
            return self.say(f"没能下单：{exc.message}", "confirm", suggestions=["取消"])
        self.state.draft = None
        summary = {"order_no": order.order_no, "kind": "card", "status": order.status.value,
                   "total_fen": order.total_fen, "items": []}
        text = replies.cards_ordered(order.order_no, order.total_fen, self._minutes())
        return self.say(text, "confirm", order=summary, suggestions=list(replies.AFTER_ORDER_SUGGESTIONS))

    def _minutes(self) -> int:
        return max(1, int(self.ctx.pay_timeout.total_seconds() // 60))


def _quantity_for(quantities: list[Found], unit: str | None) -> Found | None:
    """Of the quantities in a message (兴安盟大米5公斤来一袋), the one in the product's own unit; else one in a
    generic measure word; else the weight, volume or count said (read against the pack by bot.packs)."""
    if not quantities:
        return None
    for wanted in (lambda q: q.unit == unit, lambda q: q.unit not in METRIC):
        found = [q for q in quantities if wanted(q)]
        if found:
            return found[0]
    return quantities[0]


def _merge(lines: list[Line], line: Line) -> list[Line]:
    """A second line for a product already in the draft replaces its quantity (改成 / 再来 alike)."""
    same = next((ln for ln in lines if ln.sku == line.sku), None)
    if same is None:
        return [*lines, Line(sku=line.sku, qty=line.qty, candidates=line.candidates)]
    same.qty = line.qty
    return lines


def _product(card: dict[str, Any]) -> dict[str, Any]:
    return {"sku": card["sku"], "name": card["name"], "price_fen": card["price_fen"], "unit": card["unit"],
            "origin": replies.origin_of(card), "stock": card["stock"]}


def _address_text(a: Address) -> str:
    phone = a.phone[:3] + "****" + a.phone[-4:] if len(a.phone) == 11 else a.phone
    return f"{a.name} {phone} {a.province}{a.city}{a.county}{a.detail}"


def _shipping_note(order: Any) -> str:
    tracking = getattr(order, "tracking_no", None)
    carrier = getattr(order, "carrier", None)
    return f"，{carrier or '快递'}单号{tracking}" if tracking else ""
