"""In-process timings of holder-initiated redemption beside the counter's scan, and of the counter poster.

    python bench/redemption_request_bench.py [--count 300] [--database-url postgres://…]

On a fresh database (a temporary SQLite file unless a URL is given; a PostgreSQL database must be empty
and migrated-or-migratable, its tables are not dropped) with the test catalogue, one counter and
`--count` held cards of 200 yuan, interleaved call by call so that load from elsewhere hits all alike:

- scan: `redemptions.redeem` with a fresh pay code (the clerk scans the holder);
- ask: `redemption_requests.create` (the holder scanned the counter's code);
- confirm: `redemption_requests.confirm` of that request (the same debit as the scan, plus the
  conditional pending → confirmed UPDATE and the request's outcome).

Each is one item of one certified product. Reports median and p99 in ms, then the poster's render
times (PNG and PDF, median of 20) and the counter QR PNG.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.clock import today_shanghai  # noqa: E402
from models.codes.card_codes import CardCodes  # noqa: E402
from models.codes.merchant_codes import MerchantCodes  # noqa: E402
from models.printing import qr_png  # noqa: E402
from models.printing.poster import Poster, poster_pdf, poster_png  # noqa: E402
from models.services import card_ledger, cards, redemption_requests, redemptions, setup  # noqa: E402
from models.services.catalog_import import import_catalog  # noqa: E402
from models.services.merchants import create_merchant  # noqa: E402
from models.services.orders import LineRequest  # noqa: E402
from models.services.staff_accounts import create_staff_user  # noqa: E402
from models.storage.database import activated, open_database  # noqa: E402
from models.tables.cards import ActivityKind, Card, CardStatus  # noqa: E402
from models.tables.merchants import MerchantKind  # noqa: E402
from models.tables.users import Role, User  # noqa: E402

SECRET = "bench-secret"
CATALOG = ROOT / "tests" / "data" / "catalog_small.csv"
ITEM = [LineRequest("T-EGG-01", 1)]


def ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"median {statistics.median(ordered):7.2f} ms   p99 {p99:7.2f} ms"


async def _timed(samples: list[float], coro) -> object:
    start = time.perf_counter()
    result = await coro
    samples.append((time.perf_counter() - start) * 1000)
    return result


async def held_cards(count: int, holder: User) -> list[Card]:
    made = []
    for i in range(count):
        card = await Card.create(card_no=f"9{i:015d}", face_value_fen=20000, balance_fen=20000,
                                 status=CardStatus.ACTIVE, holder_id=holder.id,
                                 expires_at=today_shanghai() + timedelta(days=365))
        await card_ledger.append(Card._meta.db, card.id, ActivityKind.ACTIVATE, 20000, 20000)
        made.append(card)
    return made


async def run(url: str, count: int) -> None:
    ctx = await open_database(url)
    try:
        await setup.migrate(ctx, url)
        with activated(ctx):
            await import_catalog(CATALOG.read_bytes(), None)
            merchant = await create_merchant(None, name="基准专柜", kind=MerchantKind.COUNTER)
            clerk = await create_staff_user(Role.MERCHANT_STAFF, "bench-clerk", "bench-clerk-pw", merchant.id)
            holder = await User.create(role=Role.CONSUMER, openid="bench-holder")
            card_codes, merchant_codes = CardCodes(SECRET), MerchantCodes(SECRET)
            counter_code = merchant_codes.printed(merchant.id, merchant.key_version)
            held = await held_cards(count, holder)
            scan, ask, confirm = [], [], []
            for i, card in enumerate(held):
                code = (await cards.new_pay_code(holder, card.card_no, card_codes)).code
                await _timed(scan, redemptions.redeem(clerk, code, ITEM, f"scan-{i:08d}", card_codes))
                view = await _timed(ask, redemption_requests.create(holder, card.card_no, counter_code, ITEM,
                                                                   f"ask-{i:08d}", merchant_codes))
                await _timed(confirm, redemption_requests.confirm(clerk, view.request.id))
            assert not await cards.reconcile()
    finally:
        await ctx.close_connections()
    print(f"{url.split(':')[0]}, {count} cards")
    print(f"  scan (redeem a pay code)      {ms(scan)}")
    print(f"  ask (holder's request)        {ms(ask)}")
    print(f"  confirm (clerk, same debit)   {ms(confirm)}")


def printing(repeats: int = 20) -> None:
    poster = Poster(1, "佛冈县消费扶贫专柜", 1, MerchantCodes(SECRET).printed(1, 1))
    for name, fn in (("poster PNG", poster_png), ("poster PDF", poster_pdf), ("counter QR PNG", qr_png)):
        arg = poster.qr_text if fn is qr_png else poster
        samples, size = [], 0
        for _ in range(repeats):
            start = time.perf_counter()
            size = len(fn(arg))
            samples.append((time.perf_counter() - start) * 1000)
        print(f"  {name:<16} median {statistics.median(samples):7.2f} ms   {size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="request-bench-") as folder:
        asyncio.run(run(args.database_url or f"sqlite://{folder}/bench.sqlite3", args.count))
    printing()


if __name__ == "__main__":
    main()
