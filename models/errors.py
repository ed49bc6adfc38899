"""Domain errors: a stable snake_case code a client can act on, a message, details. No HTTP here."""
from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every rule violation the domain reports. Subclasses say what kind of failure it is."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it does."""


class Invalid(DomainError):
    """Well-formed input that breaks a rule (unknown region, bad catalogue row …)."""


class Conflict(DomainError):
    """The request clashes with the current state (duplicate, wrong state, no stock …)."""


class Forbidden(DomainError):
    """The caller is known but not allowed to do this."""


class Unauthenticated(DomainError):
    """Credentials are missing, wrong or expired."""


class Unavailable(DomainError):
    """A dependency (WeChat, the database) cannot answer right now."""


class TooManyAttempts(DomainError):
    """Too many tries in too short a time (an abuse limit): details say `retry_after_seconds`."""
