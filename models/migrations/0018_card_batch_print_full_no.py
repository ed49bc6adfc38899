"""`card_batch.print_full_card_no`: the batch's printed faces show the whole card number when the issuer asks for it
(PATCH /api/v1/admin/card-batches/{id}/print-settings); every batch, old or new, starts masked."""
from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("models", "0017_order_ship_phone")]

    initial = False

    operations = [
        ops.AddField(
            model_name="CardBatch",
            name="print_full_card_no",
            field=fields.BooleanField(default=False),
        ),
    ]
