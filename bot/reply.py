"""What one turn of the assistant answers: the `POST /api/v1/chat` contract, as a plain dataclass."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

INTENTS = (
    "greet", "help", "search", "ask_price", "order", "confirm", "cancel", "order_status", "buy_card", "card_balance",
    "fallback", "ask_info", "recommend", "claim_card", "pay_order", "cancel_order", "change_address",
)


@dataclass
class Reply:
    reply: str
    intent: str
    products: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=lambda: {"sku": None, "qty": None, "amount_fen": None, "unit": None,
                                                           "total_qty_text": None})
    order: dict[str, Any] | None = None
    suggestions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "reply": self.reply, "intent": self.intent, "products": self.products, "slots": self.slots,
            "order": self.order, "suggestions": self.suggestions,
        }
