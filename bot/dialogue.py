"""One turn of the conversation: the understood message, applied to the stored draft, gives a reply.

Order of precedence: cancel, confirm, questions that do not touch the draft (balance, orders,
greeting, help, prices), answers to the question the assistant asked (a choice, a quantity, an
address, a face value, a correction), then new requests (order, card, search). The order or card
purchase is placed only on an explicit confirmation, through the same domain operations as the API.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from typing import Any

from bot import (
    address_elsewhere,
    asked_after,
    card_faces_apart,
    holder_actions,
    infant_honey,
    packs,
    recipients,
    replies,
    shop_questions,
    split_delivery,
)
from bot.draft import DialogueState, Draft, Line
from bot.products import Resolution, resolve
from bot.reply import Reply
from bot.turns import (
    address,
    all_said,
    asked_parts,
    common,
    comparing,
    described,
    dropped_lines,
    goods,
    honest,
    in_draft,
    more_cards,
    per_head,
    pieces,
    placed_names,
    placing,
    prices,
    quantity,
    relative,
    sized_lines,
    this_one,
    total_budget,
)
from bot.turns.again import repeat_last
from bot.turns.bought_again import earlier_orders
from bot.turns.pack_styles import restyle
from bot.turns.placed_first import placed_first  # 先把茶下单: the tea placed, the rest kept
from bot.understanding import Understanding
from bot.vocabulary import Vocabulary
from models.places.address_parser import PHONE
from models.places.region_directory import RegionSnapshot
from models.search.catalog_search import CatalogSearch
from models.tables.users import User


@dataclass(frozen=True)
class Context:
    user: User
    vocab: Vocabulary
    search: CatalogSearch
    card_faces_fen: tuple[int, ...]
    pay_timeout: timedelta
    regions: RegionSnapshot
    codes: Any = None


Handler = Callable[["Turn"], Awaitable[Reply]]

# Intents answered without touching the draft (a reminder of its pending question is added).
QUESTIONS: dict[str, Handler] = {
    "ask_info": holder_actions.answer, "recommend": holder_actions.answer, "claim_card": holder_actions.answer,
    "pay_order": holder_actions.answer, "cancel_order": holder_actions.answer,
    "card_balance": placing.info, "order_status": in_draft.status, "greet": placing.info, "help": placing.info,
}


class Turn:
    def __init__(self, ctx: Context, state: DialogueState, u: Understanding, said: str = "") -> None:
        self.ctx, self.state, self.u = ctx, state, u
        self.said = said or u.raw  # the message as sent: 上次买的 is left out of u (bot.chat_around), not of this
        self.resolved: Resolution | None = None
        self.half: Fraction | None = None  # a quantity like 三斤半 that is not a whole number of units
        self.new_address_id: int | None = None  # an address said in this very message
        self.place_asked: str | None = None  # 来两箱苹果 寄到公司: that place's address, asked after the order
        self.why = ""  # why the quantity said is not yet a number of packs (bot.packs.Reading.why)
        self.placed_asked = False  # the last reply asked for a placed order's new address (bot/shop_workings.py)
        self.touched: Line | None = None  # the line changed by name (米改成30袋 at a summary): the slots show it
        self.several = False  # the message named several products (辣椒1.5斤，莜面15斤): no one line is the current

    @property
    def draft(self) -> Draft | None:
        return self.state.draft

    # --- replies -----------------------------------------------------------------------------

    def say(self, text: str, intent: str, products: list[dict[str, Any]] | None = None,
            suggestions: list[str] | None = None, order: dict[str, Any] | None = None) -> Reply:
        if products is not None:
            self.state.shown = [p["sku"] for p in products]
            self.state.listed = self.state.shown if len(products) > 1 else self.state.listed
        return Reply(reply=text, intent=intent, products=[common.product_card(p) for p in products or []],
                     slots=self.slots(), order=order, suggestions=suggestions or [])

    def slots(self) -> dict[str, Any]:
        d = self.draft
        line = d.current if d and d.kind == "goods" else None
        if d is not None and d.pending is None and any(ln is self.touched for ln in d.lines):
            line = self.touched
        if d is not None and d.pending is None and self.several:
            line = None
        card_draft = d if d is not None and d.kind == "card" else None
        card = card_draft is not None
        said = card_draft is not None and (card_draft.card_qty_said or card_draft.amount_fen is not None)
        qty = (card_draft.card_qty if said else None) if card_draft else (line.qty if line else None)
        product = self.ctx.search.cards.get(line.sku) if line and line.sku else None
        unit = "张" if card else (product["unit"] if product else None)
        total = packs.amount_text(product, qty) if product and qty else ""
        return {"sku": line.sku if line else None, "qty": qty,
                "amount_fen": card_draft.amount_fen if card_draft else None,
                "unit": unit, "total_qty_text": total or None}

    # --- the turn ------------------------------------------------------------------------------

    async def run(self) -> Reply:
        if per_head.counted(self) and self.draft is not None:  # 30个人 after 每人… taken one each: 30 of each
            return await quantity.advance(self, self.draft)
        per_head.reread(self)  # 每人一袋大米 after 给30个员工发福利: 30 of it
        budget_said = total_budget.keep(self)  # 一共800块，买点水果: each summary weighed against it
        had = per_head.before(self)
        elsewhere = address_elsewhere.reply(self.said)  # 寄去香港…, 北京市… 010-8888-6666: no address here takes it
        if elsewhere:
            return self.say(elsewhere + self.pending_question(), "change_address",
                            suggestions=self.resume_suggestions())
        reply = address.ask_place_after(self, per_head.after(self, await self._run(), had))
        d = self.draft
        if reply.intent == "order" and d is not None and d.kind == "goods" and self.new_address_id is None \
                and recipients.sent_to_someone(self.u.text):
            d.elsewhere = True  # 给我妈寄两箱…: the place said next is hers (bot/turns/address.py)
        if self.u.asked_after and reply.intent == "order":  # 来三饼 能开发票吗: the question answered, then the order
            card = self.ctx.search.cards.get(reply.slots.get("sku") or "")
            reply.reply = asked_after.answer(self.u.asked_after, card, self.ctx.card_faces_fen) + reply.reply
        reply.reply += infant_honey.note(self.u.text, reply.products, reply.intent)  # 宝宝能吃蜂蜜吗: never under one
        if reply.intent == "order" and split_delivery.asked(self.said):  # 分5个地址发, 一箱寄我家一箱寄我妈家
            reply.reply = split_delivery.NOTE + reply.reply  # an order has one address
        if reply.intent == "buy_card":  # 100元的买10张 200元的买5张: a card order has one face value
            reply.reply = card_faces_apart.note(self.u.text) + reply.reply
        return total_budget.note(self, reply, budget_said)

    async def _run(self) -> Reply:
        u, d = self.u, self.draft
        picked = await holder_actions.picked_order(self) or await all_said.unchosen(self) or await placed_first(self)
        if picked is not None:
            return picked
        if asked_parts.keeps_it(self):  # 收件人改一下 → 算了不改了: the draft and its address stay
            return await asked_parts.kept(self)
        part = await asked_parts.answered_part(self) or u.address or pieces.receiver_alone(self)  # 王芳 alone
        if part is not None:
            answered = await address.address_turn(self, part)
            if answered is not None:
                return answered
        if not u.text:
            return self.say(replies.EMPTY, "fallback", suggestions=replies.START_SUGGESTIONS)
        if u.unrelated == "card":  # 买5张大润发购物卡, 工会卡能刷吗: another's card, nothing offered or drafted
            return honest.other_card_answer(self)
        if u.unrelated in ("service_goods", "latin_goods"):  # 有植物园门票吗, 开锁多少钱, any airpods?: 没有找到
            return honest.service_answer(self)
        if d is not None and d.pending is not None and d.pending.more and relative.no_more(u):
            d.pending = None  # 再来两三袋 → 算了不加了: the line stays as it was
            return await quantity.advance(self, d)
        if u.drop is not None:  # 不要蜂蜜了，换成大米: that line goes, the new comes (这单先不要了 全部清空: all go)
            return await (placing.cancel(self) if relative.drops_all(u) else goods.replace_lines(self))
        if u.intent == "cancel" and d is not None and d.kind == "goods" and dropped_lines.names_a_line(u):
            removed = await dropped_lines.remove_line(self, d)  # 不要绿豆了 / 朗县的不要了: that line goes
            if removed is not None:
                return removed
        if u.intent == "cancel" and d is None and self.state.answered in ("order_status", "cancel_order"):
            return await holder_actions.answer(self, "cancel_order")  # 那能取消吗 / 取消吧, after an order's status
        if u.intent == "cancel" or ("no" in u.cues and d and d.awaiting == "confirm" and not self.changes()):
            return await placing.cancel(self)
        if ("yes" in u.cues or placing.places_it(self)) and not self.changes():
            return await placing.confirm(self)  # 要得，就咯样下单 / 嘹咋咧，就这，下单 at the summary: placed
        if u.intent == "ask_info" and shop_questions.asks_when_shipped(u.text) and not u.product_words \
                and await holder_actions.has_orders(self):
            return await placing.info(self, "order_status")  # 什么时候发货, after an order: that order
        # 10斤的两箱 5斤的一箱 / 最大的那袋; 大米5kg和10kg哪个划算 / 核桃呢 after a price answer;
        # 再来两张50的送人 after a balance answer: love cards
        taken = await sized_lines.take(self) or await described.take(self) or await comparing.follow_up(self) \
            or await more_cards.take(self)
        if taken is not None:
            return taken
        if await earlier_orders(self):  # 再来一单: the latest order (上次买的苹果 再来两箱: that apple, bought_again)
            return await repeat_last(self)
        question = QUESTIONS.get(u.intent)
        if question is not None:  # questions and holder actions leave the draft as it is
            return await question(self)
        if u.intent == "ask_price" and d is not None and d.kind == "goods" and not u.about_products:
            return prices.price_in_draft(self, d)  # 多少钱一袋 / 250g的多少钱 mid-order: answered, the draft unchanged
        if u.intent == "ask_price" and (u.about_products or not d):
            return await prices.prices(self)
        if d is not None:
            answered = await relative.change(self, d) or await restyle(self, d) or await goods.answer(self, d)
            if answered is not None:
                return answered
        elif PHONE.search(u.raw) and not u.product_words:  # an address names places, not products
            saved = await address.save_address(self)
            if saved is not None:
                return saved
        return await goods.request(self)

    def changes(self) -> bool:
        u = self.u
        if u.quantity or u.origin or u.money_yuan or u.card_count or u.pick:
            return True
        return bool(u.product_words) and not self._names_the_draft()

    def _names_the_draft(self) -> bool:
        """好吧就莲子，下单 at a summary holding the lotus seeds: the product named is a line of it, no change."""
        d = self.draft
        if d is None or d.awaiting != "confirm" or not d.lines or self.u.specs:
            return False
        found = self.resolve_products()
        skus = {c["sku"] for c in found.candidates} | set(found.family)
        if any(ln.sku in skus for ln in d.lines):
            return True
        within = resolve(self.u, self.ctx.vocab, self.ctx.search, within=[ln.sku for ln in d.lines if ln.sku])
        return bool(within.candidates) and all(  # 先把茶下单 over the 英红九号 alone: the kind of every line named
            ln.sku in {c["sku"] for c in within.candidates} for ln in d.lines)

    def pending_question(self) -> str:
        d = self.draft
        questions = {"choice": "您还没选是哪一款", "qty": "还差购买数量", "address": "还差收货地址",
                     "confirm": "等您确认下单", "amount": "还差爱心卡面值"}
        return replies.reminder(questions.get(d.awaiting, "")) if d and d.awaiting else ""

    def resume_suggestions(self) -> list[str]:
        d = self.draft
        if d and d.awaiting == "confirm":
            return list(replies.CONFIRM_SUGGESTIONS)
        return replies.START_SUGGESTIONS if d is None else ["取消"]

    def not_found(self, intent: str, found: Resolution) -> Reply:
        return honest.not_found(self, intent, found)  # 没有找到「…」, and the kind's products as alternatives

    def resolve_products(self, within: list[str] | None = None) -> Resolution:
        """The products the message names (remembered for the turn: several steps may ask)."""
        if within is not None:
            return resolve(self.u, self.ctx.vocab, self.ctx.search, within)
        if self.resolved is None:  # 这个米 after 金线美大米 was shown: that rice (bot.turns.this_one)
            self.resolved = this_one.referred(self) or placed_names.referred(self) or resolve(
                self.u, self.ctx.vocab, self.ctx.search)  # 朝阳那个 after millets: 朝阳小米 (bot.turns.placed_names)
        return self.resolved

    # --- answers to the assistant's question -----------------------------------------------------

