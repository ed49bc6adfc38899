"""WeChat message push: how fast WeChat gets its "success", and how long until every reply has been sent.

    python bench/push_bench.py [--messages 300] [--users 30] [--concurrency 16]

The real app (SQLite in a temporary folder, demo catalogue) and the fake WeChat API of the tests run in this
process on local ports. Messages (realistic ordering phrases, `--users` openids taking turns) are built and
encrypted with wechatpy, posted by `--concurrency` clients at once, once in XML plaintext mode and once in JSON
safe mode. Figures: the POST's latency (WeChat's limit is 5 s), and the time from the first POST until the fake
customer-service API has received every reply (assistant + token + send, in the background).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402
from wechatpy.crypto import PrpCrypto, WeChatCrypto  # noqa: E402
from wechatpy.utils import WeChatSigner  # noqa: E402

from api.app import create_app  # noqa: E402
from api.keys import WECHAT_PUSH_RELAY  # noqa: E402
from api.settings import Settings  # noqa: E402
from tests import fake_wechat  # noqa: E402

TOKEN, AES_KEY = "bench-token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
PHRASES = ["你好", "我想买蜂蜜", "有什么大米", "来两箱苹果", "佛冈的鸡蛋多少钱", "取消", "卡里余额", "订单到哪了"]


def sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def request_for(mode: str, n: int, users: int) -> tuple[dict[str, str], str, str]:
    message = {"ToUserName": "gh_bench", "FromUserName": f"wx-bench-{n % users}", "CreateTime": int(time.time()),
               "MsgType": "text", "Content": PHRASES[n % len(PHRASES)], "MsgId": 10_000_000 + n}
    timestamp, nonce = str(int(time.time())), str(n)
    query = {"signature": sign(TOKEN, timestamp, nonce), "timestamp": timestamp, "nonce": nonce}
    if mode == "xml-plain":
        body = "<xml>" + "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in message.items()) + "</xml>"
        return query, body, "text/xml"
    crypto = WeChatCrypto(TOKEN, AES_KEY, fake_wechat.APPID)
    encrypted = PrpCrypto(crypto.key).encrypt(json.dumps(message, ensure_ascii=False), fake_wechat.APPID).decode()
    query.update(encrypt_type="aes", msg_signature=sign(TOKEN, timestamp, nonce, encrypted))
    return query, json.dumps({"ToUserName": "gh_bench", "Encrypt": encrypted}), "application/json"


async def run_mode(mode: str, args: argparse.Namespace, folder: Path) -> None:
    wechat = TestServer(fake_wechat.make_app())
    await wechat.start_server()
    settings = Settings(
        database_url=f"sqlite://{folder / (mode + '.sqlite3')}", secret_key="bench-secret-key-0123456789", demo=True,
        var_dir=folder, wechat_api_base=str(wechat.make_url("")), wechat_appid=fake_wechat.APPID,
        wechat_secret=fake_wechat.SECRET, wechatpay_sandbox=True, wechat_push_token=TOKEN,
        wechat_encoding_aes_key=AES_KEY, log_level="WARNING",
    )
    server = TestServer(create_app(settings))
    await server.start_server()
    requests = [request_for(mode, n, args.users) for n in range(args.messages + 1)]
    latencies: list[float] = []
    queue: asyncio.Queue = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)

    async with aiohttp.ClientSession() as http:
        # One message first, not timed: the first reply of a process pays for the assistant's lazy set-up.
        query, body, content_type = queue.get_nowait()
        async with http.post(server.make_url("/wechat/push"), params=query, data=body.encode(),
                             headers={"Content-Type": content_type}) as resp:
            assert resp.status == 200
        while len(wechat.app[fake_wechat.SENT]) < 1:
            await asyncio.sleep(0.005)
        wechat.app[fake_wechat.SENT].clear()

        async def client() -> None:
            while not queue.empty():
                query, body, content_type = queue.get_nowait()
                started = time.perf_counter()
                async with http.post(server.make_url("/wechat/push"), params=query, data=body.encode(),
                                     headers={"Content-Type": content_type}) as resp:
                    assert resp.status == 200 and await resp.text() == "success", await resp.text()
                latencies.append(time.perf_counter() - started)

        began = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(args.concurrency)))
        answered = time.perf_counter() - began
        relay = server.app[WECHAT_PUSH_RELAY]
        while relay.running or len(wechat.app[fake_wechat.SENT]) < args.messages:
            await asyncio.sleep(0.005)
            if time.perf_counter() - began > 300:
                break
        drained = time.perf_counter() - began
    sent = len(wechat.app[fake_wechat.SENT])
    await server.close()
    await wechat.close()
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{mode:10s} {args.messages} messages, {args.users} users, {args.concurrency} clients: "
          f"POST p50 {statistics.median(ms):.1f} ms, p99 {p99:.1f} ms, max {ms[-1]:.1f} ms; "
          f"all answered in {answered:.2f} s; {sent} replies sent after {drained:.2f} s "
          f"({sent / drained:.0f} replies/s); access tokens fetched: {len(wechat.app[fake_wechat.TOKENS])}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="push-bench-") as folder:
        for mode in ("xml-plain", "json-safe"):
            await run_mode(mode, args, Path(folder))


if __name__ == "__main__":
    asyncio.run(main())
