"""Which online order lines the account (消费扶贫台账) counts: what reached the counties, to the fen.

* Every line of a goods order that is paid, shipped or completed, whatever paid it.
* After a refund (`refunding`, `refunded`), the lines of the parcels that had shipped before it: their fulfilment
  is still `shipped` (models/services/fulfilments.py: a refund covers the pending parcels, or every parcel of an
  order that had fully shipped). Those goods were paid for and delivered; the lines the refund covered are not
  counted. An order refunded before any parcel shipped, or before fulfilments existed (it has none), stays out
  whole.

The rule of the supplier's own sales (supplier_sales.py: parcels pending or shipped) and of the 以购代捐
organization report (organization_report.py: a refund takes back the lines of its refunded parcels), so the three
agree for any order. A refund in a closed day is marked by the order's transition (stats_marks.py).

The statements (stats_rollup.facts_sql, stats_snapshots) read the lines as two branches of a UNION ALL, in one
statement: the bought orders through the index on (kind, status, paid_at) as before, and the refunded ones
through the same index and their fulfilment by its unique (order_id, supplier_id). Two branches rather than
`OR EXISTS (…)`: PostgreSQL may answer a correlated subquery under an OR by hashing every shipped fulfilment.
"""
from __future__ import annotations

from typing import Any

from models.tables.orders import FulfilmentState, OrderKind, OrderStatus

BOUGHT = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value)  # counted whole
REFUNDED = (OrderStatus.REFUNDING.value, OrderStatus.REFUNDED.value)  # counted for their shipped parcels
ACCOUNTED = (*BOUGHT, *REFUNDED)  # every status with lines in the account

_BRANCHES = (
    'FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.kind = ? AND o.status IN (?, ?, ?)',
    'FROM "order" o JOIN order_line l ON l.order_id = o.id '
    "JOIN fulfilment f ON f.order_id = o.id AND f.supplier_id = l.supplier_id "
    "WHERE o.kind = ? AND o.status IN (?, ?) AND f.state = ?",
)


def online_lines(columns: str, conditions: str) -> str:
    """`SELECT columns` over the counted order lines (`o` the order, `l` the line), each branch narrowed by
    `conditions` (empty, or starting with ` AND`); the branches joined by UNION ALL."""
    return " UNION ALL ".join(f"SELECT {columns} {branch}{conditions}" for branch in _BRANCHES)


def online_args(condition_args: list[Any]) -> list[Any]:
    """The values of `online_lines`, with `condition_args` those of its `conditions`."""
    goods = OrderKind.GOODS.value
    return [goods, *BOUGHT, *condition_args, goods, *REFUNDED, FulfilmentState.SHIPPED.value, *condition_args]
