from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('models', '0013_throttle_bucket')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='StockMovement',
            options={'table': 'stock_movement', 'app': 'models', 'pk_attr': 'id', 'table_description': 'The stock ledger: every change of stock, so stock = the sum of its movements, always.'},
        ),
    ]
