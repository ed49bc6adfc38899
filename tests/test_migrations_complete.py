"""The migrations describe the models exactly: Tortoise's generator finds nothing to add (a model changed without
its migration would otherwise reach production only as a difference between engines)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_model_change_lacks_its_migration(tmp_path: Path) -> None:
    before = sorted(p.name for p in (ROOT / "models" / "migrations").glob("*.py"))
    env = {**os.environ, "DATABASE_URL": f"sqlite://{tmp_path / 'makemigrations.sqlite3'}"}
    done = subprocess.run([sys.executable, "-m", "tortoise", "-c", "tortoise_config.TORTOISE_ORM", "makemigrations"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    after = sorted(p.name for p in (ROOT / "models" / "migrations").glob("*.py"))
    for name in set(after) - set(before):  # never leave a generated file behind
        (ROOT / "models" / "migrations" / name).unlink()
    assert done.returncode == 0, done.stderr
    assert after == before, done.stdout
    assert "No changes detected" in done.stdout
