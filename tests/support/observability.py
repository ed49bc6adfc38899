"""Reading `GET /metrics` as Prometheus would (prometheus-client's own parser), and capturing the JSON log."""
from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from aiohttp.test_utils import TestServer
from prometheus_client.parser import text_string_to_metric_families

from api import logs
from api.access_log import RUNNER_KWARGS


def parse(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample: (name, sorted labels without `pid`) → value, summed over workers' pids."""
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            key = (s.name, tuple(sorted((k, v) for k, v in s.labels.items() if k != "pid")))
            samples[key] = samples.get(key, 0.0) + s.value
    return samples


def value(samples: dict, name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    return sum(v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls))


@contextmanager
def json_log(level: int = logging.INFO) -> Iterator[io.StringIO]:
    """What the server would write with LOG_FORMAT=json, captured: the root logger's one handler for the block."""
    root = logging.getLogger()
    stream = io.StringIO()
    handler = logs.handler("json", stream)
    saved = root.level, list(root.handlers)
    for old in saved[1]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        for old in saved[1]:
            root.addHandler(old)
        root.setLevel(saved[0])


def lines(stream: io.StringIO) -> list[dict]:
    """Every line is one JSON object (json.loads refuses anything else)."""
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


async def served_as_in_production(app) -> TestServer:
    """A test server with the production runner's options (the redacting access log, with request fields):
    pytest-aiohttp's `server_kwargs` do not reach the runner, `start_server`'s do. Give it to `aiohttp_client`."""
    server = TestServer(app)
    await server.start_server(**RUNNER_KWARGS)
    return server
