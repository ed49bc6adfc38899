"""What `GET /metrics` reads from the database when it is scraped: the gauges that describe the whole service
rather than one worker (every worker would report the same figures, so they are not kept per process)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from models.clock import now_utc
from models.services.payments import NOT_PAYABLE
from models.tables.cards import BatchState, CardBatch
from models.tables.orders import Order, OrderStatus
from models.tables.payments import PaymentNotification

FAILURE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class RunningBatch:
    batch_id: int
    issued: int
    count: int


@dataclass(frozen=True)
class OpsGauges:
    unpaid_orders: int  # orders waiting for payment (their stock is reserved)
    running_batches: list[RunningBatch]  # card batches still issuing, with their progress
    pay_notification_failures: int  # notifications refused, or paid after the order closed, in the last 24 h


async def read() -> OpsGauges:
    unpaid = await Order.filter(status=OrderStatus.PENDING_PAYMENT).count()
    batches = await CardBatch.filter(state=BatchState.ISSUING).order_by("id").values("id", "issued", "count")
    recent = PaymentNotification.filter(received_at__gte=now_utc() - FAILURE_WINDOW)
    failures = await recent.filter(outcome__startswith="rejected").count()
    failures += await recent.filter(outcome=NOT_PAYABLE).count()
    return OpsGauges(unpaid, [RunningBatch(b["id"], b["issued"], b["count"]) for b in batches], failures)
