"""Abuse limits' counters, one row per (scope, subject), shared by every worker and host through the database."""
from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ThrottleBucket(Model):
    """The state of a limit for one scope and subject (an account, an address, a user id), times in epoch seconds."""

    id = fields.BigIntField(primary_key=True)
    scope = fields.CharField(max_length=32)
    subject = fields.CharField(max_length=128)
    # Rate limits: the theoretical arrival time of the next request (GCRA); the bucket is full again from then.
    tat = fields.FloatField(default=0)
    # Failure limits: failures counted since window_start; locked until locked_until; how many locks in a row.
    failures = fields.IntField(default=0)
    window_start = fields.FloatField(default=0)
    locked_until = fields.FloatField(default=0)
    lockouts = fields.IntField(default=0)
    # A rate limit's refusals are audited once until this time (the first refusal of an episode).
    noticed_until = fields.FloatField(default=0)

    class Meta:
        table = "throttle_bucket"
        unique_together = (("scope", "subject"),)
