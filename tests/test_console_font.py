"""The consoles' fallback web font (issue 16): a subset of WenQuanYi Micro Hei as WOFF2, served with a cache header,
named in the shared stylesheet, and holding every character the pages write (assets/fonts/make_webfont.py)."""
from __future__ import annotations

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "assets" / "static"
FONT = "/static/fonts/wqy-microhei-subset.woff2"


async def test_the_font_is_served_as_woff2_and_kept_by_the_browser(client):
    resp = await client.get(FONT)
    assert resp.status == 200
    assert resp.headers["Content-Type"] == "font/woff2"
    assert "max-age=2592000" in resp.headers["Cache-Control"]
    body = await resp.read()
    assert body[:4] == b"wOF2"
    assert 100_000 < len(body) < 600_000  # a subset, not the 5 MB collection
    assert (await client.get("/static/fonts/nope.woff2")).status == 404
    assert (await client.get("/static/fonts/../fonts/wqy-microhei-subset.txt")).status == 404


async def test_the_stylesheet_falls_back_to_it(client):
    css = await (await client.get("/static/console.css")).text()
    assert f'src: url("{FONT}") format("woff2")' in css
    family = re.search(r"font-family: ([^;]+);", css.split(":root", 1)[1]).group(1)
    assert family.index('"Aixin WenQuanYi"') < family.index("sans-serif")


def test_every_character_of_the_pages_is_in_the_subset():
    kept = set((STATIC / "fonts" / "wqy-microhei-subset.txt").read_text(encoding="utf-8"))
    used: set[str] = set()
    for path in [*STATIC.glob("*.html"), *STATIC.glob("*.js")]:
        used |= {c for c in path.read_text(encoding="utf-8") if "\u4e00" <= c <= "\u9fff"}
    missing = "".join(sorted(used - kept))
    assert not missing, f"run assets/fonts/make_webfont.py: the pages now use {missing}"
