"""HTTP benchmark of the Aixin server against two bare baselines on the same machine (see bench/README.md).

1. Starts three servers, each its own process on a free loopback port: a bare aiohttp hello-world,
   a bare aiohttp + Tortoise app reading one product row, and the real server (`main.py serve`, DEMO=1).
2. Drives every endpoint with wrk (or, without wrk, bench/loadgen.py), --repeat times in interleaved order.
3. Prints medians and each endpoint's req/s as a percentage of its baseline's, and writes them to
   bench/results/http-<timestamp>.json.
4. Stops the servers, then runs the in-process search benchmark bench/search_bench.py (unless --skip-search).

Usage: python bench/run.py [--duration 10] [--repeat 3] [--database-url URL] [--skip-search]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS_DIR = BENCH / "results"
PYTHON = sys.executable
THREADS, CONNECTIONS, WARMUP_SECONDS = 2, 64, 2
SECRET_KEY = "bench-secret-key-xxxxxxxx"
SEARCH_BENCH_SIZES = "1000,10000,100000"


@dataclass(frozen=True)
class Endpoint:
    name: str
    server: str  # the process answering it: "hello", "onerow" or "real"
    path: str  # "{sku}" is filled in from a search result once the real server is up
    baseline: str | None = None  # the baseline it is judged against (None for the baselines themselves)


# The baselines, then the real server's endpoints, each judged against the ceiling that fits it:
# "hello" for endpoints that need no database (search is answered from an in-memory index),
# "onerow" for endpoints that query the database. New endpoints go here.
ENDPOINTS = [
    Endpoint("hello", "hello", "/"),
    Endpoint("onerow", "onerow", "/row/first"),
    Endpoint("search", "real", "/api/v1/products?q=蜂蜜", baseline="hello"),
    Endpoint("product detail", "real", "/api/v1/products/{sku}", baseline="onerow"),
    Endpoint("healthz", "real", "/healthz", baseline="onerow"),
]


@dataclass(frozen=True)
class Target:
    label: str
    endpoint: str
    minimum_ratio: float


TARGETS = [Target("search ≥ 40% of hello-world req/s", "search", 0.40)]


class BenchError(Exception):
    """A failure that stops the benchmark, with a message for the user."""


# ---------------------------------------------------------------------------------------- servers


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self._log_lines()[-lines:])

    def first_error(self, lines: int = 40) -> str:
        """The log's first error record (errors under load repeat themselves), else its tail."""
        log = self._log_lines()
        first = next((i for i, line in enumerate(log) if "ERROR" in line or "Traceback" in line), None)
        if first is None:
            return self.log_tail(lines)
        record = [log[first]]
        for line in log[first + 1:first + lines]:
            if re.match(r"\d{4}-\d\d-\d\d ", line):  # the next log record starts
                break
            record.append(line)
        return "\n".join(record)

    def _log_lines(self) -> list[str]:
        return self.log_path.read_text(errors="replace").splitlines() if self.log_path.exists() else []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(name: str, args: list[str], ready_path: str, log_dir: Path, servers: list[Server],
                 env: dict[str, str] | None = None, timeout: float = 30) -> Server:
    """Start `python ARGS…` ("{port}" becomes a free port) and wait until it answers ready_path."""
    port = free_port()
    log_path = log_dir / f"{name}.log"
    command = [PYTHON, *(str(port) if a == "{port}" else a for a in args)]
    with open(log_path, "wb") as log:
        # A session of its own: Ctrl-C reaches only us, and we stop the server (and any child) ourselves.
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(name, port, process, log_path)
    servers.append(server)
    wait_until_ready(server, ready_path, timeout)
    print(f"  {name:<7} ready on port {port} (pid {process.pid})")
    return server


def wait_until_ready(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(f"the {server.name} server exited with code {server.process.returncode} "
                             f"before answering. Its output:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(server.base_url + path, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise BenchError(f"the {server.name} server did not answer {path} within {timeout:.0f} s. "
                     f"Its output:\n{server.log_tail()}")


def stop_servers(servers: list[Server]) -> None:
    """Terminate every server we started (its whole process group), killing any that lingers."""
    for server in servers:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGTERM)
    for server in servers:
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
    servers.clear()


def real_server_env(database_url: str) -> dict[str, str]:
    return {**os.environ, "DEMO": "1", "DATABASE_URL": database_url, "SECRET_KEY": SECRET_KEY,
            "LOG_LEVEL": "WARNING"}  # aiohttp's access log is at INFO: WARNING turns it off


def migrate(database_url: str) -> None:
    print("migrating the database (python main.py migrate)…")
    done = subprocess.run([PYTHON, "main.py", "migrate"], cwd=ROOT, env=real_server_env(database_url),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"python main.py migrate failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")


