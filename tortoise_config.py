"""Entry point for Tortoise's migration CLI only:
`python -m tortoise -c tortoise_config.TORTOISE_ORM makemigrations`."""
import os

from models.storage.database import tortoise_config

TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", "sqlite://var/makemigrations.sqlite3"))
