"""WeChat message push: signatures, XML and JSON bodies, plaintext and safe (AES) mode, one reply per MsgId.

Messages are built, signed and encrypted with wechatpy (an independent implementation); replies are checked where
WeChat would receive them: a local fake of the customer-service API (tests/fake_wechat.py).
"""
from __future__ import annotations

import asyncio
import base64
import json
import re
import time
from typing import Any

import pytest
import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.utils import WeChatSigner, check_signature

from api.keys import DATABASE, WECHAT_PUSH_RELAY
from api.settings import Settings
from api.wechat.push_crypto import signature
from models.storage.database import activated
from models.tables.users import User
from models.tables.wechat_messages import PushStatus, WeChatMessage
from tests import fake_wechat
from tests.support.http import admin_headers, auth, import_csv

TOKEN = "aixin-push-token"
AES_KEY = base64.b64encode(bytes(range(7, 39))).decode()[:-1]  # 43 characters, like the console's
OTHER_KEY = base64.b64encode(bytes(range(100, 132))).decode()[:-1]
MINI_PROGRAM = "gh_0123456789ab"
NONCE = "1514711492"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
async def wechat(aiohttp_server):
    return await aiohttp_server(fake_wechat.make_app())


def push_settings(wechat: Any, **overrides: Any) -> dict[str, Any]:
    return {
        "wechat_api_base": str(wechat.make_url("")), "wechat_appid": fake_wechat.APPID,
        "wechat_secret": fake_wechat.SECRET, "wechatpay_sandbox": True, "wechat_push_token": TOKEN,
        "wechat_encoding_aes_key": AES_KEY, **overrides,
    }


@pytest.fixture
async def push_client(make_client, wechat):
    return await make_client(**push_settings(wechat))


# --- building what WeChat sends --------------------------------------------------------------------

def now() -> str:
    return str(int(time.time()))


def sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def flipped(signature: str) -> str:
    """The signature with its last hex digit changed (always a different string, unlike replacing it by "0")."""
    return signature[:-1] + ("1" if signature[-1] == "0" else "0")


def plain_query(timestamp: str | None = None, token: str = TOKEN) -> dict[str, str]:
    timestamp = timestamp or now()
    return {"signature": sign(token, timestamp, NONCE), "timestamp": timestamp, "nonce": NONCE}


def fields(openid: str, content: str, msg_id: int, msg_type: str = "text") -> dict[str, Any]:
    return {"ToUserName": MINI_PROGRAM, "FromUserName": openid, "CreateTime": int(time.time()),
            "MsgType": msg_type, "Content": content, "MsgId": msg_id}


def as_xml(message: dict[str, Any]) -> str:
    return xmltodict.unparse({"xml": message}, full_document=False)


def as_json(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False)


def safe_xml(plain: str, key: str = AES_KEY, appid: str = fake_wechat.APPID) -> tuple[str, dict[str, str]]:
    """wechatpy's envelope (<Encrypt>, <MsgSignature> …) and the query WeChat sends with it."""
    timestamp = now()
    envelope = WeChatCrypto(TOKEN, key, appid).encrypt_message(plain, NONCE, timestamp)
    msg_signature = xmltodict.parse(envelope)["xml"]["MsgSignature"]
    return envelope, {**plain_query(timestamp), "encrypt_type": "aes", "msg_signature": msg_signature}


def safe_json(plain: str, key: str = AES_KEY, appid: str = fake_wechat.APPID) -> tuple[str, dict[str, str]]:
    """The JSON data format's envelope {"ToUserName", "Encrypt"}, encrypted by wechatpy."""
    timestamp = now()
    crypto = WeChatCrypto(TOKEN, key, appid)
    encrypted = PrpCrypto(crypto.key).encrypt(plain, appid).decode()
    body = json.dumps({"ToUserName": MINI_PROGRAM, "Encrypt": encrypted})
    query = {**plain_query(timestamp), "encrypt_type": "aes", "msg_signature": sign(TOKEN, timestamp, NONCE, encrypted)}
    return body, query