def start_all(database_url: str, log_dir: Path, servers: list[Server]) -> dict[str, Server]:
    print("starting servers…")
    # The real server first: on a fresh SQLite file it creates the schema and loads the demo catalogue,
    # which the one-row baseline reads.
    real = start_server("real", ["main.py", "serve", "--host", "127.0.0.1", "--port", "{port}"], "/healthz",
                        log_dir, servers, env=real_server_env(database_url), timeout=180)
    hello = start_server("hello", ["bench/baseline_hello.py", "{port}"], "/", log_dir, servers)
    onerow = start_server("onerow", ["bench/baseline_onerow.py", "{port}", database_url], "/row/first",
                          log_dir, servers)
    return {"real": real, "hello": hello, "onerow": onerow}


# ------------------------------------------------------------------------------------ endpoints


def get_json(url: str) -> Any:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        raise BenchError(f"GET {url} answered {exc.code}: {exc.read()[:500]!r}") from exc


def quote_path(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&")


def endpoint_urls(servers: dict[str, Server]) -> dict[str, str]:
    """Each endpoint's full URL, with path parameters taken from the real server's own answers."""
    search = next(e for e in ENDPOINTS if e.name == "search")
    items = get_json(servers["real"].base_url + quote_path(search.path)).get("items") or []
    if not items:
        raise BenchError(f"the search {search.path} found nothing: no SKU for the product detail endpoint")
    params = {"sku": items[0]["sku"]}
    return {e.name: servers[e.server].base_url + quote_path(e.path.format(**params)) for e in ENDPOINTS}


def check_answers(urls: dict[str, str]) -> None:
    """One GET per endpoint before loading it: a broken endpoint stops the bench instead of being timed."""
    for name, url in urls.items():
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise BenchError(f"{name}: GET {url} answered {exc.code}: {exc.read()[:500]!r}") from exc


# -------------------------------------------------------------------------------- load generation

WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def wrk_ms(text: str, label: str) -> float:
    match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.MULTILINE)
    if not match:
        raise BenchError(f"no {label} latency line in wrk's output:\n{text}")
    return float(match.group(1)) * WRK_UNITS_MS[match.group(2)]


def parse_wrk(text: str) -> dict[str, Any]:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    requests = re.search(r"(\d+) requests in", text)
    if not rps or not requests:
        raise BenchError(f"cannot read wrk's output:\n{text}")
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "requests": int(requests.group(1)),
        "rps": float(rps.group(1)),
        "p50_ms": wrk_ms(text, "50%"),
        "p99_ms": wrk_ms(text, "99%"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }


def run_wrk(url: str, seconds: int) -> dict[str, Any]:
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return parse_wrk(done.stdout)


def run_loadgen(url: str, seconds: int) -> dict[str, Any]:
    command = [PYTHON, str(BENCH / "loadgen.py"), url, str(seconds), str(CONNECTIONS)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"bench/loadgen.py failed (exit {done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def measure(tool: str, url: str, seconds: int) -> dict[str, Any]:
    return run_wrk(url, seconds) if tool == "wrk" else run_loadgen(url, seconds)


def schedule() -> list[Endpoint]:
    """One round's order: each baseline followed by the endpoints judged against it."""
    order = []
    for baseline in (e for e in ENDPOINTS if e.baseline is None):
        order += [baseline, *(e for e in ENDPOINTS if e.baseline == baseline.name)]
    return order + [e for e in ENDPOINTS if e not in order]


def measure_all(tool: str, urls: dict[str, str], duration: int, repeat: int) -> dict[str, list[dict]]:
    order = schedule()
    print(f"warming up each endpoint for {WARMUP_SECONDS} s…")
    for endpoint in order:
        measure(tool, urls[endpoint.name], WARMUP_SECONDS)
    runs: dict[str, list[dict]] = {e.name: [] for e in order}
    for round_no in range(1, repeat + 1):
        for endpoint in order:
            result = measure(tool, urls[endpoint.name], duration)
            runs[endpoint.name].append(result)
            errors = result["non_2xx"] + result["socket_errors"]
            print(f"  round {round_no}/{repeat}  {endpoint.name:<16} {result['rps']:>9.0f} req/s  "
                  f"p50 {result['p50_ms']:7.2f} ms  p99 {result['p99_ms']:7.2f} ms"
                  + (f"  !!! {errors} ERRORS" if errors else ""))
    return runs


# -------------------------------------------------------------------------------------- report


def summarize(runs: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """Medians per endpoint, and req/s as a fraction of its baseline's median req/s."""
    rows: dict[str, dict[str, Any]] = {}
    for endpoint in schedule():
        results = runs[endpoint.name]
        rows[endpoint.name] = {
            "endpoint": endpoint.name,
            "path": endpoint.path,
            "rps": statistics.median(r["rps"] for r in results),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "non_2xx": sum(r["non_2xx"] for r in results),
            "socket_errors": sum(r["socket_errors"] for r in results),
            "baseline": endpoint.baseline,
            "runs": results,
        }
    for row in rows.values():
        baseline = rows.get(row["baseline"]) if row["baseline"] else None
        row["baseline_rps"] = baseline["rps"] if baseline else None
        row["ratio"] = row["rps"] / baseline["rps"] if baseline and baseline["rps"] else None
    return list(rows.values())


def check_targets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_name = {row["endpoint"]: row for row in rows}
    return [{"target": t.label, "ratio": by_name[t.endpoint]["ratio"],
             "passed": (by_name[t.endpoint]["ratio"] or 0) >= t.minimum_ratio} for t in TARGETS]


def format_table(rows: list[dict[str, Any]]) -> str:
    header = ["endpoint", "req/s", "p50 ms", "p99 ms", "baseline", "baseline req/s", "ratio", "errors"]
    lines = [[
        row["endpoint"], f"{row['rps']:.0f}", f"{row['p50_ms']:.2f}", f"{row['p99_ms']:.2f}",
        row["baseline"] or "-",
        f"{row['baseline_rps']:.0f}" if row["baseline_rps"] else "-",
        f"{row['ratio']:.1%}" if row["ratio"] is not None else "-",
        str(row["non_2xx"] + row["socket_errors"]) + (" !!!" if row["non_2xx"] + row["socket_errors"] else ""),
    ] for row in rows]
    widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, lines)])


