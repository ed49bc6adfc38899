"""Importing a catalogue CSV: every row validated first (models/catalog_csv.py; one bad row and nothing is
written), then the rows upserted by sku in chunks of `CHUNK` rows, one short transaction each, so a large file
never holds the database (SQLite's one writer, the app's one SQLite connection) for more than a moment.

Stock: a new product's `stock` is its opening stock, written to the stock ledger with the importing admin. An
existing product's stock is never changed by an import (it would undo the sales since); the rows where the file
differs are counted in `stock_left_unchanged`. See docs/catalog-import.md.

An interrupted write leaves the chunks before it written; running the same file again finishes it (an upsert:
rows already written are unchanged).
"""
from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from tortoise.exceptions import OperationalError
from tortoise.transactions import in_transaction

from models.catalog_csv import HEADER, CatalogRow, parse_catalog, parse_price_fen
from models.clock import now_utc
from models.places.region_directory import RegionDirectory
from models.services import audit, stock
from models.services.catalog import PRODUCT_FIELDS, SUPPLIER_FIELDS
from models.storage.busy import is_database_busy
from models.tables.audit import AuditEntry
from models.tables.catalog import CertStatus, Product, Supplier
from models.tables.users import User

__all__ = ["HEADER", "CatalogRow", "ImportSummary", "import_catalog", "parse_catalog", "parse_price_fen"]

CHUNK = 1000  # rows a transaction: ~3,000 rows written (products, opening stock, audit), ~0.15 s on SQLite
# SQLite: the pause after a full chunk when another follows. Another process waiting for the write lock tries again
# every 100 ms at worst (SQLite's busy handler), so a free window longer than that lets it in before our next chunk.
# A chunk short of CHUNK rows held the lock only a moment, and after the last one there is nothing to wait for: a
# small file (the demo catalogue) is written without sleeping (it slept 0.3 s, more than its writes took).
SQLITE_PAUSE = 0.15
BUSY_RETRIES = 5
# SQLite: a chunk takes the write lock before it reads, waiting for it like any writer; a transaction that read
# first would be refused at its first write whenever someone else had committed in between.
_WRITE_LOCK = "UPDATE product SET stock = stock WHERE 1 = 0"

# Called with (rows written, rows in the file) once validation has passed and after every chunk.
Progress = Callable[[int, int], Awaitable[None]]


