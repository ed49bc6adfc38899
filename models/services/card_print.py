"""Printing a card batch: the faces of a range of its cards, and the batch's print setting (full number or masked)."""
from __future__ import annotations

from collections.abc import Callable

from tortoise.transactions import in_transaction

from models.errors import NotFound
from models.printing import CardFace
from models.services import audit, card_batches
from models.tables.cards import CardBatch
from models.tables.users import User


async def set_full_card_no(actor: User | None, batch_id: int, full: bool) -> CardBatch:
    """The batch's faces show the whole card number (`full`) or the masked one (the default); audited."""
    async with in_transaction() as conn:
        batch = await CardBatch.get_or_none(id=batch_id, using_db=conn)
        if batch is None:
            raise NotFound("batch_not_found", "卡批次不存在", batch_id=batch_id)
        before = batch.print_full_card_no
        if before != full:
            await CardBatch.filter(id=batch_id).using_db(conn).update(print_full_card_no=full)
            await audit.record(actor, "card_batch.print_settings", "card_batch", batch_id,
                               {"print_full_card_no": before}, {"print_full_card_no": full}, conn)
    return await card_batches.get_batch(batch_id)


async def batch_faces(batch_id: int, first: int, last: int, printed: Callable[[str], str]) -> list[CardFace]:
    """The faces of cards `first`..`last` (counting from 1 in issue order) as the batch prints them; `printed` gives
    a card number's QR text. 404 `batch_not_found`, or `no_cards_in_range` when the range holds no card."""
    batch = await card_batches.get_batch(batch_id)
    rows, _ = await card_batches.batch_cards(batch_id, first - 1, last - first + 1)
    if not rows:
        raise NotFound("no_cards_in_range", "该范围内没有卡片", batch_id=batch_id, first=first, last=last)
    return [CardFace(c.card_no, c.face_value_fen, c.expires_at, batch.organization, printed(c.card_no),
                     full_card_no=batch.print_full_card_no) for c in rows]
