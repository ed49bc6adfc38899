"""The one error hierarchy: a stable snake_case code a client can act on, a message, details. No HTTP here.

Every failure the application reports — a broken domain rule, a request that cannot be read, a WeChat outage —
is an `AppError` of one *kind* (the subclasses below). The kind says what sort of failure it is; api/errors.py
holds the one table from kind to HTTP status (docs/errors.md). Raise a kind, never `AppError` itself.
"""
from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Root of every error the application reports. Subclasses say what kind of failure it is."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details


DomainError = AppError  # the earlier name of the root, still caught by bot/ and main.py: the same class


class BadRequest(AppError):
    """The request itself cannot be read: not JSON, nested too deep, a form without the expected file."""


class Unauthenticated(AppError):
    """Credentials are missing, wrong or expired."""


class Forbidden(AppError):
    """The caller is known but not allowed to do this (or a pushed message failed its signature check)."""


class NotFound(AppError):
    """The object does not exist, or the caller may not know that it does."""


class MethodNotAllowed(AppError):
    """The resource exists but does not take this method (the router decides it)."""


class Conflict(AppError):
    """The request clashes with the current state (duplicate, wrong state, no stock …)."""


class PayloadTooLarge(AppError):
    """The body or the uploaded file is larger than allowed: details may say `max_bytes`."""


class UnsupportedMediaType(AppError):
    """The body is of a type this operation does not read: details may say what is `accepted`."""


class Invalid(AppError):
    """Well-formed input that breaks a rule (unknown region, bad catalogue row, wrong field shape …)."""


class TooManyAttempts(AppError):
    """Too many tries in too short a time (an abuse limit): details say `retry_after_seconds`."""


class UpstreamFailed(AppError):
    """A dependency (WeChat Pay) answered, but refused or said something unrecognisable; retrying will not help."""


class Unavailable(AppError):
    """A dependency (WeChat, the database, the search index) cannot answer right now; try again later."""
