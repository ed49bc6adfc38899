from tortoise import migrations
from tortoise.migrations import operations as ops
from models.tables.users import Role
from tortoise.fields.base import OnDelete
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0015_chat_turn_rate')]

    initial = False

    operations = [
        ops.AlterField(
            model_name='User',
            name='role',
            field=fields.CharEnumField(default=Role.CONSUMER, description='CONSUMER: consumer\nMERCHANT_STAFF: merchant_staff\nADMIN: admin\nSUPPLIER_STAFF: supplier_staff\nOFFICIAL: official', enum_type=Role, max_length=16),
        ),
        ops.AddField(
            model_name='User',
            name='region',
            field=fields.ForeignKeyField('models.Region', source_field='region_id', null=True, db_constraint=True, to_field='code', related_name='officials', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='User',
            name='supplier',
            field=fields.ForeignKeyField('models.Supplier', source_field='supplier_id', null=True, db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT),
        ),
    ]
