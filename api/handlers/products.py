from __future__ import annotations

from aiohttp import web

from api.keys import SEARCH
from api.responses import json_ok
from api.routing import PUBLIC, Route
from api.schemas.products import ProductOut, ProductPage, SearchQuery, SkuPath
from api.validation import parse_path, parse_query
from models.search.product_cards import sellable_card


async def search_products(request: web.Request) -> web.Response:
    """Ranked search over sellable products, answered from this process's index (checked against the database
    while the index is stale)."""
    query = parse_query(request, SearchQuery)
    page = await request.config_dict[SEARCH].search_checked(
        query.q, province=query.province, category=query.category,
        offset=(query.page - 1) * query.page_size, limit=query.page_size,
    )
    return json_ok({"items": page.items, "total": page.total})


async def product_detail(request: web.Request) -> web.Response:
    sku = parse_path(request, SkuPath).sku
    return json_ok(await sellable_card(sku, request.config_dict[SEARCH].cards))


ROUTES = [
    Route("GET", "/api/v1/products", search_products, PUBLIC, "Search sellable certified products", "products",
          query=SearchQuery, response=ProductPage),
    Route("GET", "/api/v1/products/{sku}", product_detail, PUBLIC, "One sellable product", "products",
          response=ProductOut, path_params=SkuPath),
]
