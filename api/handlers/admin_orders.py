"""The administrator's order desk: find orders (by the consumer's phone, by status), read one in full. Shipping,
refunding and cancelling are in api/handlers/orders.py."""
from __future__ import annotations

from aiohttp import web

from api.responses import json_ok
from api.routing import ADMIN, Route
from api.schemas.admin_orders import AdminOrderDetail, AdminOrderPage, AdminOrderQuery, OrderEventOut, PaymentOut
from api.schemas.orders import OrderNoPath, OrderOut
from api.validation import parse_path, parse_query
from models.services import admin_orders, fulfilments


async def find_orders(request: web.Request) -> web.Response:
    q = parse_query(request, AdminOrderQuery)
    rows, total = await admin_orders.find_orders(q.phone, q.status, q.offset, q.page_size)
    items = [OrderOut.of(o, sorted(o.lines, key=lambda line: line.id)) for o in rows]
    return json_ok(AdminOrderPage(items=items, total=total))


async def order_details(request: web.Request) -> web.Response:
    order, lines, payments, events = await admin_orders.order_record(parse_path(request, OrderNoPath).order_no)
    parts = await fulfilments.parts_of([order.id])
    return json_ok(AdminOrderDetail(order=OrderOut.of(order, lines, parts[order.id]),
                                    payments=[PaymentOut.of(p) for p in payments],
                                    events=[OrderEventOut.of(e) for e in events]))


_A = "/api/v1/admin/orders"
ROUTES = [
    Route("GET", _A, find_orders, ADMIN, "Orders by the phone of their shipping address (digits only) or status, "
          "newest first", "admin", query=AdminOrderQuery, response=AdminOrderPage),
    Route("GET", f"{_A}/{{order_no}}/details", order_details, ADMIN, "An order with its payments and history",
          "admin", response=AdminOrderDetail, path_params=OrderNoPath),
]
