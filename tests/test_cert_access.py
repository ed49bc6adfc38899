"""Who may do what to a certification application of 佛冈县 (441821, 清远市, 广东省), waiting for the county with one
document: a table of role × region × endpoint, every cell tested. Outside one's region (or another supplier's) the
application does not exist (404); a role the route is not for is 403; an official of the right region whose level
is not the one the application waits for is 409 application_not_waiting (they can see it, so nothing is revealed)."""
from __future__ import annotations

import itertools

import pytest
from aiohttp.test_utils import TestClient

from tests.support.certification import (
    APPS,
    REVIEWS,
    Cast,
    application,
    apply,
    cast,
    certificate,
    png_bytes,
    upload_form,
)

WHO = ("supplier", "other_supplier", "county", "other_county", "city", "other_city", "province", "other_province",
       "admin", "consumer")
_READ = {"supplier": 403, "other_supplier": 403, "county": 200, "other_county": 404, "city": 200, "other_city": 404,
         "province": 200, "other_province": 404, "admin": 200, "consumer": 403}
_ACT = {**_READ, "city": 409, "province": 409, "admin": 403}  # the application waits for the county
_OWN = {who: 403 for who in WHO} | {"supplier": 200, "other_supplier": 404}
# endpoint → expected status by who
TABLE: dict[str, dict[str, int]] = {
    "official_read": _READ,
    "official_document": _READ,
    "official_approve": _ACT,
    "official_return": _ACT,
    "official_reject": _ACT,
    "official_expiring": {**{who: 200 for who in WHO}, "supplier": 403, "other_supplier": 403, "consumer": 403},
    "official_queue": {**{who: 200 for who in WHO}, "supplier": 403, "other_supplier": 403, "consumer": 403},
    "supplier_read": _OWN,
    "supplier_document": _OWN,
    "supplier_upload": {**_OWN, "supplier": 201},
    "supplier_resubmit": {**_OWN, "supplier": 409},  # not returned
    "supplier_renewal": {**_OWN, "supplier": 409},  # not certified
    "supplier_list": {**_OWN, "other_supplier": 200},
    "supplier_apply": {**_OWN, "supplier": 201, "other_supplier": 201},
}
# Who sees the application in the official queue (waiting for the county of 佛冈县) and in the supplier's list.
IN_QUEUE = {"county", "admin"}
IN_LIST = {"supplier"}
_counter = itertools.count()


async def _call(client: TestClient, endpoint: str, headers: dict[str, str], app_id: int, doc_id: int):
    if endpoint == "official_read":
        return await client.get(f"{REVIEWS}/{app_id}", headers=headers)
    if endpoint == "official_document":
        return await client.get(f"{REVIEWS}/{app_id}/documents/{doc_id}", headers=headers)
    if endpoint == "official_approve":  # a certificate too, so a province official is refused for the state only
        return await client.post(f"{REVIEWS}/{app_id}/approve", json=certificate(), headers=headers)
    if endpoint in ("official_return", "official_reject"):
        return await client.post(f"{REVIEWS}/{app_id}/{endpoint.split('_')[1]}", json={"reason": "材料不全"},
                                 headers=headers)
    if endpoint == "official_expiring":
        return await client.get("/api/v1/official/certificates/expiring", headers=headers)
    if endpoint == "official_queue":
        return await client.get(REVIEWS, headers=headers)
    if endpoint == "supplier_read":
        return await client.get(f"{APPS}/{app_id}", headers=headers)
    if endpoint == "supplier_document":
        return await client.get(f"{APPS}/{app_id}/documents/{doc_id}", headers=headers)
    if endpoint == "supplier_upload":
        return await client.post(f"{APPS}/{app_id}/documents", data=upload_form(png_bytes("red")), headers=headers)
    if endpoint == "supplier_resubmit":
        return await client.post(f"{APPS}/{app_id}/resubmit", json={}, headers=headers)
    if endpoint == "supplier_renewal":
        return await client.get(f"{APPS}/{app_id}/renewal", headers=headers)
    if endpoint == "supplier_list":
        return await client.get(APPS, headers=headers)
    assert endpoint == "supplier_apply"
    return await client.post(APPS, json=application(f"CELL-{next(_counter)}"), headers=headers)


async def _fresh(client: TestClient, who: Cast) -> tuple[int, int]:
    """A new application of 佛冈县 waiting for the county, with one document."""
    app_id = (await apply(client, who.supplier, application(f"FG-{next(_counter)}")))["id"]
    resp = await client.post(f"{APPS}/{app_id}/documents", data=upload_form(png_bytes()), headers=who.supplier)
    assert resp.status == 201, await resp.text()
    return app_id, (await resp.json())["id"]


def _listed(body: dict, app_id: int) -> bool:
    return app_id in [item["id"] for item in body["items"]]


@pytest.mark.parametrize("endpoint", sorted(TABLE))
async def test_every_cell_of_the_table(client: TestClient, endpoint: str) -> None:
    who = await cast(client)
    for name in WHO:
        app_id, doc_id = await _fresh(client, who)  # each cell on an untouched application
        resp = await _call(client, endpoint, getattr(who, name), app_id, doc_id)
        expected = TABLE[endpoint][name]
        assert resp.status == expected, (endpoint, name, await resp.text())
        if expected == 404:
            assert (await resp.json())["error"]["code"] in ("application_not_found", "document_not_found")
        if expected == 409 and endpoint.startswith("official"):
            assert (await resp.json())["error"]["code"] == "application_not_waiting"
        if endpoint == "official_queue" and expected == 200:
            assert _listed(await resp.json(), app_id) is (name in IN_QUEUE), name
        if endpoint == "supplier_list" and expected == 200:
            assert _listed(await resp.json(), app_id) is (name in IN_LIST), name
        if expected >= 400:  # a refused cell changed nothing
            assert await _state(client, who, app_id) == "submitted", (endpoint, name)


async def _state(client: TestClient, who: Cast, app_id: int) -> str:
    return (await (await client.get(f"{APPS}/{app_id}", headers=who.supplier)).json())["state"]


async def test_the_admin_reads_every_queue_but_acts_on_none(client: TestClient) -> None:
    who = await cast(client)
    app_id, _ = await _fresh(client, who)
    for state, listed in (("submitted", True), ("certified", False)):
        body = await (await client.get(REVIEWS, params={"state": state}, headers=who.admin)).json()
        assert _listed(body, app_id) is listed
    resp = await client.post(f"{REVIEWS}/{app_id}/approve", json={}, headers=who.admin)
    assert (resp.status, (await resp.json())["error"]["code"]) == (403, "forbidden")
