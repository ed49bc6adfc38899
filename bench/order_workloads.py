"""The state bench/run.py's order benchmarks need, prepared through the real server's own API.

An order endpoint is driven by wrk with bench/wrk_bodies.lua: each request POSTs a body drawn at random
from a workload's `bodies`, as the consumer whose bearer token the workload holds. A workload also gets
hooks around every run (warm-ups included):

- `OrderManyProducts`: one consumer orders qty 1 of any sellable product; every product's stock is set to
  1,000,000 once beforehand, so the runs measure orders, not `out_of_stock` answers.
- `OrderHotProduct`: every request orders qty 1 of the same product, whose stock is reset before each run
  to a level that runs out during it, so that the run has both orders and `out_of_stock` answers. The
  level follows the previous run's req/s (a third of what it answered in as many seconds: sold out
  roughly half-way, whatever the machine does); the first run, the warm-up, gets HOT_STOCK_PER_SECOND
  per second. Each run uses a fresh consumer, so that consumer's order count is the number of orders the
  run placed (wrk's own count of 201 answers misses the requests in flight when it stops); after the run
  the stock taken must equal that count and the stock must not be below zero (no oversell).
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

ADMIN = {"username": "admin", "password": "aixin-admin-demo"}  # created by DEMO=1 (models/services/demo.py)
ADDRESS = {"name": "张三", "phone": "13800138000", "province": "广东省", "city": "清远市", "county": "佛冈县",
           "detail": "石角镇XX路8号"}
PLENTY = 1_000_000  # stock for the many-products run: never runs out
HOT_STOCK_PER_SECOND = 200  # the hot product's stock per second of its first run (the warm-up)
HOT_SELL_OUT_SHARE = 1 / 3  # later runs: this share of the requests the previous run answered per second
SETTLE_POLL_SECONDS, SETTLE_MAX_SECONDS = 0.3, 15  # waiting for the requests still in the server after wrk stops


class WorkloadError(Exception):
    """The API refused a preparation step; the message says which."""


class Api:
    """A minimal JSON client for the real server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = json.dumps(body).encode() if body is not None else None
        url = self.base_url + urllib.parse.quote(path, safe="/?=&")
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response) if response.status != 204 else None
        except urllib.error.HTTPError as exc:
            raise WorkloadError(f"{method} {path} answered {exc.code}: {exc.read()[:500]!r}") from exc

    def consumer(self, name: str) -> str:
        """Log a development consumer in (created on first login), give it a default address; its token."""
        token = self.call("POST", "/api/v1/auth/wechat", {"code": f"dev:{name}"})["token"]
        self.call("POST", "/api/v1/me/addresses", ADDRESS, token)
        return token

    def admin(self) -> str:
        return self.call("POST", "/api/v1/auth/staff", ADMIN)["token"]

    def sellable_skus(self) -> list[str]:
        """Every SKU the public search lists (it lists sellable products only), page by page."""
        skus: list[str] = []
        page = 1
        while True:
            answer = self.call("GET", f"/api/v1/products?q=&page_size=100&page={page}")
            skus += [item["sku"] for item in answer["items"]]
            if not answer["items"] or len(skus) >= answer["total"]:
                return skus
            page += 1

    def set_stock(self, admin: str, sku: str, stock: int) -> dict[str, Any]:
        return self.call("PATCH", f"/api/v1/admin/products/{sku}", {"stock": stock}, admin)

    def stock(self, admin: str, sku: str) -> int:
        return self.call("GET", f"/api/v1/admin/products/{sku}", token=admin)["stock"]

    def order_count(self, token: str) -> int:
        return self.call("GET", "/api/v1/orders?page_size=1", token=token)["total"]


def order_body(sku: str) -> str:
    return json.dumps({"items": [{"sku": sku, "qty": 1}]}, ensure_ascii=False)


class OrderWorkload:
    """Orders placed by one consumer; the wrk script draws every request's body from `bodies`."""

    def __init__(self, api: Api, admin: str, skus: list[str], label: str) -> None:
        self.api, self.admin, self.label = api, admin, label
        self.bodies = [order_body(sku) for sku in skus]
        self.runs = 0
        self.token = ""

    def consumer_name(self) -> str:
        """Unique across runs of the harness too: a --database-url database keeps its consumers."""
        return f"bench-{self.label}-{os.getpid()}-{int(time.time())}-{self.runs}"

    def check(self) -> None:
        """One order through the API, before loading the endpoint: a refusal stops the bench."""
        self.api.call("POST", "/api/v1/orders", json.loads(self.bodies[0]), self.token)

    def before_run(self, seconds: int) -> dict[str, str]:
        """Prepare one run; the environment for bench/wrk_bodies.lua."""
        self.runs += 1
        return {"BENCH_TOKEN": self.token, "BENCH_BODIES": "\n".join(self.bodies)}

    def after_run(self, rps: float) -> dict[str, Any]:
        """Check one run (`rps`: its requests per second); extra figures for its result (a "check" entry
        when something was verified)."""
        return {}


class OrderManyProducts(OrderWorkload):
    def __init__(self, api: Api, admin: str, skus: list[str]) -> None:
        super().__init__(api, admin, skus, "many")
        self.token = api.consumer(self.consumer_name())


class OrderHotProduct(OrderWorkload):
    def __init__(self, api: Api, admin: str, sku: str) -> None:
        super().__init__(api, admin, [sku], "hot")
        self.sku = sku
        self.initial_stock = 0
        self.stock_per_second = HOT_STOCK_PER_SECOND
        self.token = api.consumer(self.consumer_name())  # for the check order; each run gets its own

    def before_run(self, seconds: int) -> dict[str, str]:
        env = super().before_run(seconds)
        self.token = env["BENCH_TOKEN"] = self.api.consumer(self.consumer_name())
        self.api.set_stock(self.admin, self.sku, max(10, round(self.stock_per_second * seconds)))
        self.initial_stock = self.api.stock(self.admin, self.sku)
        return env

    def after_run(self, rps: float) -> dict[str, Any]:
        self.stock_per_second = HOT_SELL_OUT_SHARE * rps
        final, orders = self.settled()
        passed = final >= 0 and orders == self.initial_stock - final
        return {"check": {"name": "no oversell", "passed": passed, "sku": self.sku,
                          "initial": self.initial_stock, "final": final, "orders": orders}}

    def settled(self) -> tuple[int, int]:
        """(stock, orders) once two readings in a row agree: the requests wrk left in flight have finished."""
        deadline = time.monotonic() + SETTLE_MAX_SECONDS
        previous = None
        while True:
            time.sleep(SETTLE_POLL_SECONDS)
            reading = (self.api.stock(self.admin, self.sku), self.api.order_count(self.token))
            if reading == previous or time.monotonic() > deadline:
                return reading
            previous = reading


def build_workloads(base_url: str) -> dict[str, OrderWorkload]:
    """Both order workloads, keyed as bench/run.py's ENDPOINTS name them; the hot product is set aside
    from the many-products list so that one run's orders never move the other's stock."""
    api = Api(base_url)
    admin = api.admin()
    # Plenty of stock for every listed product (the hot one's is reset before each of its runs); the
    # admin API's answer also says whether the product is sellable today, as placing an order checks.
    skus = [sku for sku in api.sellable_skus() if api.set_stock(admin, sku, PLENTY)["sellable"]]
    if len(skus) < 2:
        raise WorkloadError(f"the catalogue has {len(skus)} sellable product(s): the order benchmarks need 2")
    hot, many = skus[0], skus[1:]
    return {"order_many": OrderManyProducts(api, admin, many), "order_hot": OrderHotProduct(api, admin, hot)}
