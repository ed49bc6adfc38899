"""Indexes for the poverty-alleviation account (models/services/stats.py), hand-written.

Plain CREATE INDEX statements valid on SQLite and PostgreSQL. They are not declared on the models, so the
migration state does not know them and a later autodetected migration leaves them alone.

* lines by their order / redemption: the statistics join lines to their headers (and the foreign keys had
  no index of their own);
* orders by kind, status and payment time, redemptions by status and business day: a date range reads only
  its own headers.
"""
from tortoise import migrations
from tortoise.migrations import operations as ops

INDEXES = [
    ("idx_order_line_order_id", 'order_line ("order_id")'),
    ("idx_redemption_line_redemption_id", 'redemption_line ("redemption_id")'),
    ("idx_order_stats", '"order" ("kind", "status", "paid_at")'),
    ("idx_redemption_stats", 'redemption ("status", "business_date")'),
]


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        ops.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
        for name, target in INDEXES
    ]
