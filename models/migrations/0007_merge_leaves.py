from tortoise import migrations
from tortoise.migrations import operations as ops

class Migration(migrations.Migration):
    dependencies = [('models', '0002_chat'), ('models', '0003_redemption_requests'), ('models', '0004_settlements'), ('models', '0005_stats_indexes'), ('models', '0006_wechat_push')]

    initial = False

    operations = [
        ops.AlterModelOptions(
            name='ChatSession',
            options={'table': 'chat_session', 'app': 'models', 'pk_attr': 'user_id', 'table_description': 'One row per user: the draft being built and the last list shown. Written with a version check.'},
        ),
    ]
