"""The officials' page (issue 18): a county official of 佛冈县 logs in on a phone, finds a supplier's application in
the queue, opens its document, approves it at county level; it leaves the county's queue for the city's."""
from __future__ import annotations

import io
import json
import urllib.request
import uuid
from typing import Any

from PIL import Image
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, SCREENSHOTS, login_staff
from tests.support.cli import run_cli

PHONE = {"width": 390, "height": 844}
PASSWORD = "official-e2e-pass"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), "#2e8b57").save(out, format="PNG")
    return out.getvalue()


def _upload(base_url: str, token: str, app_id: int, data: bytes) -> dict:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.png\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(f"{base_url}/api/v1/supplier/applications/{app_id}/documents", data=body,
                                 method="POST", headers={"Authorization": f"Bearer {token}",
                                                         "Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(req, timeout=30) as reply:
        return json.loads(reply.read())


def _application(api: Any, database_url: str) -> tuple[int, str, str]:
    """A new supplier's application for a honey of 佛冈县 with one document; an official of 佛冈县 (username)."""
    tag = uuid.uuid4().hex[:6]
    admin = api.staff_token(*ADMIN)
    supplier = api.call("POST", "/api/v1/admin/suppliers", admin, {"name": f"佛冈蜂农合作社{tag}", "type": "合作社"})
    staff, official = f"fg-supplier-{tag}", f"fg-county-{tag}"
    for args in (("--role", "supplier_staff", "--supplier", str(supplier["id"]), "--username", staff),
                 ("--role", "official", "--level", "county", "--region", "441821", "--username", official)):
        done = run_cli("create-user", *args, "--password", PASSWORD, database_url=database_url)
        assert done.returncode == 0, done.stderr
    token = api.staff_token(staff, PASSWORD)
    application = api.call("POST", "/api/v1/supplier/applications", token, {
        "sku": f"FG-HONEY-{tag}", "name": f"佛冈百花蜂蜜{tag}", "brand": "佛冈蜂农", "category": "蜂蜜", "unit": "瓶",
        "price_fen": 6800, "stock": 40, "origin_province": "广东省", "origin_city": "清远市", "origin_county": "佛冈县",
        "poor_households": 23, "households_mechanism": "produce_purchase", "tags": [], "aliases": []})
    _upload(api.base_url, token, application["id"], _png())
    return application["id"], application["name"], official


def test_a_county_official_approves_an_application_on_a_phone(browser: Any, server: Any, api: Any,
                                                               e2e_database_url: str) -> None:
    app_id, name, official = _application(api, e2e_database_url)
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login_staff(page, "/official", official, PASSWORD)
        expect(page.locator("#who")).to_contain_text("县级 441821")
        card = page.locator(f".app-card[data-application='{app_id}']")
        expect(card).to_contain_text(name)
        expect(card).to_contain_text("待县级审核")
        card.get_by_role("button", name="查看").click()
        detail = page.locator("#detail")
        expect(detail).to_contain_text("佛冈蜂农合作社")
        expect(detail).to_contain_text("收购农产品")
        image = detail.locator(".document img")
        expect(image).to_have_count(1)
        page.wait_for_function("document.querySelector('#detail .document img').naturalWidth === 320")
        with context.expect_page() as opened:
            detail.get_by_role("button", name="查看原图").click()
        assert opened.value.url.startswith("blob:")
        opened.value.close()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.get_by_role("button", name="县级审核通过").click()
        expect(page.locator("#notice")).to_contain_text("审核通过")
        expect(detail.locator("[data-state]").first).to_have_text("待市级审核")
        expect(detail.locator("#detail-actions")).to_be_hidden()
        expect(detail.locator("ol.steps")).to_contain_text(f"县级审核通过（{official}）")
        expect(page.locator("#queue-count")).to_be_hidden()  # nothing left for this county
        page.evaluate("document.getElementById('notice').hidden = true")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "official-phone.png"), full_page=True)
        page.get_by_role("button", name="返回列表").click()
        expect(page.locator(f".app-card[data-application='{app_id}']")).to_have_count(0)
    finally:
        context.close()


def test_a_supplier_applies_and_uploads_a_document_on_a_phone(browser: Any, server: Any, api: Any,
                                                               e2e_database_url: str, tmp_path: Any) -> None:
    tag = uuid.uuid4().hex[:6]
    admin = api.staff_token(*ADMIN)
    supplier = api.call("POST", "/api/v1/admin/suppliers", admin, {"name": f"阳山茶农合作社{tag}", "type": "合作社"})
    staff = f"ys-supplier-{tag}"
    done = run_cli("create-user", "--role", "supplier_staff", "--supplier", str(supplier["id"]), "--username", staff,
                   "--password", PASSWORD, database_url=e2e_database_url)
    assert done.returncode == 0, done.stderr
    photo = tmp_path / "营业执照.png"
    photo.write_bytes(_png())
    context = browser.new_context(base_url=server.url, viewport=PHONE, locale="zh-CN", timezone_id="Asia/Shanghai",
                                  is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login_staff(page, "/supplier", staff, PASSWORD)
        page.get_by_role("tab", name="认定申请").click()
        fields = {"商品编码": f"YS-TEA-{tag}", "商品名称": f"阳山西山茶{tag}", "类别": "茶叶", "单位": "盒",
                  "价格（元）": "88.00", "库存": "30",
                  "产地省份": "广东省", "产地地市": "清远市", "产地县区": "阳山县", "带贫户数": "12"}
        for label, value in fields.items():
            page.get_by_label(label, exact=True).fill(value)
        page.get_by_label("利益联结方式").select_option("employment")
        page.get_by_role("button", name="提交申请").click()
        expect(page.locator("#notice")).to_contain_text("申请已提交")
        item = page.locator(".parcel[data-application]", has_text=f"阳山西山茶{tag}")
        expect(item).to_contain_text("待县级审核")
        item.get_by_label(f"上传材料：阳山西山茶{tag}").set_input_files(str(photo))
        expect(page.locator(".parcel[data-application]", has_text=f"阳山西山茶{tag}")).to_contain_text("材料 1 份")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        page.evaluate("document.getElementById('notice').hidden = true")
        page.screenshot(path=str(SCREENSHOTS / "supplier-applications-phone.png"), full_page=True)
    finally:
        context.close()
