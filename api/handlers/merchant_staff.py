"""Administrators see a merchant's staff accounts and attach an existing clerk's account to it (creating one is
`POST /api/v1/admin/merchants/{id}/staff`, api/handlers/admin_merchants.py)."""
from __future__ import annotations

from aiohttp import web

from api.auth import current_user
from api.responses import json_ok
from api.routing import ADMIN, Route
from api.schemas.catalog import IdPath
from api.schemas.merchant_staff import StaffAccountOut, StaffAttachIn, StaffList
from api.validation import parse_json, parse_path
from models.services import merchant_staff


async def list_staff(request: web.Request) -> web.Response:
    users = await merchant_staff.staff_of(parse_path(request, IdPath).id)
    return json_ok(StaffList(items=[StaffAccountOut.of(u) for u in users]))


async def attach_staff(request: web.Request) -> web.Response:
    merchant_id = parse_path(request, IdPath).id
    body = await parse_json(request, StaffAttachIn)
    user = await merchant_staff.attach_staff(current_user(request), merchant_id, body.username)
    return json_ok(StaffAccountOut.of(user))


_A = "/api/v1/admin/merchants/{id}/staff"
ROUTES = [
    Route("GET", _A, list_staff, ADMIN, "A merchant's staff accounts", "admin", response=StaffList,
          path_params=IdPath),
    Route("POST", f"{_A}/attach", attach_staff, ADMIN,
          "Attach an existing merchant staff account to this merchant (moving it from the one it served); audited",
          "admin", body=StaffAttachIn, response=StaffAccountOut, path_params=IdPath),
]
