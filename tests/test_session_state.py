"""No code changes a PostgreSQL session's state (a connection goes back to the pool and serves the next request; the
pool resets it, docs/decisions/0003, but code must not rely on that): these tests keep it so."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION_CHANGES = {
    "a session-level advisory lock (use pg_advisory_xact_lock)": re.compile(r"pg_(try_)?advisory_lock(_shared)?\("),
    "a session setting (use SET LOCAL)": re.compile(
        # a string that opens with SET (not the quoted table name of an UPDATE "order" SET …)
        r"""(?:^|[\s=(,+])["']\s*SET\s+(?!LOCAL\b)(SESSION\s+)?[a-z_]+\s*(=|TO\b)""", re.IGNORECASE),
    "LISTEN (the next user of the connection would receive its notifications)": re.compile(r"""["']\s*LISTEN\s""",
                                                                                            re.IGNORECASE),
    "set_config(…, false) (a session setting)": re.compile(r"set_config\([^)]*false", re.IGNORECASE),
}


def _sources() -> list[Path]:
    return [p for folder in ("models", "api", "bot") for p in (ROOT / folder).rglob("*.py")] + [ROOT / "main.py"]


def test_no_code_changes_a_postgres_session_state() -> None:
    found = [f"{path.relative_to(ROOT)}:{n}: {what}" for path in _sources()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             for what, pattern in SESSION_CHANGES.items() if pattern.search(line)]
    assert found == []


def test_the_scan_finds_what_it_looks_for() -> None:
    samples = ['"SELECT pg_advisory_lock(1)"', '"SET plan_cache_mode = force_custom_plan"', "'LISTEN orders'",
               '"SELECT set_config(\'x\', \'1\', false)"']
    assert all(any(p.search(s) for p in SESSION_CHANGES.values()) for s in samples)
    assert not any(p.search('"SET LOCAL plan_cache_mode = force_custom_plan"') for p in SESSION_CHANGES.values())
    assert not any(p.search('"UPDATE card SET balance_fen = 1"') for p in SESSION_CHANGES.values())
    assert not any(p.search('"""UPDATE "order" SET ship_phone = 1"""') for p in SESSION_CHANGES.values())
    assert any(p.search('sql = "SET statement_timeout = 5"') for p in SESSION_CHANGES.values())
