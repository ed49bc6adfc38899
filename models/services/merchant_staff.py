"""A merchant's staff accounts (店员): who works at a counter, and moving an existing clerk's account to another one."""
from __future__ import annotations

from tortoise.transactions import in_transaction

from models.errors import Invalid, NotFound
from models.services import audit
from models.tables.merchants import Merchant
from models.tables.users import Role, User


async def _merchant(merchant_id: int) -> Merchant:
    merchant = await Merchant.get_or_none(id=merchant_id)
    if merchant is None:
        raise NotFound("merchant_not_found", "商户不存在", merchant_id=merchant_id)
    return merchant


async def staff_of(merchant_id: int) -> list[User]:
    """The merchant's staff accounts, in the order they were made."""
    await _merchant(merchant_id)
    return await User.filter(merchant_id=merchant_id, role=Role.MERCHANT_STAFF).order_by("id")


async def attach_staff(actor: User | None, merchant_id: int, username: str) -> User:
    """Attach the existing clerk account `username` to the merchant (moving it from the one it served); audited.

    Only a merchant staff account can be attached (422 `not_merchant_staff`: an administrator, a consumer …);
    attaching it where it already is changes nothing. The clerk's next request already acts for the new merchant
    (every request reads the account afresh)."""
    await _merchant(merchant_id)
    async with in_transaction() as conn:
        user = await User.get_or_none(username=username, using_db=conn)
        if user is None:
            raise NotFound("staff_not_found", "没有这个员工账号", username=username)
        if user.role != Role.MERCHANT_STAFF:
            raise Invalid("not_merchant_staff", "只能指派商户员工账号", username=username, role=user.role.value)
        if user.merchant_id == merchant_id:
            return user
        before = {"merchant_id": user.merchant_id}
        moved = await User.filter(id=user.id, role=Role.MERCHANT_STAFF).using_db(conn).update(merchant_id=merchant_id)
        if not moved:  # the account changed role or went away between the read and the write
            raise NotFound("staff_not_found", "没有这个员工账号", username=username)
        await audit.record(actor, "merchant.attach_staff", "user", user.id, before, {"merchant_id": merchant_id}, conn)
    user.merchant_id = merchant_id
    return user