def encode(mode: str, message: dict[str, Any]) -> tuple[str, dict[str, str], str]:
    """Body, query and content type of `message` in one of the four ways WeChat can push it."""
    fmt, security = mode.split("-")
    text = as_xml(message) if fmt == "xml" else as_json(message)
    content_type = "text/xml" if fmt == "xml" else "application/json"
    if security == "plain":
        return text, plain_query(), content_type
    body, query = (safe_xml if fmt == "xml" else safe_json)(text)
    return body, query, content_type


async def push(client, body: str | bytes, query: dict[str, str], content_type: str = "text/xml") -> tuple[int, str]:
    resp = await client.post("/wechat/push", params=query, data=body, headers={"Content-Type": content_type})
    return resp.status, await resp.text()


async def settled(client) -> None:
    """Wait until the replies started by the pushes so far have been sent (or have failed)."""
    relay = client.app[WECHAT_PUSH_RELAY]
    for _ in range(1000):
        if relay.running == 0:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("push replies still running")


def sent(wechat) -> list[dict[str, Any]]:
    return [entry["message"] for entry in wechat.app[fake_wechat.SENT]]


async def chat_reply(client, code: str, text: str) -> str:
    """What POST /api/v1/chat answers `text` for a fresh user logged in with WeChat code `code`."""
    login = await client.post("/api/v1/auth/wechat", json={"code": code})
    assert login.status == 200, await login.text()
    resp = await client.post("/api/v1/chat", json={"message": text}, headers=auth((await login.json())["token"]))
    assert resp.status == 200, await resp.text()
    return (await resp.json())["reply"]


def assert_error(status: int, text: str, expected_status: int, code: str) -> None:
    assert status == expected_status, text
    assert json.loads(text)["error"]["code"] == code


# --- signatures and the URL check --------------------------------------------------------------------

async def test_wechat_published_signature_vector(make_client, wechat):
    expected = "f464b24fc39322e44b38aa78f5edd27bd1441696"
    assert signature("AAAAA", "1714036504", "1514711492") == expected
    check_signature("AAAAA", expected, "1714036504", "1514711492")  # wechatpy agrees
    client = await make_client(**push_settings(wechat, wechat_push_token="AAAAA"))
    resp = await client.get("/wechat/push", params={
        "signature": expected, "timestamp": "1714036504", "nonce": "1514711492", "echostr": "4375120948345356249"})
    assert resp.status == 200
    assert resp.content_type == "text/plain"
    assert await resp.text() == "4375120948345356249"


async def test_url_check_echoes_echostr_only_with_the_right_signature(push_client):
    query = {**plain_query(), "echostr": "hello-wechat"}
    resp = await push_client.get("/wechat/push", params=query)
    assert resp.status == 200
    assert await resp.text() == "hello-wechat"
    wrong = flipped(query["signature"])
    with pytest.raises(InvalidSignatureException):
        check_signature(TOKEN, wrong, query["timestamp"], NONCE)
    for bad in ({**query, "signature": wrong}, {**query, "nonce": "1"},
                {"echostr": "x"}, {**query, "signature": "签名"}):
        resp = await push_client.get("/wechat/push", params=bad)
        assert_error(resp.status, await resp.text(), 403, "wechat_push_bad_signature")


async def test_push_is_off_without_a_token(make_client, wechat):
    client = await make_client(**push_settings(wechat, wechat_push_token="", wechat_encoding_aes_key=""))
    resp = await client.get("/wechat/push", params={**plain_query(), "echostr": "x"})
    assert_error(resp.status, await resp.text(), 404, "not_found")
    status, text = await push(client, as_xml(fields("wx-openid-off", "你好", 1)), plain_query())
    assert_error(status, text, 404, "not_found")


