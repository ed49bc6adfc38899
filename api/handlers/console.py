"""The web console: three static pages (chat, merchant, admin) and their shared scripts and styles.

Plain files from `assets/static/`, no build step. Only names made of safe characters with a known
extension are served, so a request can never reach outside that folder.
"""
from __future__ import annotations

from aiohttp import web

from api.routing import PUBLIC, Route
from models.paths import ASSETS

STATIC = ASSETS / "static"
PAGES = {"/": "chat.html", "/merchant": "merchant.html", "/admin": "admin.html", "/supplier": "supplier.html",
         "/official": "official.html"}
# Pages and scripts change with each release; make the browser ask again (a 304 is cheap).
NO_STALE = {"Cache-Control": "no-cache"}
# The fallback web font (assets/fonts/make_webfont.py) changes rarely and weighs 300 KB: kept a month.
FONT_CACHE = {"Cache-Control": "public, max-age=2592000"}


def _page(file_name: str):
    async def page(request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / file_name, headers=NO_STALE)

    page.__name__ = f"console_{file_name.split('.')[0]}"
    return page


async def static_file(request: web.Request) -> web.FileResponse:
    path = STATIC / request.match_info["name"]
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers=NO_STALE)


async def font_file(request: web.Request) -> web.FileResponse:
    path = STATIC / "fonts" / request.match_info["name"]
    if not path.is_file():
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={**FONT_CACHE, "Content-Type": "font/woff2"})


ROUTES = [
    *(Route("GET", url, _page(name), PUBLIC, f"Web console page {name}", "console", response_media="text/html")
      for url, name in PAGES.items()),
    Route("GET", r"/static/{name:[a-z0-9][a-z0-9_-]*\.(?:js|css|svg|png|ico)}", static_file, PUBLIC,
          "The web console's scripts, styles and images", "console", response_media="application/octet-stream"),
    Route("GET", r"/static/fonts/{name:[a-z0-9][a-z0-9_-]*\.woff2}", font_file, PUBLIC,
          "The web console's fallback Chinese font (a subset of WenQuanYi Micro Hei)", "console",
          response_media="font/woff2"),
]
