"""A merchant's staff accounts as administrators see them, and attaching an existing one."""
from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import Strict
from api.schemas.names import Name
from models.tables.users import User


class StaffAttachIn(Strict):
    username: Name = Field(min_length=1, max_length=64, description="an existing merchant staff account")


class StaffAccountOut(BaseModel):
    id: int
    username: str
    merchant_id: int
    is_active: bool

    @classmethod
    def of(cls, user: User) -> StaffAccountOut:
        assert user.merchant_id is not None  # merchant staff belong to a merchant
        return cls(id=user.id, username=user.username or "", merchant_id=user.merchant_id, is_active=user.is_active)


class StaffList(BaseModel):
    items: list[StaffAccountOut]
