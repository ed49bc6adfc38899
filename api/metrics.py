"""`GET /metrics`: the Prometheus text exposition of every worker, and who may read it.

In `serve --workers N` (api/metrics_dir.py) each worker writes its series to its own files under
`PROMETHEUS_MULTIPROC_DIR`, and the worker that answers a scrape reads them all (prometheus-client's
multi-process collector). In one process the client's own registry is read. Either way the gauges that describe
the database (unpaid orders, card batches issuing, pay-notification failures) are read when the scrape arrives
(models/services/ops_gauges.py), and this worker's search-index gauges are brought up to date first.
"""
from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import os
from collections.abc import AsyncIterator, Callable, Iterable, Iterator

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

from api.auth import bearer_token
from api.keys import SEARCH, SETTINGS
from models import metrics
from models.errors import Forbidden, Unauthenticated
from models.search.catalog_search import CatalogSearch
from models.services.ops_gauges import OpsGauges

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
SAMPLE_SECONDS = 5.0  # how often each worker writes its search-index gauges


def check_access(request: web.Request) -> None:
    """Loopback peers may read; anyone else needs `Authorization: Bearer <METRICS_TOKEN>` (compared in constant
    time). A request through a trusted proxy is not a loopback request, even when the proxy runs on this host."""
    settings = request.config_dict[SETTINGS]
    peer = _peer(request)  # the connection's own address: what a proxy forwarded does not count here
    if peer is not None and peer.is_loopback and not _is_proxy(peer, settings.trusted_proxies):
        return
    token = bearer_token(request)
    if not settings.metrics_token:
        raise Forbidden("metrics_forbidden", "指标只对本机开放（未设置 METRICS_TOKEN）")
    if token is None:
        raise Unauthenticated("metrics_token_required", "读取指标需要 METRICS_TOKEN")
    if not hmac.compare_digest(token.encode(), settings.metrics_token.encode()):
        raise Forbidden("metrics_forbidden", "METRICS_TOKEN 不正确")


def _peer(request: web.Request) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    transport = request.transport
    peername = transport.get_extra_info("peername") if transport is not None else None
    try:
        return ipaddress.ip_address(peername[0]) if isinstance(peername, tuple | list) else None
    except ValueError:  # a Unix socket's path
        return None


def _is_proxy(peer: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: tuple[str, ...]) -> bool:
    return any(peer in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def sample_worker(search: CatalogSearch) -> None:
    """This worker's own gauges: its search index's age, size and failures in a row."""
    health = search.health
    metrics.search_index(health.age(), len(search.index), health.failures)


def exposition(ops: OpsGauges) -> bytes:
    """Every worker's series (or this process's), then the database gauges."""
    registry = CollectorRegistry(auto_describe=False)
    if os.environ.get(MULTIPROC_ENV):
        MultiProcessCollector(registry)
    else:
        registry.register(_Forward(REGISTRY.collect))
    registry.register(_Forward(lambda: database_families(ops)))
    return generate_latest(registry)


def database_families(ops: OpsGauges) -> Iterator[Metric]:
    yield GaugeMetricFamily("aixin_orders_unpaid", "Orders waiting for payment (their stock reserved)",
                            value=ops.unpaid_orders)
    yield GaugeMetricFamily("aixin_card_batches_running", "Card batches still issuing", value=len(ops.running_batches))
    issued = GaugeMetricFamily("aixin_card_batch_issued_cards", "Cards issued so far by a running batch",
                               labels=["batch"])
    total = GaugeMetricFamily("aixin_card_batch_cards", "Cards a running batch is to issue", labels=["batch"])
    progress = GaugeMetricFamily("aixin_card_batch_progress_ratio", "Share of a running batch issued (0 to 1)",
                                 labels=["batch"])
    for batch in ops.running_batches:
        issued.add_metric([str(batch.batch_id)], batch.issued)
        total.add_metric([str(batch.batch_id)], batch.count)
        progress.add_metric([str(batch.batch_id)], batch.issued / batch.count if batch.count else 0.0)
    yield from (issued, total, progress)
    yield GaugeMetricFamily("aixin_pay_notification_failures", "WeChat Pay notifications refused, or paid after "
                            "the order closed, in the last 24 hours", value=ops.pay_notification_failures)


class _Forward:
    """A collector that yields what a function yields (prometheus-client only asks for `collect`)."""

    def __init__(self, families: Callable[[], Iterable[Metric]]) -> None:
        self.families = families

    def collect(self) -> Iterable[Metric]:
        return self.families()


async def metrics_ctx(app: web.Application) -> AsyncIterator[None]:
    """Every `SAMPLE_SECONDS`, this worker writes its search-index gauges (a scrape reads every worker's)."""

    async def loop() -> None:
        while True:
            sample_worker(app[SEARCH])
            await asyncio.sleep(SAMPLE_SECONDS)

    task = asyncio.create_task(loop(), name="metrics sampling")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


CONTENT_TYPE = CONTENT_TYPE_LATEST
