"""The abuse limits this app applies (from its settings), and who a request comes from.

The counting itself is models/services/throttle.py, in the database; docs/throttling.md lists the limits.
"""
from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from api.settings import Settings
from models.services.throttle import Lockout, Rate


@dataclass(frozen=True)
class Limits:
    login_account: Lockout
    login_address: Lockout
    claim: Rate  # per user
    claim_address: Rate
    decode: Rate  # per staff user
    chat: Rate  # per user
    dev_login: Rate  # per address; off by default

    @classmethod
    def from_settings(cls, s: Settings) -> Limits:
        def lockout(max_failures: int) -> Lockout:
            return Lockout(max_failures, s.login_failure_window_seconds, s.login_lockout_seconds,
                           s.login_lockout_max_seconds)

        return cls(
            login_account=lockout(s.login_account_max_failures),
            login_address=lockout(s.login_address_max_failures),
            claim=Rate(s.claim_burst, s.claim_per_minute / 60),
            claim_address=Rate(s.claim_address_burst, s.claim_address_per_minute / 60),
            decode=Rate(s.decode_burst, s.decode_per_minute / 60),
            chat=Rate(s.chat_burst, s.chat_per_second),
            dev_login=Rate(s.dev_login_burst, s.dev_login_per_minute / 60),
        )

    def client_address(self, request: web.Request) -> str:
        """The client's address: the peer's, or behind a trusted proxy the one it forwarded (api/proxies.py has
        already put it in `request.remote`; from anyone else `X-Forwarded-For` is ignored)."""
        return request.remote or "unknown"


LIMITS = web.AppKey("limits", Limits)
