"""HTTP benchmark of the Aixin server against two bare baselines on the same machine (see bench/README.md).

1. Starts three servers, each its own process on a free loopback port: a bare aiohttp hello-world,
   a bare aiohttp + Tortoise app reading one product row, and the real server (`main.py serve`, DEMO=1).
2. Drives every endpoint with wrk (or, without wrk, bench/loadgen.py), --repeat times in interleaved order.
3. Prints medians and each endpoint's req/s as a percentage of its baseline's, and writes them to
   bench/results/http-<timestamp>.json.
4. Stops the servers, then runs the in-process search benchmark bench/search_bench.py (unless --skip-search).

Endpoints that send a body (the order benchmarks) are driven by wrk with a Lua script, bench/wrk_bodies.lua,
and prepared and checked around every run by a workload from bench/order_workloads.py; without wrk they
are skipped.

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

from chat_workloads import ChatWorkload, build_chat_workload
from order_workloads import OrderWorkload, WorkloadError, build_workloads
from redemption_workloads import CARD_FACE_VALUES_YUAN, RedemptionWorkload, build_redemption_workloads

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS_DIR = BENCH / "results"
PYTHON = sys.executable
THREADS, CONNECTIONS, WARMUP_SECONDS = 2, 64, 2
ORDER_CONNECTIONS = 32
SECRET_KEY = "bench-secret-key-xxxxxxxx"
SEARCH_BENCH_SIZES = "1000,10000,100000"


@dataclass(frozen=True)
class Endpoint:
    name: str
    server: str  # the process answering it: "hello", "onerow" or "real"
    path: str  # "{sku}" is filled in from a search result once the real server is up
    baseline: str | None = None  # the baseline it is judged against (None for the baselines themselves)
    connections: int = CONNECTIONS
    # Endpoints with a body: the method, and the workload (bench/order_workloads.py) that holds the bearer
    # token and the bodies and prepares and checks every run. They are driven by wrk with LUA, so need wrk.
    method: str = "GET"
    workload: str | None = None
    lua: str | None = None
    expected_statuses: frozenset[int] = frozenset()  # non-2xx answers that are part of the load, not errors


# The baselines, then the real server's endpoints, each judged against the ceiling that fits it:
# "hello" for endpoints that need no database (search is answered from an in-memory index),
# "onerow" for endpoints that query the database. New endpoints go here.
ENDPOINTS = [
    Endpoint("hello", "hello", "/"),
    Endpoint("onerow", "onerow", "/row/first"),
    Endpoint("search", "real", "/api/v1/products?q=蜂蜜", baseline="hello"),
    Endpoint("product detail", "real", "/api/v1/products/{sku}", baseline="onerow"),
    Endpoint("healthz", "real", "/healthz", baseline="onerow"),
    Endpoint("order (many products)", "real", "/api/v1/orders", baseline="onerow", connections=ORDER_CONNECTIONS,
             method="POST", workload="order_many", lua="wrk_bodies.lua"),
    # Its stock runs out part-way through every run: the 409 out_of_stock answers are load, not errors.
    Endpoint("order (hot product)", "real", "/api/v1/orders", baseline="onerow", connections=ORDER_CONNECTIONS,
             method="POST", workload="order_hot", lua="wrk_bodies.lua", expected_statuses=frozenset({409})),
    Endpoint("redemption (many cards)", "real", "/api/v1/merchant/redemptions", baseline="onerow",
             connections=ORDER_CONNECTIONS, method="POST", workload="redeem_many", lua="wrk_bodies.lua"),
    # The card runs dry part-way through every run: the 409 card_insufficient_balance answers are load.
    Endpoint("redemption (hot card)", "real", "/api/v1/merchant/redemptions", baseline="onerow",
             connections=ORDER_CONNECTIONS, method="POST", workload="redeem_hot", lua="wrk_bodies.lua",
             expected_statuses=frozenset({409})),
    Endpoint("chat", "real", "/api/v1/chat", baseline="onerow", connections=ORDER_CONNECTIONS, method="POST",
             workload="chat", lua="wrk_bodies.lua"),
]


@dataclass(frozen=True)
class Target:
    label: str
    endpoint: str
    minimum_ratio: float


TARGETS = [
    Target("search ≥ 40% of hello-world req/s", "search", 0.40),
    Target("order (many products) ≥ 25% of one-row req/s", "order (many products)", 0.25),
    Target("redemption (many cards) ≥ 25% of one-row req/s", "redemption (many cards)", 0.25),
    Target("chat ≥ 30% of one-row req/s", "chat", 0.30),
]


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
            "LOG_LEVEL": "WARNING",  # aiohttp's access log is at INFO: WARNING turns it off
            # the default face values and larger ones, for the hot card (bench/redemption_workloads.py)
            "CARD_FACE_VALUES": ",".join(map(str, CARD_FACE_VALUES_YUAN))}


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


def active_endpoints(tool: str) -> list[Endpoint]:
    """Every endpoint, less those driven by a wrk Lua script when wrk is missing."""
    if tool == "wrk":
        return ENDPOINTS
    skipped = [e.name for e in ENDPOINTS if e.lua]
    if skipped:
        print(f"!!! skipped without wrk (their requests come from a wrk Lua script): {', '.join(skipped)}")
    return [e for e in ENDPOINTS if not e.lua]


def endpoint_urls(endpoints: list[Endpoint], servers: dict[str, Server]) -> dict[str, str]:
    """Each endpoint's full URL, with path parameters taken from the real server's own answers."""
    search = next(e for e in ENDPOINTS if e.name == "search")
    items = get_json(servers["real"].base_url + quote_path(search.path)).get("items") or []
    if not items:
        raise BenchError(f"the search {search.path} found nothing: no SKU for the product detail endpoint")
    params = {"sku": items[0]["sku"]}
    return {e.name: servers[e.server].base_url + quote_path(e.path.format(**params)) for e in endpoints}


Workload = OrderWorkload | RedemptionWorkload | ChatWorkload


def prepare_workloads(endpoints: list[Endpoint], real: Server, tmp: Path) -> dict[str, Workload]:
    """The order and redemption workloads (consumers, addresses, stock; card batches), when endpoints need them."""
    wanted = {e.workload for e in endpoints if e.workload}
    workloads: dict[str, Workload] = {}
    if wanted & {"order_many", "order_hot"}:
        print("preparing the order workloads (consumers, addresses, stock of every product)…")
        workloads.update(build_workloads(real.base_url))
    if wanted & {"redeem_many", "redeem_hot"}:
        print("preparing the redemption workloads (card batches, issued and activated)…")
        workloads.update(build_redemption_workloads(real.base_url, tmp))
    if "chat" in wanted:
        print("preparing the chat workload (200 consumers with addresses)…")
        workloads.update(build_chat_workload(real.base_url))
    return workloads


def check_answers(endpoints: list[Endpoint], urls: dict[str, str], workloads: dict[str, Workload]) -> None:
    """One request per endpoint before loading it: a broken endpoint stops the bench instead of being timed."""
    for endpoint in endpoints:
        if endpoint.workload:
            try:
                workloads[endpoint.workload].check()
            except WorkloadError as exc:
                raise BenchError(f"{endpoint.name}: {exc}") from exc
            continue
        url = urls[endpoint.name]
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise BenchError(f"{endpoint.name}: GET {url} answered {exc.code}: {exc.read()[:500]!r}") from exc


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
    statuses = re.search(r"^statuses:(.*)$", text, re.MULTILINE)  # printed by bench/wrk_bodies.lua
    return {
        "requests": int(requests.group(1)),
        "rps": float(rps.group(1)),
        "p50_ms": wrk_ms(text, "50%"),
        "p99_ms": wrk_ms(text, "99%"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        **({"statuses": parse_statuses(statuses.group(1))} if statuses else {}),
    }


def parse_statuses(text: str) -> dict[int, int]:
    """ "201=12 409=3" → {201: 12, 409: 3}"""
    return {int(status): int(count) for status, count in re.findall(r"(\d+)=(\d+)", text)}


def run_wrk(url: str, seconds: int, connections: int = CONNECTIONS, lua: str | None = None,
            env: dict[str, str] | None = None) -> dict[str, Any]:
    script = ["-s", str(BENCH / lua)] if lua else []
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency", *script, url]
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise BenchError(f"{' '.join(command)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return parse_wrk(done.stdout)


def run_loadgen(url: str, seconds: int, connections: int) -> dict[str, Any]:
    command = [PYTHON, str(BENCH / "loadgen.py"), url, str(seconds), str(connections)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"bench/loadgen.py failed (exit {done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def without_expected(result: dict[str, Any], endpoint: Endpoint) -> dict[str, Any]:
    """Move the answers that are part of the load (counted by the Lua script) out of the error count."""
    expected = sum(n for status, n in result.get("statuses", {}).items() if status in endpoint.expected_statuses)
    return {**result, "non_2xx": result["non_2xx"] - expected, "expected_non_2xx": expected}


def measure_with_workload(endpoint: Endpoint, url: str, seconds: int, workload: Workload) -> dict[str, Any]:
    """Prepare the workload, run wrk with the endpoint's Lua script, then let the workload check the run."""
    try:
        env = {"BENCH_METHOD": endpoint.method, **workload.before_run(seconds)}
        result = without_expected(run_wrk(url, seconds, endpoint.connections, endpoint.lua, env), endpoint)
        return {**result, **workload.after_run(result["rps"])}
    except WorkloadError as exc:
        raise BenchError(f"{endpoint.name}: {exc}") from exc


