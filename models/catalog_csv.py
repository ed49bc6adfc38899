"""The catalogue CSV: its columns, and every row validated before anything is written (all or nothing)."""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from models.catalog_file import read_table
from models.errors import Invalid
from models.names import name_problems
from models.places.region_directory import Located, RegionDirectory, RegionNotFound
from models.tables.catalog import SupplierType

HEADER = [
    "sku", "name", "brand", "category", "unit", "price", "stock", "supplier", "supplier_type", "origin_province",
    "origin_city", "origin_county", "cert_no", "cert_valid_until", "poor_households", "tags", "aliases",
]
OPTIONAL = ["origin_code"]  # a 6-digit division code (today's or a former one): wins over the origin names
_SKU = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_PRICE = re.compile(r"^(\d{1,7})(?:\.(\d{1,2}))?$")
_NEGATIVE = re.compile(r"^-\s*\d+(?:\.\d*)?$")
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
    origin_former: str | None  # the former name or code the origin was written with (米林县, 540422), mapped
    origin_name: str  # the origin county's name today (米林市)
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


def parse_price_fen(text: str) -> int:
    """'38.8' → 3880: yuan with at most two decimals, parsed as text so no float ever touches money."""
    m = _PRICE.match(text.strip())
    if not m:
        if _NEGATIVE.match(text.strip()):
            raise ValueError("价格不能为负数")
        raise ValueError("价格应为元，最多两位小数，例如 38.80")
    yuan, fen = m.group(1), (m.group(2) or "").ljust(2, "0")
    return int(yuan) * 100 + int(fen)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _origin(values: dict[str, str], regions: RegionDirectory) -> Located:
    """The origin county: by `origin_code` when the file has one (it wins over the names), else by the names."""
    if values.get("origin_code"):
        return regions.by_code(values["origin_code"])
    return regions.locate(values["origin_province"], values["origin_city"], values["origin_county"])


def _row(line: int, values: dict[str, str], regions: RegionDirectory, problems: _Problems) -> CatalogRow | None:
    sku = values.get("sku") or None
    before = len(problems.items)

    def check(column: str, ok: bool, reason: str) -> None:
        if not ok:
            problems.add(line, sku, column, reason)

    def parse(column: str, fn: Any, reason: str | None) -> Any:
        try:
            return fn(values[column])
        except RegionNotFound as exc:
            problems.add(line, sku, f"origin_{exc.part}", str(exc))
        except ValueError as exc:
            problems.add(line, sku, column, reason or str(exc))
        return None

    check("sku", bool(sku and _SKU.match(sku)), "SKU 必填，只能含字母、数字、-、_、.，最长 64")
    for column in ("name", "category", "unit", "supplier"):
        check(column, bool(values[column]), "必填")
    for column, limit in _LIMITS.items():
        check(column, len(values[column]) <= limit, f"最长 {limit} 个字符")
    for column, reason in name_problems(values, ("name", "brand", "category", "unit", "supplier", "tags", "aliases")):
        problems.add(line, sku, column, reason)
    price = parse("price", parse_price_fen, None)
    check("price", price is None or price > 0, "价格必须大于 0")
    stock = parse("stock", int, "库存应为非负整数")
    check("stock", stock is None or stock >= 0, "库存应为非负整数")
    households = parse("poor_households", lambda v: int(v or 0), "带贫户数应为非负整数")
    check("poor_households", households is None or households >= 0, "带贫户数应为非负整数")
    supplier_type = parse("supplier_type", SupplierType, "供应商类型应为 企业、合作社 或 农户")
    origin: Located | None = parse("origin_county", lambda _: _origin(values, regions), "产地无法识别")
    valid_until = None
    if values["cert_no"]:
        valid_until = parse("cert_valid_until", date.fromisoformat, "认定有效期应为 YYYY-MM-DD")
    else:
        check("cert_valid_until", not values["cert_valid_until"], "有认定有效期却没有认定证书编号")
    if len(problems.items) > before or origin is None:
        return None
    assert sku is not None  # checked above: a row without one has a problem
    return CatalogRow(
        line=line, sku=sku, name=values["name"], brand=values["brand"], category=values["category"],
        unit=values["unit"], price_fen=price, stock=stock, supplier=values["supplier"], supplier_type=supplier_type,
        origin_code=origin.code, origin_former=origin.former, origin_name=origin.name,
        cert_no=values["cert_no"] or None,
        valid_until=valid_until, households=households, tags=_split(values["tags"]), aliases=_split(values["aliases"]),
    )


def _check_header(header: list[str], problems: _Problems) -> None:
    """Every column of HEADER once, in any order, and `origin_code` if wanted; a missing or unknown one is named."""
    missing = [c for c in HEADER if c not in header]
    unknown = [c for c in header if c not in HEADER and c not in OPTIONAL]
    twice = sorted({c for c in header if header.count(c) > 1})
    if missing:
        problems.add(1, None, None, "表头缺少列: " + ", ".join(missing))
    if unknown:
        problems.add(1, None, None, "表头有未知的列: " + ", ".join(c or "（空）" for c in unknown))
    if twice:
        problems.add(1, None, None, "表头中重复的列: " + ", ".join(twice))
    if problems.items:
        problems.items[-1]["reason"] += "。表头应为: " + ",".join(HEADER) + "（可另加 origin_code）"
    problems.raise_if_any()


def _values(line: int, header: list[str], cells: list[str], problems: _Problems) -> dict[str, str] | None:
    """The row's cells by column; a row with fewer or more cells than the header is a problem naming the columns."""
    at = header.index("sku")
    sku = (cells[at].strip() or None) if len(cells) > at else None
    if len(cells) < len(header):
        problems.add(line, sku, None, f"本行只有 {len(cells)} 列，缺少列: " + ", ".join(header[len(cells):]))
        return None
    if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
        problems.add(line, sku, None, f"本行有 {len(cells)} 列，多于表头的 {len(header)} 列")
        return None
    return {column: cell.strip() for column, cell in zip(header, cells, strict=False)}


async def parse_catalog(data: bytes, regions: RegionDirectory | None = None) -> list[CatalogRow]:
    """Every row validated; raises `catalog_invalid` listing every bad row with its line number. Origins are found in
    `regions` (an app's snapshot of the divisions), read afresh from the database when none is given."""
    table = await asyncio.to_thread(read_table, data)  # an .xlsx takes a while to unpack: not on the event loop
    problems = _Problems()
    _check_header(table.header, problems)
    regions = regions or await RegionDirectory.load()
    rows: list[CatalogRow] = []
    seen: dict[str, int] = {}
    suppliers: dict[str, CatalogRow] = {}
    for n, (line, cells) in enumerate(table.rows, start=1):
        if n % _YIELD_EVERY == 0:  # a large file: let the event loop serve other requests while validating
            await asyncio.sleep(0)
        values = _values(line, table.header, cells, problems)
        row = _row(line, values, regions, problems) if values is not None else None
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
