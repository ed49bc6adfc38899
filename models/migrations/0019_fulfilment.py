"""`fulfilment`: one supplier's part of a paid goods order (docs/suppliers.md). Goods orders already paid get theirs
in one set-based statement (the same SQL on both engines): `paid` ones are pending, `shipped` and `completed` ones
carry the order's carrier, tracking number and shipping time. Refunded orders get none (a refund of an order with
no fulfilment covers all of it, as before). Going back drops the table with the schema change."""
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from models.tables.orders import FulfilmentState

FILL = """
INSERT INTO fulfilment (order_id, supplier_id, state, carrier, tracking_no, shipped_at, created_at)
SELECT o.id, l.supplier_id,
       CASE WHEN o.status = 'paid' THEN 'pending' ELSE 'shipped' END,
       CASE WHEN o.status = 'paid' THEN NULL ELSE o.carrier END,
       CASE WHEN o.status = 'paid' THEN NULL ELSE o.tracking_no END,
       CASE WHEN o.status = 'paid' THEN NULL ELSE COALESCE(o.shipped_at, o.paid_at, o.created_at) END,
       COALESCE(o.paid_at, o.created_at)
FROM "order" o
JOIN (SELECT DISTINCT order_id, supplier_id FROM order_line) l ON l.order_id = o.id
JOIN supplier s ON s.id = l.supplier_id
WHERE o.kind = 'goods' AND o.status IN ('paid', 'shipped', 'completed')
  AND NOT EXISTS (SELECT 1 FROM fulfilment f WHERE f.order_id = o.id AND f.supplier_id = l.supplier_id)
"""


async def fill(apps, editor) -> None:
    await editor.client.execute_script(FILL)


async def nothing(apps, editor) -> None:
    """Going back: the table goes with the schema change."""


class Migration(migrations.Migration):
    dependencies = [("models", "0018_card_batch_print_full_no")]

    initial = False

    operations = [
        ops.CreateModel(
            name='Fulfilment',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True,
                                                 to_field='id', related_name='fulfilments',
                                                 on_delete=OnDelete.CASCADE)),
                ('supplier', fields.ForeignKeyField('models.Supplier', source_field='supplier_id', db_constraint=True,
                                                    to_field='id', related_name='fulfilments',
                                                    on_delete=OnDelete.RESTRICT)),
                ('state', fields.CharEnumField(default=FulfilmentState.PENDING,
                                               description='PENDING: pending\nSHIPPED: shipped\nREFUNDED: refunded',
                                               enum_type=FulfilmentState, max_length=16)),
                ('carrier', fields.CharField(null=True, max_length=32)),
                ('tracking_no', fields.CharField(null=True, max_length=64)),
                ('shipped_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'fulfilment', 'app': 'models', 'unique_together': (('order_id', 'supplier_id'),),
                     'indexes': [Index(fields=['supplier_id', 'state', 'id'])], 'pk_attr': 'id',
                     'table_description': "One supplier's part of a paid goods order: its lines are the order's "
                                          "lines of that supplier's products"},
            bases=['Model'],
        ),
        ops.RunPython(fill, nothing),
    ]