def error_banner(rows: list[dict[str, Any]]) -> str:
    bad = [r for r in rows if r["non_2xx"] or r["socket_errors"]]
    if not bad:
        return ""
    lines = [f"!!! ERRORS: {r['endpoint']}: {r['non_2xx']} non-2xx responses, {r['socket_errors']} socket errors"
             f" in {len(r['runs'])} run(s): its figures are NOT valid" for r in bad]
    rule = "!" * max(map(len, lines))
    return "\n".join([rule, *lines, rule])


def redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urllib.parse.urlunsplit(parts)


def write_results(rows: list[dict], targets: list[dict], tool: str, args: argparse.Namespace,
                  database: str) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    now = datetime.now().astimezone()
    path = RESULTS_DIR / f"http-{now:%Y%m%d-%H%M%S}.json"
    document = {
        "timestamp": now.isoformat(timespec="seconds"),
        "tool": tool, "threads": THREADS, "connections": CONNECTIONS,
        "duration_s": args.duration, "repeat": args.repeat, "database": database,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "endpoints": rows, "targets": targets,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return path


# ---------------------------------------------------------------------------------------- main


def run_http_bench(args: argparse.Namespace) -> bool:
    """The HTTP part; True when every run was free of errors."""
    tool = "wrk" if shutil.which("wrk") else "python-loadgen"
    if tool != "wrk":
        print("!!! wrk not found (bash .ci/ensure-bench-tools installs it): using bench/loadgen.py, which "
              "competes with the servers for CPU and reads lower than wrk")
    servers: list[Server] = []
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="aixin-bench-")))
        stack.callback(stop_servers, servers)  # runs before the temporary directory is removed
        database_url = args.database_url or f"sqlite://{tmp}/bench.sqlite3"
        database = redact(args.database_url) if args.database_url else "sqlite (fresh temporary file)"
        print(f"database: {database}")
        migrate(database_url)
        started = start_all(database_url, tmp, servers)
        urls = endpoint_urls(started)
        check_answers(urls)
        runs = measure_all(tool, urls, args.duration, args.repeat)
        rows = summarize(runs)
        targets = check_targets(rows)
        load = f"wrk -t{THREADS} -c{CONNECTIONS}" if tool == "wrk" else f"bench/loadgen.py, {CONNECTIONS} connections"
        print(f"\nHTTP benchmark: {load}, {args.duration} s per run, "
              f"median of {args.repeat} interleaved runs, {os.cpu_count()} CPUs, database: {database}\n")
        print(format_table(rows))
        print()
        for target in targets:
            ratio = f" ({target['ratio']:.1%})" if target["ratio"] is not None else ""
            print(f"{target['target']}: {'PASS' if target['passed'] else 'FAIL'}{ratio}")
        banner = error_banner(rows)
        if banner:
            print(f"\n{banner}\nthe real server's first error:\n{started['real'].first_error()}")
        print(f"\nresults written to {write_results(rows, targets, tool, args, database).relative_to(ROOT)}")
        return not banner


def run_search_bench() -> int:
    script = BENCH / "search_bench.py"
    if not script.exists():
        print("\nbench/search_bench.py does not exist yet: search benchmark skipped")
        return 0
    print(f"\nsearch benchmark: python bench/search_bench.py --sizes {SEARCH_BENCH_SIZES}")
    return subprocess.run([PYTHON, str(script), "--sizes", SEARCH_BENCH_SIZES], cwd=ROOT).returncode


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="HTTP benchmark of the Aixin server against bare baselines")
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved runs per endpoint; medians are reported")
    parser.add_argument("--database-url", help="run against this database (migrated first) instead of a fresh "
                                               "SQLite file, e.g. postgres://user:pw@host/db")
    parser.add_argument("--skip-search", action="store_true", help="do not run bench/search_bench.py afterwards")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    # SIGTERM unwinds like Ctrl-C, so the servers are stopped either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        clean = run_http_bench(args)
    except BenchError as exc:
        print(f"\nbenchmark failed: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: servers stopped", file=sys.stderr)
        return 130
    status = 0 if clean else 1
    if not args.skip_search:
        try:
            status = run_search_bench() or status
        except KeyboardInterrupt:
            return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
