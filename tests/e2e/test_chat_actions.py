"""The consumer page's own actions (issue 15, item 5): 领取 a printed card by its code or a photo of its QR, pay an
order with a love card from 我的订单, cancel an unpaid order, and the chat's order card following its order."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
import qrcode
from playwright.sync_api import expect

from tests.support.pages import ScriptErrors, goods_order, log_in, unique, yuan

pytestmark = pytest.mark.usefixtures("script_errors")  # the page throws nothing (tests/e2e/conftest.py)


class Confirms:
    """The page's confirm() questions: the next one answered yes or no, and every question asked kept."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.asked: list[str] = []

    def answer_next(self, accept: bool) -> None:
        self.page.once("dialog", lambda dialog: self._answer(dialog, accept))

    def _answer(self, dialog: Any, accept: bool) -> None:
        self.asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()


def _masked(card_no: str) -> str:
    return f"{card_no[:4]} **** **** {card_no[-4:]}"


def _buy_card(api: Any, token: str, face_fen: int) -> str:
    """One more active card of `face_fen` for the token's user, bought and paid through the WeChat Pay sandbox."""
    before = {c["card_no"] for c in api.call("GET", "/api/v1/cards", token)["items"]}
    order = api.call("POST", "/api/v1/cards/purchase", token, {"face_value_fen": face_fen, "quantity": 1})
    api.call("POST", f"/api/v1/orders/{order['order_no']}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        new = {c["card_no"] for c in api.call("GET", "/api/v1/cards", token)["items"]} - before
        if new:
            return new.pop()
        time.sleep(0.2)  # the embedded sandbox pays a moment after the prepay
    raise AssertionError("the sandbox did not pay the card order")


def _card_holder(api: Any, name: str, face_fen: int = 20000) -> tuple[str, str]:
    """A consumer holding one active card of `face_fen`."""
    token = api.consumer_token(name)
    return token, _buy_card(api, token, face_fen)


def _printed_code(api: Any, face_fen: int = 20000) -> tuple[str, str]:
    """A card someone bought and gave away: its printed claim code (AX1.…) and number."""
    token, card_no = _card_holder(api, unique("送卡人"), face_fen)
    return api.call("POST", f"/api/v1/cards/{card_no}/give", token)["claim_code"], card_no


def _claim_dialog(page: Any) -> Any:
    page.locator("#cards-title").locator("..").get_by_role("button", name="领取").click()
    dialog = page.get_by_role("dialog", name="领取爱心卡")
    expect(dialog).to_be_visible()
    return dialog


def test_a_card_is_claimed_by_pasting_its_printed_code(page: Any, api: Any, script_errors: ScriptErrors) -> None:
    script_errors.allow_refusal(422)  # the mistyped code
    code, card_no = _printed_code(api)
    log_in(page, unique("赵领卡"))
    expect(page.locator("#cards")).to_contain_text("还没有爱心卡")

    dialog = _claim_dialog(page)
    dialog.get_by_label("领取码").fill(code[:-4] + "0000")  # a mistyped code
    dialog.get_by_role("button", name="领取").click()
    expect(dialog).to_contain_text("领取码不正确")
    expect(page.locator("#cards .love-card")).to_have_count(0)

    dialog.get_by_label("领取码").fill(f"  {code}\n")  # pasted with the spaces around it
    dialog.get_by_role("button", name="领取").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("alert")).to_contain_text(f"已领取爱心卡 {_masked(card_no)}，余额 ¥200.00")
    row = page.locator(f'.love-card[data-card-no="{card_no}"]')
    expect(row).to_contain_text("可用")
    expect(row).to_contain_text("¥200.00")
    expect(row.get_by_role("button", name="付款码")).to_be_visible()


