from tortoise import migrations
from tortoise.migrations import operations as ops
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
            name='MerchantSettlement',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('merchant', fields.ForeignKeyField('models.Merchant', source_field='merchant_id', db_constraint=True, to_field='id', related_name='settlements', on_delete=OnDelete.RESTRICT)),
                ('business_date', fields.DateField()),
                ('redemption_count', fields.IntField()),
                ('redemption_fen', fields.BigIntField()),
                ('void_count', fields.IntField()),
                ('void_fen', fields.BigIntField()),
                ('net_fen', fields.BigIntField()),
                ('lines', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('closed_by', fields.ForeignKeyField('models.User', source_field='closed_by_id', null=True, db_constraint=True, to_field='id', related_name='closed_settlements', on_delete=OnDelete.SET_NULL)),
                ('closed_by_label', fields.CharField(max_length=128)),
                ('closed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'merchant_settlement', 'app': 'models', 'unique_together': (('merchant_id', 'business_date'),), 'indexes': [Index(fields=['business_date', 'merchant_id'])], 'pk_attr': 'id', 'table_description': 'A closed business day of a merchant (Asia/Shanghai): its figures as they were at closing, never recomputed.'},
            bases=['Model'],
        ),
    ]
