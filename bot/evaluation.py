"""Scoring the assistant on a labelled set: per-intent precision and recall, product top-1, quantity.

Single utterances are each sent in a fresh dialogue by a user who has a default address; dialogues
are played turn by turn. Everything goes through `Assistant.handle`, over a real database.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.engine import Assistant
from bot.reply import INTENTS
from models.places.region_directory import RegionSnapshot
from models.services import assistant_reads
from models.tables.users import User

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "bot_eval"
TARGETS = {"intent accuracy": 0.97, "product top-1": 0.97, "quantity": 0.98}  # issue 15
MISLEADING_TARGET = 0.005  # at most 0.5 % of the no-match messages answered as if something matched
CARD_ACTIONS = frozenset({"buy_card", "claim_card", "card_balance"})
NOT_FOUND_FRAME = "没有找到「"  # products under this framing are alternatives, not a match
ADDRESS = {"name": "张三", "phone": "13800138000", "province": "广东省", "city": "清远市", "county": "佛冈县",
           "detail": "石角镇XX路8号", "is_default": True}


@dataclass
class Score:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    intent: Score = field(default_factory=Score)
    product: Score = field(default_factory=Score)
    quantity: Score = field(default_factory=Score)
    amount: Score = field(default_factory=Score)
    honest: Score = field(default_factory=Score)  # strict: messages naming nothing sold that got nothing offered
    not_misleading: Score = field(default_factory=Score)  # no-match messages not answered as if something matched
    turns: Score = field(default_factory=Score)
    dialogues: Score = field(default_factory=Score)
    confusion: Counter = field(default_factory=Counter)  # (expected, got) → count
    errors: list[str] = field(default_factory=list)

    def per_intent(self) -> dict[str, tuple[float, float, int]]:
        """intent → (precision, recall, support)."""
        out = {}
        for intent in INTENTS:
            tp = self.confusion[(intent, intent)]
            predicted = sum(n for (_, got), n in self.confusion.items() if got == intent)
            support = sum(n for (want, _), n in self.confusion.items() if want == intent)
            out[intent] = (tp / predicted if predicted else 1.0, tp / support if support else 1.0, support)
        return out

    def headline(self) -> dict[str, float]:
        return {"intent accuracy": self.intent.ratio, "product top-1": self.product.ratio,
                "quantity": self.quantity.ratio}

    def passed(self) -> bool:
        return all(self.headline()[k] >= v for k, v in TARGETS.items())

    @property
    def misleading(self) -> float:
        """The share of no-match messages answered as if something matched (see `misleading_reason`)."""
        return 1.0 - self.not_misleading.ratio

    def _honesty_lines(self) -> str:
        wrong, total = self.not_misleading.total - self.not_misleading.right, self.not_misleading.total
        verdict = "  PASS" if self.misleading <= MISLEADING_TARGET else f"  FAIL (target <= {MISLEADING_TARGET:.1%})"
        return (f"{'misleading':<16}{self.misleading:>7.2%}  ({wrong}/{total}){verdict}\n"
                f"{'strict: nothing offered':<24}{self.honest.ratio:>7.1%}  ({self.honest.right}/{self.honest.total})")

    def render(self, show_errors: bool = False) -> str:
        lines = [f"{'intent':<14}{'precision':>10}{'recall':>8}{'support':>9}"]
        for intent, (p, r, n) in self.per_intent().items():
            lines.append(f"{intent:<14}{p:>10.1%}{r:>8.1%}{n:>9}")
        lines.append("")
        for name, score in (("intent accuracy", self.intent), ("product top-1", self.product),
                            ("quantity", self.quantity), ("card amount", self.amount),
                            ("dialogue turns", self.turns), ("whole dialogues", self.dialogues)):
            target = TARGETS.get(name)
            verdict = "" if target is None else ("  PASS" if score.ratio >= target else f"  FAIL (target {target:.0%})")
            lines.append(f"{name:<16}{score.ratio:>7.1%}  ({score.right}/{score.total}){verdict}")
        lines.append(self._honesty_lines())
        if show_errors and self.errors:
            lines += ["", "errors:", *self.errors]
        return "\n".join(lines)


def load_set(directory: Path = EVAL_DIR) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    utterances = [json.loads(line) for line in (directory / "utterances.jsonl").read_text("utf-8").splitlines()
                  if line.strip()]
    dialogues_file = directory / "dialogues.json"  # a set may hold single messages only
    dialogues = json.loads(dialogues_file.read_text("utf-8")) if dialogues_file.exists() else []
    return utterances, dialogues


async def _fresh_user(name: str, with_address: bool, regions: RegionSnapshot) -> User:
    return await assistant_reads.evaluation_user(name, ADDRESS if with_address else None, regions)


async def evaluate(assistant: Assistant, utterances: list[dict[str, Any]], dialogues: list[dict[str, Any]]) -> Report:
    report = Report()
    user = await _fresh_user("utterances", with_address=True, regions=assistant.regions)
    for item in utterances:
        await assistant_reads.forget_dialogue(user.id)
        reply = await assistant.handle(user, item["text"])
        _score_utterance(report, item, reply)
    for i, dialogue in enumerate(dialogues):
        user = await _fresh_user(f"dialogue-{i}", with_address=not dialogue.get("no_address"),
                                 regions=assistant.regions)
        ok = True
        for turn in dialogue["turns"]:
            reply = await assistant.handle(user, turn["say"])
            good, why = _turn_ok(turn, reply)
            report.turns.add(good)
            if not good:
                ok = False
                report.errors.append(f"[dialogue {dialogue.get('name', i)}] {turn['say']!r}: {why}")
        report.dialogues.add(ok)
    return report


def _score_utterance(report: Report, item: dict[str, Any], reply: Any) -> None:
    report.confusion[(item["intent"], reply.intent)] += 1
    report.intent.add(reply.intent == item["intent"])
    wrong = [] if reply.intent == item["intent"] else [f"intent {reply.intent} (want {item['intent']})"]
    if item.get("sku"):
        top = reply.products[0]["sku"] if reply.products else None
        report.product.add(top == item["sku"])
        if top != item["sku"]:
            wrong.append(f"top {top} (want {item['sku']})")
    if item.get("qty") is not None:
        report.quantity.add(reply.slots["qty"] == item["qty"])
        if reply.slots["qty"] != item["qty"]:
            wrong.append(f"qty {reply.slots['qty']} (want {item['qty']})")
    if item.get("no_match"):  # nothing the shop sells was named
        strict = not reply.products and reply.slots["sku"] is None and reply.order is None
        why = misleading_reason(reply)
        report.honest.add(strict)
        report.not_misleading.add(not why)
        if why:
            wrong.append(f"misleading: {why}")
        elif not strict:
            wrong.append(f"alternatives {[p['sku'] for p in reply.products][:3]} under {NOT_FOUND_FRAME}…」")
    if item.get("amount_fen") is not None:
        report.amount.add(reply.slots["amount_fen"] == item["amount_fen"])
        if reply.slots["amount_fen"] != item["amount_fen"]:
            wrong.append(f"amount {reply.slots['amount_fen']} (want {item['amount_fen']})")
    if wrong:
        report.errors.append(f"{item['text']!r}: " + "; ".join(wrong))


def misleading_reason(reply: Any) -> str:
    """Why a reply to a message naming nothing the shop sells misleads (empty when it does not): products shown as if
    they matched (without the 没有找到「…」 framing that presents them as alternatives), a product in the draft, an
    order placed, or a love-card action started (buy, claim, balance, or a card draft)."""
    slots = reply.slots
    if reply.order is not None:
        return f"order {reply.order.get('order_no')}"
    if reply.intent in CARD_ACTIONS or slots["amount_fen"] is not None or slots["unit"] == "张":
        return f"card action {reply.intent}"
    if slots["sku"] is not None:
        return f"sku {slots['sku']} in the draft"
    if reply.products and NOT_FOUND_FRAME not in reply.reply:
        return f"offered {[p['sku'] for p in reply.products][:3]} as a match"
    return ""


def _turn_ok(turn: dict[str, Any], reply: Any) -> tuple[bool, str]:
    problems = []
    if turn.get("intent") and reply.intent != turn["intent"]:
        problems.append(f"intent {reply.intent} (want {turn['intent']})")
    for key in ("sku", "qty", "amount_fen"):
        if key in turn and reply.slots[key] != turn[key]:
            problems.append(f"{key} {reply.slots[key]} (want {turn[key]})")
    want = turn.get("order")
    if want:
        got = reply.order or {}
        if got.get("kind") != want.get("kind") or got.get("total_fen") != want.get("total_fen"):
            problems.append(f"order {got.get('kind')}/{got.get('total_fen')} (want {want})")
        elif "lines" in want and want["kind"] == "goods":
            lines = sorted((i["sku"], i["qty"]) for i in got.get("items", []))
            if lines != sorted((ln["sku"], ln["qty"]) for ln in want["lines"]):
                problems.append(f"order lines {lines} (want {want['lines']})")
    return not problems, "; ".join(problems) + f" — reply: {reply.reply[:60]!r}"