def test_a_card_is_claimed_from_a_photo_of_its_qr(page: Any, api: Any, tmp_path: Path) -> None:
    code, card_no = _printed_code(api, face_fen=5000)
    photo = tmp_path / "card-qr.png"
    qrcode.make(code, border=4).save(str(photo))
    page.set_viewport_size({"width": 375, "height": 812})  # claimed on a phone
    log_in(page, unique("钱拍照"))

    dialog = _claim_dialog(page)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/cards/decode")) as decoded:
        dialog.get_by_label("上传二维码照片").set_input_files(str(photo))
    assert decoded.value.status == 200
    assert decoded.value.json() == {"text": code}
    expect(dialog).to_be_hidden()
    row = page.locator(f'.love-card[data-card-no="{card_no}"]')
    expect(row).to_contain_text("¥50.00")
    expect(row).to_contain_text("可用")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_lost_card_is_frozen_after_confirming_and_unfrozen_when_found(page: Any, api: Any) -> None:
    name = unique("孙挂失")
    token, card_no = _card_holder(api, name)
    log_in(page, name)
    row = page.locator(f'.love-card[data-card-no="{card_no}"]')
    expect(row).to_contain_text("可用")

    confirms = Confirms(page)
    confirms.answer_next(False)
    row.get_by_role("button", name="冻结").click()
    expect(row).to_contain_text("可用")  # thought better of it
    assert api.call("GET", "/api/v1/cards", token)["items"][0]["status"] == "active"

    confirms.answer_next(True)
    row.get_by_role("button", name="冻结").click()
    expect(row).to_contain_text("已冻结")
    expect(page.get_by_role("alert")).to_have_text(f"爱心卡 {_masked(card_no)} 已冻结")
    expect(row.get_by_role("button", name="付款码")).to_have_count(0)  # a frozen card shows no pay code
    assert len(confirms.asked) == 2
    assert all(_masked(card_no) in text and "付款码全部作废" in text for text in confirms.asked)
    assert api.call("GET", "/api/v1/cards", token)["items"][0]["status"] == "frozen"

    row.get_by_role("button", name="解冻").click()  # found again: no question asked
    expect(row).to_contain_text("可用")
    expect(page.get_by_role("alert")).to_have_text(f"爱心卡 {_masked(card_no)} 已解冻，可以使用")
    expect(row.get_by_role("button", name="付款码")).to_be_visible()
    expect(row).to_contain_text("¥200.00")
    assert api.call("GET", "/api/v1/cards", token)["items"][0]["status"] == "active"


def test_a_card_is_given_away_and_its_code_claims_it_for_the_receiver(page: Any, api: Any) -> None:
    name = unique("周转赠")
    token, card_no = _card_holder(api, name)
    log_in(page, name)
    row = page.locator(f'.love-card[data-card-no="{card_no}"]')
    expect(row).to_contain_text("¥200.00")

    confirms = Confirms(page)
    confirms.answer_next(False)
    row.get_by_role("button", name="转赠").click()
    expect(row).to_be_visible()  # thought better of it: still mine
    assert [c["card_no"] for c in api.call("GET", "/api/v1/cards", token)["items"]] == [card_no]

    confirms.answer_next(True)
    row.get_by_role("button", name="转赠").click()
    gift = page.get_by_role("dialog", name="转赠爱心卡")
    expect(gift).to_contain_text(f"爱心卡 {_masked(card_no)} · 余额 ¥200.00")
    code = gift.get_by_label("卡码").input_value()
    assert code.startswith("AX1.")
    assert all(_masked(card_no) in text and "卡码只显示这一次" in text for text in confirms.asked)
    expect(row).to_have_count(0)  # no longer in my list
    gift.get_by_role("button", name="关闭").click()
    expect(gift).to_be_hidden()
    expect(page.locator("#cards")).to_contain_text("还没有爱心卡")

    receiver = api.consumer_token(unique("周收卡"))
    claimed = api.call("POST", "/api/v1/cards/claim", receiver, {"code": code})
    assert (claimed["card_no"], claimed["balance_fen"]) == (card_no, 20000)


