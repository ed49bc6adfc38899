"""In-process figures for the chat assistant: understanding one message, one whole turn, and start-up.

    python bench/chat_bench.py            # demo catalogue, throwaway SQLite

- understanding: `bot.understanding.understand` over every utterance of the labelled set, median and
  p99 per message (no database);
- turn: `Assistant.handle` for the same messages with the database (each in a fresh dialogue), median;
- start-up: `main.py serve` from process start until /healthz answers, cold (empty database: migrations
  and demo catalogue import) and warm (the same database again), median of 3.
"""
from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Assistant, BotConfig  # noqa: E402
from bot.evaluation import ADDRESS, load_set  # noqa: E402
from bot.understanding import understand  # noqa: E402
from models.paths import DEMO_CATALOG_CSV  # noqa: E402
from models.search import CatalogTokenizer, SearchIndex  # noqa: E402
from models.search.catalog_search import CatalogSearch  # noqa: E402
from models.services import addresses, setup  # noqa: E402
from models.services.catalog_import import import_catalog  # noqa: E402
from models.storage.database import activated, open_database  # noqa: E402
from models.tables.chat import ChatSession  # noqa: E402
from models.tables.users import User  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def in_process(url: str) -> None:
    ctx = await open_database(url)
    try:
        with activated(ctx):
            await setup.migrate(ctx, url)
            await import_catalog(DEMO_CATALOG_CSV.read_bytes(), actor=None, label="bench")
            search = CatalogSearch(SearchIndex(CatalogTokenizer()))
            await search.rebuild()
            assistant = Assistant(search, BotConfig((5000, 10000, 20000, 50000, 100000), timedelta(minutes=30)))
            vocab = await assistant.vocabulary()
            texts = [u["text"] for u in load_set()[0]]
            for text in texts:  # warm the caches once, as a running server has
                understand(text, vocab)
            timings = []
            for _ in range(5):
                for text in texts:
                    start = time.perf_counter()
                    understand(text, vocab)
                    timings.append((time.perf_counter() - start) * 1000)
            print(f"understanding: {len(texts)} messages x5, median {statistics.median(timings):.3f} ms, "
                  f"p99 {percentile(timings, 0.99):.3f} ms (target: median <= 2 ms)")
            user, _ = await User.get_or_create(openid="bench:chat", defaults={"nickname": "bench"})
            await addresses.create_address(user, assistant.regions, **ADDRESS)
            turns = []
            for text in texts:
                await ChatSession.filter(user_id=user.id).delete()
                start = time.perf_counter()
                await assistant.handle(user, text)
                turns.append((time.perf_counter() - start) * 1000)
            print(f"whole turn (with the database): median {statistics.median(turns):.2f} ms, "
                  f"p99 {percentile(turns, 0.99):.2f} ms")
    finally:
        await ctx.close_connections()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_once(db: Path) -> float:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite://{db}", "DEMO": "1", "PORT": str(port), "HOST": "127.0.0.1",
           "LOG_LEVEL": "WARNING", "SECRET_KEY": "bench-secret-key-xxxxxxxx", "VAR_DIR": str(db.parent)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                    return time.perf_counter() - start
            except OSError:
                if proc.poll() is not None or time.perf_counter() - start > 60:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.02)
    finally:
        proc.terminate()
        proc.wait()


def start_up() -> None:
    cold, warm = [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "start.sqlite3"
            cold.append(start_once(db))
            warm.append(start_once(db))
    print(f"start to ready: cold (migrate + demo import) median {statistics.median(cold):.2f} s, "
          f"warm median {statistics.median(warm):.2f} s (target <= 3 s)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(in_process(f"sqlite://{tmp}/chat.sqlite3"))
    start_up()


if __name__ == "__main__":
    main()
