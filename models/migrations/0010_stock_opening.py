"""The stock ledger explains every product's stock (issue 14): who adjusted it, and an opening movement for the
products created before opening stock was written to the ledger.

`stock_movement.actor`: the administrator who set an opening stock or adjusted it. Then, for every product whose
stock differs from the sum of its movements (before this release a product's first stock, from a catalogue import
or the admin form, and any edit of it, were written to `product.stock` only), one `opening` movement of the
difference, in one set-based statement; so `python main.py reconcile`, which now checks stock = Σ movements,
holds on an existing database. Going back leaves those movements: they are true.
"""
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops

OPENING = """
INSERT INTO stock_movement (product_id, order_id, delta, reason, created_at)
SELECT p.id, NULL, p.stock - COALESCE(s.total, 0), 'opening', {now}
FROM product p LEFT JOIN (SELECT product_id, SUM(delta) AS total FROM stock_movement GROUP BY product_id) s
  ON s.product_id = p.id
WHERE p.stock <> COALESCE(s.total, 0)
"""


async def open_ledgers(apps, editor) -> None:
    client = editor.client
    # The time as each engine stores Tortoise's datetimes (SQLite: ISO text in UTC with its offset).
    now = ("strftime('%Y-%m-%d %H:%M:%f', 'now') || '+00:00'" if client.capabilities.dialect == "sqlite"
           else "now()")
    await client.execute_script(OPENING.format(now=now))


async def nothing(apps, editor) -> None:
    """Going back keeps the opening movements: they explain the stock."""


class Migration(migrations.Migration):
    dependencies = [("models", "0009_paid_at_in_utc")]

    initial = False

    operations = [
        ops.AddField(
            "StockMovement", "actor",
            fields.ForeignKeyField("models.User", source_field="actor_id", null=True, db_constraint=True,
                                   to_field="id", related_name="stock_movements", on_delete=OnDelete.SET_NULL),
        ),
        ops.RunPython(open_ledgers, nothing),
    ]
