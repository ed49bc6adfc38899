from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('models', '0014_stock_movement_description')]

    initial = False

    operations = [
        ops.AddField(
            model_name='ChatSession',
            name='turn_tat',
            field=fields.FloatField(default=0),
        ),
    ]
