"""Behind a reverse proxy: `X-Forwarded-For`, `-Proto` and `-Host` are honoured only on a request whose peer is one
of `TRUSTED_PROXIES` (addresses or networks); from anyone else they are ignored, so a client cannot choose its own
address (abuse limits, logs) by sending the header.

The parsing is aiohttp-remotes' `XForwardedFiltered`: the client is the last forwarded address that is not a
trusted proxy, the scheme and host the ones that proxy saw; a malformed or repeated header is 400 (JSON shape,
through the error middleware, which comes before this one)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network

from aiohttp import web
from aiohttp_remotes import XForwardedFiltered

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class TrustedProxies:
    def __init__(self, trusted: Iterable[str]) -> None:
        self.networks: list[IPv4Network | IPv6Network] = [ip_network(item, strict=False) for item in trusted]
        self._forwarded = XForwardedFiltered(set(self.networks)) if self.networks else None

    def is_proxy(self, peer: str | None) -> bool:
        try:
            address = ip_address(peer or "")
        except ValueError:  # a Unix socket, or no peer
            return False
        return any(address in network for network in self.networks)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if self._forwarded is None or not self.is_proxy(request.remote):
            return await handler(request)
        return await self._forwarded.middleware(request, handler)
