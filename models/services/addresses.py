"""Delivery addresses: validated against the divisions, one default per user."""
from __future__ import annotations

import re
from typing import Any

from tortoise.transactions import in_transaction

from models.errors import Invalid, NotFound
from models.places.address_parser import ParsedAddress, parse_address
from models.places.region_directory import RegionDirectory, RegionNotFound, RegionSnapshot
from models.storage import sql
from models.tables.addresses import DETAIL_MAX, NAME_MAX, Address
from models.tables.users import User

MOBILE = re.compile(r"^1[3-9]\d{9}$")
MAX_ADDRESSES = 20


def _invalid(field: str, message: str) -> Invalid:
    return Invalid("invalid_address", message, field=field)


def _validated(values: dict[str, Any], directory: RegionDirectory) -> dict[str, Any]:
    if not MOBILE.match(values["phone"]):
        raise _invalid("phone", "手机号应为 11 位中国大陆手机号")
    if len(values.get("name") or "") > NAME_MAX:  # said in chat, no schema measured it: refused, never a 500
        raise _invalid("name", f"收货人姓名最长 {NAME_MAX} 个字")
    if len(values.get("detail") or "") > DETAIL_MAX:
        raise _invalid("detail", f"详细地址最长 {DETAIL_MAX} 个字")
    try:
        code = directory.county(values["province"], values["city"], values["county"])
    except RegionNotFound as exc:
        raise _invalid(exc.part, str(exc)) from None
    county = directory.get(code)
    parent = directory.get(county.parent) if county and county.parent else None
    assert county is not None and parent is not None  # county() answers a known county, which has a parent
    province, city = (parent, None) if parent.level == "province" else (directory.get(parent.parent or ""), parent)
    assert province is not None
    return {**values, "region_id": code, "province": province.name, "city": city.name if city else "",
            "county": county.name}


async def list_addresses(user: User) -> list[Address]:
    return await Address.filter(user_id=user.id).order_by("-is_default", "-id")


async def create_address(user: User, regions: RegionSnapshot, **values: Any) -> Address:
    values = _validated(values, await regions.directory())
    async with in_transaction() as conn:
        count = await Address.filter(user_id=user.id).using_db(conn).count()
        if count >= MAX_ADDRESSES:
            raise Invalid("too_many_addresses", f"最多保存 {MAX_ADDRESSES} 个收货地址")
        make_default = values.pop("is_default", False) or count == 0
        if make_default:
            await Address.filter(user_id=user.id).using_db(conn).update(is_default=False)
        return await Address.create(user_id=user.id, is_default=make_default, using_db=conn, **values)


# Every chat turn that reaches an order summary asks this: hand-written (the ORM's query building costs more
# than the query).
_ADDRESSES = 'SELECT * FROM "address" WHERE user_id = ? ORDER BY is_default DESC, id DESC'


async def address_for_order(user: User, preferred_id: int | None) -> Address | None:
    """The user's address `preferred_id` if it is still theirs, else their default (or newest); one query."""
    rows = [Address(**row) for row in await sql.query(sql.db(), _ADDRESSES, [user.id])]
    return next((a for a in rows if a.id == preferred_id), rows[0] if rows else None)


async def _own(user: User, address_id: int, conn: Any = None) -> Address:
    address = await Address.filter(id=address_id, user_id=user.id).using_db(conn).first()
    if address is None:
        raise NotFound("address_not_found", "收货地址不存在", address_id=address_id)
    return address


async def create_from_line(user: User, regions: RegionSnapshot, parsed: ParsedAddress) -> Address:
    """The user's new default address from a one-line address read by `parse_address_line` (the chat's way in);
    a line with no recipient's name is addressed to 收货人."""
    return await create_address(
        user, regions, name=parsed.name or "收货人", phone=parsed.phone or "", province=parsed.province or "",
        city=parsed.city or "", county=parsed.county or "", detail=parsed.detail or "", is_default=True,
    )


async def update_address(user: User, regions: RegionSnapshot, address_id: int, changes: dict[str, Any]) -> Address:
    address = await _own(user, address_id)
    fields = ("name", "phone", "province", "city", "county", "detail")
    merged = {f: changes.get(f, getattr(address, f)) for f in fields}
    values = _validated(merged, await regions.directory())
    async with in_transaction() as conn:
        if changes.get("is_default"):
            await Address.filter(user_id=user.id).using_db(conn).update(is_default=False)
            values["is_default"] = True
        address.update_from_dict(values)
        await address.save(using_db=conn)
    return address


async def delete_address(user: User, address_id: int) -> None:
    """Delete; if it was the default, the newest remaining address becomes the default."""
    async with in_transaction() as conn:
        address = await _own(user, address_id, conn)
        await address.delete(using_db=conn)
        if address.is_default:
            newest = await Address.filter(user_id=user.id).using_db(conn).order_by("-id").first()
            if newest:
                await Address.filter(id=newest.id).using_db(conn).update(is_default=True)


async def parse_address_line(text: str, regions: RegionSnapshot) -> ParsedAddress:
    return parse_address(text, await regions.directory())
