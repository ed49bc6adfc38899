"""Serving the app on a port, with one difference from `web.run_app`: a request that cannot even be parsed
(`?q=蜂蜜` sent unencoded: aiohttp's parser says "Invalid char in url query") is answered in the JSON error shape
like every other error, not as aiohttp's plain-text 400.

aiohttp answers such a request before routing and middlewares, from `RequestHandler.handle_error`; so the
connections are made by a subclass that renders that answer as JSON (`JsonErrorRequestHandler`), on a site that
uses it (`JsonErrorSite`). The app's own runner (`web.AppRunner`) keeps its lifecycle: startup, cleanup_ctx,
graceful shutdown of open connections.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from http import HTTPStatus
from typing import Any

from aiohttp import web

from api.errors import render, render_internal_error
from api.keys import SETTINGS
from api.lifecycle import LIFECYCLE
from models.errors import BadRequest

log = logging.getLogger(__name__)

# The RequestHandler options the runner's kwargs may carry (the others are the runner's own).
_HANDLER_OPTIONS = {"access_log_class", "access_log", "access_log_format", "keepalive_timeout", "tcp_keepalive",
                    "max_line_size", "max_headers", "max_field_size", "lingering_time", "read_bufsize",
                    "auto_decompress", "timeout_ceil_threshold", "logger"}


class JsonErrorRequestHandler(web.RequestHandler):
    """aiohttp's connection handler, whose answers to unparsable requests are JSON (and in Chinese)."""

    def handle_error(self, request: web.BaseRequest, status: int = 500, exc: BaseException | None = None,
                     message: str | None = None) -> web.StreamResponse:
        plain = super().handle_error(request, status, exc, message)  # logs as aiohttp does; closes the connection
        if status == HTTPStatus.INTERNAL_SERVER_ERROR:
            response = render_internal_error()
        else:
            response = render(BadRequest("malformed_request", (
                "请求无法解析。网址中的中文等字符须先做 URL 编码，例如 curl -G --data-urlencode q=蜂蜜 …"),
                reason=message or HTTPStatus(status).phrase))
            response.set_status(status)  # the parser's status (400, 413, 431 …), not the kind's
        response.headers.update({k: v for k, v in plain.headers.items() if k.lower() == "connection"})
        response.force_close()
        return response


class JsonErrorSite(web.BaseSite):
    """A TCP site like `web.TCPSite` whose connections are `JsonErrorRequestHandler`s."""

    def __init__(self, runner: web.AppRunner, host: str | None, port: int, *, reuse_port: bool = False,
                 handler_kwargs: dict[str, Any] | None = None, sock: socket.socket | None = None) -> None:
        super().__init__(runner)
        self.app_runner, self.host, self.port, self.reuse_port, self.sock = runner, host, port, reuse_port, sock
        self.handler_kwargs = {k: v for k, v in (handler_kwargs or {}).items() if k in _HANDLER_OPTIONS}
        self.listening: asyncio.AbstractServer | None = None

    @property
    def name(self) -> str:
        return f"http://{self.host or '0.0.0.0'}:{self.bound_port}"

    @property
    def bound_port(self) -> int:
        """The port listened on (the one asked for, or the one the system chose for port 0)."""
        sockets = getattr(self.listening, "sockets", None) or ()
        return int(sockets[0].getsockname()[1]) if sockets else self.port

    async def start(self) -> None:
        await super().start()
        server, loop = self.app_runner.server, asyncio.get_running_loop()
        assert server is not None, "the runner is set up before its sites start"

        def connection() -> web.RequestHandler:
            return JsonErrorRequestHandler(server, loop=loop, **self.handler_kwargs)

        if self.sock is not None:
            self.listening = await loop.create_server(connection, sock=self.sock)
        else:
            self.listening = await loop.create_server(connection, self.host, self.port, reuse_port=self.reuse_port)

    async def stop(self) -> None:
        if self.listening is not None:
            self.listening.close()
        await super().stop()


async def serve(app: web.Application, host: str, port: int, reuse_port: bool, **runner_kwargs: Any) -> None:
    """Run until SIGINT or SIGTERM, then shut down gracefully (docs/deploy.md, *Stopping a worker*):

    1. `/readyz` answers 503 `shutting_down` at once; for `SHUTDOWN_DRAIN_SECONDS` the worker still serves, so a
       load balancer polling `/readyz` takes it out before it closes its port (a second signal skips the wait);
    2. the listener closes and idle keep-alive connections are closed (aiohttp's runner);
    3. requests in flight get up to `SHUTDOWN_TIMEOUT_SECONDS` to finish, then are cancelled;
    4. cleanup: background jobs are cancelled and awaited, a card batch's issuing job gives its lease back
       (another worker or host resumes it at once), then the database closes."""
    settings, lifecycle = app[SETTINGS], app[LIFECYCLE]
    runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=settings.shutdown_timeout_seconds,
                           **runner_kwargs)
    await runner.setup()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, lifecycle.stop)
    try:
        await JsonErrorSite(runner, host, port, reuse_port=reuse_port, handler_kwargs=runner_kwargs).start()
        await lifecycle.stopping.wait()
        lifecycle.stopping.clear()
        log.info("stopping: draining for %.1f s, then up to %.1f s for requests in flight",
                 settings.shutdown_drain_seconds, settings.shutdown_timeout_seconds)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(lifecycle.stopping.wait(), settings.shutdown_drain_seconds)
    finally:
        try:
            await runner.cleanup()  # a signal meanwhile changes nothing: requests in flight still get their time
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)


def run(app: web.Application, host: str, port: int, reuse_port: bool, **runner_kwargs: Any) -> None:
    with contextlib.suppress(web.GracefulExit, KeyboardInterrupt):
        asyncio.run(serve(app, host, port, reuse_port, **runner_kwargs))
