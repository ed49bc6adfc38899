"""Payment times stored with WeChat's +08:00 offset are rewritten in UTC (SQLite only), and the statistics rollup
forgets which days it has computed, so they are computed again from the repaired times.

Until models/services/payments.py turned `success_time` into UTC, SQLite kept it as given ('… 19:14:41+08:00'),
and SQLite compares stored times as text: such an order fell outside the day bounds the statistics use. SQLite's
own strftime reads the offset and gives UTC; WeChat's times have whole seconds. PostgreSQL stores timestamptz
in UTC anyway: nothing to repair there. Also joins the two heads (0007, 0008).
"""
from tortoise import migrations
from tortoise.migrations import operations as ops

COLUMNS = [('"order"', "paid_at"), ("payment", "succeeded_at")]


async def to_utc(apps, editor) -> None:
    client = editor.client
    if client.capabilities.dialect != "sqlite":
        return
    for table, column in COLUMNS:
        await client.execute_script(
            f"UPDATE {table} SET {column} = strftime('%Y-%m-%d %H:%M:%S', {column}) || '+00:00' "
            f"WHERE {column} IS NOT NULL AND {column} NOT LIKE '%+00:00'")
    await client.execute_script("DELETE FROM stats_day_state")
    await client.execute_script("DELETE FROM stats_month_state")


async def nothing(apps, editor) -> None:
    """Going back keeps the times in UTC: they were right to be so."""


class Migration(migrations.Migration):
    dependencies = [("models", "0007_merge_leaves"), ("models", "0008_card_adjust_keys")]

    initial = False

    operations = [ops.RunPython(to_utc, nothing)]
