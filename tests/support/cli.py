"""Running main.py as a subprocess, and an empty database on the engine under test."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import asyncpg
import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, database_url: str, **env: str) -> subprocess.CompletedProcess:
    full_env = {"PATH": os.environ["PATH"], "DATABASE_URL": database_url, "SECRET_KEY": "cli-test-secret-key-123",
                **env}
    return subprocess.run([sys.executable, "main.py", *args], capture_output=True, text=True, env=full_env, cwd=ROOT,
                          timeout=120)


@pytest.fixture
async def empty_database_url(db_engine, database_url, tmp_path):
    """A database with nothing in it, on the engine under test."""
    if db_engine == "sqlite":
        yield f"sqlite://{tmp_path / 'fresh.sqlite3'}"
        return
    name = f"fresh_{uuid.uuid4().hex[:8]}"
    admin_dsn = database_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(admin_dsn)
    await conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        await conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await conn.close()
