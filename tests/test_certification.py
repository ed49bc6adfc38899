"""Certification applications through the county, the city and the province: the product sellable and found at the
end; returns at each level and resubmission; rejection; a county under no city; renewal; expiring certificates."""
from __future__ import annotations

from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient

from api.keys import DATABASE
from models.clock import today_shanghai
from models.services import stock
from models.storage.database import activated
from tests.support.certification import (
    APPS,
    REVIEWS,
    Cast,
    act,
    application,
    apply,
    cast,
    certificate,
    png_bytes,
    upload_form,
)
from tests.support.http import search, skus


async def _queue(client: TestClient, headers: dict[str, str], **params: str) -> list[int]:
    resp = await client.get(REVIEWS, params=params, headers=headers)
    assert resp.status == 200, await resp.text()
    return [item["id"] for item in (await resp.json())["items"]]


async def _own(client: TestClient, who: Cast, app_id: int) -> dict:
    resp = await client.get(f"{APPS}/{app_id}", headers=who.supplier)
    assert resp.status == 200, await resp.text()
    return await resp.json()


async def _to_level(client: TestClient, who: Cast, app_id: int, level: str) -> None:
    """Approve at every level before `level` (county, city or province)."""
    for step in ("county", "city", "province"):
        if step == level:
            return
        await act(client, getattr(who, step), app_id, "approve", certificate() if step == "province" else None)


async def test_three_levels_certify_the_product_and_search_finds_it(client: TestClient) -> None:
    who = await cast(client)
    applied = await apply(client, who.supplier)
    app_id = applied["id"]
    assert (applied["state"], applied["applies_for_supplier"], applied["origin_code"]) == ("submitted", True, "441821")
    resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(png_bytes()), headers=who.supplier)
    assert resp.status == 201, await resp.text()
    assert (await client.get("/api/v1/products/FG-HONEY-1")).status == 404
    assert await _queue(client, who.county) == [app_id]
    assert await _queue(client, who.city) == []
    assert await _queue(client, who.province) == []

    assert (await act(client, who.county, app_id, "approve"))["state"] == "county_reviewed"
    again = await act(client, who.county, app_id, "approve", status=409)  # a double approve acts once
    assert again["error"]["code"] == "application_not_waiting"
    assert await _queue(client, who.county) == []
    assert await _queue(client, who.city) == [app_id]
    assert (await act(client, who.city, app_id, "approve"))["state"] == "city_reviewed"
    assert await _queue(client, who.province) == [app_id]
    missing = await act(client, who.province, app_id, "approve", status=422)
    assert missing["error"]["code"] == "certificate_required"
    certified = await act(client, who.province, app_id, "approve", certificate(cert_no="粤扶认2026-88"))
    assert (certified["state"], certified["cert_no"]) == ("certified", "粤扶认2026-88")
    assert [(s["action"], s["level"], s["to_state"]) for s in certified["steps"]] == [
        ("submit", None, "submitted"), ("approve", "county", "county_reviewed"), ("approve", "city", "city_reviewed"),
        ("approve", "province", "certified")]
    assert [s["actor"] for s in certified["steps"]] == ["fg_supplier", "fg_county", "qy_city", "gd_province"]

    resp = await client.get("/api/v1/products/FG-HONEY-1")  # the product page shows sellable products only
    product = await resp.json()
    assert (resp.status, product["price_fen"], product["stock"]) == (200, 6800, 40)
    assert "FG-HONEY-1" in skus(await search(client, q="佛冈百花蜂蜜"))
    supplier = await (await client.get("/api/v1/admin/suppliers?page_size=100", headers=who.admin)).json()
    assert {s["id"]: s["cert_status"] for s in supplier["items"]}[who.supplier_id] == "certified"
    trail = await (await client.get("/api/v1/admin/audit", params={"action": "cert_application.*"},
                                    headers=who.admin)).json()
    assert sorted(e["action"] for e in trail["items"]) == sorted(
        ["cert_application.submit", "cert_application.document"] + ["cert_application.approve"] * 3)


@pytest.mark.parametrize("level", ["county", "city", "province"])
async def test_returned_at_each_level_then_resubmitted_starts_again_at_the_county(client: TestClient,
                                                                                  level: str) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    await _to_level(client, who, app_id, level)
    returned = await act(client, getattr(who, level), app_id, "return", {"reason": "带贫户名单不完整"})
    assert (returned["state"], returned["reason"]) == ("returned", "带贫户名单不完整")
    assert returned["steps"][-1]["level"] == level
    assert app_id not in await _queue(client, getattr(who, level))
    assert await _queue(client, who.county, state="returned") == [app_id]
    mine = await _own(client, who, app_id)
    assert (mine["state"], mine["reason"]) == ("returned", "带贫户名单不完整")

    resp = await client.post(f"{APPS}/{app_id}/resubmit", json={"poor_households": 31}, headers=who.supplier)
    assert resp.status == 200, await resp.text()
    again = await resp.json()
    assert (again["state"], again["reason"], again["poor_households"]) == ("submitted", None, 31)
    assert await _queue(client, who.county) == [app_id]
    twice = await client.post(f"{APPS}/{app_id}/resubmit", json={}, headers=who.supplier)
    assert (await twice.json())["error"]["code"] == "application_not_returned"
    await _to_level(client, who, app_id, "end")
    assert (await _own(client, who, app_id))["state"] == "certified"


