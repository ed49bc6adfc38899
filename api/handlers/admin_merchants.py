"""Administrators manage merchants (counters, pavilions, zones) and their staff accounts."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, ADMIN_READ, Route
from api.schemas.catalog import IdPath
from api.schemas.common import PageQuery
from api.schemas.merchants import MerchantIn, MerchantOut, MerchantPage, StaffIn, StaffOut
from api.validation import parse_json, parse_path, parse_query
from models.services import merchants
from models.services.region_scope import region_scope
from models.services.staff_accounts import create_staff_user
from models.tables.users import Role


async def create_merchant(request: web.Request) -> web.Response:
    body = await parse_json(request, MerchantIn)
    merchant = await merchants.create_merchant(current_user(request), **body.model_dump())
    return json_ok(MerchantOut.of(merchant), status=201)


async def list_merchants(request: web.Request) -> web.Response:
    q = parse_query(request, PageQuery)
    rows, total = await merchants.list_merchants(q.offset, q.page_size, await region_scope(current_user(request)))
    return json_ok(MerchantPage(items=[MerchantOut.of(m) for m in rows], total=total))


async def add_staff(request: web.Request) -> web.Response:
    merchant_id = parse_path(request, IdPath).id
    body = await parse_json(request, StaffIn)
    user = await create_staff_user(Role.MERCHANT_STAFF, body.username, body.password, merchant_id)
    return json_ok(StaffOut(id=user.id, username=user.username, merchant_id=merchant_id), status=201)


_A = "/api/v1/admin/merchants"
ROUTES = [
    Route("POST", _A, create_merchant, ADMIN, "Create a merchant (counter 专柜, pavilion 专馆, zone 专区)", "admin",
          body=MerchantIn, response=MerchantOut, status=201),
    Route("GET", _A, list_merchants, ADMIN_READ, "List merchants (an official's: of their region)", "admin",
          query=PageQuery, response=MerchantPage),
    Route("POST", f"{_A}/{{id}}/staff", add_staff, ADMIN, "Create a staff account for a merchant", "admin",
          body=StaffIn, response=StaffOut, path_params=IdPath, status=201),
]