def measure(tool: str, endpoint: Endpoint, url: str, seconds: int,
            workloads: dict[str, Workload]) -> dict[str, Any]:
    if endpoint.workload:
        return measure_with_workload(endpoint, url, seconds, workloads[endpoint.workload])
    if tool == "wrk":
        return run_wrk(url, seconds, endpoint.connections)
    return run_loadgen(url, seconds, endpoint.connections)


def schedule(endpoints: list[Endpoint]) -> list[Endpoint]:
    """One round's order: each baseline followed by the endpoints judged against it."""
    order = []
    for baseline in (e for e in endpoints if e.baseline is None):
        order += [baseline, *(e for e in endpoints if e.baseline == baseline.name)]
    return order + [e for e in endpoints if e not in order]


def run_line(endpoint: Endpoint, result: dict[str, Any]) -> str:
    """One run's figures; its answers per status and its check, when the Lua script and workload give them."""
    errors = result["non_2xx"] + result["socket_errors"]
    line = (f"{endpoint.name:<23} {result['rps']:>9.0f} req/s  p50 {result['p50_ms']:7.2f} ms  "
            f"p99 {result['p99_ms']:7.2f} ms")
    if "statuses" in result:
        line += "  answers " + ", ".join(f"{status}: {n}" for status, n in sorted(result["statuses"].items()))
    if errors:
        line += f"  !!! {errors} ERRORS"
    if "check" in result:
        line += f"\n{' ' * 16}{format_check(result['check'])}"
    return line