def test_settings_refuse_a_bad_aes_key_or_a_token_without_secret(settings):
    with pytest.raises(ValueError, match="WECHAT_ENCODING_AES_KEY"):
        Settings(secret_key="x" * 20, wechat_appid="a", wechat_secret="s", wechat_push_token="t",
                 wechat_encoding_aes_key="too-short")
    with pytest.raises(ValueError, match="WECHAT_SECRET"):
        Settings(secret_key="x" * 20, wechat_appid="a", wechat_push_token="t")
    Settings(secret_key="x" * 20, wechat_appid="a", wechat_secret="s", wechat_push_token="t",
             wechat_encoding_aes_key=AES_KEY)


# --- messages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["xml-plain", "json-plain", "xml-safe", "json-safe"])
async def test_a_text_message_gets_the_assistants_reply_as_a_customer_service_message(push_client, wechat, mode):
    openid = f"wx-openid-push{mode.replace('-', '')}"
    body, query, content_type = encode(mode, fields(openid, "你好，有什么扶贫产品？", 7001))
    status, text = await push(push_client, body, query, content_type)
    assert (status, text) == (200, "success")
    await settled(push_client)

    expected = await chat_reply(push_client, "good-chat", "你好，有什么扶贫产品？")  # a fresh user, same words
    assert sent(wechat) == [{"touser": openid, "msgtype": "text", "text": {"content": expected}}]
    assert expected.encode() in wechat.app[fake_wechat.SENT][0]["raw"]  # UTF-8, not \u escapes


async def test_a_conversation_pushed_back_to_back_follows_the_same_dialogue_as_the_chat(push_client, wechat,
                                                                                        small_catalog):
    await import_csv(push_client, small_catalog, await admin_headers(push_client))
    turns = ["我想买苹果", "静宁的", "两箱"]
    for n, text in enumerate(turns):  # no waiting in between: the replies must still come in order
        assert await push(push_client, as_json(fields("wx-openid-talk", text, 7100 + n)), plain_query(),
                          "application/json") == (200, "success")
    await settled(push_client)

    login = await push_client.post("/api/v1/auth/wechat", json={"code": "good-listener"})
    headers = auth((await login.json())["token"])
    expected = []
    for text in turns:
        resp = await push_client.post("/api/v1/chat", json={"message": text}, headers=headers)
        expected.append((await resp.json())["reply"])
    assert [m["text"]["content"] for m in sent(wechat)] == expected
    assert len(set(expected)) == 3  # three different answers: a list, a quantity question, an address question


async def test_the_pushing_user_is_the_consumer_the_wechat_login_finds(push_client, wechat):
    await push(push_client, as_xml(fields("wx-openid-42", "你好", 8001)), plain_query())
    await settled(push_client)
    with activated(push_client.app[DATABASE]):
        created = await User.get(openid="wx-openid-42")
        message = await WeChatMessage.get(msg_key="8001")
    login = await push_client.post("/api/v1/auth/wechat", json={"code": "good-42"})  # the fake gives wx-openid-42
    user = (await login.json())["user"]
    assert user["id"] == created.id
    assert user["role"] == "consumer"
    assert message.openid == "wx-openid-42"
    assert message.status == PushStatus.SENT


async def test_a_deactivated_consumer_gets_no_reply(push_client, wechat):
    with activated(push_client.app[DATABASE]):
        await User.create(openid="wx-openid-gone", nickname="gone", is_active=False)
    assert await push(push_client, as_xml(fields("wx-openid-gone", "你好", 8101)), plain_query()) == (200, "success")
    await settled(push_client)
    assert sent(wechat) == []
    with activated(push_client.app[DATABASE]):
        assert (await WeChatMessage.get(msg_key="8101")).status == PushStatus.IGNORED


async def test_a_repeated_msgid_is_answered_once(push_client, wechat):
    message = fields("wx-openid-again", "买蜂蜜", 9001)
    for _ in range(2):
        assert await push(push_client, as_xml(message), plain_query()) == (200, "success")
    body, query, content_type = encode("json-safe", message)  # the same MsgId in another form
    assert await push(push_client, body, query, content_type) == (200, "success")
    racing = await asyncio.gather(*(push(push_client, as_xml(message), plain_query()) for _ in range(5)))
    assert all(result == (200, "success") for result in racing)
    await settled(push_client)
    assert [m["touser"] for m in sent(wechat)] == ["wx-openid-again"]


