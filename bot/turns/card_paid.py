"""Which of the holder's love cards pays an order: the one named by its number's last four digits (用尾号3344的卡),
else the one named by what it is worth (用500那张付款, 那张200的付: bot.card_by_face) — by face value, else by what
is left on it; of several cards alike, the one whose balance covers the order with the least left over. A sum said
that no card of theirs is worth is said so, never paid with another card."""
from __future__ import annotations

from typing import Any

from bot import card_by_face, replies


def chosen(usable: list[Any], raw: str, compact: str, total_fen: int) -> tuple[Any | None, str]:
    """The card named, or None; and, when a card was named by a sum none of `usable` is worth, what to say."""
    tail = next((c for c in usable if c.card_no[-4:] in raw), None)
    worth = card_by_face.worth(compact)
    if tail is not None or worth is None:
        return tail, ""
    fen = worth * 100
    alike = [c for c in usable if c.face_value_fen == fen] or [c for c in usable if c.balance_fen == fen]
    if not alike:
        listed = "、".join(f"尾号{c.card_no[-4:]}（面值{replies.yuan(c.face_value_fen)}，余额"
                          f"{replies.yuan(c.balance_fen)}）" for c in usable)
        return None, (f"您没有{replies.yuan(fen)}的可用爱心卡。您的卡：{listed}。说“用尾号XXXX的卡”。"
                      if usable else "")
    covering = sorted((c for c in alike if c.balance_fen >= total_fen), key=lambda c: c.balance_fen)
    return (covering or alike)[0], ""
