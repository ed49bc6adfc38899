from __future__ import annotations

from aiohttp import web
from pydantic import ValidationError

from api.errors import validation_details
from api.keys import SEARCH
from api.responses import json_ok
from api.routing import PUBLIC, Route
from api.schemas.products import MAX_PRICE_FEN, PRICE_FIELDS, ProductOut, ProductPage, SearchQuery, SkuPath
from api.validation import parse_path, parse_query
from models.errors import BadRequest
from models.search import PriceRange
from models.search.product_cards import sellable_card


def _search_query(request: web.Request) -> tuple[SearchQuery, PriceRange | None]:
    """The query and its price range. A price bound that is no integer from 0 to MAX_PRICE_FEN is 400
    `invalid_price` (its field named in the details); a minimum above the maximum is 400 `invalid_price_range`:
    a client can tell which bound of its filter to fix. Other fields stay 422 `validation_error`."""
    try:
        query = parse_query(request, SearchQuery)
    except ValidationError as exc:
        details = validation_details(exc)
        fields = [e["loc"][0] for e in details["errors"] if e["loc"] and e["loc"][0] in PRICE_FIELDS]
        if fields:
            raise BadRequest("invalid_price", f"价格须为 0 到 {MAX_PRICE_FEN} 之间的整数（单位：分）",
                             fields=fields, **details) from None
        raise
    low, high = query.min_price_fen, query.max_price_fen
    if low is not None and high is not None and low > high:
        raise BadRequest("invalid_price_range", "最低价不能高于最高价", min_price_fen=low, max_price_fen=high)
    return query, None if low is None and high is None else PriceRange(low, high)


async def search_products(request: web.Request) -> web.Response:
    """Ranked search over sellable products, answered from this process's index (checked against the database
    while the index is stale); min_price_fen / max_price_fen bound the price within the search itself."""
    query, price = _search_query(request)
    page = await request.config_dict[SEARCH].search_checked(
        query.q, province=query.province, category=query.category, price=price,
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
