"""Traditional Chinese read as simplified (買兩箱蘋果 → 买两箱苹果, 愛心卡餘額 → 爱心卡余额), by OpenCC's t2s tables.

Shoppers in Hong Kong, Taiwan and abroad, and phone keyboards set to traditional, write the same words in other
characters; the catalogue, the dictionary and every cue list are simplified. Converting the message first lets
all of them apply unchanged. OpenCC converts by phrase (乾隆 and 乾坤 stay; 乾貨 becomes 干货), but a few place
names written in simplified Chinese keep a character it would change (乾县, 乾安县): every region name of
assets/regions/regions.csv that t2s would alter is kept as written.
"""
from __future__ import annotations

import csv
import functools
import re

import opencc

from models.paths import REGIONS_CSV


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.cache
def _kept_names() -> re.Pattern[str] | None:
    """Region names (with and without 县/区/市) that the conversion would alter: 乾县, 乾安县, 乾安."""
    convert = _converter().convert
    with REGIONS_CSV.open(encoding="utf-8") as f:
        names = {row["name"] for row in csv.DictReader(f)}
    names |= {n[:-1] for n in names if len(n) > 2 and n[-1] in "县区市"}
    altered = sorted((n for n in names if convert(n) != n), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, altered))) if altered else None


def _convert(text: str) -> str:
    """t2s, except where it gives a character outside the Basic Multilingual Plane: Cantonese characters written
    as they are in Hong Kong (嗰 → 𠮶, 餸 → 𩠌) are no traditional forms; their rare "simplified" forms are in no
    dictionary, font or cue list (嗰樽 is read as 那瓶 by bot/dialect.py)."""
    out = _converter().convert(text)
    if len(out) != len(text) or out.isascii() or max(map(ord, out)) <= 0xFFFF:
        return out
    return "".join(o if ord(o) <= 0xFFFF else t for t, o in zip(text, out, strict=True))


def simplified(text: str) -> str:
    """The text in simplified characters; ASCII and simplified text come back unchanged."""
    if text.isascii():
        return text
    convert, kept = _convert, _kept_names()
    if kept is None or not kept.search(text):
        return convert(text)
    out, at = [], 0
    for m in kept.finditer(text):
        out += [convert(text[at:m.start()]), m.group()]
        at = m.end()
    return "".join([*out, convert(text[at:])])
