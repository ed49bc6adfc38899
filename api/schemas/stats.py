"""The poverty-alleviation account (消费扶贫台账): query and answer. Money is integer fen."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.common import Day
from models.services.stats import Figures, GroupBy, StatsFilter, StatsResult

SHARE = ("share of amount_fen bought from the 832 national poverty counties: a ratio, not money, "
         "a number from 0 to 1 rounded to 4 places (0 when amount_fen is 0)")


class StatsChartQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: Day | None = Field(None, alias="from", description="first day, Asia/Shanghai, inclusive (open if absent)")
    to: Day | None = Field(None, description="last day, Asia/Shanghai, inclusive (open if absent)")
    group_by: GroupBy = Field(description="province, city, county, supplier, category, channel, merchant, day or month")
    poverty_only: bool = Field(False, description="only goods from the 832 poverty counties")

    def to_filter(self) -> StatsFilter:
        return StatsFilter(group_by=self.group_by, date_from=self.from_, date_to=self.to,
                           poverty_only=self.poverty_only)


class StatsQuery(StatsChartQuery):
    format: Literal["json", "csv", "xlsx"] = Field("json", description="csv (UTF-8 with BOM) and xlsx are downloads")


class FiguresOut(BaseModel):
    amount_fen: int = Field(description="goods bought, net of refunds and voids")
    orders: int = Field(description="distinct orders and redemptions")
    quantity: int
    suppliers: int = Field(description="distinct suppliers")
    households: int = Field(description="poor households lifted by those suppliers, each supplier once")
    poverty_share: float = Field(description=SHARE)

    @staticmethod
    def values(f: Figures) -> dict[str, int | float]:
        return {"amount_fen": f.amount_fen, "orders": f.orders, "quantity": f.quantity, "suppliers": f.suppliers,
                "households": f.households, "poverty_share": f.poverty_share}


class StatsRowOut(FiguresOut):
    key: str = Field(description="province / city / county / supplier / category / merchant name, channel "
                                 "(online, merchant), day YYYY-MM-DD or month YYYY-MM (Asia/Shanghai)")
    code: str | None = Field(description="county: region code; supplier: supplier id; merchant: merchant id")


class StatsTotalOut(FiguresOut):
    subscribed_fen: int = Field(description="认购额: love cards sold and 以购代捐 batches activated in the range; "
                                            "not goods bought, so not in amount_fen")


class StatsOut(BaseModel):
    group_by: str
    from_: dt.date | None = Field(serialization_alias="from")
    to: dt.date | None
    poverty_only: bool
    rows: list[StatsRowOut]
    total: StatsTotalOut
    stale_days: list[dt.date] = Field(description="closed days in the range whose figures are being recomputed in "
                                                  "the background and are not in this answer as they now are "
                                                  "(empty: every figure is exact)")

    @classmethod
    def of(cls, r: StatsResult) -> StatsOut:
        f = r.filter
        return cls(
            group_by=f.group_by.value, from_=f.date_from, to=f.date_to, poverty_only=f.poverty_only,
            rows=[StatsRowOut(key=row.key, code=row.code, **FiguresOut.values(row)) for row in r.rows],
            total=StatsTotalOut(subscribed_fen=r.total.subscribed_fen, **FiguresOut.values(r.total)),
            stale_days=r.stale_days,
        )
