"""The dialogue state kept between messages, as plain JSON-able dataclasses.

A goods draft has settled lines and at most one pending line (its product or quantity still being
asked); a card draft has a face value and a count. `awaiting` is the question the assistant asked.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Line:
    sku: str | None = None
    qty: int | None = None
    candidates: list[str] = field(default_factory=list)  # the skus offered when several fit
    asked: str | None = None  # a quantity said before it could be read as packs (5斤, 60个): bot.packs.Asked
    more: int = 0  # packs of this product already in the draft, which the count asked comes on top of (再来两三袋)
    sizes: list[list[Any]] = field(default_factory=list)  # [size, count] said for it, each a line once chosen
    # (苹果 10斤的两箱 5斤的一箱 over several apples: bot/turns/sized_lines.py)


@dataclass
class Draft:
    kind: str  # goods | card
    lines: list[Line] = field(default_factory=list)
    pending: Line | None = None
    awaiting: str | None = None  # choice | qty | address | confirm | amount | count
    address_id: int | None = None
    amount_fen: int | None = None
    card_qty: int = 1
    card_qty_said: bool = False  # the count of cards was said (买张 / 5张), not the 1 assumed (shown as no count)
    address_line: str | None = None  # a place said without receiver and phone, kept until they come
    queued: list[Line] = field(default_factory=list)  # unclear lines of one message, asked after the pending one
    elsewhere: bool = False  # sent to another person (给我妈寄…): a place said is not completed from my address

    @property
    def intent(self) -> str:
        return "order" if self.kind == "goods" else "buy_card"

    @property
    def current(self) -> Line | None:
        """The line the user is most likely talking about: the pending one, else the last settled one."""
        return self.pending or (self.lines[-1] if self.lines else None)

    @property
    def empty(self) -> bool:
        """No line settled, being asked or waiting its turn."""
        return not self.lines and self.pending is None and not self.queued

    def drop_named(self, skus: Collection[str]) -> bool:
        """The lines these products name leave the draft: a settled or queued line by its product (by the ones it
        is being chosen among while it has none), the pending line by its product or any it is chosen among.
        True when any left."""
        named = set(skus)

        def names(ln: Line) -> bool:
            return ln.sku in named if ln.sku else bool(set(ln.candidates) & named)

        pending_goes = self.pending is not None and (self.pending.sku in named or bool(set(self.pending.candidates)
                                                                                         & named))
        lines, queued = [ln for ln in self.lines if not names(ln)], [ln for ln in self.queued if not names(ln)]
        changed = pending_goes or len(lines) != len(self.lines) or len(queued) != len(self.queued)
        self.lines, self.queued = lines, queued
        if pending_goes:
            self.pending = None
        return changed


def _line(line: Line) -> dict[str, Any]:
    return {"sku": line.sku, "qty": line.qty, "candidates": list(line.candidates), "asked": line.asked,
            "more": line.more, "sizes": [list(s) for s in line.sizes]}


@dataclass
class DialogueState:
    draft: Draft | None = None
    shown: list[str] = field(default_factory=list)  # skus of the last list shown, for 第二个 / 静宁的
    listed: list[str] = field(default_factory=list)  # of the last list of several (a summary shows one): 再来第二个
    address_line: str | None = None  # pieces of an address said with no order under way (收货人 王芳), kept until whole
    topic: list[str] = field(default_factory=list)  # skus of the product (family) the shopper named last: 来两瓶500g的
    answered: str | None = None  # the intent of the last reply (核桃呢 after a price answer asks the price)
    # receiver | phone | address: asked after 收件人改一下 (王芳 alone then answers it); placed: after 能改地址吗
    # 已经付款了, the next address is that order's (bot/shop_workings.py)
    asked_part: str | None = None
    # people said (给30个员工发福利), for 每人… said later (bot/turns/per_head.py); any turn may set it
    heads: int | None = None
    each: list[str] = field(default_factory=list)  # products of a 每人… taken one each, for the count of people next
    orders: list[str] = field(default_factory=list)  # order numbers listed to cancel or pay: 第一个 picks one of them
    region: str | None = None  # 寄到北京 with an address on file: the city said, the next address read under it
    budget_fen: int | None = None  # 一共800块 for the whole order: each summary weighed against it (turns/total_budget)
    owners: dict[str, str] = field(default_factory=dict)  # whom a line is for (王姐 → sku): bot/neighbour_lines.py

    def to_json(self) -> dict[str, Any]:
        d = self.draft
        draft = None if d is None else {
            "kind": d.kind, "lines": [_line(ln) for ln in d.lines], "pending": _line(d.pending) if d.pending else None,
            "awaiting": d.awaiting, "address_id": d.address_id, "amount_fen": d.amount_fen, "card_qty": d.card_qty,
            "card_qty_said": d.card_qty_said, "address_line": d.address_line, "queued": [_line(ln) for ln in d.queued],
            "elsewhere": d.elsewhere,
        }
        return {"draft": draft, "shown": list(self.shown), "listed": list(self.listed),
                "address_line": self.address_line, "topic": list(self.topic), "answered": self.answered,
                "asked_part": self.asked_part, "heads": self.heads, "each": list(self.each),
                "orders": list(self.orders), "region": self.region, "budget_fen": self.budget_fen,
                "owners": dict(self.owners)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DialogueState:
        try:
            raw = data.get("draft")
            draft = None
            if raw:
                lines = [Line(**line) for line in raw.get("lines", [])]
                pending = Line(**raw["pending"]) if raw.get("pending") else None
                queued = [Line(**line) for line in raw.get("queued", [])]
                draft = Draft(**{**raw, "lines": lines, "pending": pending, "queued": queued})
            return cls(draft=draft, shown=list(data.get("shown", [])), listed=list(data.get("listed", [])),
                       address_line=data.get("address_line"), topic=list(data.get("topic", [])),
                       answered=data.get("answered"), asked_part=data.get("asked_part"), heads=data.get("heads"),
                       each=list(data.get("each", [])), orders=list(data.get("orders", [])),
                       region=data.get("region"), budget_fen=data.get("budget_fen"),
                       owners=dict(data.get("owners", {})))
        except (TypeError, KeyError, AttributeError):  # a state written by an older version: start again
            return cls()
