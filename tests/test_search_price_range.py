"""A price range is part of the search, not a filter over its results.

- the index (models/search/index.py) keeps each product's price and a limited search returns the best matches WITHIN
  the range, with their total; a blank query lists what lies within it in SKU order; the range follows upserts,
  removals and compaction; huge bounds do not overflow;
- GET /api/v1/products takes min_price_fen / max_price_fen (integers >= 0, fen, both inclusive): a bound that is no
  such integer is 400 `invalid_price`, a minimum above the maximum is 400 `invalid_price_range` (never a 500), and a
  price changed by an administrator moves the product in or out of the range.
"""
from __future__ import annotations

import pytest

from models.search import CatalogTokenizer, PriceRange, SearchDoc, SearchIndex
from tests.support.http import admin_headers, import_csv, search, skus

# Honey whose relevance falls as its price falls: the best matches without a range are the dearest.
HONEYS = [
    SearchDoc("HONEY-1", "蜂蜜 蜂蜜 礼盒", category="蜂产品", tags=("蜂蜜",), price_fen=19_800),
    SearchDoc("HONEY-2", "蜂蜜 蜂蜜 1kg", category="蜂产品", tags=("蜂蜜",), price_fen=12_800),
    SearchDoc("HONEY-3", "百花蜂蜜 500g 玻璃瓶装 农家自产", category="蜂产品", price_fen=5_800),
    SearchDoc("HONEY-4", "土蜂蜜 250g 小瓶装 山里农家 自己养的", category="蜂产品", price_fen=3_900),
    SearchDoc("RICE-1", "五常大米 5kg", category="粮油", price_fen=6_500),
    SearchDoc("TEA-1", "英德红茶 250g", category="茶叶", price_fen=9_900),
]


@pytest.fixture(scope="module")
def tokenizer() -> CatalogTokenizer:
    return CatalogTokenizer()


@pytest.fixture
def index(tokenizer: CatalogTokenizer) -> SearchIndex:
    built = SearchIndex(tokenizer)
    built.rebuild(HONEYS)
    return built


def test_without_a_range_the_dearest_honey_ranks_first(index: SearchIndex) -> None:
    assert index.search("蜂蜜", limit=2).skus == ["HONEY-1", "HONEY-2"]


def test_a_limited_search_returns_the_best_matches_within_the_range(index: SearchIndex) -> None:
    found = index.search("蜂蜜", price=PriceRange(high_fen=6_000), limit=1)
    assert found.skus == ["HONEY-3"]
    assert found.total == 2


def test_the_page_after_is_within_the_range_too(index: SearchIndex) -> None:
    assert index.search("蜂蜜", price=PriceRange(high_fen=6_000), offset=1, limit=1).skus == ["HONEY-4"]


def test_both_ends_are_inclusive(index: SearchIndex) -> None:
    assert index.search("蜂蜜", price=PriceRange(5_800, 12_800)).skus == ["HONEY-2", "HONEY-3"]


def test_a_low_end_alone(index: SearchIndex) -> None:
    assert index.search("蜂蜜", price=PriceRange(low_fen=15_000)).skus == ["HONEY-1"]


def test_a_blank_query_lists_what_lies_within_in_sku_order(index: SearchIndex) -> None:
    found = index.search("", price=PriceRange(5_000, 10_000))
    assert found.skus == ["HONEY-3", "RICE-1", "TEA-1"]
    assert found.total == 3


def test_an_open_range_filters_nothing(index: SearchIndex) -> None:
    assert index.search("", price=PriceRange()).total == len(HONEYS)


def test_a_reversed_range_matches_nothing(index: SearchIndex) -> None:
    assert index.search("蜂蜜", price=PriceRange(9_000, 1_000)).total == 0


def test_huge_bounds_do_not_overflow(index: SearchIndex) -> None:
    assert index.search("", price=PriceRange(-(10**30), 10**30)).total == len(HONEYS)


def test_matches_take_the_range(index: SearchIndex) -> None:
    found, known = index.matches("蜂蜜", price=PriceRange(high_fen=4_000), limit=5)
    assert [sku for sku, _ in found] == ["HONEY-4"]
    assert known == 1


