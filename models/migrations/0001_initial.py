from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from models.catalog import CertStatus, SupplierType
from models.merchants import MerchantKind
from models.regions import RegionLevel
from models.users import Role
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='Region',
            fields=[
                ('code', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=12)),
                ('name', fields.CharField(db_index=True, max_length=64)),
                ('level', fields.CharEnumField(description='PROVINCE: province\nCITY: city\nCOUNTY: county', enum_type=RegionLevel, max_length=8)),
                ('parent', fields.ForeignKeyField('models.Region', source_field='parent_id', null=True, db_constraint=True, to_field='code', related_name='children', on_delete=OnDelete.RESTRICT)),
                ('poverty_county', fields.BooleanField(default=False)),
            ],
            options={'table': 'region', 'app': 'models', 'pk_attr': 'code'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Merchant',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=128)),
                ('kind', fields.CharEnumField(default=MerchantKind.COUNTER, description='COUNTER: counter\nPAVILION: pavilion\nZONE: zone', enum_type=MerchantKind, max_length=12)),
                ('region', fields.ForeignKeyField('models.Region', source_field='region_id', null=True, db_constraint=True, to_field='code', related_name='merchants', on_delete=OnDelete.RESTRICT)),
                ('address', fields.CharField(default='', max_length=255)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'merchant', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Supplier',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=128)),
                ('type', fields.CharEnumField(description='ENTERPRISE: 企业\nCOOPERATIVE: 合作社\nFARMER: 农户', enum_type=SupplierType, max_length=8)),
                ('region', fields.ForeignKeyField('models.Region', source_field='region_id', null=True, db_constraint=True, to_field='code', related_name='suppliers', on_delete=OnDelete.RESTRICT)),
                ('households_lifted', fields.IntField(default=0)),
                ('cert_status', fields.CharEnumField(default=CertStatus.PENDING, description='PENDING: pending\nCERTIFIED: certified\nREVOKED: revoked', enum_type=CertStatus, max_length=12)),
                ('cert_no', fields.CharField(null=True, max_length=64)),
                ('certified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_reason', fields.CharField(null=True, max_length=255)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'supplier', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Product',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('sku', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=128)),
                ('brand', fields.CharField(default='', max_length=64)),
                ('category', fields.CharField(db_index=True, max_length=32)),
                ('unit', fields.CharField(max_length=16)),
                ('price_fen', fields.BigIntField()),
                ('stock', fields.IntField(default=0)),
                ('supplier', fields.ForeignKeyField('models.Supplier', source_field='supplier_id', db_constraint=True, to_field='id', related_name='products', on_delete=OnDelete.RESTRICT)),
                ('origin', fields.ForeignKeyField('models.Region', source_field='origin_id', db_constraint=True, to_field='code', related_name='products', on_delete=OnDelete.RESTRICT)),
                ('tags', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('aliases', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('cert_status', fields.CharEnumField(default=CertStatus.PENDING, description='PENDING: pending\nCERTIFIED: certified\nREVOKED: revoked', enum_type=CertStatus, max_length=12)),
                ('cert_no', fields.CharField(null=True, max_length=64)),
                ('certified_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('valid_until', fields.DateField(null=True)),
                ('revoked_reason', fields.CharField(null=True, max_length=255)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'product', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('role', fields.CharEnumField(default=Role.CONSUMER, description='CONSUMER: consumer\nMERCHANT_STAFF: merchant_staff\nADMIN: admin', enum_type=Role, max_length=16)),
                ('openid', fields.CharField(null=True, unique=True, max_length=128)),
                ('username', fields.CharField(null=True, unique=True, max_length=64)),
                ('password_hash', fields.CharField(null=True, max_length=255)),
                ('nickname', fields.CharField(default='', max_length=64)),
                ('merchant', fields.ForeignKeyField('models.Merchant', source_field='merchant_id', null=True, db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'app_user', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditEntry',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='audit_entries', on_delete=OnDelete.SET_NULL)),
                ('actor_label', fields.CharField(max_length=128)),
                ('action', fields.CharField(max_length=64)),
                ('entity_type', fields.CharField(max_length=32)),
                ('entity_id', fields.CharField(max_length=64)),
                ('before', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('after', fields.JSONField(null=True, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'audit_entry', 'app': 'models', 'indexes': [Index(fields=['entity_type', 'entity_id'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuthToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='tokens', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'auth_token', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A bearer token, stored as its SHA-256 so a database leak does not leak sessions.'},
            bases=['Model'],
        ),
    ]
