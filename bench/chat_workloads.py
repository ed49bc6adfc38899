"""The chat benchmark's workload: many consumers sending a mix of everyday messages to POST /api/v1/chat.

Each request is one message from a consumer drawn at random from CONSUMERS (wrk_bodies.lua's
BENCH_TOKENS), so dialogue state is read and written for many users, as in production. The mix covers
every kind of turn that does not place an order: greetings, searches, price questions, orders that
stop at the confirmation (their drafts are overwritten by later messages), card purchases up to the
summary, balances, order status and cancels.
"""
from __future__ import annotations

import json
from typing import Any

from order_workloads import Api, WorkloadError

CONSUMERS = 200
MESSAGES = [
    "你好", "有没有贵州的扶贫产品", "苹果多少钱", "来两箱静宁苹果", "我想买蜂蜜", "第二个", "三瓶", "改成两瓶",
    "买一张两百元的爱心卡", "我的爱心卡还有多少钱", "我的订单到哪了", "算了", "佛冈的鸡蛋怎么卖", "再来一袋大米",
    "有什么茶叶推荐", "帮助",
]


class ChatWorkload:
    def __init__(self, api: Api) -> None:
        self.api = api
        self.tokens = [api.consumer(f"bench-chat-{i}") for i in range(CONSUMERS)]
        self.bodies = [json.dumps({"message": m}, ensure_ascii=False) for m in MESSAGES]
        self.token = self.tokens[0]

    def check(self) -> None:
        answer = self.api.call("POST", "/api/v1/chat", {"message": "来两箱静宁苹果"}, self.token)
        if not answer.get("reply") or answer.get("intent") != "order":
            raise WorkloadError(f"the chat answered {answer!r}")

    def before_run(self, seconds: int) -> dict[str, str]:
        return {"BENCH_TOKEN": self.token, "BENCH_TOKENS": "\n".join(self.tokens),
                "BENCH_BODIES": "\n".join(self.bodies)}

    def after_run(self, rps: float) -> dict[str, Any]:
        return {}


def build_chat_workload(base_url: str) -> dict[str, ChatWorkload]:
    return {"chat": ChatWorkload(Api(base_url))}
