"""Staff accounts: administrators, merchant clerks, supplier staff and regional officials.

A supplier's staff belong to exactly one supplier; an official to exactly one region, whose level (county, city,
province) is the official's level. Region codes are accepted as the 6-digit division codes people write
(440000 广东省, 441800 清远市, 441821 佛冈县) and stored in the regions table's own form (44, 4418, 441821).
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import Conflict, Invalid, NotFound
from models.names import check_name
from models.services import audit
from models.services.passwords import hash_password
from models.services.region_scope import RegionScope, within
from models.tables.catalog import Supplier
from models.tables.merchants import Merchant
from models.tables.regions import Region, RegionLevel
from models.tables.users import Role, User

_CODE = re.compile(r"\d{2}|\d{4}|\d{6}")
# The audit action of an account created through the API (the command line's and the demo's are not audited).
_CREATED = {Role.SUPPLIER_STAFF: "supplier.add_staff", Role.MERCHANT_STAFF: "merchant.add_staff"}


@dataclass(frozen=True)
class StaffTies:
    """What a staff account belongs to, by role: a merchant, a supplier, or an official's level and region."""

    merchant_id: int | None = None
    supplier_id: int | None = None
    level: str | None = None
    region_code: str | None = None


def region_key(code: str) -> str:
    """The regions table's code for a division code as people write it: 440000 → 44, 441800 → 4418."""
    code = code.strip()
    if not _CODE.fullmatch(code):
        raise Invalid("region_invalid", "行政区划代码应为 6 位数字（如 441821）", region=code)
    if len(code) == 6 and code.endswith("0000"):
        return code[:2]
    if len(code) == 6 and code.endswith("00"):
        return code[:4]
    return code


async def official_region(level: str | None, code: str | None) -> Region:
    """The region an official of this level may act for; the code must name a region of exactly that level."""
    if level is None or code is None:
        raise Invalid("region_required", "官员账号必须指定级别（county/city/province）和行政区划代码")
    try:
        wanted = RegionLevel(level)
    except ValueError:
        raise Invalid("level_invalid", "级别只能是 county、city 或 province", level=level) from None
    region = await Region.get_or_none(code=region_key(code))
    if region is None:
        raise NotFound("region_not_found", "没有这个行政区划代码", region=code)
    if region.level != wanted:
        raise Invalid("level_mismatch", f"{region.name}不是{wanted.value}级行政区", region=code, level=level)
    return region


async def create_staff_user(role: Role, username: str, password: str, merchant_id: int | None = None,
                            ties: StaffTies | None = None, actor: User | None = None) -> User:
    """A staff account of any role but consumer, tied to what its role needs (and to nothing else); audited in
    the same transaction when an `actor` (the API's caller) creates it."""
    ties = ties or StaffTies(merchant_id=merchant_id)
    if role == Role.CONSUMER:
        raise Invalid("invalid_role", "员工账号的角色不能是 consumer", role=role.value)
    if len(password) < 8:
        raise Invalid("weak_password", "密码至少 8 位")
    check_name("username", username)
    merchant = supplier = region = None
    if role == Role.MERCHANT_STAFF:
        merchant = await _merchant(ties.merchant_id)
    elif role == Role.SUPPLIER_STAFF:
        supplier = await _supplier(ties.supplier_id)
    elif role == Role.OFFICIAL:
        region = await official_region(ties.level, ties.region_code)
    password_hash = await asyncio.to_thread(hash_password, password)
    try:
        async with in_transaction() as conn:
            user = await User.create(role=role, username=username, password_hash=password_hash, nickname=username,
                                     merchant=merchant, supplier=supplier, region=region, using_db=conn)
            if actor is not None:
                after = {"username": username, "role": role.value, "merchant_id": user.merchant_id,
                         "supplier_id": user.supplier_id, "region_id": user.region_id}
                await audit.record(actor, _CREATED.get(role, "user.create"), "user", user.id, None, after, conn)
            return user
    except IntegrityError:
        raise Conflict("username_taken", "用户名已存在", username=username) from None


async def _merchant(merchant_id: int | None) -> Merchant:
    if merchant_id is None:
        raise Invalid("merchant_required", "商户员工必须指定所属商户")
    merchant = await Merchant.get_or_none(id=merchant_id)
    if merchant is None:
        raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
    return merchant


async def _supplier(supplier_id: int | None) -> Supplier:
    if supplier_id is None:
        raise Invalid("supplier_required", "供应商员工必须指定所属供应商")
    supplier = await Supplier.get_or_none(id=supplier_id)
    if supplier is None:
        raise NotFound("supplier_not_found", "供应商不存在", supplier_id=supplier_id)
    return supplier


async def create_supplier_staff(actor: User, scope: RegionScope | None, supplier_id: int, username: str,
                                password: str) -> User:
    """A supplier's staff account, created by the national administrator (any supplier) or by an official for a
    supplier of their region (`scope`): another region's supplier answers 404 `supplier_not_found`, as if it did not
    exist, and nothing is created. Audited `supplier.add_staff`."""
    if not await Supplier.filter(within(scope, "region_id"), id=supplier_id).exists():
        raise NotFound("supplier_not_found", "供应商不存在", supplier_id=supplier_id)
    return await create_staff_user(Role.SUPPLIER_STAFF, username, password, ties=StaffTies(supplier_id=supplier_id),
                                   actor=actor)