async def test_other_message_types_get_a_hint_and_events_nothing(push_client, wechat):
    image = {**fields("wx-openid-pic", "", 9101, msg_type="image"), "PicUrl": "http://example.invalid/a.jpg"}
    event = {"ToUserName": MINI_PROGRAM, "FromUserName": "wx-openid-pic", "CreateTime": int(time.time()),
             "MsgType": "event", "Event": "user_enter_tempsession", "SessionFrom": "wxapp"}
    for message in (image, event):
        assert await push(push_client, as_xml(message), plain_query()) == (200, "success")
    await settled(push_client)
    [hint] = sent(wechat)
    assert hint["touser"] == "wx-openid-pic"
    assert CJK.search(hint["text"]["content"])


# --- refusals ------------------------------------------------------------------------------------------

async def test_bad_signatures_are_refused_and_nothing_is_sent(push_client, wechat):
    message = as_xml(fields("wx-openid-bad", "你好", 9201))
    query = plain_query()
    status, text = await push(push_client, message, {**query, "signature": "0" * 40})
    assert_error(status, text, 403, "wechat_push_bad_signature")
    status, text = await push(push_client, message, plain_query(token="not-our-token"))
    assert_error(status, text, 403, "wechat_push_bad_signature")
    body, safe_query = safe_xml(message)
    status, text = await push(push_client, body, {**safe_query, "msg_signature": sign(TOKEN, "1", NONCE, "x")})
    assert_error(status, text, 403, "wechat_push_bad_signature")
    status, text = await push(push_client, message, plain_query(timestamp=str(int(time.time()) - 3600)))
    assert_error(status, text, 403, "wechat_push_stale")
    await settled(push_client)
    assert sent(wechat) == []


async def test_tampered_payload_or_wrong_appid_is_refused_without_a_500(push_client, wechat):
    message = as_json(fields("wx-openid-tamper", "你好", 9301))
    body, query = safe_json(message)
    encrypted = json.loads(body)["Encrypt"]
    raw = bytearray(base64.b64decode(encrypted))
    raw[-17] ^= 0x5A  # flips the padding byte of the last block: 1..32 becomes 64 or more
    tampered = base64.b64encode(bytes(raw)).decode()
    # Unsigned tampering fails the signature; re-signed tampering (someone with the token) fails decryption.
    status, text = await push(push_client, json.dumps({"Encrypt": tampered}), query, "application/json")
    assert_error(status, text, 403, "wechat_push_bad_signature")
    resigned = {**query, "msg_signature": sign(TOKEN, query["timestamp"], NONCE, tampered)}
    status, text = await push(push_client, json.dumps({"Encrypt": tampered}), resigned, "application/json")
    assert_error(status, text, 400, "wechat_push_decrypt_failed")
    for junk in ("not base64!", base64.b64encode(b"short").decode(), ""):
        junk_query = {**query, "msg_signature": sign(TOKEN, query["timestamp"], NONCE, junk)}
        status, text = await push(push_client, json.dumps({"Encrypt": junk}), junk_query, "application/json")
        assert status in (400, 403), text
        assert "error" in json.loads(text), text

    body, query = safe_xml(as_xml(fields("wx-openid-tamper", "你好", 9302)), appid="wx-someone-else")
    status, text = await push(push_client, body, query)
    assert_error(status, text, 403, "wechat_push_wrong_appid")
    body, query = safe_xml(as_xml(fields("wx-openid-tamper", "你好", 9303)), key=OTHER_KEY)
    status, text = await push(push_client, body, query)
    assert status in (400, 403), text
    assert "error" in json.loads(text), text
    await settled(push_client)
    assert sent(wechat) == []


