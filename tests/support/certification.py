"""Shared by the certification tests: a supplier with its staff, officials of each level, an application, files."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta

from aiohttp import FormData
from aiohttp.test_utils import TestClient
from PIL import Image

from api.keys import DATABASE
from models.clock import today_shanghai
from models.services.catalog import create_supplier
from models.storage.database import activated
from models.tables.catalog import SupplierType
from tests.support.http import admin_headers, consumer_headers, official_headers, supplier_headers

APPS = "/api/v1/supplier/applications"
REVIEWS = "/api/v1/official/applications"
FOGANG = {"origin_province": "广东省", "origin_city": "清远市", "origin_county": "佛冈县"}


def application(sku: str = "FG-HONEY-1", **changes: object) -> dict:
    """The contract's body for a product of 佛冈县 (441821, 清远市 4418, 广东省 44)."""
    return {"sku": sku, "name": "佛冈百花蜂蜜", "brand": "佛冈蜂农", "category": "蜂蜜", "unit": "瓶",
            "price_fen": 6800, "stock": 40, **FOGANG, "poor_households": 23, "households_mechanism": "produce_purchase",
            "tags": ["土蜂蜜"], "aliases": ["百花蜜"], **changes}


def certificate(days: int = 365, cert_no: str = "粤认定2026-0001") -> dict:
    return {"cert_no": cert_no, "valid_until": (today_shanghai() + timedelta(days=days)).isoformat()}


def png_bytes(color: str = "green") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, format="PNG")
    return out.getvalue()


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def upload_form(data: bytes, file_name: str = "licence.png", content_type: str = "image/png") -> FormData:
    form = FormData()
    form.add_field("file", data, filename=file_name, content_type=content_type)
    return form


async def new_supplier(client: TestClient, name: str = "佛冈蜂农合作社") -> int:
    with activated(client.app[DATABASE]):
        return (await create_supplier(None, name=name, type=SupplierType.COOPERATIVE)).id


@dataclass
class Cast:
    """Everyone the certification tests need, logged in: headers by who they are."""

    supplier_id: int
    supplier: dict[str, str]
    other_supplier: dict[str, str]
    county: dict[str, str]  # 佛冈县 441821
    other_county: dict[str, str]  # 阳山县 441823, same city
    city: dict[str, str]  # 清远市 441800
    other_city: dict[str, str]  # 广州市 440100
    province: dict[str, str]  # 广东省 440000
    other_province: dict[str, str]  # 广西 450000
    admin: dict[str, str]
    consumer: dict[str, str]


async def cast(client: TestClient) -> Cast:
    supplier_id = await new_supplier(client)
    other_id = await new_supplier(client, "阳山茶农合作社")
    return Cast(
        supplier_id=supplier_id,
        supplier=await supplier_headers(client, supplier_id, "fg_supplier"),
        other_supplier=await supplier_headers(client, other_id, "ys_supplier"),
        county=await official_headers(client, "county", "441821", "fg_county"),
        other_county=await official_headers(client, "county", "441823", "ys_county"),
        city=await official_headers(client, "city", "441800", "qy_city"),
        other_city=await official_headers(client, "city", "440100", "gz_city"),
        province=await official_headers(client, "province", "440000", "gd_province"),
        other_province=await official_headers(client, "province", "450000", "gx_province"),
        admin=await admin_headers(client),
        consumer=await consumer_headers(client),
    )


async def apply(client: TestClient, headers: dict[str, str], body: dict | None = None) -> dict:
    resp = await client.post(APPS, json=body or application(), headers=headers)
    assert resp.status == 201, await resp.text()
    return await resp.json()


async def act(client: TestClient, headers: dict[str, str], app_id: int, action: str, body: dict | None = None,
              status: int = 200) -> dict:
    resp = await client.post(f"{REVIEWS}/{app_id}/{action}", json=body or {}, headers=headers)
    assert resp.status == status, await resp.text()
    return await resp.json()