def measure_all(tool: str, endpoints: list[Endpoint], urls: dict[str, str], workloads: dict[str, Workload],
                duration: int, repeat: int) -> dict[str, list[dict]]:
    order = schedule(endpoints)
    print(f"warming up each endpoint for {WARMUP_SECONDS} s…")
    for endpoint in order:
        measure(tool, endpoint, urls[endpoint.name], WARMUP_SECONDS, workloads)
    runs: dict[str, list[dict]] = {e.name: [] for e in order}
    for round_no in range(1, repeat + 1):
        for endpoint in order:
            result = measure(tool, endpoint, urls[endpoint.name], duration, workloads)
            runs[endpoint.name].append(result)
            print(f"  round {round_no}/{repeat}  {run_line(endpoint, result)}")
    return runs


# -------------------------------------------------------------------------------------- report


def summarize(endpoints: list[Endpoint], runs: dict[str, list[dict]]) -> list[dict[str, Any]]:
    """Medians per endpoint, and req/s as a fraction of its baseline's median req/s."""
    rows: dict[str, dict[str, Any]] = {}
    for endpoint in schedule(endpoints):
        results = runs[endpoint.name]
        rows[endpoint.name] = {
            "endpoint": endpoint.name,
            "method": endpoint.method,
            "path": endpoint.path,
            "connections": endpoint.connections,
            "rps": statistics.median(r["rps"] for r in results),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "non_2xx": sum(r["non_2xx"] for r in results),
            "socket_errors": sum(r["socket_errors"] for r in results),
            "expected_non_2xx": sum(r.get("expected_non_2xx", 0) for r in results),
            "failed_checks": sum(not r["check"]["passed"] for r in results if "check" in r),
            "baseline": endpoint.baseline,
            "runs": results,
        }
    for row in rows.values():
        baseline = rows.get(row["baseline"]) if row["baseline"] else None
        row["baseline_rps"] = baseline["rps"] if baseline else None
        row["ratio"] = row["rps"] / baseline["rps"] if baseline and baseline["rps"] else None
    return list(rows.values())