async def test_safe_mode_without_a_key_is_refused(make_client, wechat):
    client = await make_client(**push_settings(wechat, wechat_encoding_aes_key=""))
    body, query = safe_xml(as_xml(fields("wx-openid-nokey", "你好", 9401)))
    status, text = await push(client, body, query)
    assert_error(status, text, 503, "wechat_push_aes_not_configured")


@pytest.mark.parametrize("body", [
    b"", b"   ", b"garbage", b"[1, 2]", b"{", b"<xml><FromUserName>x", b"<notxml/>",
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    b"<xml><Content>&lol2;</Content></xml>",
    json.dumps({"FromUserName": "wx-openid-x", "MsgType": "text"}).encode(),  # no CreateTime
    json.dumps(fields("wx openid; DROP TABLE", "你好", 1)).encode(),
    json.dumps(fields("wx-openid-x\u0000", "你好", 2)).encode(),
    json.dumps({**fields("wx-openid-x", "你好", 3), "MsgId": "1; --"}).encode(),
    json.dumps({**fields("wx-openid-x", "你好", 4), "CreateTime": "yesterday"}).encode(),
    b"<xml><FromUserName>wx-openid-x</FromUserName><Content>\x01</Content></xml>",
    b"\xff\xfe<\x00x\x00",
    b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b"<xml>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</xml>",
])
async def test_malformed_bodies_are_4xx_with_the_error_shape(push_client, wechat, body):
    status, text = await push(push_client, body, plain_query())
    assert_error(status, text, 400, "wechat_push_malformed")


@pytest.mark.parametrize("content", [
    "", "   ", "蜂" * 10_000, "🍯🍯🙏😀", "你好\u0000\u0007\u001b[31m 买蜂蜜\u200b", "'; DROP TABLE app_user; --",
    "Ｈｅｌｌｏ 蜂蜜 مرحبا",
])
@pytest.mark.parametrize("fmt", ["xml", "json"])
async def test_hostile_content_gets_a_chinese_reply_never_a_500(push_client, wechat, content, fmt):
    message = fields("wx-openid-hostile", content, 9500)
    body, query, content_type = encode(f"{fmt}-plain", message)
    status, text = await push(push_client, body.encode(), query, content_type)
    if fmt == "xml" and "\u0000" in content:  # XML 1.0 cannot carry NUL: the parser refuses the body
        assert_error(status, text, 400, "wechat_push_malformed")
        return
    assert (status, text) == (200, "success")
    await settled(push_client)
    [reply] = sent(wechat)
    assert reply["touser"] == "wx-openid-hostile"
    assert CJK.search(reply["text"]["content"])


# --- the access token -----------------------------------------------------------------------------------

async def test_the_access_token_is_cached_and_refreshed_when_expired(push_client, wechat):
    for n, openid in enumerate(["wx-openid-t1", "wx-openid-t2"]):
        await push(push_client, as_xml(fields(openid, "你好", 9600 + n)), plain_query())
        await settled(push_client)
    assert wechat.app[fake_wechat.TOKENS] == ["access-token-1"]
    fake_wechat.expire_tokens(wechat.app)
    await push(push_client, as_xml(fields("wx-openid-t3", "你好", 9602)), plain_query())
    await settled(push_client)
    assert wechat.app[fake_wechat.TOKENS] == ["access-token-1", "access-token-2"]
    assert [m["touser"] for m in sent(wechat)] == ["wx-openid-t1", "wx-openid-t2", "wx-openid-t3"]
    assert wechat.app[fake_wechat.SENT][-1]["token"] == "access-token-2"


async def test_an_unreachable_wechat_api_is_recorded_as_failed(make_client, wechat):
    client = await make_client(**push_settings(wechat, wechat_api_base="http://127.0.0.1:9"))
    assert await push(client, as_xml(fields("wx-openid-down", "你好", 9700)), plain_query()) == (200, "success")
    await settled(client)
    with activated(client.app[DATABASE]):
        message = await WeChatMessage.get(msg_key="9700")
    assert message.status == PushStatus.FAILED
    assert message.handled_at is not None