def test_a_new_price_moves_a_product_into_the_range(index: SearchIndex) -> None:
    index.upsert(SearchDoc("HONEY-1", "蜂蜜 蜂蜜 礼盒", category="蜂产品", tags=("蜂蜜",), price_fen=4_500))
    assert index.search("蜂蜜", price=PriceRange(high_fen=6_000), limit=1).skus == ["HONEY-1"]


def test_the_range_survives_compaction(index: SearchIndex) -> None:
    for doc in HONEYS[:3]:  # past a quarter of the slots dead: the index compacts itself
        index.remove(doc.sku)
    index.upsert(SearchDoc("HONEY-9", "蜂蜜 500g", price_fen=2_000))
    assert index.search("蜂蜜", price=PriceRange(high_fen=4_000)).skus == ["HONEY-9", "HONEY-4"]


# --- over HTTP (tests/data/catalog_small.csv: 昭通丑苹果 59.90元, 静宁苹果 79元, 金线美大米 68元, 春中宝蜂蜜 58.50元)


async def loaded(client, small_catalog) -> dict:
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    return headers


async def refused(client, **params: str) -> dict:
    resp = await client.get("/api/v1/products", params=params)
    assert resp.status == 400, await resp.text()
    return (await resp.json())["error"]


async def test_http_a_maximum_keeps_the_cheaper_apple(client, small_catalog):
    await loaded(client, small_catalog)
    assert skus(await search(client, q="苹果", max_price_fen="6000")) == ["T-APPLE-01"]


async def test_http_a_minimum_keeps_the_dearer_apple(client, small_catalog):
    await loaded(client, small_catalog)
    assert skus(await search(client, q="苹果", min_price_fen="6000")) == ["T-APPLE-02"]


async def test_http_a_blank_query_lists_the_range_with_its_total(client, small_catalog):
    await loaded(client, small_catalog)
    page = await search(client, min_price_fen="5000", max_price_fen="7000", page_size="2")
    assert page["total"] == 3
    assert skus(page) == ["T-APPLE-01", "T-HONEY-01"]


async def test_http_both_bounds_equal_is_one_price(client, small_catalog):
    await loaded(client, small_catalog)
    assert skus(await search(client, min_price_fen="6800", max_price_fen="6800")) == ["T-RICE-01"]


async def test_http_a_changed_price_moves_the_product_into_the_range(client, small_catalog):
    headers = await loaded(client, small_catalog)
    resp = await client.patch("/api/v1/admin/products/T-APPLE-02", json={"price_fen": 5_500}, headers=headers)
    assert resp.status == 200, await resp.text()
    assert set(skus(await search(client, q="苹果", max_price_fen="6000"))) == {"T-APPLE-01", "T-APPLE-02"}


async def test_http_a_minimum_above_the_maximum_is_refused(client, small_catalog):
    await loaded(client, small_catalog)
    error = await refused(client, min_price_fen="9000", max_price_fen="1000")
    assert error["code"] == "invalid_price_range"
    assert error["details"] == {"min_price_fen": 9000, "max_price_fen": 1000}


@pytest.mark.parametrize("value", ["abc", "12.5", "-1", "", "1" + "0" * 30])
async def test_http_a_bound_that_is_no_whole_number_of_fen_is_refused(client, small_catalog, value):
    await loaded(client, small_catalog)
    error = await refused(client, q="苹果", max_price_fen=value)
    assert error["code"] == "invalid_price"
    assert error["details"]["fields"] == ["max_price_fen"]


async def test_http_both_bad_bounds_are_named(client, small_catalog):
    await loaded(client, small_catalog)
    error = await refused(client, min_price_fen="x", max_price_fen="y")
    assert error["details"]["fields"] == ["min_price_fen", "max_price_fen"]


async def test_http_other_fields_keep_their_validation_error(client, small_catalog):
    await loaded(client, small_catalog)
    resp = await client.get("/api/v1/products", params={"page": "0", "max_price_fen": "100"})
    assert resp.status == 422
