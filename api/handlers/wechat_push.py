"""WeChat message push (消息推送): the URL the mini program console points at.

GET is the console's check of the URL (echo `echostr`). POST carries a user's message: verified, decrypted in safe
mode, recorded once by MsgId, answered "success" at once; the assistant's reply goes out in the background
(api/wechat/push_relay.py). Events get "success" and nothing else. Without WECHAT_PUSH_TOKEN both answer 404.
"""
from __future__ import annotations

from aiohttp import web

from api.keys import WECHAT_PUSH, WECHAT_PUSH_RELAY
from api.routing import PUBLIC, Route
from api.schemas.wechat_push import PushQuery, PushVerifyQuery
from api.validation import parse_query
from api.wechat.push_crypto import check_signature
from api.wechat.push_messages import EVENT, PushMessage, encrypted_text, parse_fields, parse_message
from api.wechat.push_relay import PushConfig
from models.clock import now_utc
from models.errors import Forbidden, NotFound, Unavailable
from models.services import wechat_push

SAFE_MODE = "aes"


def _config(request: web.Request) -> PushConfig:
    config = request.config_dict.get(WECHAT_PUSH)
    if config is None:
        raise NotFound("not_found", "未启用微信消息推送")
    return config


def _text(text: str) -> web.Response:
    return web.Response(text=text, content_type="text/plain")


async def push_verify(request: web.Request) -> web.Response:
    config = _config(request)
    query = parse_query(request, PushVerifyQuery)
    check_signature(query.signature, config.token, query.timestamp, query.nonce)
    return _text(query.echostr)


async def push_receive(request: web.Request) -> web.Response:
    config = _config(request)
    query = parse_query(request, PushQuery)
    message = _open(config, query, await request.read())
    if message.msg_type != EVENT and await wechat_push.take_message(message.dedupe_key, message.openid,
                                                                    message.msg_type):
        request.config_dict[WECHAT_PUSH_RELAY].submit(message)
    return _text("success")


def _open(config: PushConfig, query: PushQuery, body: bytes) -> PushMessage:
    """Check the signature (over Encrypt too in safe mode) and the timestamp, decrypt, parse."""
    if query.encrypt_type != SAFE_MODE:
        check_signature(query.signature, config.token, query.timestamp, query.nonce)
        _check_fresh(config, query.timestamp)
        return parse_message(parse_fields(body))
    if config.cipher is None:
        raise Unavailable("wechat_push_aes_not_configured", "未配置消息加密密钥（WECHAT_ENCODING_AES_KEY）")
    encrypted = encrypted_text(parse_fields(body))
    check_signature(query.msg_signature, config.token, query.timestamp, query.nonce, encrypted)
    _check_fresh(config, query.timestamp)
    return parse_message(parse_fields(config.cipher.decrypt(encrypted)))


def _check_fresh(config: PushConfig, timestamp: str) -> None:
    """A signed URL seen once must not carry forged messages later (plaintext mode signs no body)."""
    if not config.max_skew_seconds:
        return
    well_formed = timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12
    if not well_formed or abs(now_utc().timestamp() - int(timestamp)) > config.max_skew_seconds:
        raise Forbidden("wechat_push_stale", "消息时间戳超出允许范围")


ROUTES = [
    Route("GET", "/wechat/push", push_verify, PUBLIC,
          "WeChat message push URL check: echoes echostr when the signature is right (404 when push is off)",
          "wechat", query=PushVerifyQuery, response_media="text/plain"),
    Route("POST", "/wechat/push", push_receive, PUBLIC,
          "WeChat message push: a user's message (XML or JSON, plaintext or safe mode); answered \"success\", "
          "the assistant's reply goes out as a customer-service message", "wechat", query=PushQuery,
          request_media=("text/xml", "application/json"), response_media="text/plain"),
]
