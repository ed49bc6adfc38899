"""The statistics rollup is kept up to date in the background (issue 14): writes landing in a closed day mark it.

* `stats_dirty`: a row per write that changed a day already over (a late payment, a refund of an older order,
  a void committing after midnight), inserted in that write's transaction (models/services/stats_marks.py);
  the background recompute of the day consumes the marks it saw. The key (day, random mark) never collides, so
  inserting never waits.
* `stats_lease`: who runs the background rollup (one worker at a time across workers and hosts) and until when,
  taken and renewed with a conditional UPDATE (models/services/stats_background.py).

Until now a day's refunds were found by comparing refund events with the last one the day's computation had
seen (`stats_day_state.signature` "…|<event id>"); refunds that no computation has seen yet become marks here,
so nothing is lost in the change.
"""
from datetime import datetime, timedelta, timezone

from tortoise import migrations
from tortoise.migrations import operations as ops

TABLES = [
    ("stats_dirty", """CREATE TABLE IF NOT EXISTS stats_dirty (
        day VARCHAR(10) NOT NULL, mark VARCHAR(16) NOT NULL, marked_at BIGINT NOT NULL, PRIMARY KEY (day, mark))"""),
    ("stats_lease", """CREATE TABLE IF NOT EXISTS stats_lease (
        name VARCHAR(32) NOT NULL PRIMARY KEY, holder VARCHAR(128) NOT NULL, until_ms BIGINT NOT NULL)"""),
]
SHANGHAI = timezone(timedelta(hours=8))  # no daylight saving in China


async def unseen_refunds(apps, editor) -> None:
    client = editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    seen = {}
    for row in await client.execute_query_dict("SELECT day, signature FROM stats_day_state"):
        parts = str(row["signature"]).split("|")
        seen[row["day"]] = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    if not seen:
        return
    events = await client.execute_query_dict(
        'SELECT e.id AS id, o.paid_at AS paid_at FROM order_event e JOIN "order" o ON o.id = e.order_id '
        "WHERE e.to_status = 'refunded' AND e.id > " + ("?" if sqlite else "$1") + " AND o.paid_at IS NOT NULL",
        [min(seen.values())])
    now_ms = int(datetime.now(timezone.utc).timestamp() * 1000)
    marks = set()
    for event in events:
        paid = event["paid_at"]
        paid = datetime.fromisoformat(paid) if isinstance(paid, str) else paid
        day = paid.astimezone(SHANGHAI).date().isoformat()
        if day in seen and int(event["id"]) > seen[day]:
            marks.add(day)
    insert = "INSERT INTO stats_dirty (day, mark, marked_at) VALUES " + ("(?, ?, ?)" if sqlite else "($1, $2, $3)")
    for day in sorted(marks):
        await client.execute_query(insert, [day, "migration-0012", now_ms])


async def nothing(apps, editor) -> None:
    """Going back drops the tables; the older code finds refunds by itself again."""


class Migration(migrations.Migration):
    dependencies = [("models", "0011_card_voided_counter")]

    initial = False

    operations = [
        *[ops.RunSQL(create, f"DROP TABLE IF EXISTS {name}") for name, create in TABLES],
        ops.RunPython(unseen_refunds, nothing),
    ]
