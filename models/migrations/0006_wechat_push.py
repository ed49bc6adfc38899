from tortoise import migrations
from tortoise.migrations import operations as ops
from models.tables.wechat_messages import PushStatus
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WeChatMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('msg_key', fields.CharField(unique=True, max_length=200)),
                ('openid', fields.CharField(db_index=True, max_length=128)),
                ('msg_type', fields.CharField(max_length=32)),
                ('status', fields.CharEnumField(default=PushStatus.RECEIVED, description='RECEIVED: received\nSENT: sent\nIGNORED: ignored\nFAILED: failed', enum_type=PushStatus, max_length=16)),
                ('received_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('handled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'wechat_message', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A message pushed by WeChat, keyed by its MsgId (unique), with what became of the reply.'},
            bases=['Model'],
        ),
    ]
