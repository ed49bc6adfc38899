from __future__ import annotations

from pydantic import BaseModel, Field

from api.schemas.common import Patch, Strict, left_out
from api.schemas.names import Name
from models.tables.addresses import Address


class AddressIn(Strict):
    name: Name = Field(min_length=1, max_length=32)
    phone: str = Field(min_length=1, max_length=16)
    province: str = Field(min_length=1, max_length=32)
    city: str = Field("", max_length=32, description="may be empty for counties directly under a province")
    county: str = Field(min_length=1, max_length=32)
    detail: str = Field(min_length=1, max_length=128)
    is_default: bool = False


class AddressPatch(Patch):
    name: Name = left_out(min_length=1, max_length=32)
    phone: str = left_out(min_length=1, max_length=16)
    province: str = left_out(min_length=1, max_length=32)
    city: str = left_out(max_length=32, description="empty for counties directly under a province")
    county: str = left_out(min_length=1, max_length=32)
    detail: str = left_out(min_length=1, max_length=128)
    is_default: bool = left_out()


class AddressOut(BaseModel):
    id: int
    name: str
    phone: str
    province: str
    city: str
    county: str
    region_code: str
    detail: str
    is_default: bool

    @classmethod
    def of(cls, a: Address) -> AddressOut:
        return cls(id=a.id, name=a.name, phone=a.phone, province=a.province, city=a.city, county=a.county,
                   region_code=a.region_id, detail=a.detail, is_default=a.is_default)


class AddressList(BaseModel):
    items: list[AddressOut]


class AddressLineIn(Strict):
    text: str = Field(min_length=1, max_length=200)


class ParsedAddressOut(BaseModel):
    province: str | None
    city: str | None
    county: str | None
    region_code: str | None
    detail: str
    name: str | None
    phone: str | None
