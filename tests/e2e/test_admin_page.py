"""The administrator's page (/admin) in a real browser against the real server with demo data.

All e2e tests share one server and database: every name here carries a fresh suffix, and no test counts rows it
did not make. The demo product revoked here (兰考泡桐古筝) is used by no other test.
"""
from __future__ import annotations

import re
import time
import uuid
from datetime import date, datetime
from typing import Any
from urllib.error import HTTPError
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ADMIN, Api, login_staff

# Enough cards that issuing takes a few seconds on this 2-core machine (about 4.5 s on SQLite), so the page's
# half-second polling shows the bar moving before it reaches 100%.
LARGE_BATCH = 200_000
REVOKED_SKU, REVOKED_NAME = "HA-LK-0002", "兰考泡桐古筝 163cm"
HEADER = ("sku,name,brand,category,unit,price,stock,supplier,supplier_type,origin_province,origin_city,origin_county,"
          "cert_no,cert_valid_until,poor_households,tags,aliases")


def _suffix() -> str:
    return uuid.uuid4().hex[:6].upper()


def _a_year_from_today() -> str:
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    try:
        return today.replace(year=today.year + 1).isoformat()
    except ValueError:  # 29 February
        return date(today.year + 1, 3, 1).isoformat()


def _figure(scope: Any, label: str) -> Any:
    """One labelled figure (report, totals, import summary) inside `scope`."""
    return scope.locator(".figure").filter(has=scope.page.locator(".label", has_text=re.compile(f"^{label}$")))


def _open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def _issue_batch(page: Any, organization: str, face_label: str, count: int, note: str = "") -> Any:
    """Fill the batch form and send it; returns the new batch's row in the list."""
    form = page.locator("#batch-form")
    form.get_by_label("认购单位").fill(organization)
    form.get_by_label("面值").select_option(label=face_label)
    form.get_by_label("数量").fill(str(count))
    form.get_by_label("备注").fill(note)
    form.get_by_role("button", name="发行").click()
    row = page.locator("#batches tbody tr").filter(has_text=organization)
    expect(row).to_have_count(1)
    return row