def test_an_order_is_paid_with_a_love_card_from_my_orders(page: Any, api: Any) -> None:
    name = unique("孙用卡")
    token, card_no = _card_holder(api, name, face_fen=20000)
    small_card = _buy_card(api, token, 5000)
    order = goods_order(api, token, least_fen=5000, most_fen=20000)  # more than the small card holds
    total = order["total_fen"]
    card_order = api.call("POST", "/api/v1/cards/purchase", token, {"face_value_fen": 5000, "quantity": 1})
    log_in(page, name)

    # A love card never buys love cards: the unpaid card order offers WeChat Pay only.
    card_row = page.locator("#orders .order-row").filter(has_text=card_order["order_no"])
    expect(card_row.get_by_role("button", name="去支付")).to_be_visible()
    expect(card_row.get_by_role("button", name="用爱心卡支付")).to_have_count(0)

    row = page.locator("#orders .order-row").filter(has_text=order["order_no"])
    expect(row).to_contain_text("待支付")
    row.get_by_role("button", name="用爱心卡支付").click()
    dialog = page.get_by_role("dialog", name="用爱心卡支付")
    expect(dialog).to_contain_text(f"应付 ¥{total / 100:,.2f}")
    choice = dialog.locator("label.card-choice").filter(has_text=_masked(card_no))
    expect(choice).to_contain_text("余额 ¥200.00")
    expect(choice.get_by_role("radio")).to_be_checked()
    small = dialog.locator("label.card-choice").filter(has_text=_masked(small_card))
    expect(small).to_contain_text("余额 ¥50.00")
    expect(small).to_contain_text("余额不足")
    expect(small.get_by_role("radio")).to_be_disabled()
    with page.expect_response(lambda r: r.url.endswith(f"/orders/{order['order_no']}/pay")) as paid:
        dialog.get_by_role("button", name="确认支付").click()
    assert paid.value.status == 200
    assert paid.value.json()["status"] == "paid"
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("alert")).to_contain_text("支付成功")
    expect(row).to_contain_text("已支付")
    expect(row).to_contain_text("待发货")
    expect(row.get_by_role("button")).to_have_text(["改地址"])  # paid: only its address may still change
    balance = page.locator(f'.love-card[data-card-no="{card_no}"] .card-balance .money')
    expect(balance).to_have_text(f"¥{(20000 - total) / 100:,.2f}")
    balances = {c["card_no"]: c["balance_fen"] for c in api.call("GET", "/api/v1/cards", token)["items"]}
    assert balances == {card_no: 20000 - total, small_card: 5000}

    # An order neither card can cover: both are shown with their balances, none can be chosen.
    dear = goods_order(api, token, least_fen=20000 - total, most_fen=10**7)
    page.locator("#orders-refresh").click()
    dear_row = page.locator("#orders .order-row").filter(has_text=dear["order_no"])
    dear_row.get_by_role("button", name="用爱心卡支付").click()
    expect(dialog.locator("label.card-choice")).to_have_count(2)
    expect(dialog.locator("label.card-choice").filter(has_text=_masked(card_no))) \
        .to_contain_text(f"余额 ¥{(20000 - total) / 100:,.2f}")
    for radio in dialog.get_by_role("radio").all():
        expect(radio).to_be_disabled()
    expect(dialog).to_contain_text("没有余额足够的爱心卡")
    expect(dialog.get_by_role("button", name="确认支付")).to_be_disabled()


def test_a_card_payment_refused_by_the_server_says_why_in_chinese(page: Any, api: Any,
                                                                   script_errors: ScriptErrors) -> None:
    script_errors.allow_refusal(409)  # order_not_payable
    name = unique("周晚付")
    token, _ = _card_holder(api, name)
    order = goods_order(api, token)
    log_in(page, name)
    row = page.locator("#orders .order-row").filter(has_text=order["order_no"])
    row.get_by_role("button", name="用爱心卡支付").click()
    dialog = page.get_by_role("dialog", name="用爱心卡支付")
    expect(dialog.get_by_role("radio")).to_be_checked()

    api.call("POST", f"/api/v1/orders/{order['order_no']}/cancel", token)  # closed meanwhile (another tab)
    dialog.get_by_role("button", name="确认支付").click()
    expect(dialog).to_contain_text("订单当前不能支付")
    expect(dialog.get_by_role("button", name="确认支付")).to_be_disabled()
    expect(row).to_contain_text("已取消")  # the list shows the order as it is now
    dialog.get_by_role("button", name="取消").click()
    expect(dialog).to_be_hidden()
    assert api.call("GET", "/api/v1/cards", token)["items"][0]["balance_fen"] == 20000


def test_an_unpaid_order_is_cancelled_after_confirming(page: Any, api: Any) -> None:
    name = unique("吴取消")
    token = api.consumer_token(name)
    order = goods_order(api, token)
    log_in(page, name)
    row = page.locator("#orders .order-row").filter(has_text=order["order_no"])
    expect(row).to_contain_text("待支付")

    confirms = Confirms(page)
    confirms.answer_next(False)
    row.get_by_role("button", name="取消").click()
    expect(row).to_contain_text("待支付")  # thought better of it
    assert api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["status"] == "pending_payment"

    confirms.answer_next(True)
    row.get_by_role("button", name="取消").click()
    expect(row).to_contain_text("已取消")
    expect(page.get_by_role("alert")).to_have_text("订单已取消")
    expect(row.get_by_role("button")).to_have_count(0)
    assert all(order["order_no"] in text and "取消订单" in text for text in confirms.asked)
    assert len(confirms.asked) == 2
    assert api.call("GET", f"/api/v1/orders/{order['order_no']}", token)["status"] == "cancelled"


