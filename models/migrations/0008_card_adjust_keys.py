"""Admin balance adjustments of love cards are idempotent by key (models/services/card_admin.py), hand-written.

A partial unique index, valid on SQLite and PostgreSQL: one `adjust` activity per idempotency key, so two
concurrent retries of the same adjustment cannot both write (the loser's INSERT fails and it answers with the
winner's row). Redeem rows keep the merchant's key in the same column and are not covered: their own unique
index is on (merchant, key) in the redemption table. Not declared on the model, so autodetection leaves it alone.
"""
from tortoise import migrations
from tortoise.migrations import operations as ops

NAME = "uq_card_activity_adjust_key"


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.RunSQL(
            f"CREATE UNIQUE INDEX IF NOT EXISTS {NAME} ON card_activity (idempotency_key) WHERE kind = 'adjust'",
            f"DROP INDEX IF EXISTS {NAME}",
        ),
    ]
