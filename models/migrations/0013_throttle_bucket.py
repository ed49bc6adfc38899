"""Abuse limits' counters (models/tables/throttle.py, models/services/throttle.py): one row per (scope, subject), shared by
every worker and host. Times are epoch seconds so the limits' arithmetic reads the same on both engines."""
from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0012_stats_marks")]

    initial = False

    operations = [
        ops.CreateModel(
            name='ThrottleBucket',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('scope', fields.CharField(max_length=32)),
                ('subject', fields.CharField(max_length=128)),
                ('tat', fields.FloatField(default=0)),
                ('failures', fields.IntField(default=0)),
                ('window_start', fields.FloatField(default=0)),
                ('locked_until', fields.FloatField(default=0)),
                ('lockouts', fields.IntField(default=0)),
                ('noticed_until', fields.FloatField(default=0)),
            ],
            options={'table': 'throttle_bucket', 'app': 'models', 'unique_together': (('scope', 'subject'),),
                     'pk_attr': 'id',
                     'table_description': 'The state of a limit for one scope and subject (an account, an address, a user id), times in epoch seconds.'},
            bases=['Model'],
        ),
    ]
