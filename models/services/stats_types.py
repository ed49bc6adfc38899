"""The account's vocabulary (消费扶贫台账): what a statistics request asks for and what it answers.

The queries live in models/services/stats.py (and the statements it runs: stats_snapshots.py, stats_rollup_query.py);
these types are imported from there too (`from models.services.stats import GroupBy, StatsFilter, …`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from models.services.region_scope import RegionScope
from models.tables.orders import OrderStatus

BOUGHT = (OrderStatus.PAID.value, OrderStatus.SHIPPED.value, OrderStatus.COMPLETED.value)
ONLINE = "online"
MERCHANT = "merchant"
MAX_DAYS = 366 * 20  # a sanity bound on the range, not a business rule


class GroupBy(str, Enum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    SUPPLIER = "supplier"
    CATEGORY = "category"
    CHANNEL = "channel"
    MERCHANT = "merchant"
    DAY = "day"
    MONTH = "month"


@dataclass(frozen=True)
class StatsFilter:
    """`date_from` / `date_to` are Shanghai calendar dates, both inclusive; None leaves that side open. `region`: an
    official's region (only goods from there count), None for the whole country."""

    group_by: GroupBy
    date_from: date | None = None
    date_to: date | None = None
    poverty_only: bool = False
    region: RegionScope | None = None


@dataclass
class Figures:
    amount_fen: int = 0
    orders: int = 0
    quantity: int = 0
    suppliers: int = 0
    households: int = 0
    poverty_fen: int = 0

    @property
    def poverty_share(self) -> float:
        """The share of `amount_fen` bought from the 832 poverty counties: a ratio (not money), 0..1, 4 places."""
        return round(self.poverty_fen / self.amount_fen, 4) if self.amount_fen else 0.0


@dataclass
class StatsRow(Figures):
    key: str = ""
    code: str | None = None  # the stable id behind the key: region code, supplier id, merchant id


@dataclass
class StatsTotal(Figures):
    subscribed_fen: int = 0  # 认购额: card sales and activated 以购代捐 batches


@dataclass
class StatsResult:
    filter: StatsFilter
    rows: list[StatsRow] = field(default_factory=list)
    total: StatsTotal = field(default_factory=StatsTotal)
    # closed days whose figures come from a rollup not yet brought up to date (models/services/stats_fresh.py)
    stale_days: list[date] = field(default_factory=list)

