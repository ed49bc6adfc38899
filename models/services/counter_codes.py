"""A merchant's printed counter code: which merchant a scanned code names, and rotating it."""
from __future__ import annotations

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.codes.merchant_codes import MerchantCodes
from models.errors import Conflict, NotFound
from models.services import audit
from models.tables.merchants import Merchant
from models.tables.users import User


async def merchant_by_id(merchant_id: int) -> Merchant:
    merchant = await Merchant.get_or_none(id=merchant_id)
    if merchant is None:
        raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
    return merchant


async def staff_counter(staff: User) -> Merchant:
    """The clerk's own merchant (for its QR and poster)."""
    assert staff.merchant_id is not None  # admitted as merchant staff, so attached to a merchant
    return await merchant_by_id(staff.merchant_id)


async def scanned_counter(code: str, codes: MerchantCodes) -> Merchant:
    """The active merchant a holder's scanned code names, if the code is of the merchant's current key version."""
    merchant_id, version = codes.read(code)
    merchant = await Merchant.get_or_none(id=merchant_id)
    if merchant is None:  # a genuine code of a deleted merchant: as good as forged
        raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
    if version != merchant.key_version:
        raise Conflict("merchant_code_revoked", "该受理点二维码已作废，请扫描柜台的新二维码", merchant_id=merchant_id)
    if not merchant.active:
        raise Conflict("merchant_inactive", "该受理点暂停受理爱心卡", merchant_id=merchant_id)
    return merchant


async def rotate(actor: User, merchant_id: int) -> Merchant:
    """Move the merchant to a new key version: every poster printed before stops working. Audited."""
    async with in_transaction() as conn:
        moved = await Merchant.filter(id=merchant_id).using_db(conn).update(key_version=F("key_version") + 1)
        if not moved:
            raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
        merchant = await Merchant.get(id=merchant_id, using_db=conn)
        await audit.record(actor, "merchant.rotate_code", "merchant", merchant_id,
                           {"key_version": merchant.key_version - 1}, {"key_version": merchant.key_version}, conn)
    return merchant