@dataclass
class ImportSummary:
    rows: int = 0
    products_created: int = 0
    products_updated: int = 0
    products_unchanged: int = 0
    suppliers_created: int = 0
    suppliers_updated: int = 0
    stock_left_unchanged: int = 0  # existing products whose stock differs from the file's: left as it is
    # rows whose origin was written with a former name or code (米林县 → 米林市): line, sku, written, code, name
    mapped_from_former: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: ImportSummary) -> None:
        for f in fields(self):
            if isinstance(getattr(self, f.name), int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(frozen=True)
class _Who:
    actor: User | None
    label: str

    def entry(self, action: str, entity_type: str, entity_id: Any, before: Any, after: Any) -> AuditEntry:
        return AuditEntry(actor_id=self.actor.id if self.actor else None, actor_label=self.label, action=action,
                          entity_type=entity_type, entity_id=str(entity_id), before=before, after=after)


async def import_catalog(data: bytes, actor: User | None, label: str | None = None,
                         progress: Progress | None = None, regions: RegionDirectory | None = None) -> ImportSummary:
    rows = await parse_catalog(data, regions)
    who = _Who(actor, label or audit.actor_label(actor))
    summary = ImportSummary(rows=len(rows), mapped_from_former=[
        {"line": r.line, "sku": r.sku, "written": r.origin_former, "code": r.origin_code, "name": r.origin_name}
        for r in rows if r.origin_former])
    if progress:
        await progress(0, len(rows))
    suppliers = await _upsert_suppliers(rows, who, summary)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        more = start + CHUNK < len(rows)
        summary.add(await _in_chunk(functools.partial(_upsert_products, chunk, suppliers, who), pause=more))
        if progress:
            await progress(start + len(chunk), len(rows))
    return summary


async def _in_chunk(write: Callable[[Any], Awaitable[ImportSummary]], pause: bool) -> ImportSummary:
    """One chunk in one transaction, then (`pause`: a full chunk with more to come) a pause that lets others in. A
    chunk refused because the database is busy (another process writing) is tried again: it reads what exists
    afresh, so it is written once."""
    for attempt in range(1, BUSY_RETRIES + 1):
        try:
            async with in_transaction() as conn:
                sqlite = conn.capabilities.dialect == "sqlite"
                if sqlite:
                    await conn.execute_query(_WRITE_LOCK)
                counted = await write(conn)
        except OperationalError as exc:
            if attempt == BUSY_RETRIES or not is_database_busy(exc):
                raise
            await asyncio.sleep(0.2 * attempt)
            continue
        # In this process the connection's lock is fair; the pause is for other processes (see SQLITE_PAUSE).
        # PostgreSQL locks rows, not the database: the chunk's commit is enough.
        await asyncio.sleep(SQLITE_PAUSE if sqlite and pause else 0)
        return counted
    raise AssertionError("unreachable")


async def _upsert_suppliers(rows: list[CatalogRow], who: _Who, summary: ImportSummary) -> dict[str, Supplier]:
    """Create or update each supplier once (in chunks); one with any certified row becomes certified."""
    first: dict[str, CatalogRow] = {}
    certified: set[str] = set()
    for r in rows:
        first.setdefault(r.supplier, r)
        if r.cert_no:
            certified.add(r.supplier)
    names = list(first)
    result: dict[str, Supplier] = {}
    for start in range(0, len(names), CHUNK):
        chunk = [first[n] for n in names[start : start + CHUNK]]
        summary.add(await _in_chunk(functools.partial(_supplier_chunk, chunk, certified, who, result),
                                    pause=len(chunk) == CHUNK))
    return result


async def _supplier_chunk(chunk: list[CatalogRow], certified: set[str], who: _Who, result: dict[str, Supplier],
                          conn: Any) -> ImportSummary:
    counted = ImportSummary()
    existing = {s.name: s for s in await Supplier.filter(name__in=[r.supplier for r in chunk]).using_db(conn)}
    done = await _create_suppliers([r for r in chunk if r.supplier not in existing], certified, who, conn)
    counted.suppliers_created += len(done)
    for row in chunk:
        name = row.supplier
        supplier = existing.get(name)
        if supplier is None:
            continue
        wanted: dict[str, Any] = {"type": row.supplier_type, "households_lifted": row.households}
        before = audit.snapshot(supplier, SUPPLIER_FIELDS)
        if name in certified and supplier.cert_status != CertStatus.CERTIFIED:
            wanted.update(cert_status=CertStatus.CERTIFIED, certified_at=now_utc(), revoked_reason=None)
        if _differs(supplier, wanted):
            supplier.update_from_dict(wanted)
            await supplier.save(using_db=conn)
            counted.suppliers_updated += 1
            after = audit.snapshot(supplier, SUPPLIER_FIELDS)
            await who.entry("supplier.import_update", "supplier", supplier.id, before, after).save(using_db=conn)
            if before["cert_status"] != after["cert_status"]:  # its products' sellability changed
                await Product.filter(supplier_id=supplier.id).using_db(conn).update(updated_at=now_utc())
        done[name] = supplier
    result.update(done)  # a retry of this chunk (the database was busy) writes them again, and replaces them
    return counted


async def _create_suppliers(rows: list[CatalogRow], certified: set[str], who: _Who,
                            conn: Any) -> dict[str, Supplier]:
    """The suppliers new to the shop, written together (one INSERT, one read of their ids, one INSERT of their
    audit entries: a supplier at a time took three round trips each), certified when any of their rows is."""
    if not rows:
        return {}
    now = now_utc()
    await Supplier.bulk_create([
        Supplier(name=r.supplier, region_id=r.origin_code, type=r.supplier_type, households_lifted=r.households,
                 **({"cert_status": CertStatus.CERTIFIED, "certified_at": now} if r.supplier in certified else {}))
        for r in rows], using_db=conn)
    made = {s.name: s for s in await Supplier.filter(name__in=[r.supplier for r in rows]).using_db(conn)}
    await AuditEntry.bulk_create([who.entry("supplier.import_create", "supplier", made[r.supplier].id, None,
                                            audit.snapshot(made[r.supplier], SUPPLIER_FIELDS)) for r in rows],
                                 using_db=conn)
    return made


async def _upsert_products(chunk: Sequence[CatalogRow], suppliers: dict[str, Supplier], who: _Who,
                           conn: Any) -> ImportSummary:
    counted = ImportSummary()
    existing = {p.sku: p for p in await Product.filter(sku__in=[r.sku for r in chunk]).using_db(conn)}
    created: list[Product] = []
    entries: list[AuditEntry] = []
    now = now_utc()
    for row in chunk:
        wanted = _product_values(row, suppliers[row.supplier])
        product = existing.get(row.sku)
        if product is None:
            created.append(Product(sku=row.sku, stock=row.stock, updated_at=now, **wanted))
            continue
        counted.stock_left_unchanged += product.stock != row.stock
        if not _differs(product, wanted):
            counted.products_unchanged += 1
            continue
        before = audit.snapshot(product, PRODUCT_FIELDS)
        if wanted.get("cert_status") == CertStatus.CERTIFIED and product.cert_status != CertStatus.CERTIFIED:
            wanted["certified_at"] = now
        product.update_from_dict({**wanted, "updated_at": now})
        await product.save(using_db=conn)
        counted.products_updated += 1
        entries.append(who.entry("product.import_update", "product", row.sku, before,
                                 audit.snapshot(product, PRODUCT_FIELDS)))
    if created:
        await Product.bulk_create(created, using_db=conn)
        ids = dict(await Product.filter(sku__in=[p.sku for p in created]).using_db(conn).values_list("sku", "id"))
        await stock.open_stock(conn, [(ids[p.sku], p.stock) for p in created], who.actor)
        entries += [who.entry("product.import_create", "product", p.sku, None, audit.snapshot(p, PRODUCT_FIELDS))
                    for p in created]
        counted.products_created += len(created)
    if entries:
        await AuditEntry.bulk_create(entries, using_db=conn)
    return counted


def _product_values(row: CatalogRow, supplier: Supplier) -> dict[str, Any]:
    """What the file sets on a product. Not its stock: see the module's docstring."""
    values: dict[str, Any] = {
        "name": row.name, "brand": row.brand, "category": row.category, "unit": row.unit,
        "price_fen": row.price_fen, "supplier_id": supplier.id, "origin_id": row.origin_code,
        "tags": row.tags, "aliases": row.aliases,
    }
    if row.cert_no:  # a row without a certificate leaves an existing certification as it is
        values.update(cert_status=CertStatus.CERTIFIED, cert_no=row.cert_no, valid_until=row.valid_until,
                      revoked_reason=None)
    return values


def _differs(obj: Any, wanted: dict[str, Any]) -> bool:
    return any(getattr(obj, k) != v for k, v in wanted.items())


def summary_dict(summary: ImportSummary) -> dict[str, Any]:
    return asdict(summary)
