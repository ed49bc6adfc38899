"""The catalogue CSV: its columns, and every row validated before anything is written (all or nothing)."""
from __future__ import annotations

import asyncio
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.errors import Invalid
from models.names import name_problems
from models.places.region_directory import RegionDirectory, RegionNotFound
from models.tables.catalog import SupplierType

HEADER = [
    "sku", "name", "brand", "category", "unit", "price", "stock", "supplier", "supplier_type", "origin_province",
    "origin_city", "origin_county", "cert_no", "cert_valid_until", "poor_households", "tags", "aliases",
]
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_PRICE = re.compile(r"^(\d{1,7})(?:\.(\d{1,2}))?$")
_YIELD_EVERY = 1000
_LIMITS = {"name": 128, "brand": 64, "category": 32, "unit": 16, "supplier": 128, "cert_no": 64}


@dataclass(frozen=True)
class CatalogRow:
    line: int
    sku: str
    name: str
    brand: str
    category: str
    unit: str
    price_fen: int
    stock: int
    supplier: str
    supplier_type: SupplierType
    origin_code: str
    cert_no: str | None
    valid_until: date | None
    households: int
    tags: list[str]
    aliases: list[str]


@dataclass
class _Problems:
    items: list[dict[str, Any]] = field(default_factory=list)

    def add(self, line: int, sku: str | None, column: str | None, reason: str) -> None:
        self.items.append({"line": line, "sku": sku, "field": column, "reason": reason})

    def raise_if_any(self) -> None:
        if self.items:
            raise Invalid("catalog_invalid", f"目录文件有 {len(self.items)} 处错误，未导入任何数据", errors=self.items)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("catalog_invalid", "目录文件必须是 UTF-8 编码",
                      errors=[{"line": 1, "sku": None, "field": None, "reason": "不是 UTF-8 编码"}]) from None


def parse_price_fen(text: str) -> int:
    """'38.8' → 3880: yuan with at most two decimals, parsed as text so no float ever touches money."""
    m = _PRICE.match(text.strip())
    if not m:
        raise ValueError("价格应为元，最多两位小数，例如 38.80")
    yuan, fen = m.group(1), (m.group(2) or "").ljust(2, "0")
    return int(yuan) * 100 + int(fen)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _row(line: int, raw: dict[str, str], regions: RegionDirectory, problems: _Problems) -> CatalogRow | None:
    values = {k: (v or "").strip() for k, v in raw.items() if k is not None}
    sku = values.get("sku") or None
    before = len(problems.items)

    def check(column: str, ok: bool, reason: str) -> None:
        if not ok:
            problems.add(line, sku, column, reason)

    def parse(column: str, fn: Any, reason: str) -> Any:
        try:
            return fn(values[column])
        except RegionNotFound as exc:
            problems.add(line, sku, f"origin_{exc.part}", str(exc))
        except ValueError:
            problems.add(line, sku, column, reason)
        return None

    if None in raw:
        problems.add(line, sku, None, "列数多于表头")
    check("sku", bool(sku and _SKU.match(sku)), "SKU 必填，只能含字母、数字、-、_、.，最长 64")
    for column in ("name", "category", "unit", "supplier"):
        check(column, bool(values[column]), "必填")
    for column, limit in _LIMITS.items():
        check(column, len(values[column]) <= limit, f"最长 {limit} 个字符")
    for column, reason in name_problems(values, ("name", "brand", "category", "unit", "supplier", "tags", "aliases")):
        problems.add(line, sku, column, reason)
    price = parse("price", parse_price_fen, "价格应为元，最多两位小数，例如 38.80")
    check("price", price is None or price > 0, "价格必须大于 0")
    stock = parse("stock", int, "库存应为非负整数")
    check("stock", stock is None or stock >= 0, "库存应为非负整数")
    households = parse("poor_households", lambda v: int(v or 0), "带贫户数应为非负整数")
    check("poor_households", households is None or households >= 0, "带贫户数应为非负整数")
    supplier_type = parse("supplier_type", SupplierType, "供应商类型应为 企业、合作社 或 农户")
    origin = parse("origin_county", lambda _: regions.county(
        values["origin_province"], values["origin_city"], values["origin_county"]), "产地无法识别")
    valid_until = None
    if values["cert_no"]:
        valid_until = parse("cert_valid_until", date.fromisoformat, "认定有效期应为 YYYY-MM-DD")
    else:
        check("cert_valid_until", not values["cert_valid_until"], "有认定有效期却没有认定证书编号")
    if len(problems.items) > before:
        return None
    assert sku is not None  # checked above: a row without one has a problem
    return CatalogRow(
        line=line, sku=sku, name=values["name"], brand=values["brand"], category=values["category"],
        unit=values["unit"], price_fen=price, stock=stock, supplier=values["supplier"], supplier_type=supplier_type,
        origin_code=origin, cert_no=values["cert_no"] or None, valid_until=valid_until, households=households,
        tags=_split(values["tags"]), aliases=_split(values["aliases"]),
    )


async def parse_catalog(data: bytes) -> list[CatalogRow]:
    """Every row validated; raises `catalog_invalid` listing every bad row with its line number."""
    reader = csv.DictReader(io.StringIO(_decode(data), newline=""))
    problems = _Problems()
    if reader.fieldnames != HEADER:
        problems.add(1, None, None, "表头必须是: " + ",".join(HEADER))
        problems.raise_if_any()
    regions = await RegionDirectory.load()
    rows: list[CatalogRow] = []
    seen: dict[str, int] = {}
    suppliers: dict[str, CatalogRow] = {}
    for n, raw in enumerate(reader, start=1):
        if n % _YIELD_EVERY == 0:  # a large file: let the event loop serve other requests while validating
            await asyncio.sleep(0)
        line = reader.line_num
        row = _row(line, raw, regions, problems)
        if row is None:
            continue
        if row.sku in seen:
            problems.add(line, row.sku, "sku", f"SKU 与第 {seen[row.sku]} 行重复")
        seen.setdefault(row.sku, line)
        first = suppliers.setdefault(row.supplier, row)
        if (first.supplier_type, first.households) != (row.supplier_type, row.households):
            problems.add(line, row.sku, "supplier", f"同一供应商的类型或带贫户数与第 {first.line} 行不一致")
        rows.append(row)
    if not rows and not problems.items:
        problems.add(1, None, None, "文件中没有数据行")
    problems.raise_if_any()
    return rows


