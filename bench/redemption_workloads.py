"""The state bench/run.py's redemption benchmarks need, prepared through the real server's own API.

A redemption endpoint (`POST /api/v1/merchant/redemptions`) is driven by wrk with bench/wrk_bodies.lua as the
demo counter clerk. The bodies name a card by its printed QR text (an unclaimed, bearer card redeems
directly) and qty 1 of the first product the public search lists; each carries the placeholder KEY_PLACEHOLDER
as its idempotency key, which the Lua script replaces with a key unique to the request (the same key with
the same body would replay the first answer without debiting again). The bodies go to wrk in a file
(BENCH_BODIES_FILE): 2,000 of them are more than one environment variable may hold.

- `RedeemManyCards`: one batch of MANY_CARDS cards of 10,000 yuan, bodies spread over all of them. When the
  batch's outstanding balance falls below half of its face total, a fresh batch replaces it for the next
  run, so no card runs dry during a run (a 409 there would be an error). The cards are drawn at random, so
  some are spent well above the average: at 1,000 yuan (25 redemptions) a few ran dry at 1,600 redemptions
  a second; 10,000 yuan is 250 redemptions, far beyond what a run draws on any one card.
- `RedeemHotCard`: every request redeems the same card, a batch of one issued afresh before every run, whose
  face value is sized so that it runs dry part-way (like the hot product's stock: the warm-up gets
  HOT_REDEMPTIONS_PER_SECOND redemptions per second, later runs a third of what the previous run answered
  per second), rounded up to one of the face values the harness configures (CARD_FACE_VALUES_YUAN). The 409
  `card_insufficient_balance` answers are part of the load. After each run, once the requests still in the
  server are done, the batch report must show no overdraft: outstanding ≥ 0 and spent + outstanding ==
  face × activated cards.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from order_workloads import Api, WorkloadError

CLERK = {"username": "clerk", "password": "aixin-clerk-demo"}  # created by DEMO=1 (models/services/demo.py)
KEY_PLACEHOLDER = "@KEY@"  # replaced per request by bench/wrk_bodies.lua
# The face values the real server accepts during the bench (its CARD_FACE_VALUES, set by bench/run.py): the
# defaults (50 … 1,000 yuan) and larger ones, so that the hot card can last part of a run at any speed.
CARD_FACE_VALUES_YUAN = (50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000,
                         1000000)
MANY_CARDS, MANY_FACE_FEN = 2000, 1_000_000
HOT_REDEMPTIONS_PER_SECOND = 100  # the hot card's redemptions per second of its first run (the warm-up)
HOT_DRY_SHARE = 1 / 3  # later runs: this share of the requests the previous run answered per second
ISSUE_TIMEOUT_SECONDS = 120
SETTLE_POLL_SECONDS, SETTLE_MAX_SECONDS = 0.3, 15


def redeem_body(qr: str, sku: str) -> str:
    return json.dumps({"code": qr, "items": [{"sku": sku, "qty": 1}], "idempotency_key": KEY_PLACEHOLDER},
                      ensure_ascii=False)


class Batches:
    """Card batches through the admin API."""

    def __init__(self, api: Api, admin: str) -> None:
        self.api, self.admin = api, admin

    def issue(self, face_fen: int, count: int, note: str) -> int:
        """Create a batch, wait until its cards are issued, activate it; its id."""
        batch = self.api.call("POST", "/api/v1/admin/card-batches",
                              {"organization": "bench", "face_value_fen": face_fen, "count": count,
                               "expires_at": "2030-12-31", "note": note}, self.admin)
        deadline = time.monotonic() + ISSUE_TIMEOUT_SECONDS
        while batch["state"] != "issued":
            if batch["state"] == "failed" or time.monotonic() > deadline:
                raise WorkloadError(f"card batch {batch['id']} was not issued (state {batch['state']}, "
                                    f"error {batch.get('error')!r})")
            time.sleep(0.2)
            batch = self.get(batch["id"])
        self.api.call("POST", f"/api/v1/admin/card-batches/{batch['id']}/activate", {}, self.admin)
        return batch["id"]

    def get(self, batch_id: int) -> dict[str, Any]:
        return self.api.call("GET", f"/api/v1/admin/card-batches/{batch_id}", token=self.admin)

    def cards(self, batch_id: int) -> list[dict[str, Any]]:
        cards: list[dict[str, Any]] = []
        page = 1
        while True:
            answer = self.api.call("GET", f"/api/v1/admin/card-batches/{batch_id}/cards?page={page}&page_size=1000",
                                   token=self.admin)
            cards += answer["items"]
            if not answer["items"] or len(cards) >= answer["total"]:
                return cards
            page += 1


class RedemptionWorkload:
    """Redemptions by the demo clerk; bench/wrk_bodies.lua reads the bodies from `bodies_file`."""

    def __init__(self, api: Api, batches: Batches, clerk: str, sku: str, price_fen: int, tmp: Path,
                 label: str) -> None:
        self.api, self.batches, self.token, self.sku, self.price_fen = api, batches, clerk, sku, price_fen
        self.label = label
        self.bodies_file = tmp / f"bodies-{label}.txt"
        self.runs = 0
        self.batch_id = 0

    def key_prefix(self) -> str:
        """Unique across runs of the harness too: a --database-url database keeps the merchant's keys."""
        return f"{self.label}-{os.getpid()}-{int(time.time())}-{self.runs}"

    def use_batch(self, batch_id: int) -> None:
        self.batch_id = batch_id
        qrs = [card["qr"] for card in self.batches.cards(batch_id)]
        self.bodies_file.write_text("\n".join(redeem_body(qr, self.sku) for qr in qrs) + "\n")

    def check(self) -> None:
        """One redemption through the API, before loading the endpoint: a refusal stops the bench."""
        body = json.loads(self.bodies_file.read_text().splitlines()[0])
        body["idempotency_key"] = f"check-{self.key_prefix()}"
        self.api.call("POST", "/api/v1/merchant/redemptions", body, self.token)

    def before_run(self, seconds: int) -> dict[str, str]:
        self.runs += 1
        return {"BENCH_TOKEN": self.token, "BENCH_BODIES_FILE": str(self.bodies_file),
                "BENCH_KEY_PREFIX": self.key_prefix()}

    def after_run(self, rps: float) -> dict[str, Any]:
        return {}