def test_an_admin_activates_a_small_batch_and_downloads_its_print_file(page: Any, api: Api) -> None:
    organization = f"佛冈县机关工会 {_suffix()}"
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "爱心卡批次")
    row = _issue_batch(page, organization, "¥50.00", 12)
    expect(row).to_contain_text("已发行")
    detail = page.locator("#batch-detail")
    expect(detail).to_contain_text(organization)

    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    detail.get_by_role("button", name="激活").click()
    expect(row).to_contain_text("已激活")
    assert organization in questions[0]
    assert "12 张" in questions[0]
    report = detail.locator("#batch-report")
    expect(_figure(report, "已激活")).to_contain_text("12 张")
    expect(_figure(report, "未消费余额")).to_contain_text("¥600.00")

    batch_id = row.get_attribute("data-batch-id")
    detail.get_by_label("到第几张").fill("3")
    with page.expect_download() as download:
        detail.get_by_role("button", name="下载打印文件（PDF）").click()
    assert download.value.suggested_filename == f"batch-{batch_id}-1-3.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_an_admin_starts_a_batch_and_watches_the_progress_bar_reach_100(page: Any, api: Api) -> None:
    organization = f"清远农商银行 以购代捐 {_suffix()}"
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "爱心卡批次")
    expect(page.locator("#batch-form").get_by_label("有效期至")).to_have_value(_a_year_from_today())
    # Every value the bars show, as the page moves them.
    page.evaluate("""() => {
        window.progressSeen = [];
        new MutationObserver((changes) => changes.forEach((c) => window.progressSeen.push(
            Number(c.target.getAttribute('aria-valuenow'))))).observe(document.getElementById('batches'),
            {subtree: true, attributes: true, attributeFilter: ['aria-valuenow']});
    }""")

    row = _issue_batch(page, organization, "¥200.00", LARGE_BATCH, "2026 年度消费帮扶")
    bar = row.get_by_role("progressbar")
    expect(row).to_contain_text("发行中")
    expect(bar).to_have_attribute("aria-valuenow", "100", timeout=60_000)
    expect(row).to_contain_text("200,000 / 200,000 张 · 100%")
    expect(row).to_contain_text("已发行")
    seen = page.evaluate("window.progressSeen")
    assert any(0 < value < 100 for value in seen), seen  # the bar moved on its way, not only at the end

    detail = page.locator("#batch-detail")
    expect(detail).to_contain_text(organization)
    expect(detail).to_contain_text("已发行")
    expect(detail.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    report = detail.locator("#batch-report")
    expect(_figure(report, "已发行")).to_contain_text("200,000 张")
    expect(_figure(report, "已激活")).to_contain_text("0 张")
    expect(_figure(report, "已领取")).to_contain_text("0 张")
    expect(_figure(report, "已消费")).to_contain_text("¥0.00")
    expect(_figure(report, "未消费余额")).to_contain_text("¥0.00")
    expect(detail.get_by_role("button", name="激活")).to_be_visible()

    batch_id = row.get_attribute("data-batch-id")
    token = api.staff_token(*ADMIN)
    batch = api.call("GET", f"/api/v1/admin/card-batches/{batch_id}", token)
    assert (batch["state"], batch["done"], batch["face_value_fen"]) == ("issued", LARGE_BATCH, 20_000)
    assert batch["report"]["issued"] == LARGE_BATCH


# ------------------------------------------------------------------ certification and the chat

def _chat(api: Api, token: str, message: str) -> dict[str, Any]:
    return api.call("POST", "/api/v1/chat", token, {"message": message})


def _chat_offers(reply: dict[str, Any], sku: str) -> bool:
    return sku in [p["sku"] for p in reply["products"]]


def assert_chat_stops_offering(api: Api, sku: str, name: str, seconds: float = 10) -> dict[str, Any]:
    """A consumer asking for the product by name is no longer offered it (each worker's search index follows the
    catalogue within SEARCH_REFRESH_SECONDS); the reply says it cannot be bought or offers others."""
    token = api.consumer_token(f"admin-e2e-after-{_suffix()}")
    deadline = time.monotonic() + seconds
    while True:
        reply = _chat(api, token, name)
        refused = "不能购买" in reply["reply"] or "不在" in reply["reply"] or bool(reply["products"])
        if not _chat_offers(reply, sku) and refused:
            return reply
        assert time.monotonic() < deadline, f"the chat still offers {sku}: {reply}"
        time.sleep(0.3)


def _chat_page_does_not_offer(page: Any, name: str, refusal: str) -> None:
    """What a consumer sees on the chat page `/` when asking for the product: the refusal, no card of it."""
    chat = page.context.new_page()
    try:
        chat.goto("/")
        consumer = f"撤销后-{_suffix()}"
        chat.get_by_label("昵称").fill(consumer)
        chat.get_by_role("button", name="登录").click()
        expect(chat.get_by_text(f"你好，{consumer}")).to_be_visible()
        box = chat.get_by_label("输入消息")
        box.fill(name)
        box.press("Enter")
        reply = chat.get_by_role("log").locator(".msg.bot:not(.typing)").last
        expect(reply).to_contain_text(refusal.splitlines()[0])
        expect(chat.get_by_role("log").locator(".product").filter(has_text=REVOKED_NAME)).to_have_count(0)
    finally:
        chat.close()


def test_an_admin_revokes_a_product_and_the_chat_no_longer_offers_it(page: Any, api: Api) -> None:
    before = _chat(api, api.consumer_token(f"admin-e2e-before-{_suffix()}"), "兰考泡桐古筝")
    assert _chat_offers(before, REVOKED_SKU), before

    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "认定审核")
    search = page.locator("#certified-search")
    search.get_by_label("商品名称").fill("兰考泡桐古筝")
    search.get_by_role("button", name="查询").click()
    row = page.locator("#certified-products tbody tr").filter(has_text=REVOKED_SKU)
    expect(row).to_contain_text(REVOKED_NAME)
    expect(row).to_contain_text("在售")
    row.get_by_role("button", name="撤销认定").click()
    row.get_by_label("撤销理由").fill("抽检不合格，暂停认定")
    row.get_by_role("button", name="确认撤销").click()
    expect(page.locator("#notice")).to_have_text(f"已撤销认定：{REVOKED_NAME}")
    expect(row).to_have_count(0)  # the list is read again: it is no longer a certified product on sale

    after = assert_chat_stops_offering(api, REVOKED_SKU, "兰考泡桐古筝")
    assert REVOKED_NAME not in " ".join(p["name"] for p in after["products"])
    _chat_page_does_not_offer(page, "兰考泡桐古筝", after["reply"])
    product = api.call("GET", f"/api/v1/admin/products/{REVOKED_SKU}", api.staff_token(*ADMIN))
    assert (product["cert_status"], product["revoked_reason"]) == ("revoked", "抽检不合格，暂停认定")