async def test_rejected_for_good(client: TestClient) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    await act(client, who.county, app_id, "approve")
    rejected = await act(client, who.city, app_id, "reject", {"reason": "并非本地生产"})
    assert (rejected["state"], rejected["reason"]) == ("rejected", "并非本地生产")
    resp = await client.post(f"{APPS}/{app_id}/resubmit", json={}, headers=who.supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "application_not_returned")
    for official in (who.county, who.city, who.province):
        await act(client, official, app_id, "approve", certificate(), status=409)
    assert (await client.get("/api/v1/products/FG-HONEY-1")).status == 404


async def test_a_second_open_application_for_the_sku_is_refused(client: TestClient) -> None:
    who = await cast(client)
    first = await apply(client, who.supplier)
    resp = await client.post(APPS, json=application(), headers=who.supplier)
    body = await resp.json()
    assert (resp.status, body["error"]["code"]) == (409, "application_open")
    assert body["error"]["details"]["application_id"] == first["id"]
    resp = await client.post(APPS, json=application(), headers=who.other_supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "sku_taken")
    resp = await client.post(APPS, json=application("FG-2", origin_county="不存在县"), headers=who.supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (422, "unknown_region")


async def test_a_county_under_no_city_goes_from_the_county_to_the_province(client: TestClient) -> None:
    who = await cast(client)
    from tests.support.http import official_headers

    county = await official_headers(client, "county", "429004", "xt_county")
    province = await official_headers(client, "province", "420000", "hb_province")
    body = application("XT-LOTUS", name="仙桃莲藕", origin_province="湖北省", origin_city="", origin_county="仙桃市")
    app_id = (await apply(client, who.supplier, body))["id"]
    await act(client, county, app_id, "approve")
    assert await _queue(client, province) == [app_id]
    assert (await act(client, province, app_id, "approve", certificate()))["state"] == "certified"
    assert (await client.get("/api/v1/products/XT-LOTUS")).status == 200


async def test_renewal_is_a_new_application_prefilled_from_the_last(client: TestClient) -> None:
    who = await cast(client)
    first = (await apply(client, who.supplier))["id"]
    resp = await client.get(f"{APPS}/{first}/renewal", headers=who.supplier)
    assert (resp.status, (await resp.json())["error"]["code"]) == (409, "application_not_certified")
    await _to_level(client, who, first, "end")
    draft = await (await client.get(f"{APPS}/{first}/renewal", headers=who.supplier)).json()
    assert draft == {**application(), "origin_code": "441821"}
    second = await apply(client, who.supplier, {**draft, "price_fen": 7200})
    assert (second["state"], second["applies_for_supplier"]) == ("submitted", False)
    for level in ("county", "city"):
        await act(client, getattr(who, level), second["id"], "approve")
    await act(client, who.province, second["id"], "approve", certificate(days=730, cert_no="粤扶认2027-1"))
    product = await (await client.get("/api/v1/products/FG-HONEY-1")).json()
    assert (product["price_fen"], product["stock"]) == (7200, 40)
    admin_view = await (await client.get("/api/v1/admin/products/FG-HONEY-1", headers=who.admin)).json()
    assert (admin_view["cert_no"], admin_view["valid_until"]) == (
        "粤扶认2027-1", (today_shanghai() + timedelta(days=730)).isoformat())
    with activated(client.app[DATABASE]):
        assert await stock.reconcile() == []  # the opening stock has its ledger row; the renewal added none


async def test_expiring_certificates_by_region(client: TestClient) -> None:
    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    for level in ("county", "city"):
        await act(client, getattr(who, level), app_id, "approve")
    await act(client, who.province, app_id, "approve", certificate(days=30))
    url = "/api/v1/official/certificates/expiring"
    for headers, seen in ((who.county, True), (who.city, True), (who.province, True), (who.admin, True),
                          (who.other_county, False), (who.other_city, False), (who.other_province, False)):
        page = await (await client.get(url, headers=headers)).json()
        assert ([i["sku"] for i in page["items"]] == ["FG-HONEY-1"]) is seen
    page = await (await client.get(url, headers=who.county)).json()
    assert page["items"][0]["days_left"] == 30
    assert (await (await client.get(url, params={"days": "29"}, headers=who.county)).json())["total"] == 0


async def test_two_approvals_at_once_act_once(client: TestClient) -> None:
    import asyncio

    who = await cast(client)
    app_id = (await apply(client, who.supplier))["id"]
    for level in ("county", "city"):
        await act(client, getattr(who, level), app_id, "approve")
    url = f"{REVIEWS}/{app_id}/approve"
    replies = await asyncio.gather(*(client.post(url, json=certificate(cert_no=f"粤-{n}"), headers=who.province)
                                     for n in range(4)))
    assert sorted(r.status for r in replies) == [200, 409, 409, 409]
    mine = await _own(client, who, app_id)
    assert [s["to_state"] for s in mine["steps"]].count("certified") == 1
    trail = await (await client.get("/api/v1/admin/audit", params={"action": "product.certify"},
                                    headers=who.admin)).json()
    assert trail["total"] == 1
