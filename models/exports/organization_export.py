"""A 以购代捐 organization's report as a table for people: CSV (UTF-8 with BOM, so Excel reads Chinese), in the
form of the statistics downloads (models/exports/stats_export.py): a title line, Chinese headers, amounts in yuan
with two decimals beside the fen, every cell through models/exports/spreadsheet_safety.py.

Four parts one under the other, each with its own header: 概况 (cards and the ledger's figures),
批次 (each batch), 按省份 and 按县区 (where the money went).
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from models.clock import SHANGHAI
from models.exports.csv_chunks import csv_chunks
from models.services.organization_report import OrganizationReport

TITLE = "以购代捐报告"
STATES = {"issuing": "发行中", "issued": "已发行", "active": "已激活", "failed": "发行失败"}
_SUMMARY = ["项目", "张数", "金额（元）", "金额（分）"]
_BATCHES = ["批次", "状态", "面值（元）", "张数", "已发行", "已激活", "已领取", "已消费（元）", "已消费（分）",
            "未消费余额（元）", "未消费余额（分）", "创建时间", "激活时间"]
_PROVINCES = ["省份", "专柜核销（元）", "线上订单（元）", "合计（元）", "合计（分）", "其中贫困县（元）"]
_COUNTIES = ["省份", "地市", "县区", "县代码", "贫困县", "专柜核销（元）", "线上订单（元）", "合计（元）", "合计（分）"]


def _yuan(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def _when(at: Any) -> str:
    return at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if at else ""


def title(r: OrganizationReport, batch_id: int | None, today: date) -> str:
    """以购代捐报告 · 某某银行 · 全部批次 · 截至 2026-05-01."""
    scope = f"批次 #{batch_id}" if batch_id is not None else "全部批次"
    region = f" · {r.region.name}" if r.region is not None else ""  # an official's: their region's figures only
    return f"{TITLE} · {r.organization}{region} · {scope} · 截至 {today.isoformat()}"


def _summary(r: OrganizationReport) -> Iterator[list[Any]]:
    yield ["概况"]
    yield _SUMMARY
    yield ["已发行", r.issued, "", ""]
    yield ["已激活（认购额）", r.activated, _yuan(r.activated_fen), r.activated_fen]
    yield ["已领取", r.claimed, "", ""]
    for label, fen in (("已消费", r.spent_fen), ("过期收回", r.expired_fen), ("注销收回", r.closed_fen),
                       ("调整", r.adjusted_fen), ("未消费余额", r.outstanding_fen),
                       ("无法追溯产地的消费", r.untraced_fen)):
        yield [label, "", _yuan(fen), fen]


def _batches(r: OrganizationReport) -> Iterator[list[Any]]:
    yield ["批次"]
    yield _BATCHES
    for b in r.batches:
        yield [f"#{b['id']}", STATES.get(b["state"], b["state"]), _yuan(b["face_value_fen"]), b["count"], b["issued"],
               b["activated"], b["claimed"], _yuan(b["spent_fen"]), b["spent_fen"], _yuan(b["outstanding_fen"]),
               b["outstanding_fen"], _when(b["created_at"]), _when(b["activated_at"])]


def _places(r: OrganizationReport) -> Iterator[list[Any]]:
    yield ["按省份"]
    yield _PROVINCES
    for p in r.by_province:
        yield [p["province"], _yuan(p["counter_fen"]), _yuan(p["online_fen"]), _yuan(p["amount_fen"]), p["amount_fen"],
               _yuan(p["poverty_county_fen"])]
    yield []
    yield ["按县区"]
    yield _COUNTIES
    for c in r.by_county:
        yield [c["province"], c["city"], c["county"], c["origin_code"], "是" if c["poverty_county"] else "否",
               _yuan(c["counter_fen"]), _yuan(c["online_fen"]), _yuan(c["amount_fen"]), c["amount_fen"]]


def table(r: OrganizationReport, batch_id: int | None, today: date) -> Iterator[list[Any]]:
    """The title line, then the four parts with a blank line between them."""
    yield [title(r, batch_id, today)]
    yield []
    yield from _summary(r)
    yield []
    yield from _batches(r)
    yield []
    yield from _places(r)


def iter_csv(r: OrganizationReport, batch_id: int | None, today: date) -> Iterator[bytes]:
    return csv_chunks(table(r, batch_id, today))

