"""Merchants that accept love cards: special counters, pavilions and zones."""
from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.errors import Conflict, Invalid
from models.names import check_name
from models.services import audit
from models.services.region_scope import RegionScope, within
from models.tables.merchants import Merchant, MerchantKind
from models.tables.regions import Region
from models.tables.users import User

FIELDS = ("name", "kind", "region_id", "address", "organization", "active")


async def create_merchant(actor: User | None, *, name: str, kind: MerchantKind, region_code: str | None = None,
                          address: str = "", organization: str = "", active: bool = True) -> Merchant:
    for field, text in (("name", name), ("organization", organization), ("address", address)):
        check_name(field, text)
    if region_code is not None and not await Region.exists(code=region_code):
        raise Invalid("unknown_region", "行政区划代码不存在", region_code=region_code)
    try:
        async with in_transaction() as conn:
            merchant = await Merchant.create(name=name, kind=kind, region_id=region_code, address=address,
                                             organization=organization, active=active, using_db=conn)
            await audit.record(actor, "merchant.create", "merchant", merchant.id, None,
                               audit.snapshot(merchant, FIELDS), conn)
    except IntegrityError:
        raise Conflict("merchant_exists", "同名商户已存在", name=name) from None
    return merchant


async def list_merchants(offset: int, limit: int, scope: RegionScope | None = None) -> tuple[list[Merchant], int]:
    """Merchants by id; an official's: those whose region is theirs or under it (a merchant of no region: none)."""
    query = Merchant.filter(within(scope, "region_id"))
    return await query.order_by("id").offset(offset).limit(limit), await query.count()
