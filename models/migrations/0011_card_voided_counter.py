"""Love cards remember up to which pay-code counter their codes were voided (models/tables/cards.py `voided_counter`).

Giving a card away, claiming it, freezing, unfreezing and closing it void every pay code out by moving
`spent_counter` and `voided_counter` up to `pay_counter` (docs/pay-codes.md). The debit only needs
`spent_counter`; `voided_counter` tells a clerk scanning an old code that it was voided (409 `pay_code_voided`)
rather than used. A plain column with a database default, so the card batch's hand-written INSERT needs no change.
"""
from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class AddColumnSQL(ops.RunSQL):
    """RunSQL for the database (AddField with a default fails on a non-empty table in this Tortoise version),
    AddField for the migration state, so the next autodetected migration does not add the column again."""

    def __init__(self, model_name: str, name: str, field, sql: str, reverse_sql: str) -> None:
        super().__init__(sql, reverse_sql)
        self._state = ops.AddField(model_name, name, field)

    def state_forward(self, app_label, state) -> None:
        self._state.state_forward(app_label, state)


class Migration(migrations.Migration):
    dependencies = [("models", "0010_stock_opening")]

    initial = False

    operations = [
        AddColumnSQL(
            "Card", "voided_counter", fields.IntField(default=0),
            "ALTER TABLE card ADD COLUMN voided_counter INT NOT NULL DEFAULT 0",
            "ALTER TABLE card DROP COLUMN voided_counter",
        ),
    ]
