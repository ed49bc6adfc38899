"""Consumers' orders, and the administrator's shipping, cancelling and refunding."""
from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from api.auth import current_user
from api.keys import SETTINGS
from api.responses import json_ok
from api.routing import ADMIN, CONSUMER, Route
from api.schemas.common import Reason
from api.schemas.orders import OrderIn, OrderNoPath, OrderOut, OrderPage, OrderQuery, ReshipIn, ShipIn
from api.validation import parse_json, parse_path, parse_query
from models.services import fulfilments, order_reship, orders
from models.services.basket import LineRequest
from models.tables.orders import Order


async def _out(order: Order) -> OrderOut:
    parts = await fulfilments.parts_of([order.id])
    return OrderOut.of(order, await order.lines.all().order_by("id"), parts[order.id])


def _order_no(request: web.Request) -> str:
    return parse_path(request, OrderNoPath).order_no


async def create_order(request: web.Request) -> web.Response:
    body = await parse_json(request, OrderIn)
    timeout = timedelta(seconds=request.config_dict[SETTINGS].order_pay_timeout_seconds)
    order, lines = await orders.place_order(
        current_user(request), [LineRequest(i.sku, i.qty) for i in body.items], body.address_id, body.note, timeout
    )
    return json_ok(OrderOut.of(order, lines), status=201)


async def list_orders(request: web.Request) -> web.Response:
    q = parse_query(request, OrderQuery)
    rows, total = await orders.list_orders(current_user(request), q.status, q.offset, q.page_size)
    parts = await fulfilments.parts_of(o.id for o in rows)
    return json_ok(OrderPage(items=[OrderOut.of(o, sorted(o.lines, key=lambda line: line.id), parts[o.id])
                                    for o in rows], total=total))


async def get_order(request: web.Request) -> web.Response:
    return json_ok(await _out(await orders.order_for(current_user(request), _order_no(request))))


async def cancel_order(request: web.Request) -> web.Response:
    return json_ok(await _out(await orders.cancel_by_user(current_user(request), _order_no(request))))


async def reship_order(request: web.Request) -> web.Response:
    body = await parse_json(request, ReshipIn)
    return json_ok(await _out(await order_reship.reship(current_user(request), _order_no(request), body.address_id)))


async def confirm_receipt(request: web.Request) -> web.Response:
    return json_ok(await _out(await orders.confirm_receipt(current_user(request), _order_no(request))))


async def admin_get_order(request: web.Request) -> web.Response:
    return json_ok(await _out(await orders.order_for(None, _order_no(request))))


async def ship_order(request: web.Request) -> web.Response:
    body = await parse_json(request, ShipIn)
    order = await orders.ship(current_user(request), _order_no(request), body.carrier, body.tracking_no)
    return json_ok(await _out(order))


async def refund_order(request: web.Request) -> web.Response:
    body = await parse_json(request, Reason)
    return json_ok(await _out(await orders.refund(current_user(request), _order_no(request), body.reason)))


async def admin_cancel_order(request: web.Request) -> web.Response:
    body = await parse_json(request, Reason)
    return json_ok(await _out(await orders.cancel_by_admin(current_user(request), _order_no(request), body.reason)))


_O, _A = "/api/v1/orders", "/api/v1/admin/orders"
ROUTES = [
    Route("POST", _O, create_order, CONSUMER, "Place a goods order (stock reserved until paid or cancelled)", "orders",
          body=OrderIn, response=OrderOut, status=201),
    Route("GET", _O, list_orders, CONSUMER, "My orders, newest first", "orders", query=OrderQuery, response=OrderPage),
    Route("GET", f"{_O}/{{order_no}}", get_order, CONSUMER, "One of my orders", "orders", response=OrderOut,
          path_params=OrderNoPath),
    Route("POST", f"{_O}/{{order_no}}/cancel", cancel_order, CONSUMER, "Cancel my unpaid order", "orders",
          response=OrderOut, path_params=OrderNoPath),
    Route("POST", f"{_O}/{{order_no}}/address", reship_order, CONSUMER,
          "Send my order to another of my addresses (before any of it has shipped)", "orders", body=ReshipIn,
          response=OrderOut, path_params=OrderNoPath),
    Route("POST", f"{_O}/{{order_no}}/confirm-receipt", confirm_receipt, CONSUMER, "Confirm I received it", "orders",
          response=OrderOut, path_params=OrderNoPath),
    Route("GET", f"{_A}/{{order_no}}", admin_get_order, ADMIN, "Any order", "admin", response=OrderOut,
          path_params=OrderNoPath),
    Route("POST", f"{_A}/{{order_no}}/ship", ship_order, ADMIN, "Mark a paid order shipped", "admin",
          body=ShipIn, response=OrderOut, path_params=OrderNoPath),
    Route("POST", f"{_A}/{{order_no}}/refund", refund_order, ADMIN, "Refund a paid or shipped order", "admin",
          body=Reason, response=OrderOut, path_params=OrderNoPath),
    Route("POST", f"{_A}/{{order_no}}/cancel", admin_cancel_order, ADMIN, "Cancel an unpaid order", "admin",
          body=Reason, response=OrderOut, path_params=OrderNoPath),
]