def _chat_places(page: Any, order: dict, text: str) -> None:
    """The assistant's next reply carries `order` (placed through the API): the chat window's part is drawing and
    following the order card, whatever words got the assistant there."""
    reply = {"reply": f"订单已创建：{order['order_no']}，共¥{order['total_fen'] / 100:.2f}。", "intent": "confirm",
             "products": [], "slots": {"sku": None, "qty": None, "amount_fen": None},
             "order": {"order_no": order["order_no"], "kind": order["kind"], "status": order["status"],
                       "total_fen": order["total_fen"],
                       "items": [{"sku": line["sku"], "qty": line["qty"]} for line in order["items"]]},
             "suggestions": ["我的订单"]}
    page.route("**/api/v1/chat", lambda route: route.fulfill(status=200, content_type="application/json",
                                                             body=json.dumps(reply, ensure_ascii=False)))
    box = page.get_by_label("输入消息")
    box.fill(text)
    box.press("Enter")
    expect(page.get_by_role("log").locator(f'.order-card[data-order-no="{order["order_no"]}"]')).to_be_visible()
    page.unroute("**/api/v1/chat")


def test_the_chat_order_card_turns_paid(page: Any, api: Any) -> None:
    name = unique("郑聊天")
    token, _ = _card_holder(api, name)
    goods = goods_order(api, token)
    log_in(page, name)

    _chat_places(page, goods, "确认下单")
    card = page.get_by_role("log").locator(f'.order-card[data-order-no="{goods["order_no"]}"]')
    expect(card).to_contain_text("待支付")
    expect(card).to_contain_text("前在“我的订单”中完成支付")

    # Paid with a love card in 我的订单: the card in the chat says so at once.
    page.locator("#orders .order-row").filter(has_text=goods["order_no"]) \
        .get_by_role("button", name="用爱心卡支付").click()
    page.get_by_role("dialog", name="用爱心卡支付").get_by_role("button", name="确认支付").click()
    expect(card).to_contain_text("已支付")
    expect(card).to_contain_text("待发货")
    expect(card).not_to_contain_text("待支付")
    assert yuan(card.locator("dd.money").inner_text()) == goods["total_fen"]

    # A love-card order paid elsewhere (in WeChat): back on the page, its card says the cards were delivered.
    cards_order = api.call("POST", "/api/v1/cards/purchase", token, {"face_value_fen": 5000, "quantity": 1})
    _chat_places(page, cards_order, "确认")
    bought = page.get_by_role("log").locator(f'.order-card[data-order-no="{cards_order["order_no"]}"]')
    expect(bought).to_contain_text("待支付")
    expect(bought).to_contain_text("消费扶贫爱心卡")
    api.call("POST", f"/api/v1/orders/{cards_order['order_no']}/pay", token, {"method": "wechat"})
    deadline = time.monotonic() + 15
    while api.call("GET", f"/api/v1/orders/{cards_order['order_no']}", token)["status"] == "pending_payment":
        assert time.monotonic() < deadline, "the sandbox did not pay the card order"
        time.sleep(0.2)
    page.evaluate("window.dispatchEvent(new Event('focus'))")
    expect(bought).to_contain_text("已支付")
    expect(bought).to_contain_text("爱心卡已发放")
    expect(bought).not_to_contain_text("待发货")
    expect(page.locator("#orders .order-row").filter(has_text=cards_order["order_no"])).to_contain_text("爱心卡已发放")
    expect(page.locator("#cards .love-card")).to_have_count(2)  # the delivered card is in 我的爱心卡 too

    # The conversation kept for this tab keeps the new states.
    page.reload()
    expect(page.get_by_role("log").locator(f'.order-card[data-order-no="{goods["order_no"]}"]')).to_contain_text("已支付")
    expect(page.get_by_role("log").locator(f'.order-card[data-order-no="{cards_order["order_no"]}"]')) \
        .to_contain_text("爱心卡已发放")
