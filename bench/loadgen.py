"""Fallback load generator for bench/run.py when wrk is not installed (wrk is much faster: prefer it).

Keeps CONNECTIONS requests in flight against one URL for DURATION seconds with an aiohttp client
and prints one JSON object: requests, seconds, rps, p50_ms, p99_ms, non_2xx, socket_errors.
Being Python, it needs a good share of the CPU itself, so on a small machine it under-reports fast
endpoints more than slow ones: compare ratios only between runs made with the same tool.

Usage: python bench/loadgen.py URL DURATION CONNECTIONS
"""
from __future__ import annotations

import asyncio
import json
import sys
import time

import aiohttp


async def worker(session: aiohttp.ClientSession, url: str, deadline: float, stats: dict) -> None:
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        try:
            async with session.get(url) as response:
                await response.read()
                if not 200 <= response.status < 400:  # wrk counts "non-2xx or 3xx" the same way
                    stats["non_2xx"] += 1
        except (TimeoutError, aiohttp.ClientError, OSError):
            stats["socket_errors"] += 1
            continue
        stats["latencies"].append(time.perf_counter() - start)  # every response counts, as in wrk


def percentile_ms(sorted_seconds: list[float], fraction: float) -> float:
    if not sorted_seconds:
        return float("nan")
    index = min(len(sorted_seconds) - 1, int(fraction * len(sorted_seconds)))
    return sorted_seconds[index] * 1000


async def run(url: str, duration: float, connections: int) -> dict:
    stats: dict = {"latencies": [], "non_2xx": 0, "socket_errors": 0}
    connector = aiohttp.TCPConnector(limit=connections)
    timeout = aiohttp.ClientTimeout(total=2)  # wrk's default timeout
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        start = time.perf_counter()
        deadline = start + duration
        await asyncio.gather(*(worker(session, url, deadline, stats) for _ in range(connections)))
        seconds = time.perf_counter() - start
    latencies = sorted(stats["latencies"])
    return {
        "requests": len(latencies),
        "seconds": round(seconds, 3),
        "rps": len(latencies) / seconds,
        "p50_ms": percentile_ms(latencies, 0.50),
        "p99_ms": percentile_ms(latencies, 0.99),
        "non_2xx": stats["non_2xx"],
        "socket_errors": stats["socket_errors"],
    }


def main() -> None:
    url, duration, connections = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(asyncio.run(run(url, duration, connections))))


if __name__ == "__main__":
    main()
