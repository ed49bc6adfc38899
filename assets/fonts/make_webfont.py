#!/usr/bin/env python3
"""Make the web console's fallback font: WenQuanYi Micro Hei (face 0 of wqy-microhei.ttc) subset to the characters
the pages use, the names of every region and demo product, and the common ones, as WOFF2.

Usage: .venv/bin/python assets/fonts/make_webfont.py      (writes assets/static/fonts/wqy-microhei-subset.woff2)

Needs fontTools (already in the venv, through matplotlib) and, for WOFF2's compression, the `brotli` package
(`pip install brotli`; only this script needs it, the server only serves the file). The output is committed;
run this again when the pages gain characters outside the set (tests/test_console_font.py says which).
"""
from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ASSETS = Path(__file__).resolve().parent.parent
SOURCE = ASSETS / "fonts" / "wqy-microhei.ttc"
OUT = ASSETS / "static" / "fonts" / "wqy-microhei-subset.woff2"
KEPT = OUT.with_suffix(".txt")  # the characters in it, for the test that the pages' characters are all there
# Where the pages' own words are, and the data they show most (region and demo product names).
TEXTS = [*sorted((ASSETS / "static").glob("*.html")), *sorted((ASSETS / "static").glob("*.js")),
         ASSETS / "regions" / "regions.csv", ASSETS / "catalog" / "demo_catalog.csv"]


def common_characters() -> set[str]:
    """ASCII, Latin-1, CJK and full-width punctuation, and GB2312's level-1 hanzi (3,755 common characters)."""
    chars = {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF01, 0xFF5F)}
    chars |= set("—–…‘’“”•·×÷¥℃№→←↑↓√")
    for lead in range(0xB0, 0xD8):  # GB2312 rows 16-55: level-1 hanzi, ordered by pinyin
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):  # the few unassigned places at the end of row 55
                chars.add(bytes([lead, trail]).decode("gb2312"))
    return chars


def page_characters() -> set[str]:
    chars: set[str] = set()
    for path in TEXTS:
        chars |= set(re.sub(r"\s", "", path.read_text(encoding="utf-8")))
    return {c for c in chars if ord(c) >= 0x20}


def main() -> int:
    font = TTFont(SOURCE, fontNumber=0)
    cmap = font.getBestCmap()
    wanted = common_characters() | page_characters()
    kept = sorted(ord(c) for c in wanted if ord(c) in cmap)
    missing = sorted(c for c in page_characters() if ord(c) not in cmap and ord(c) > 0x2000)
    options = subset.Options()
    options.flavor = "woff2"
    options.hinting = False  # smaller; browsers render CJK well without TrueType hints
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=kept)
    subsetter.subset(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(OUT)
    KEPT.write_text("".join(chr(c) for c in kept if c > 0x7F) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ASSETS.parent)}: {len(kept):,} characters, {OUT.stat().st_size:,} bytes")
    if missing:
        print(f"not in the font ({len(missing)}): {''.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
