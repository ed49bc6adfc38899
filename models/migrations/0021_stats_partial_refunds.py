"""The statistics count a refunded order's parcels that had shipped before the refund (issue 18 follow-up,
models/services/stats_lines.py). Days the rollup computed before hold none of them: the payment days of such orders
(goods, `refunding` or `refunded`, a fulfilment still `shipped`) that are computed are marked here (`stats_dirty`,
models/services/stats_marks.py), so the background recomputes them and a request reads them live until then. No
schema change. Going back marks the same days, so the older code recomputes them without those parcels."""
import secrets
import time

from tortoise import migrations
from tortoise.migrations import operations as ops

_DAY = {"sqlite": "date(o.paid_at, '+8 hours')",
        "postgres": "to_char(o.paid_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"}
DAYS = """
SELECT DISTINCT {day} AS day FROM "order" o
WHERE o.kind = 'goods' AND o.status IN ('refunding', 'refunded') AND o.paid_at IS NOT NULL
  AND EXISTS (SELECT 1 FROM fulfilment f WHERE f.order_id = o.id AND f.state = 'shipped')
"""


async def mark_days(apps, editor) -> None:
    client = editor.client
    sqlite = client.capabilities.dialect == "sqlite"
    found = await client.execute_query_dict(DAYS.format(day=_DAY["sqlite" if sqlite else "postgres"]))
    computed = {r["day"] for r in await client.execute_query_dict("SELECT day FROM stats_day_state")}
    insert = "INSERT INTO stats_dirty (day, mark, marked_at) VALUES " + ("(?, ?, ?)" if sqlite else "($1, $2, $3)")
    now_ms = int(time.time() * 1000)
    for day in sorted({str(r["day"]) for r in found} & computed):
        await client.execute_query(insert, [day, secrets.token_hex(8), now_ms])


class Migration(migrations.Migration):
    dependencies = [("models", "0020_cert_applications")]

    initial = False

    operations = [ops.RunPython(mark_days, mark_days)]
