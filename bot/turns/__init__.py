"""The dialogue's handlers, one module per kind of turn (see bot.dialogue for the table)."""
