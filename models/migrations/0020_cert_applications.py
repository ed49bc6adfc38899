"""Certification applications (issue 18): `cert_application` (the product as the supplier describes it, its
origin county with the city and province whose officials review it, the households it links to, the state),
`cert_application_step` (who did each step, when) and `cert_document` (supporting files, stored by SHA-256).
New tables only: going back drops them."""
from tortoise import migrations
from tortoise.migrations import operations as ops
from models.tables.certification import AppState, HouseholdsMechanism
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0019_fulfilment')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CertApplication',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('supplier', fields.ForeignKeyField('models.Supplier', source_field='supplier_id', db_constraint=True, to_field='id', related_name='cert_applications', on_delete=OnDelete.RESTRICT)),
                ('applies_for_supplier', fields.BooleanField(default=False)),
                ('sku', fields.CharField(db_index=True, max_length=64)),
                ('name', fields.CharField(max_length=128)),
                ('brand', fields.CharField(default='', max_length=64)),
                ('category', fields.CharField(max_length=32)),
                ('unit', fields.CharField(max_length=16)),
                ('price_fen', fields.BigIntField()),
                ('stock', fields.IntField(default=0)),
                ('tags', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('aliases', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('origin', fields.ForeignKeyField('models.Region', source_field='origin_id', db_constraint=True, to_field='code', related_name='cert_applications', on_delete=OnDelete.RESTRICT)),
                ('city_code', fields.CharField(null=True, db_index=True, max_length=12)),
                ('province_code', fields.CharField(db_index=True, max_length=12)),
                ('poor_households', fields.IntField(default=0)),
                ('households_mechanism', fields.CharEnumField(description='EMPLOYMENT: employment\nPRODUCE_PURCHASE: produce_purchase\nDIVIDENDS: dividends\nOTHER: other', enum_type=HouseholdsMechanism, max_length=20)),
                ('state', fields.CharEnumField(default=AppState.SUBMITTED, db_index=True, description='SUBMITTED: submitted\nCOUNTY_REVIEWED: county_reviewed\nCITY_REVIEWED: city_reviewed\nCERTIFIED: certified\nRETURNED: returned\nREJECTED: rejected', enum_type=AppState, max_length=16)),
                ('reason', fields.CharField(null=True, max_length=255)),
                ('cert_no', fields.CharField(null=True, max_length=64)),
                ('valid_until', fields.DateField(null=True)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='cert_applications', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'cert_application', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CertApplicationStep',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('models.CertApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='steps', on_delete=OnDelete.CASCADE)),
                ('action', fields.CharField(max_length=16)),
                ('level', fields.CharField(null=True, max_length=8)),
                ('from_state', fields.CharField(null=True, max_length=16)),
                ('to_state', fields.CharField(max_length=16)),
                ('reason', fields.CharField(null=True, max_length=255)),
                ('actor', fields.ForeignKeyField('models.User', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='cert_steps', on_delete=OnDelete.SET_NULL)),
                ('actor_label', fields.CharField(max_length=128)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'cert_application_step', 'app': 'models', 'pk_attr': 'id', 'table_description': 'Who did what to an application, when: submit, approve (at a level), return, reject, resubmit.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CertDocument',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('application', fields.ForeignKeyField('models.CertApplication', source_field='application_id', db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.CASCADE)),
                ('sha256', fields.CharField(max_length=64)),
                ('content_type', fields.CharField(max_length=32)),
                ('size_bytes', fields.IntField()),
                ('label', fields.CharField(default='', max_length=128)),
                ('uploaded_by', fields.ForeignKeyField('models.User', source_field='uploaded_by_id', null=True, db_constraint=True, to_field='id', related_name='cert_documents', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'cert_document', 'app': 'models', 'unique_together': (('application', 'sha256'),), 'pk_attr': 'id', 'table_description': 'A supporting document, kept as documents/<sha256> under VAR_DIR (the uploaded file name is only a label).'},
            bases=['Model'],
        ),
    ]
