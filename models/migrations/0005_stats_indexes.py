"""Indexes and the daily rollup of the poverty-alleviation account (models/services/stats.py), hand-written.

Plain CREATE INDEX statements valid on SQLite and PostgreSQL. They are not declared on the models, so the
migration state does not know them and a later autodetected migration leaves them alone.

* lines by their order / redemption: the statistics join lines to their headers (and the foreign keys had
  no index of their own);
* orders by kind, status and payment time, redemptions by status and business day: a date range reads only
  its own headers; refund events by time (a refund changes the day the order was paid);
* the daily rollup tables the statistics read (raw SQL tables: a composite primary key, no ORM model).
"""
from tortoise import migrations
from tortoise.migrations import operations as ops

INDEXES = [
    ("idx_order_line_order_id", 'order_line ("order_id")'),
    ("idx_redemption_line_redemption_id", 'redemption_line ("redemption_id")'),
    ("idx_order_stats", '"order" ("kind", "status", "paid_at")'),
    ("idx_redemption_stats", 'redemption ("status", "business_date")'),
    ("idx_order_event_stats", 'order_event ("to_status", "created_at")'),
]

# The daily rollup (models/services/stats_rollup.py): figures per Shanghai day, grouping (dim), scope (0 all goods,
# 1 poverty counties only) and key; the suppliers present per day and key; which days are computed. Keys are
# text on both engines, days are YYYY-MM-DD text, computed_at is Unix milliseconds. The primary keys put the key
# before the day so a range of days groups by key in index order; the supplier table's key carries households
# too (one more column, unique anyway) so reading it never leaves the index.
TABLES = [
    ("stats_day", """CREATE TABLE IF NOT EXISTS stats_day (
        dim VARCHAR(10) NOT NULL, scope SMALLINT NOT NULL, k VARCHAR(64) NOT NULL, day VARCHAR(10) NOT NULL,
        label VARCHAR(128) NOT NULL, amount_fen BIGINT NOT NULL, qty BIGINT NOT NULL, poverty_fen BIGINT NOT NULL,
        docs BIGINT NOT NULL, suppliers BIGINT NOT NULL, households BIGINT NOT NULL,
        PRIMARY KEY (dim, scope, k, day))"""),
    ("stats_day_supplier", """CREATE TABLE IF NOT EXISTS stats_day_supplier (
        dim VARCHAR(10) NOT NULL, scope SMALLINT NOT NULL, k VARCHAR(64) NOT NULL, supplier_id INT NOT NULL,
        day VARCHAR(10) NOT NULL, households BIGINT NOT NULL,
        PRIMARY KEY (dim, scope, k, supplier_id, day, households))"""),
    ("stats_day_state", """CREATE TABLE IF NOT EXISTS stats_day_state (
        day VARCHAR(10) NOT NULL PRIMARY KEY, computed_at BIGINT NOT NULL, signature VARCHAR(64) NOT NULL)"""),
    # the same per whole month (YYYY-MM), from the days, so a long range reads a twelfth of the rows
    ("stats_month", """CREATE TABLE IF NOT EXISTS stats_month (
        dim VARCHAR(10) NOT NULL, scope SMALLINT NOT NULL, k VARCHAR(64) NOT NULL, month VARCHAR(7) NOT NULL,
        label VARCHAR(128) NOT NULL, amount_fen BIGINT NOT NULL, qty BIGINT NOT NULL, poverty_fen BIGINT NOT NULL,
        docs BIGINT NOT NULL, households BIGINT NOT NULL,
        PRIMARY KEY (dim, scope, k, month))"""),
    ("stats_month_supplier", """CREATE TABLE IF NOT EXISTS stats_month_supplier (
        dim VARCHAR(10) NOT NULL, scope SMALLINT NOT NULL, k VARCHAR(64) NOT NULL, supplier_id INT NOT NULL,
        month VARCHAR(7) NOT NULL, households BIGINT NOT NULL,
        PRIMARY KEY (dim, scope, k, supplier_id, month, households))"""),
    ("stats_month_state", """CREATE TABLE IF NOT EXISTS stats_month_state (
        month VARCHAR(7) NOT NULL PRIMARY KEY, computed_at BIGINT NOT NULL)"""),
]
DAY_INDEXES = [
    ("idx_stats_day_day", "stats_day (day)"),
    ("idx_stats_day_supplier_day", "stats_day_supplier (day)"),
    # suppliers over a range read only (key, day, households): an index-only scan in key order
    ("idx_stats_day_households", "stats_day (dim, scope, k, day, households)"),
    ("idx_stats_month_month", "stats_month (month)"),
    ("idx_stats_month_supplier_month", "stats_month_supplier (month)"),
]


class Migration(migrations.Migration):
    dependencies = [("models", "0001_initial")]

    initial = False

    operations = [
        *[ops.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
          for name, target in INDEXES],
        *[ops.RunSQL(create, f"DROP TABLE IF EXISTS {name}") for name, create in TABLES],
        *[ops.RunSQL(f"CREATE INDEX IF NOT EXISTS {name} ON {target}", f"DROP INDEX IF EXISTS {name}")
          for name, target in DAY_INDEXES],
    ]
