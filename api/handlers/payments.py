"""Paying orders, and the WeChat Pay v3 notification endpoint."""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from aiohttp import web

from api.auth import current_user
from api.keys import HTTP_CLIENT, WECHATPAY
from api.responses import json_ok
from api.routing import CONSUMER, PUBLIC, Route
from api.schemas.orders import OrderNoPath, PayIn, PayOut
from api.schemas.payments import NotifyFail
from api.validation import parse_json, parse_path
from api.wechat.pay_client import WeChatPayV3
from api.wechat.pay_crypto import NotificationRejected, ResourceDecryptError, decrypt_json_resource, verify_notification
from models.errors import AppError, Invalid
from models.services import payments
from models.services.orders import order_for
from models.tables.orders import Order
from models.tables.payments import PaymentMethod

log = logging.getLogger(__name__)
PayMethod = Callable[[web.Request, Order, PayIn], Awaitable[PayOut]]


async def _pay_with_card(request: web.Request, order: Order, body: PayIn) -> PayOut:
    if body.card_no is None:
        raise Invalid("card_no_required", "使用爱心卡支付时须提供卡号")
    order = await payments.pay_with_card(current_user(request), order.order_no, body.card_no)
    return PayOut(order_no=order.order_no, method="card", status=order.status.value)


async def _pay_with_wechat(request: web.Request, order: Order, body: PayIn) -> PayOut:
    user = current_user(request)
    order, payment = await payments.start_payment(user, order.order_no, PaymentMethod.WECHAT)
    config = request.config_dict[WECHATPAY]
    provider = WeChatPayV3(
        request.config_dict[HTTP_CLIENT], config.api_base_for(request), config.appid, config.mchid,
        config.merchant_serial, config.merchant_private_key, timeout=10,
    )
    params = await provider.prepay(
        out_trade_no=payment.out_trade_no, amount_fen=payment.amount_fen, description=f"爱心助农订单 {order.order_no}",
        payer_openid=user.openid or f"user-{user.id}", notify_url=config.notify_url_for(request),
    )
    return PayOut(order_no=order.order_no, method="wechat", status=order.status.value, request_payment=params)


PAY_METHODS: dict[str, PayMethod] = {"wechat": _pay_with_wechat, "card": _pay_with_card}


async def pay_order(request: web.Request) -> web.Response:
    order_no = parse_path(request, OrderNoPath).order_no
    body = await parse_json(request, PayIn)
    method = PAY_METHODS.get(body.method)
    if method is None:
        raise Invalid("unsupported_payment_method", "不支持的支付方式", supported=sorted(PAY_METHODS))
    order = await order_for(current_user(request), order_no)
    return json_ok(await method(request, order, body))


def _fail(status: int, message: str) -> web.Response:
    """WeChat reads a failure as a non-2xx status with {"code": "FAIL", "message"} and retries later."""
    return web.json_response(NotifyFail(code="FAIL", message=message).model_dump(), status=status)


async def wechat_notify(request: web.Request) -> web.Response:
    """Verify, decrypt, check, record once. A raw copy of every notification is kept whatever happens."""
    body = await request.text()
    config = request.config_dict[WECHATPAY]
    outcome, transaction_id, reply = "rejected", None, _fail(400, "无法处理的通知")
    try:
        verify_notification(request.headers, body, config.platform_public_key, config.platform_serial)
        resource = decrypt_json_resource(config.apiv3_key, json.loads(body)["resource"])
        if resource.get("mchid") != config.mchid or resource.get("trade_state") != "SUCCESS":
            outcome, reply = "ignored", web.Response(status=204)
        else:
            transaction_id = str(resource["transaction_id"])
            outcome = await payments.confirm_payment(
                str(resource["out_trade_no"]), transaction_id, int(resource["amount"]["total"]),
                datetime.fromisoformat(resource["success_time"]),
            )
            reply = web.Response(status=204)
    except NotificationRejected as exc:
        outcome, reply = f"rejected:{exc.code}", _fail(401, exc.message)
    except ResourceDecryptError:
        outcome, reply = "rejected:decrypt", _fail(400, "通知内容无法解密")
    except (ValueError, KeyError, TypeError):
        outcome, reply = "rejected:malformed", _fail(400, "通知格式不正确")
    except AppError as exc:
        outcome, reply = f"rejected:{exc.code}", _fail(400, exc.message)
    finally:
        headers = {str(k): v for k, v in request.headers.items()}
        await payments.keep_notification("wechat", headers, body, outcome, transaction_id)
    log.info("wechat pay notification: %s %s", outcome, transaction_id or "")
    return reply


ROUTES = [
    Route("POST", "/api/v1/orders/{order_no}/pay", pay_order, CONSUMER,
          "Pay my unpaid order: returns the parameters for wx.requestPayment", "orders", body=PayIn, response=PayOut,
          path_params=OrderNoPath),
    Route("POST", "/api/v1/payments/wechat/notify", wechat_notify, PUBLIC,
          "WeChat Pay v3 payment notification (signed and encrypted): 204 once handled, otherwise a non-2xx status "
          "with WeChat's {\"code\": \"FAIL\"} body, and WeChat retries", "payments", status=204, error_body=NotifyFail),
]
