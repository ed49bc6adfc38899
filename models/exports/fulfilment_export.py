"""A supplier's parcels to ship as a table for people: CSV (UTF-8 with BOM, so Excel reads Chinese) and XLSX.

One row per line of each parcel, with the parcel's number (发货单号, what the supplier's page ships by), the order,
its payment time and the shipping address; amounts in yuan with two decimals. Every cell goes through
models/exports/spreadsheet_safety.py (a consignee named =HYPERLINK(…) is written as text).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from models.clock import SHANGHAI
from models.exports.csv_chunks import csv_chunks
from models.exports.spreadsheet_safety import Column
from models.exports.spreadsheet_safety import xlsx_bytes as workbook
from models.storage import sql

TITLE = "待发货清单"
STATES = {"pending": "待发货", "shipped": "已发货", "refunded": "已退款"}
HEADER = ["发货单号", "订单号", "付款时间", "状态", "收货人", "电话", "收货地址", "SKU", "商品", "数量", "单位",
          "金额（元）", "买家备注", "快递公司", "快递单号"]
_WIDTHS = [10, 22, 17, 8, 10, 14, 36, 14, 24, 6, 6, 10, 20, 10, 18]


def _yuan(fen: int) -> Decimal:
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


def _when(value: Any) -> str:
    return sql.timestamp(value).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if value else ""


def row_of(r: dict[str, Any]) -> list[Any]:
    a = r["shipping"] or {}
    county = "" if a.get("county") == a.get("city") else a.get("county", "")  # 东莞市: a city that is its own county
    address = f"{a.get('province', '')}{a.get('city', '')}{county}{a.get('detail', '')}"
    return [int(r["id"]), r["order_no"], _when(r["paid_at"]), STATES.get(r["state"], r["state"]), a.get("name", ""),
            a.get("phone", ""), address, r["sku"], r["name"], int(r["qty"]), r["unit"], _yuan(r["amount_fen"]),
            r["note"] or "", r["carrier"] or "", r["tracking_no"] or ""]


def iter_csv(rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """The header, then the rows, in chunks; the first chunk starts with the UTF-8 BOM."""
    return csv_chunks([HEADER, *rows])


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    """The same table as one worksheet, header frozen, 金额 as a number with two decimals."""
    columns = [Column(w, "0.00" if name == "金额（元）" else None) for name, w in zip(HEADER, _WIDTHS, strict=True)]
    return workbook([HEADER, *rows], TITLE, columns=columns, header_rows=1)
