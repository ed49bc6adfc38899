"""The catalogues the tests and the demo import keep their certificates valid well ahead.

A certificate that lapses unsells its product (it is no longer a certified product), so a catalogue whose dates pass
would silently change what the chat tests, the labelled sets' floors and the demo see, all on one day. Every
certificate that is valid today must stay so for at least half a year; those already lapsed are deliberate (the
demo's 静宁苹果 礼盒, the sets' unsellable products) and are left alone. When this fails, move the dates of the rows it
names forward (docs/testing.md, "Certificates in the test catalogues").
"""
from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

from models.clock import today_shanghai
from models.paths import DEMO_CATALOG_CSV

HERE = Path(__file__).parent
AHEAD = timedelta(days=183)


def _catalogues() -> list[Path]:
    return sorted([DEMO_CATALOG_CSV, *(HERE / "data").glob("*.csv"), *(HERE / "data").glob("*/catalog.csv")])


def test_no_valid_certificate_lapses_within_half_a_year():
    today = today_shanghai()
    soon = (today + AHEAD).isoformat()
    lapsing = []
    for path in _catalogues():
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                until = row.get("cert_valid_until") or ""
                if today.isoformat() <= until < soon:
                    lapsing.append(f"{path.relative_to(HERE.parent)}: {row['sku']} {until}")
    assert not lapsing, "certificates lapsing within half a year:\n" + "\n".join(lapsing)
