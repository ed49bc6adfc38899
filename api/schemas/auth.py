from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import Strict
from models.tables.users import User


class WeChatLoginIn(Strict):
    code: str = Field(min_length=1, max_length=256, description="the code from wx.login(); `dev:<name>` in development")


class StaffLoginIn(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class UserOut(BaseModel):
    id: int
    role: str
    nickname: str
    username: str | None
    merchant_id: int | None
    supplier_id: int | None = None
    region_code: str | None = Field(default=None,
                                    description="an official's region (regions table form: 44, 4418, 441821)")

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(id=user.id, role=user.role.value, nickname=user.nickname, username=user.username,
                   merchant_id=user.merchant_id, supplier_id=user.supplier_id, region_code=user.region_id)


class LoginOut(BaseModel):
    token: str
    expires_in: int
    user: UserOut
