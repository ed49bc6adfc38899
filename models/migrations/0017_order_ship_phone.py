"""`order.ship_phone`: the digits of the phone in the order's shipping address, indexed, so an administrator finds a
consumer's orders by phone (GET /api/v1/admin/orders?phone=…). Orders placed before are filled from their address
snapshot (`shipping`, JSON) in one set-based statement per engine; going back leaves the column's values alone.
"""
from tortoise import fields, migrations
from tortoise.migrations import operations as ops

# Addresses only ever held 11-digit mobiles (models/services/addresses.py), so removing spaces, dashes and a plus
# is all the normalising old rows need; new ones go through models.services.admin_orders.phone_digits.
SQLITE = """UPDATE "order" SET ship_phone = substr(replace(replace(replace(
    json_extract(shipping, '$.phone'), ' ', ''), '-', ''), '+', ''), 1, 16)
    WHERE shipping IS NOT NULL AND ship_phone IS NULL"""
POSTGRES = """UPDATE "order" SET ship_phone = left(regexp_replace(shipping->>'phone', '[^0-9]', '', 'g'), 16)
    WHERE shipping IS NOT NULL AND ship_phone IS NULL"""


async def fill(apps, editor) -> None:
    client = editor.client
    await client.execute_script(SQLITE if client.capabilities.dialect == "sqlite" else POSTGRES)


async def nothing(apps, editor) -> None:
    """Going back: the column goes with the schema change, nothing else to undo."""


class Migration(migrations.Migration):
    dependencies = [("models", "0016_staff_scopes")]

    initial = False

    operations = [
        ops.AddField(
            model_name="Order",
            name="ship_phone",
            field=fields.CharField(null=True, db_index=True, max_length=16),
        ),
        ops.RunPython(fill, nothing),
    ]