class RedeemManyCards(RedemptionWorkload):
    def __init__(self, api: Api, batches: Batches, clerk: str, sku: str, price_fen: int, tmp: Path) -> None:
        super().__init__(api, batches, clerk, sku, price_fen, tmp, "many")
        self.fresh_batch()

    def fresh_batch(self) -> None:
        self.use_batch(self.batches.issue(MANY_FACE_FEN, MANY_CARDS, "bench: redemption (many cards)"))

    def after_run(self, rps: float) -> dict[str, Any]:
        report = self.batches.get(self.batch_id)["report"]
        if report["outstanding_fen"] < MANY_FACE_FEN * MANY_CARDS // 2:
            self.fresh_batch()
        return {}


class RedeemHotCard(RedemptionWorkload):
    def __init__(self, api: Api, batches: Batches, clerk: str, sku: str, price_fen: int, tmp: Path) -> None:
        super().__init__(api, batches, clerk, sku, price_fen, tmp, "hot")
        self.per_second = HOT_REDEMPTIONS_PER_SECOND
        self.face_fen = CARD_FACE_VALUES_YUAN[0] * 100
        self.fresh_card(1)  # for the check request; every run gets its own

    def fresh_card(self, redemptions: float) -> None:
        wanted = max(1, round(redemptions)) * self.price_fen
        self.face_fen = next((y * 100 for y in CARD_FACE_VALUES_YUAN if y * 100 >= wanted),
                             CARD_FACE_VALUES_YUAN[-1] * 100)
        self.use_batch(self.batches.issue(self.face_fen, 1, "bench: redemption (hot card)"))

    def before_run(self, seconds: int) -> dict[str, str]:
        self.fresh_card(self.per_second * seconds)
        return super().before_run(seconds)

    def after_run(self, rps: float) -> dict[str, Any]:
        self.per_second = HOT_DRY_SHARE * rps
        report, activated = self.settled()
        spent, outstanding = report["spent_fen"], report["outstanding_fen"]
        passed = outstanding >= 0 and spent + outstanding == self.face_fen * activated
        detail = (f"face {self.face_fen} fen × {activated} card, spent {spent}, outstanding {outstanding}, "
                  f"{spent // self.price_fen} × {self.price_fen} fen debited")
        return {"check": {"name": "no overdraft", "passed": passed, "detail": detail, "batch": self.batch_id,
                          "face_fen": self.face_fen, "activated": activated, "spent_fen": spent,
                          "outstanding_fen": outstanding, "redemptions": spent // self.price_fen}}

    def settled(self) -> tuple[dict[str, int], int]:
        """The batch report once two readings in a row agree: the requests wrk left in flight have finished."""
        deadline = time.monotonic() + SETTLE_MAX_SECONDS
        previous = None
        while True:
            time.sleep(SETTLE_POLL_SECONDS)
            report = self.batches.get(self.batch_id)["report"]
            if report == previous or time.monotonic() > deadline:
                return report, report["activated"]
            previous = report


def build_redemption_workloads(base_url: str, tmp: Path) -> dict[str, RedemptionWorkload]:
    """Both redemption workloads, keyed as bench/run.py's ENDPOINTS name them."""
    api = Api(base_url)
    batches = Batches(api, api.admin())
    clerk = api.call("POST", "/api/v1/auth/staff", CLERK)["token"]
    items = api.call("GET", "/api/v1/products?q=&page_size=1")["items"]
    if not items:
        raise WorkloadError("the catalogue lists no product: nothing to redeem")
    sku = items[0]["sku"]
    price_fen = api.call("GET", f"/api/v1/products/{sku}")["price_fen"]
    return {"redeem_many": RedeemManyCards(api, batches, clerk, sku, price_fen, tmp),
            "redeem_hot": RedeemHotCard(api, batches, clerk, sku, price_fen, tmp)}
