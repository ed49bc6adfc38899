"""Search over the catalogue: relevance, origin words, filters, and following certification changes."""
from __future__ import annotations

import asyncio

from tests.support.http import admin_headers, import_csv, search, skus


async def loaded(client, small_catalog) -> dict:
    headers = await admin_headers(client)
    await import_csv(client, small_catalog, headers)
    return headers


async def test_names_aliases_and_synonyms(client, small_catalog):
    await loaded(client, small_catalog)
    assert skus(await search(client, q="鸡蛋")) == ["T-EGG-01"]
    assert skus(await search(client, q="笨鸡蛋")) == ["T-EGG-01"]  # an alias
    assert skus(await search(client, q="土鸡蛋")) == ["T-EGG-01"]  # a synonym of the alias
    assert skus(await search(client, q="葛根粉"))[0] == "T-GEFEN-01"
    assert "T-JJG-01" in skus(await search(client, q="金橘"))


async def test_name_match_ranks_above_tag_match(client, small_catalog):
    await loaded(client, small_catalog)
    result = skus(await search(client, q="蜂蜜"))
    assert result[0] == "T-HONEY-01"
    assert "T-HONEY-02" not in result  # expired certificate


async def test_origin_words_and_province_filter(client, small_catalog):
    await loaded(client, small_catalog)
    foshan = set(skus(await search(client, q="佛冈")))
    assert foshan == {"T-EGG-01", "T-RICE-01", "T-HONEY-01", "T-GEFEN-01"}
    assert set(skus(await search(client, q="苹果", province="甘肃"))) == {"T-APPLE-02"}
    assert set(skus(await search(client, q="苹果", province="云南省"))) == {"T-APPLE-01"}
    everything = await search(client, province="广东省")
    assert everything["total"] == 4


async def test_result_shape_and_pagination(client, small_catalog):
    await loaded(client, small_catalog)
    page1 = await search(client, q="佛冈", page="1", page_size="2")
    page2 = await search(client, q="佛冈", page="2", page_size="2")
    assert page1["total"] == page2["total"] == 4
    assert len(page1["items"]) == 2
    assert not set(skus(page1)) & set(skus(page2))
    item = page1["items"][0]
    assert {"sku", "name", "price_fen", "unit", "origin", "supplier", "stock"} <= set(item)
    assert isinstance(item["price_fen"], int)
    assert (await search(client, q="不存在的东西xyz"))["total"] == 0


async def test_pending_revoked_expired_are_not_searchable_and_recertify_brings_back(client, small_catalog):
    headers = await loaded(client, small_catalog)
    assert (await search(client, q="土豆粉"))["total"] == 0  # pending
    resp = await client.post("/api/v1/admin/products/T-EGG-01/revoke", json={"reason": "抽检不合格"}, headers=headers)
    assert resp.status == 200
    assert (await resp.json())["cert_status"] == "revoked"
    assert (await search(client, q="鸡蛋"))["total"] == 0
    assert (await client.get("/api/v1/products/T-EGG-01")).status == 404
    resp = await client.post("/api/v1/admin/products/T-EGG-01/certify",
                             json={"cert_no": "GD-FP-T001-R", "valid_until": "2099-12-31"}, headers=headers)
    assert resp.status == 200
    assert skus(await search(client, q="鸡蛋")) == ["T-EGG-01"]
    resp = await client.post("/api/v1/admin/products/T-EGG-01/certify",
                             json={"cert_no": "GD-FP-T001-R", "valid_until": "2020-01-01"}, headers=headers)
    assert (await search(client, q="鸡蛋"))["total"] == 0  # expired


async def test_revoking_a_supplier_hides_its_products(client, small_catalog):
    headers = await loaded(client, small_catalog)
    suppliers = (await (await client.get("/api/v1/admin/suppliers", headers=headers)).json())["items"]
    egg_supplier = next(s for s in suppliers if s["name"] == "佛冈县广生源农业有限公司")
    resp = await client.post(f"/api/v1/admin/suppliers/{egg_supplier['id']}/revoke", json={"reason": "资质过期"},
                             headers=headers)
    assert resp.status == 200
    assert (await search(client, q="鸡蛋"))["total"] == 0
    await client.post(f"/api/v1/admin/suppliers/{egg_supplier['id']}/certify", json={}, headers=headers)
    assert (await search(client, q="鸡蛋"))["total"] == 1


async def test_a_change_made_through_another_process_reaches_search(make_client, small_catalog):
    """Two apps over one database stand for two worker processes: B's index follows A's change by polling."""
    a = await make_client()
    b = await make_client()
    headers = await admin_headers(a)
    await import_csv(a, small_catalog, headers)
    for _ in range(50):
        if (await search(b, q="鸡蛋"))["total"] == 1:
            break
        await asyncio.sleep(0.1)
    assert (await search(b, q="鸡蛋"))["total"] == 1
    await a.post("/api/v1/admin/products/T-EGG-01/revoke", json={"reason": "抽检不合格"}, headers=headers)
    for _ in range(50):
        if (await search(b, q="鸡蛋"))["total"] == 0:
            break
        await asyncio.sleep(0.1)
    assert (await search(b, q="鸡蛋"))["total"] == 0


async def test_certificates_expire_at_shanghai_midnight(client, small_catalog):
    """The index re-reads the catalogue when the date in Shanghai changes: a certificate valid 'today' drops out."""
    from datetime import timedelta

    from api.keys import DATABASE
    from models.clock import today_shanghai
    from models.search import CatalogTokenizer, SearchIndex
    from models.search.catalog_search import CatalogSearch
    from models.storage.database import activated

    headers = await loaded(client, small_catalog)
    today = today_shanghai()
    await client.post("/api/v1/admin/products/T-EGG-01/certify",
                      json={"cert_no": "GD-FP-T001", "valid_until": today.isoformat()}, headers=headers)
    day = [today]
    search = CatalogSearch(SearchIndex(CatalogTokenizer()), today=lambda: day[0])
    with activated(client.app[DATABASE]):
        await search.rebuild()
        assert search.search("鸡蛋").total == 1
        day[0] = today + timedelta(days=1)
        await search.refresh()
    assert search.search("鸡蛋").total == 0
