"""The administrator's page (/admin), issue 16 part 1: counters, pavilions and zones (create, staff, QR code, rotate,
poster), merchants' business days (日结), and the 以购代捐 organization reports, in a real browser.

All e2e tests share one server and database: every name here carries a fresh suffix, and no test counts rows it did
not make. Each test ends on the page worth showing: the fixture saves it in var/e2e-screenshots/ under the test's
name, and `make screenshots` copies them to docs/screenshots/admin-places.png, admin-settlements.png, admin-orgs.png
and admin-orgs-phone.png (docs/console.md shows them).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.error import HTTPError

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, CLERK, Api, login_staff
from tests.support.e2e_db import move_redemption_to

EGGS = "GD-FG-0001"  # 广生源鸡蛋 30枚装 in the demo catalogue
FACE_FEN = 10000
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def _suffix() -> str:
    return uuid.uuid4().hex[:6].upper()


def _yuan(fen: int) -> str:
    return f"¥{fen // 100:,}.{fen % 100:02d}"


def _open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def _active_card(api: Api, organization: str) -> tuple[int, dict]:
    """One ¥100 card of a new batch of `organization`, issued and activated through the admin API."""
    admin = api.staff_token(*ADMIN)
    expires = (dt.date.today() + dt.timedelta(days=365)).isoformat()
    batch = api.call("POST", "/api/v1/admin/card-batches", admin, {
        "organization": organization, "face_value_fen": FACE_FEN, "count": 1, "expires_at": expires, "note": "e2e"})
    deadline = time.monotonic() + 30
    while api.call("GET", f"/api/v1/admin/card-batches/{batch['id']}", admin)["state"] != "issued":
        assert time.monotonic() < deadline, "the batch was not issued within 30 s"
        time.sleep(0.2)
    api.call("POST", f"/api/v1/admin/card-batches/{batch['id']}/activate", admin)
    [card] = api.call("GET", f"/api/v1/admin/card-batches/{batch['id']}/cards", admin)["items"]
    return batch["id"], card


def _redeem_eggs(api: Api, clerk_token: str, card: dict, qty: int = 1) -> dict:
    return api.call("POST", "/api/v1/merchant/redemptions", clerk_token, {
        "code": card["qr"], "items": [{"sku": EGGS, "qty": qty}], "idempotency_key": f"e2e-{uuid.uuid4().hex}"})


def _new_counter_with_clerk(api: Api, name: str, username: str, password: str = "e2e-clerk-password") -> int:
    admin = api.staff_token(*ADMIN)
    merchant = api.call("POST", "/api/v1/admin/merchants", admin, {"name": name, "kind": "counter"})
    api.call("POST", f"/api/v1/admin/merchants/{merchant['id']}/staff", admin,
             {"username": username, "password": password})
    return merchant["id"]


# ------------------------------------------------------------------ 专柜 / 专馆 / 专区

def test_an_admin_opens_a_pavilion_gives_it_staff_rotates_its_code_and_prints_its_poster(page: Any, api: Api) -> None:
    tag = _suffix()
    name, new_clerk, moved_clerk = f"清远消费扶贫专馆 {tag}", f"clerk-new-{tag}", f"clerk-moved-{tag}"
    old_counter = _new_counter_with_clerk(api, f"英德红茶专柜 {tag}", moved_clerk)

    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "专柜专馆")
    form = page.locator("#merchant-form")
    form.get_by_label("名称").fill(name)
    form.get_by_label("类型").select_option(label="专馆")
    form.get_by_label("地址").fill("清远市清城区人民一路 1 号")
    form.get_by_label("所属单位").fill("清远市供销社")
    form.get_by_role("button", name="新建").click()
    expect(page.locator("#notice")).to_have_text(f"已新建专馆：{name}")
    row = page.locator("#merchants tbody tr").filter(has_text=name)
    expect(row).to_contain_text("专馆")
    expect(row).to_contain_text("第 1 版")
    merchant_id = int(row.get_attribute("data-merchant-id"))

    detail = page.locator("#merchant-detail")
    expect(detail.get_by_role("heading", level=2)).to_have_text(f"{name} · 专馆")
    qr = detail.get_by_role("img", name=f"{name} 二维码")
    expect(qr).to_be_visible()
    page.wait_for_function("() => document.getElementById('merchant-qr').naturalWidth > 0")
    expect(detail.locator("#staff-empty")).to_have_text("还没有店员账号。")

    create = detail.locator("#staff-create")
    create.get_by_label("用户名").fill(new_clerk)
    create.get_by_label("初始密码").fill("e2e-clerk-password")
    create.get_by_role("button", name="新建店员账号").click()
    expect(page.locator("#notice")).to_contain_text(f"已新建店员账号 {new_clerk}")
    expect(detail.locator("#staff-list li")).to_have_text([new_clerk])
    attach = detail.locator("#staff-attach")
    attach.get_by_label("已有店员用户名").fill("no-such-clerk")
    attach.get_by_role("button", name="指派到本专柜").click()
    expect(page.locator("#notice")).to_have_text("没有这个员工账号，请检查用户名")
    attach.get_by_label("已有店员用户名").fill(moved_clerk)
    attach.get_by_role("button", name="指派到本专柜").click()
    expect(page.locator("#notice")).to_have_text(f"已将店员 {moved_clerk} 指派到 {name}")
    expect(detail.locator("#staff-list li")).to_have_text([moved_clerk, new_clerk])  # the oldest account first
    # both clerks now work for the pavilion: their own counter code names it
    for username in (new_clerk, moved_clerk):
        code = api.call("GET", "/api/v1/merchant/code", api.staff_token(username, "e2e-clerk-password"))
        assert (code["merchant_id"], code["merchant_name"]) == (merchant_id, name)
    assert api.call("GET", f"/api/v1/admin/merchants/{old_counter}/staff", api.staff_token(*ADMIN))["items"] == []

    old_code = api.call("GET", "/api/v1/merchant/code", api.staff_token(new_clerk, "e2e-clerk-password"))["code"]
    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    detail.get_by_role("button", name="更换二维码").click()
    expect(page.locator("#notice")).to_contain_text(f"已更换二维码：{name}（第 2 版）")
    expect(row).to_contain_text("第 2 版")
    expect(detail.locator("#merchant-code-version")).to_have_text("第 2 版")
    assert "之前打印的海报和二维码全部作废" in questions[0]
    new_code = api.call("GET", "/api/v1/merchant/code", api.staff_token(new_clerk, "e2e-clerk-password"))
    assert (new_code["key_version"], new_code["code"] != old_code) == (2, True)

    with page.expect_download() as download:
        detail.get_by_role("button", name="下载 A5 海报（PDF）").click()
    assert download.value.suggested_filename == f"{name}-海报-第2版.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


# ------------------------------------------------------------------ 日结

def test_an_admin_closes_a_merchants_day_and_downloads_its_csv(page: Any, api: Api, e2e_database_url: str) -> None:
    tag = _suffix()
    counter, clerk = f"佛冈日结专柜 {tag}", f"clerk-day-{tag}"
    _new_counter_with_clerk(api, counter, clerk)
    _, card = _active_card(api, f"日结测试单位 {tag}")
    clerk_token = api.staff_token(clerk, "e2e-clerk-password")
    redemption = _redeem_eggs(api, clerk_token, card, qty=2)
    yesterday = dt.datetime.now(SHANGHAI).date() - dt.timedelta(days=1)
    move_redemption_to(e2e_database_url, redemption["id"], yesterday)  # a day that is over, so it may be closed

    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "日结")
    form = page.locator("#settlement-form")
    expect(form.get_by_label("营业日")).to_have_value(yesterday.isoformat())
    row = page.locator("#settlements tbody tr").filter(has_text=counter)
    expect(row).to_contain_text("未日结")
    expect(row).to_contain_text(f"1 笔 · {_yuan(redemption['amount_fen'])}")
    row.get_by_role("button", name="明细").click()
    detail = page.locator("#settlement-detail")
    expect(detail.get_by_role("heading", level=2)).to_contain_text(f"{counter} · {yesterday}")
    expect(detail.locator("table").first).to_contain_text("广生源鸡蛋")
    expect(detail).to_contain_text("广东省清远市佛冈县")

    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    row.get_by_role("button", name="日结").click()
    expect(page.locator("#notice")).to_have_text(
        f"已日结：{counter} {yesterday}，净额 {_yuan(redemption['amount_fen'])}")
    expect(row).to_contain_text("已日结")
    expect(row.get_by_role("button", name="日结")).to_have_count(0)
    assert counter in questions[0]
    assert "不能再撤销" in questions[0]
    with pytest.raises(HTTPError) as refused:  # the counter can no longer void a redemption of that day
        api.call("POST", f"/api/v1/merchant/redemptions/{redemption['id']}/void", clerk_token, {"reason": "退货"})
    assert refused.value.code == 409

    with page.expect_download() as download:
        row.get_by_role("button", name="CSV").click()
    merchant_id = row.get_attribute("data-merchant-id")
    assert download.value.suggested_filename == f"settlement-{merchant_id}-{yesterday}.csv"
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert counter in text
    assert "净额" in text

    form.get_by_label("营业日").fill(dt.datetime.now(SHANGHAI).date().isoformat())  # today is not over yet
    form.get_by_role("button", name="查询").click()
    expect(page.locator("#settlements-title")).to_contain_text(dt.datetime.now(SHANGHAI).date().isoformat())
    for button in page.locator("#settlements tbody").get_by_role("button", name="日结").all():
        expect(button).to_be_disabled()
    form.get_by_label("营业日").fill(yesterday.isoformat())  # the README's picture: the closed day
    form.get_by_role("button", name="查询").click()
    expect(row).to_contain_text("已日结")
    row.get_by_role("button", name="明细").click()


# ------------------------------------------------------------------ 以购代捐 organization reports

def test_an_admin_reads_an_organizations_report_and_downloads_it(page: Any, api: Api) -> None:
    organization = f"清远农商银行 {_suffix()}"
    batch_id, card = _active_card(api, organization)
    spent = _redeem_eggs(api, api.staff_token(*CLERK), card)["amount_fen"]

    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "以购代捐")
    row = page.locator("#organizations tbody tr").filter(has_text=organization)
    expect(row).to_contain_text("1 批")
    expect(row).to_contain_text("1 张")
    row.get_by_role("button", name="查看报告").click()
    report = page.locator("#org-report")
    expect(report.get_by_role("heading", level=2)).to_have_text(organization)
    figures = report.locator("#org-figures")
    for label, value in (("已发行", "1 张"), ("已激活", "1 张"), ("认购额", _yuan(FACE_FEN)), ("已消费", _yuan(spent)),
                         ("未消费余额", _yuan(FACE_FEN - spent))):
        expect(figures.locator(".figure").filter(has_text=label).first).to_contain_text(value)
    expect(report.locator("#org-batches tbody tr")).to_have_count(1)
    expect(report.locator("#org-batches")).to_contain_text("已激活")
    expect(report.locator("#org-provinces tbody tr")).to_contain_text(["广东省"])
    expect(report.locator("#org-counties tbody tr").first).to_contain_text("佛冈县")

    report.get_by_label("批次").select_option(str(batch_id))
    expect(report.get_by_label("批次")).to_have_value(str(batch_id))
    with page.expect_download() as download:
        report.get_by_role("button", name="下载 CSV").click()
    assert download.value.suggested_filename == f"以购代捐报告-{organization}-批次{batch_id}.csv"
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert rows[0][0].startswith(f"以购代捐报告 · {organization} · 批次 #{batch_id}")
    assert ["已消费", "", f"{spent / 100:.2f}", str(spent)] in rows


# ------------------------------------------------------------------ a phone

def test_the_counter_settlement_and_organization_screens_fit_a_phone(page: Any, api: Api) -> None:
    organization = f"手机测试单位 {_suffix()}"
    _, card = _active_card(api, organization)
    _redeem_eggs(api, api.staff_token(*CLERK), card)
    page.set_viewport_size({"width": 390, "height": 844})
    login_staff(page, "/admin", *ADMIN)

    _open_tab(page, "专柜专馆")
    page.locator("#merchants tbody tr").first.get_by_role("button", name="管理").click()
    expect(page.locator("#merchant-detail #staff-create")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    _open_tab(page, "日结")
    page.locator("#settlement-form").get_by_label("营业日").fill(dt.datetime.now(SHANGHAI).date().isoformat())
    page.locator("#settlement-form").get_by_role("button", name="查询").click()
    row = page.locator("#settlements tbody tr").filter(has_text="佛冈县消费扶贫专柜")
    row.get_by_role("button", name="明细").click()
    expect(page.locator("#settlement-detail")).to_contain_text("广生源鸡蛋")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    _open_tab(page, "以购代捐")
    page.locator("#organizations tbody tr").filter(has_text=organization).get_by_role("button", name="查看报告").click()
    expect(page.locator("#org-counties")).to_contain_text("佛冈县")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
