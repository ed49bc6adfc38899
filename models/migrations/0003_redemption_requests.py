from tortoise import migrations
from tortoise.migrations import operations as ops
from models.tables.redemption_requests import RequestState
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index


class AddColumnSQL(ops.RunSQL):
    """RunSQL for the database (AddField with a default fails on a non-empty table in this Tortoise version),
    AddField for the migration state, so the next autodetected migration does not add the column again."""

    def __init__(self, model_name: str, name: str, field, sql: str, reverse_sql: str) -> None:
        super().__init__(sql, reverse_sql)
        self._state = ops.AddField(model_name, name, field)

    def state_forward(self, app_label, state) -> None:
        self._state.state_forward(app_label, state)


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        AddColumnSQL(
            'Merchant', 'key_version', fields.IntField(default=1),
            'ALTER TABLE merchant ADD COLUMN key_version INT NOT NULL DEFAULT 1',
            'ALTER TABLE merchant DROP COLUMN key_version',
        ),
        ops.CreateModel(
            name='RedemptionRequest',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('card', fields.ForeignKeyField('models.Card', source_field='card_id', db_constraint=True, to_field='id', related_name='redemption_requests', on_delete=OnDelete.RESTRICT)),
                ('holder', fields.ForeignKeyField('models.User', source_field='holder_id', db_constraint=True, to_field='id', related_name='redemption_requests', on_delete=OnDelete.RESTRICT)),
                ('merchant', fields.ForeignKeyField('models.Merchant', source_field='merchant_id', db_constraint=True, to_field='id', related_name='redemption_requests', on_delete=OnDelete.RESTRICT)),
                ('state', fields.CharEnumField(default=RequestState.PENDING, description='PENDING: pending\nCONFIRMED: confirmed\nREJECTED: rejected\nEXPIRED: expired', enum_type=RequestState, max_length=10)),
                ('items', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('total_fen', fields.BigIntField()),
                ('idempotency_key', fields.CharField(max_length=64)),
                ('request_hash', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('staff', fields.ForeignKeyField('models.User', source_field='staff_id', null=True, db_constraint=True, to_field='id', related_name='decided_redemption_requests', on_delete=OnDelete.SET_NULL)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('redemption', fields.ForeignKeyField('models.Redemption', source_field='redemption_id', null=True, db_constraint=True, to_field='id', related_name='requests', on_delete=OnDelete.RESTRICT)),
                ('balance_after_fen', fields.BigIntField(null=True)),
                ('reason_code', fields.CharField(default='', max_length=64)),
                ('reason', fields.CharField(default='', max_length=255)),
            ],
            options={'table': 'redemption_request', 'app': 'models', 'unique_together': (('card_id', 'idempotency_key'),), 'indexes': [Index(fields=['merchant_id', 'state', 'id'])], 'pk_attr': 'id', 'table_description': 'A card holder asks a merchant to redeem certified items from the card. Nothing is debited until a clerk confirms, through the same redemption as a scan.'},
            bases=['Model'],
        ),
    ]
