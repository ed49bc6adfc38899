from tortoise import migrations
from tortoise.migrations import operations as ops
from models.orders import OrderKind, OrderStatus
from models.payments import PaymentMethod, PaymentStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Address',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='addresses', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=32)),
                ('phone', fields.CharField(max_length=16)),
                ('region', fields.ForeignKeyField('models.Region', source_field='region_id', db_constraint=True, to_field='code', related_name='addresses', on_delete=OnDelete.RESTRICT)),
                ('province', fields.CharField(max_length=32)),
                ('city', fields.CharField(max_length=32)),
                ('county', fields.CharField(max_length=32)),
                ('detail', fields.CharField(max_length=128)),
                ('is_default', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'address', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Order',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order_no', fields.CharField(unique=True, max_length=32)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='orders', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(default=OrderKind.GOODS, description='GOODS: goods\nCARD: card', enum_type=OrderKind, max_length=8)),
                ('status', fields.CharEnumField(default=OrderStatus.PENDING_PAYMENT, description='PENDING_PAYMENT: pending_payment\nPAID: paid\nSHIPPED: shipped\nCOMPLETED: completed\nCANCELLED: cancelled\nREFUNDING: refunding\nREFUNDED: refunded', enum_type=OrderStatus, max_length=16)),
                ('total_fen', fields.BigIntField()),
                ('shipping', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('note', fields.CharField(default='', max_length=200)),
                ('pay_deadline', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('paid_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('shipped_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('carrier', fields.CharField(null=True, max_length=32)),
                ('tracking_no', fields.CharField(null=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'order', 'app': 'models', 'indexes': [Index(fields=['status', 'pay_deadline']), Index(fields=['user_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrderEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='events', on_delete=OnDelete.CASCADE)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='order_events', on_delete=OnDelete.SET_NULL)),
                ('actor_label', fields.CharField(max_length=128)),
                ('from_status', fields.CharField(null=True, max_length=16)),
                ('to_status', fields.CharField(max_length=16)),
                ('reason', fields.CharField(default='', max_length=255)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'order_event', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OrderLine',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='lines', on_delete=OnDelete.CASCADE)),
                ('product', fields.ForeignKeyField('models.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='order_lines', on_delete=OnDelete.RESTRICT)),
                ('sku', fields.CharField(max_length=64)),
                ('name', fields.CharField(max_length=128)),
                ('unit', fields.CharField(max_length=16)),
                ('category', fields.CharField(max_length=32)),
                ('price_fen', fields.BigIntField()),
                ('qty', fields.IntField()),
                ('amount_fen', fields.BigIntField()),
                ('supplier_id', fields.IntField()),
                ('supplier_name', fields.CharField(max_length=128)),
                ('households_lifted', fields.IntField()),
                ('origin_code', fields.CharField(max_length=12)),
                ('origin_province', fields.CharField(max_length=64)),
                ('origin_city', fields.CharField(max_length=64)),
                ('origin_county', fields.CharField(max_length=64)),
                ('poverty_county', fields.BooleanField()),
            ],
            options={'table': 'order_line', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A line with a snapshot of the product as sold: statistics never change when the catalogue does.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Payment',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.RESTRICT)),
                ('method', fields.CharEnumField(description='WECHAT: wechat\nCARD: card', enum_type=PaymentMethod, max_length=8)),
                ('out_trade_no', fields.CharField(unique=True, max_length=32)),
                ('amount_fen', fields.BigIntField()),
                ('status', fields.CharEnumField(default=PaymentStatus.PENDING, description='PENDING: pending\nSUCCEEDED: succeeded', enum_type=PaymentStatus, max_length=12)),
                ('transaction_id', fields.CharField(null=True, unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('succeeded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'payment', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PaymentNotification',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('provider', fields.CharField(max_length=16)),
                ('headers', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('body', fields.TextField(unique=False)),
                ('outcome', fields.CharField(max_length=32)),
                ('transaction_id', fields.CharField(null=True, max_length=64)),
                ('received_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'payment_notification', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Kept whatever its fate, so a dispute can be settled from what the provider actually sent.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StockMovement',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('product', fields.ForeignKeyField('models.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='stock_movements', on_delete=OnDelete.RESTRICT)),
                ('order', fields.ForeignKeyField('models.Order', source_field='order_id', null=True, db_constraint=True, to_field='id', related_name='stock_movements', on_delete=OnDelete.RESTRICT)),
                ('delta', fields.IntField()),
                ('reason', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'stock_movement', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The stock ledger: every reservation and release, so stock can always be explained.'},
            bases=['Model'],
        ),
    ]