def _csv(*rows: str) -> dict[str, Any]:
    return {"name": "catalog.csv", "mimeType": "text/csv", "buffer": "\n".join([HEADER, *rows, ""]).encode()}


def _catalog_row(sku: str, name: str, supplier: str, price: str = "28.50") -> str:
    return f"{sku},{name},石角,干货特产,袋,{price},100,{supplier},合作社,广东省,清远市,佛冈县,,,12,笋干|佛冈,"


def test_an_admin_imports_a_product_and_certifies_it_and_its_supplier(page: Any, api: Api) -> None:
    tag = _suffix()
    sku, name, supplier = f"E2E-ADM-{tag}", f"佛冈石角笋干 {tag} 250g", f"佛冈县石角镇笋干专业合作社{tag}"
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "目录导入")
    page.get_by_label("目录文件（CSV）").set_input_files(_csv(_catalog_row(sku, name, supplier)))
    page.get_by_role("button", name="导入").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("导入成功：共 1 行")
    expect(_figure(result, "新增商品")).to_contain_text("1")
    expect(_figure(result, "新增供应商")).to_contain_text("1")

    _open_tab(page, "认定审核")
    row = page.locator("#pending-products tbody tr").filter(has_text=sku)
    expect(row).to_contain_text(name)
    expect(row.get_by_label("有效期至")).to_have_value(_a_year_from_today())
    row.get_by_label("认定证书编号").fill(f"GD-FP-E2E-{tag}")
    row.get_by_role("button", name="认定", exact=True).click()
    expect(page.locator("#notice")).to_have_text(f"已认定：{name}；供应商尚未认定，暂不可售")
    expect(row).to_have_count(0)

    supplier_row = page.locator("#pending-suppliers tbody tr").filter(has_text=supplier)
    supplier_row.get_by_role("button", name="认定", exact=True).click()
    expect(page.locator("#notice")).to_have_text(f"已认定供应商：{supplier}")
    expect(supplier_row).to_have_count(0)

    product = api.call("GET", f"/api/v1/admin/products/{sku}", api.staff_token(*ADMIN))
    assert (product["cert_status"], product["valid_until"], product["sellable"]) == (
        "certified", _a_year_from_today(), True)
    search = page.locator("#certified-search")
    search.get_by_label("商品名称").fill(f"笋干 {tag}")
    search.get_by_role("button", name="查询").click()
    expect(page.locator("#certified-products tbody tr").filter(has_text=sku)).to_contain_text("在售")


def test_an_import_with_a_bad_row_lists_the_row_error_in_chinese(page: Any, api: Api) -> None:
    tag = _suffix()
    good, bad = f"E2E-ADM-{tag}-1", f"E2E-ADM-{tag}-2"
    supplier = f"佛冈县石角镇笋干专业合作社{tag}"
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "目录导入")
    page.get_by_label("目录文件（CSV）").set_input_files(_csv(
        _catalog_row(good, f"佛冈笋干 {tag} 250g", supplier),
        _catalog_row(bad, f"佛冈笋干 {tag} 500g", supplier, price="二十八元"),
    ))
    page.get_by_role("button", name="导入").click()
    result = page.locator("#import-result")
    expect(result).to_contain_text("目录文件有 1 处错误，未导入任何内容")
    error = result.locator("#import-errors tbody tr")
    expect(error).to_have_count(1)
    expect(error).to_contain_text("第 3 行")
    expect(error).to_contain_text(bad)
    expect(error).to_contain_text("价格（元）（price）")
    expect(error).to_contain_text("价格应为元，最多两位小数")
    expect(page.locator("#notice")).to_be_hidden()  # shown in the table, not as a raw error

    with pytest.raises(HTTPError) as missing:  # all or nothing: the good row was not imported either
        api.call("GET", f"/api/v1/admin/products/{good}", api.staff_token(*ADMIN))
    assert missing.value.code == 404


# ------------------------------------------------------------------ statistics

