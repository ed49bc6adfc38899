"""The consumer page `/`: ordering through the assistant, my orders, my love cards and their rotating pay code."""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CLERK
from tests.support.pages import log_in, unique, yuan

ADDRESS = "广东省清远市佛冈县石角镇XX路8号 张三 13800138000"


@pytest.fixture(autouse=True)
def no_script_errors(page: Any) -> Iterator[None]:
    """The page's script never throws nor logs an error while a test drives it."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    yield
    assert errors == []


def _say(page: Any, text: str) -> None:
    box = page.get_by_label("输入消息")
    box.fill(text)
    box.press("Enter")
    expect(box).to_have_value("")


def _last_reply(page: Any) -> Any:
    return page.get_by_role("log").locator(".msg.bot:not(.typing)").last


def _buy_a_card(api: Any, token: str) -> str:
    order = api.call("POST", "/api/v1/cards/purchase", token, {"face_value_fen": 20000, "quantity": 1})
    return order["order_no"]


def test_a_consumer_orders_by_chat_and_sees_the_order(page: Any, api: Any) -> None:
    name = unique("张小花")
    log_in(page, name)
    expect(page.locator("#orders")).to_contain_text("还没有订单")

    # While the assistant thinks, the send button is busy and a typing bubble shows.
    held: list[Any] = []
    page.route("**/api/v1/chat", lambda route: held.append(route))
    _say(page, "我想买两袋大米")
    expect(page.get_by_role("button", name="发送")).to_be_disabled()
    expect(page.get_by_label("小助手正在输入")).to_be_visible()
    assert len(held) == 1
    held[0].continue_()
    page.unroute("**/api/v1/chat")
    expect(_last_reply(page)).to_contain_text("您要哪一款")
    expect(page.get_by_role("button", name="发送")).to_be_enabled()
    expect(page.get_by_label("小助手正在输入")).to_have_count(0)
    offered = _last_reply(page).locator(".product")
    expect(offered.first).to_contain_text("扶贫认定")
    choice = offered.filter(has_text="佛冈县").first
    product = choice.locator("strong").inner_text()
    unit_price = yuan(choice.locator(".product-price").inner_text())
    choice.get_by_role("button", name="选这个").click()
    expect(page.get_by_role("log").locator(".msg.me").last).to_have_text(product)

    expect(_last_reply(page)).to_contain_text("收货地址")
    _say(page, ADDRESS)
    expect(_last_reply(page)).to_contain_text("确认下单吗")
    expect(_last_reply(page)).to_contain_text("张三")
    page.locator("#chat-suggestions").get_by_role("button", name="确认下单").click()

    card = page.get_by_role("log").locator(".order-card")
    expect(card).to_contain_text("订单已创建")
    expect(card).to_contain_text("待支付")
    expect(card).to_contain_text(f"{product} ×2")
    total = f"¥{unit_price * 2 / 100:,.2f}"
    expect(card).to_contain_text(total)
    order_no = card.locator(".order-no").inner_text()
    assert re.fullmatch(r"\d{8,32}", order_no)
    assert order_no in _last_reply(page).locator(".bubble").inner_text()

    row = page.locator("#orders .order-row").filter(has_text=order_no)
    expect(row).to_contain_text("待支付")
    expect(row).to_contain_text(total)
    expect(row).to_contain_text(product)
    expect(row.get_by_role("button", name="去支付")).to_be_visible()
    assert page.get_by_role("log").evaluate("log => log.scrollTop + log.clientHeight >= log.scrollHeight - 2")
    mine = api.call("GET", "/api/v1/orders", api.consumer_token(name))["items"]
    assert [(o["order_no"], o["status"], o["total_fen"]) for o in mine] == [
        (order_no, "pending_payment", unit_price * 2)]

    # A reload keeps the conversation of this tab and the login (in a taller window: the README shows it whole).
    page.set_viewport_size({"width": 1280, "height": 1500})
    page.reload()
    expect(page.get_by_role("log").locator(".order-card")).to_contain_text(order_no)
    expect(page.get_by_role("log").locator(".msg.me")).to_have_count(4)
    expect(page.locator("#orders .order-row").filter(has_text=order_no)).to_contain_text("待支付")


def test_a_card_holder_shows_a_rotating_pay_code(page: Any, api: Any) -> None:
    name = unique("李持卡")
    token = api.consumer_token(name)
    api.call("POST", f"/api/v1/orders/{_buy_a_card(api, token)}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while not (cards := api.call("GET", "/api/v1/cards", token)["items"]) and time.monotonic() < deadline:
        time.sleep(0.2)  # the embedded sandbox pays a moment after the prepay
    assert len(cards) == 1, "the sandbox did not pay the card order"
    card_no = cards[0]["card_no"]

    page.clock.install()  # the page's clock runs as usual until the test moves it forward
    log_in(page, name)
    row = page.locator(f'.love-card[data-card-no="{card_no}"]')
    expect(row).to_contain_text("可用")
    expect(row).to_contain_text("¥200.00")
    expect(row).to_contain_text(f"{card_no[:4]} **** **** {card_no[-4:]}")

    with page.expect_response(lambda r: r.url.endswith(f"/cards/{card_no}/pay-code")) as issued:
        row.get_by_role("button", name="付款码").click()
    code = issued.value.json()["code"]
    dialog = page.get_by_role("dialog", name="付款码")
    qr = dialog.get_by_role("img", name="付款码二维码")
    expect(qr).to_be_visible()
    expect(dialog.get_by_label("付款码内容")).to_have_text(code)
    page.wait_for_function("document.getElementById('pay-code-qr').naturalWidth > 100")
    expect(dialog).to_contain_text("秒后自动更新")

    # The code on the screen is one the counter accepts.
    clerk = api.staff_token(*CLERK)
    preview = api.call("POST", "/api/v1/merchant/redemptions/preview", clerk, {"code": code})
    assert preview["card_no_masked"] == f"{card_no[:4]} **** **** {card_no[-4:]}"
    assert preview["balance_fen"] == 20000

    with page.expect_response(lambda r: r.url.endswith(f"/cards/{card_no}/pay-code")) as renewed:
        dialog.get_by_role("button", name="刷新").click()
    fresh = renewed.value.json()["code"]
    assert fresh != code
    expect(dialog.get_by_label("付款码内容")).to_have_text(fresh)
    page.wait_for_function("document.getElementById('pay-code-qr').naturalWidth > 100")

    # Shortly before the 60-second code expires the page fetches the next one by itself.
    with page.expect_response(lambda r: r.url.endswith(f"/cards/{card_no}/pay-code")) as rotated:
        page.clock.fast_forward("00:57")
    following = rotated.value.json()["code"]
    assert following not in (code, fresh)
    expect(dialog.get_by_label("付款码内容")).to_have_text(following)
    expect(dialog).to_contain_text("秒后自动更新")
    page.wait_for_function("document.getElementById('pay-code-qr').naturalWidth > 100")


def test_a_pending_card_order_is_paid_on_a_phone(page: Any, api: Any) -> None:
    name = unique("王买卡")
    order_no = _buy_a_card(api, api.consumer_token(name))
    page.set_viewport_size({"width": 375, "height": 812})
    log_in(page, name)
    expect(page.locator("#cards")).to_contain_text("还没有爱心卡")
    row = page.locator("#orders .order-row").filter(has_text=order_no)
    expect(row).to_contain_text("待支付")
    expect(row).to_contain_text("消费扶贫爱心卡")

    row.get_by_role("button", name="去支付").click()
    expect(page.locator("#orders .order-row").filter(has_text=order_no)).to_contain_text("已支付", timeout=20_000)
    expect(page.get_by_role("alert")).to_have_text("支付成功")
    expect(page.locator("#cards .love-card")).to_contain_text("可用")
    expect(page.locator("#cards .love-card").get_by_role("button", name="付款码")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.get_by_role("alert")).to_be_hidden()  # the success notice goes away by itself
