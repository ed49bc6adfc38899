from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import Strict
from api.schemas.names import Name
from models.tables.merchants import Merchant, MerchantKind


class MerchantIn(Strict):
    name: Name = Field(min_length=1, max_length=128)
    kind: MerchantKind = MerchantKind.COUNTER
    address: Name = Field("", max_length=255)
    region_code: str | None = Field(None, pattern=r"^\d{6}$")
    organization: Name = Field("", max_length=128)
    active: bool = True


class StaffIn(Strict):
    username: Name = Field(min_length=1, max_length=64)
    password: str = Field(min_length=8, max_length=256)


class MerchantOut(BaseModel):
    id: int
    name: str
    kind: str
    address: str
    region_code: str | None
    organization: str
    active: bool
    key_version: int = Field(description="the counter code's version: rotating the code moves it on")

    @classmethod
    def of(cls, m: Merchant) -> MerchantOut:
        return cls(id=m.id, name=m.name, kind=m.kind.value, address=m.address, region_code=m.region_id,
                   organization=m.organization, active=m.active, key_version=m.key_version)


class MerchantPage(BaseModel):
    items: list[MerchantOut]
    total: int


class StaffOut(BaseModel):
    id: int
    username: str
    merchant_id: int