def _paid_order(api: Api, sku: str, qty: int, seconds: float = 15) -> dict[str, Any]:
    """A consumer orders and pays through the WeChat Pay sandbox (which pays at once and notifies)."""
    token = api.consumer_token(f"admin-e2e-buyer-{_suffix()}")
    address = api.call("POST", "/api/v1/me/addresses", token, {
        "name": "张三", "phone": "13800138000", "province": "河北省", "city": "衡水市", "county": "武强县",
        "detail": "武强镇年画街 8 号", "is_default": True})
    order = api.call("POST", "/api/v1/orders", token,
                     {"items": [{"sku": sku, "qty": qty}], "address_id": address["id"]})
    api.call("POST", f"/api/v1/orders/{order['order_no']}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + seconds
    while (order := api.call("GET", f"/api/v1/orders/{order['order_no']}", token))["status"] != "paid":
        assert time.monotonic() < deadline, order
        time.sleep(0.2)
    return order


def test_an_admin_reads_the_statistics_with_chart_and_downloads_them(page: Any, api: Api) -> None:
    order = _paid_order(api, "HE-WQ-0001", 2)  # 武强木版年画, 河北省
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "统计")
    form = page.locator("#stats-form")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    expect(form.get_by_label("结束日期")).to_have_value(today.isoformat())
    expect(form.get_by_label("开始日期")).to_have_value(date.fromordinal(today.toordinal() - 29).isoformat())
    table = page.locator("#stats-table")
    expect(table.locator("thead")).to_contain_text("省份")
    hebei = table.locator("tbody tr").filter(has_text="河北省")
    expect(hebei).to_have_count(1)
    expect(table.locator("tbody tr.total")).to_contain_text("合计")
    assert order["total_fen"] > 0
    expect(_figure(page.locator("#stats-total"), "消费扶贫金额")).to_contain_text("¥")
    chart = page.locator("#stats-chart")
    expect(chart).to_have_attribute("alt", "消费扶贫金额图表（按省份）")
    assert chart.evaluate("img => img.naturalWidth") == 1000

    form.get_by_label("分组").select_option(label="按渠道")
    expect(table.locator("thead")).to_contain_text("渠道")
    expect(table.locator("tbody tr").filter(has_text="线上订单")).to_have_count(1)
    expect(chart).to_have_attribute("alt", "消费扶贫金额图表（按渠道）")
    with page.expect_download() as download:
        form.get_by_role("button", name="下载 CSV").click()
    name = f"aixin-stats-channel-{date.fromordinal(today.toordinal() - 29)}_{today}.csv"
    assert download.value.suggested_filename == name
    with open(download.value.path(), "rb") as csv_file:
        text = csv_file.read().decode("utf-8-sig")
    assert "合计" in text
    assert "online" in text
    with page.expect_download() as workbook:
        form.get_by_role("button", name="下载 Excel").click()
    assert workbook.value.suggested_filename == name.replace(".csv", ".xlsx")
    form.get_by_label("分组").select_option(label="按省份")  # the README's picture: provinces and their bars
    expect(table.locator("thead")).to_contain_text("省份")
    expect(chart).to_have_attribute("alt", "消费扶贫金额图表（按省份）")


def test_a_pending_product_is_rejected_not_revoked(page: Any, api: Api) -> None:
    """A product never certified has nothing to revoke: its button says 驳回 and so does the notice."""
    tag = _suffix()
    sku, name, supplier = f"E2E-REJ-{tag}", f"佛冈石角笋干 {tag} 500g", f"佛冈县笋干合作社{tag}"
    login_staff(page, "/admin", *ADMIN)
    _open_tab(page, "目录导入")
    page.get_by_label("目录文件（CSV）").set_input_files(_csv(_catalog_row(sku, name, supplier)))
    page.get_by_role("button", name="导入").click()
    expect(page.locator("#import-result")).to_contain_text("导入成功：共 1 行")
    _open_tab(page, "认定审核")
    row = page.locator("#pending-products tbody tr").filter(has_text=sku)
    expect(row.get_by_role("button", name="撤销认定")).to_have_count(0)
    row.get_by_role("button", name="驳回").click()
    row.get_by_label("驳回理由").fill("资料不全")
    row.get_by_role("button", name="确认驳回").click()
    expect(page.locator("#notice")).to_have_text(f"已驳回：{name}")
    expect(row).to_have_count(0)
