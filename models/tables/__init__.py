"""Tortoise tables, one module per area."""
