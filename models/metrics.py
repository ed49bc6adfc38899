"""The server's Prometheus metrics, and the few calls the services make once their transaction has committed.

The metric objects below live at module level because that is how prometheus-client keeps them: each registers
itself once in the client's own registry (in `serve --workers N`, in one memory-mapped file per process under
`PROMETHEUS_MULTIPROC_DIR`, read by whichever worker answers `GET /metrics`). They are the only module-level
mutable state, and only the functions of this module and `api/metrics.py` touch them (docs/operations.md).

Labels take a small, fixed set of values (route templates, never raw paths; intents; kinds), so the number of
series stays bounded whatever the traffic.
"""
from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
DB_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)

HTTP_REQUESTS = Counter("aixin_http_requests", "HTTP requests answered, by route template, method and status",
                        ["route", "method", "status"])
HTTP_DURATION = Histogram("aixin_http_request_duration_seconds", "Time to answer a request, by route template",
                          ["route", "method"], buckets=LATENCY_BUCKETS)
HTTP_DB_TIME = Histogram("aixin_http_request_db_seconds", "Database time of a request, by route template "
                         "(docs/operations.md says what is timed on each engine)", ["route", "method"],
                         buckets=DB_BUCKETS)

ORDERS_PLACED = Counter("aixin_orders_placed", "Orders placed, by kind (goods, card)", ["kind"])
ORDERS_PAID = Counter("aixin_orders_paid", "Orders paid, by kind and payment method", ["kind", "method"])
ORDERS_CANCELLED = Counter("aixin_orders_cancelled", "Orders cancelled, by who cancelled (user, admin, timeout)",
                           ["by"])
REDEMPTIONS = Counter("aixin_redemptions", "Card redemptions at a counter, by how the card was shown", ["via"])
REDEEMED_FEN = Counter("aixin_redeemed_fen", "Amount redeemed at counters, in fen", ["via"])
VOIDS = Counter("aixin_redemption_voids", "Redemptions voided by the counter")
VOIDED_FEN = Counter("aixin_redemption_voided_fen", "Amount given back to cards by voids, in fen")
CARDS_ISSUED = Counter("aixin_cards_issued", "Love cards made, by how (batch, purchase)", ["how"])
CARDS_ACTIVATED = Counter("aixin_cards_activated", "Love cards activated, by how (batch, purchase)", ["how"])
CHAT_TURNS = Counter("aixin_chat_turns", "Chat turns answered, by the reply's intent", ["intent"])
CHAT_FALLBACKS = Counter("aixin_chat_fallbacks", "Chat turns the assistant did not understand (intent fallback)")
PAY_NOTIFICATIONS = Counter("aixin_pay_notifications", "WeChat Pay notifications received, by outcome",
                            ["outcome"])

# Per worker (the pid label in multi-process mode): written by the worker itself, see api/metrics.py.
SEARCH_INDEX_AGE = Gauge("aixin_search_index_age_seconds", "Seconds since this worker's search index last "
                         "refreshed successfully (-1: never)", multiprocess_mode="liveall")
SEARCH_INDEX_SIZE = Gauge("aixin_search_index_products", "Products in this worker's search index",
                          multiprocess_mode="liveall")
SEARCH_INDEX_FAILURES = Gauge("aixin_search_index_refresh_failures", "Consecutive failed refreshes of this "
                              "worker's search index", multiprocess_mode="liveall")


def order_placed(kind: str) -> None:
    ORDERS_PLACED.labels(kind).inc()


def order_paid(kind: str, method: str) -> None:
    ORDERS_PAID.labels(kind, method).inc()


def order_cancelled(by: str) -> None:
    ORDERS_CANCELLED.labels(by).inc()


def redeemed(via: str, amount_fen: int) -> None:
    REDEMPTIONS.labels(via).inc()
    REDEEMED_FEN.labels(via).inc(amount_fen)


def voided(amount_fen: int) -> None:
    VOIDS.inc()
    VOIDED_FEN.inc(amount_fen)


def cards_issued(how: str, count: int) -> None:
    if count:
        CARDS_ISSUED.labels(how).inc(count)


def cards_activated(how: str, count: int) -> None:
    if count:
        CARDS_ACTIVATED.labels(how).inc(count)


def chat_turn(intent: str) -> None:
    CHAT_TURNS.labels(intent).inc()
    if intent == "fallback":
        CHAT_FALLBACKS.inc()


def pay_notification(outcome: str) -> None:
    """`rejected:<code>` counts as `rejected`: the code is in the kept notification, not in a label."""
    PAY_NOTIFICATIONS.labels(outcome.split(":", 1)[0]).inc()


def search_index(age_seconds: float | None, products: int, failures: int) -> None:
    SEARCH_INDEX_AGE.set(-1 if age_seconds is None else age_seconds)
    SEARCH_INDEX_SIZE.set(products)
    SEARCH_INDEX_FAILURES.set(failures)


def http_request(route: str, method: str, status: int, seconds: float, db_seconds: float) -> None:
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_DURATION.labels(route, method).observe(seconds)
    HTTP_DB_TIME.labels(route, method).observe(db_seconds)