def check_targets(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each target whose endpoint was measured (those skipped without wrk have none)."""
    by_name = {row["endpoint"]: row for row in rows}
    return [{"target": t.label, "ratio": by_name[t.endpoint]["ratio"],
             "passed": (by_name[t.endpoint]["ratio"] or 0) >= t.minimum_ratio}
            for t in TARGETS if t.endpoint in by_name]


def format_check(check: dict[str, Any]) -> str:
    detail = check.get("detail") or f"initial {check['initial']}, final {check['final']}, orders {check['orders']}"
    return f"{check['name']}: {'PASS' if check['passed'] else 'FAIL'} ({detail})"


def format_answers(rows: list[dict[str, Any]]) -> str:
    """Per run of every endpoint driven by the Lua script: its answers per status, and its check if any."""
    lines = []
    for row in rows:
        for run_no, result in enumerate(row["runs"], 1):
            if "statuses" not in result:
                continue
            answers = ", ".join(f"{status}: {n}" for status, n in sorted(result["statuses"].items()))
            check = f"; {format_check(result['check'])}" if "check" in result else ""
            lines.append(f"{row['endpoint']}, run {run_no}: answers {answers}{check}")
    return "\n".join(lines)


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
        return "  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, lines)])


def error_banner(rows: list[dict[str, Any]]) -> str:
    bad = [r for r in rows if r["non_2xx"] or r["socket_errors"]]
    failed = [r for r in rows if r["failed_checks"]]
    if not bad and not failed:
        return ""
    lines = [f"!!! ERRORS: {r['endpoint']}: {r['non_2xx']} non-2xx responses, {r['socket_errors']} socket errors"
             f" in {len(r['runs'])} run(s): its figures are NOT valid" for r in bad]
    lines += [f"!!! CHECK FAILED: {r['endpoint']}: {r['failed_checks']} of {len(r['runs'])} run(s) failed "
              f"their check (see the answers above)" for r in failed]
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
        endpoints = active_endpoints(tool)
        if args.only:
            wanted = {name.strip() for name in args.only.split(",")}
            endpoints = [e for e in endpoints if e.baseline is None or e.name in wanted]
        urls = endpoint_urls(endpoints, started)
        workloads = prepare_workloads(endpoints, started["real"], tmp)
        check_answers(endpoints, urls, workloads)
        runs = measure_all(tool, endpoints, urls, workloads, args.duration, args.repeat)
        rows = summarize(endpoints, runs)
        targets = check_targets(rows)
        print(f"\nHTTP benchmark: {load_description(tool, endpoints)}, {args.duration} s per run, "
              f"median of {args.repeat} interleaved runs, {os.cpu_count()} CPUs, database: {database}\n")
        clean = report(rows, targets, started["real"])
        print(f"\nresults written to {write_results(rows, targets, tool, args, database).relative_to(ROOT)}")
        return clean


def load_description(tool: str, endpoints: list[Endpoint]) -> str:
    if tool != "wrk":
        return f"bench/loadgen.py, {CONNECTIONS} connections"
    scripted = sorted({f"-c{e.connections} -s bench/{e.lua}" for e in endpoints if e.lua})
    return f"wrk -t{THREADS} -c{CONNECTIONS}" + (
        f" (order and redemption endpoints: {', '.join(scripted)})" if scripted else "")


def report(rows: list[dict[str, Any]], targets: list[dict[str, Any]], real: Server) -> bool:
    """Print the table, targets, answers per status and any error banner; True when there were no errors."""
    print(format_table(rows))
    print()
    for target in targets:
        ratio = f" ({target['ratio']:.1%})" if target["ratio"] is not None else ""
        print(f"{target['target']}: {'PASS' if target['passed'] else 'FAIL'}{ratio}")
    answers = format_answers(rows)
    if answers:
        print(f"\n{answers}")
    banner = error_banner(rows)
    if banner:
        print(f"\n{banner}\nthe real server's first error:\n{real.first_error()}")
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
    parser.add_argument("--only", help="comma-separated endpoint names to measure (the baselines always run), "
                                       "e.g. --only chat")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)
    # SIGTERM unwinds like Ctrl-C, so the servers are stopped either way.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        clean = run_http_bench(args)
    except (BenchError, WorkloadError) as exc:
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
