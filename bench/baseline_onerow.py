"""Baseline server: a bare aiohttp + Tortoise app reading one product row by primary key.

It is the ceiling for endpoints that query the database (bench/run.py judges them against it).
It reads the real schema's `product` table in the same database as the server under test, and never
writes: the schema must already exist (bench/run.py starts it after the real server has migrated and
loaded the demo catalogue).

    GET /row/{id}     the product with that id, as JSON
    GET /row/first    the product with the smallest id (resolved once at startup)

Usage: python bench/baseline_onerow.py PORT DATABASE_URL
"""
from __future__ import annotations

import sys
from pathlib import Path

from aiohttp import web
from tortoise import fields
from tortoise.context import TortoiseContext
from tortoise.models import Model

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project root, for models.storage.database
from models.storage.database import tortoise_config

POOL_SIZE = 10  # the same as the real server's default (Settings.db_pool_size); PostgreSQL only
FIRST_ID = web.AppKey("first_id", int)


class Product(Model):
    """The few columns of the real `product` table this baseline returns."""

    id = fields.IntField(primary_key=True)
    sku = fields.CharField(max_length=64)
    name = fields.CharField(max_length=128)
    price_fen = fields.BigIntField()

    class Meta:
        table = "product"


def config(url: str) -> dict:
    """Tortoise config for this one model, with the real server's connection settings (models/storage/database.py): on
    PostgreSQL the same pool size and the same pool release (no session reset query), so the ratio compares
    endpoints, not pool settings. SQLite has a single connection anyway."""
    connection = tortoise_config(url, POOL_SIZE)["connections"]["default"]
    return {"connections": {"default": connection},
            "apps": {"models": {"models": ["__main__"], "default_connection": "default"}}}


def database(url: str):
    """aiohttp cleanup context: open the Tortoise context and find the first product."""

    async def open_and_close(app: web.Application):
        ctx = TortoiseContext()
        with ctx:
            # The global fallback makes this context the one every request task sees. A per-request
            # `with ctx:` middleware is NOT safe: the context keeps a single reset token, so concurrent
            # requests overwrite each other's and fail with "Token ... was created in a different Context".
            await ctx.init(config=config(url), _enable_global_fallback=True)
        try:
            first = await Product.all().order_by("id").first()
            if first is None:
                raise SystemExit("baseline_onerow: the product table is empty (was the demo catalogue loaded?)")
            app[FIRST_ID] = first.id
            yield
        finally:
            await ctx.close_connections()

    return open_and_close


async def row(request: web.Request) -> web.Response:
    raw = request.match_info["id"]
    pk = request.app[FIRST_ID] if raw == "first" else int(raw)
    product = await Product.get_or_none(id=pk)
    if product is None:
        raise web.HTTPNotFound()
    return web.json_response(
        {"id": product.id, "sku": product.sku, "name": product.name, "price_fen": product.price_fen}
    )


def main() -> None:
    port, url = int(sys.argv[1]), sys.argv[2]
    app = web.Application()
    app.cleanup_ctx.append(database(url))
    app.router.add_get(r"/row/{id:\d+|first}", row)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main()
