"""One way into the database (issue 17, item 1): the product code uses only the public API of Tortoise, aiosqlite,
asyncpg and jieba. A private name of theirs (an attribute, method or module-level name starting with `_`) may
change in any release without notice; this test finds the known ones in api/, bot/, models/ and main.py.

An exception must be listed in ALLOWED with the decision record that justifies it (docs/decisions/).
"""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [ROOT / "api", ROOT / "bot", ROOT / "models", ROOT / "main.py"]
LIBRARIES = "tortoise|aiosqlite|asyncpg|jieba"

PRIVATE = {
    # Tortoise: model metadata and internals, the context variable, client and executor internals.
    "Tortoise Model._meta": r"\b[A-Z]\w*\._meta\b|\bself\._meta\b|\._meta\.(db|fields_map|db_fields|fk_fields)\b",
    "Tortoise Model._init_from_db": r"\._init_from_db\b",
    "Tortoise model state": r"\b_saved_in_db\b|\._partial\b|\._custom_generated_pk\b|\._await_when_save\b",
    "Tortoise context variable": r"\b_current_context\b|\b_global_context\b",
    "Tortoise executor._schema_editor": r"\._schema_editor\b",
    "Tortoise client._in_transaction": r"\._in_transaction\(",
    "Tortoise transaction internals": r"\._finalized\b|\._savepoint\b",
    # aiosqlite: running a function in its thread, the sqlite3 connection underneath.
    "aiosqlite Connection._execute": r"\._execute\(",
    "aiosqlite Connection._conn": r"\._conn\b",
    # asyncpg internals.
    "asyncpg internals": r"\._(con|protocol|pool|holders)\b",
    # jieba's private helpers.
    "jieba private helpers": r"\b_(lcut|lcut_for_search|get_abs_path|replace_file|get_module_res)\b|__cut_\w+",
    # Any private name imported from, or reached through, one of the libraries' modules.
    "import of a private name": rf"^\s*from\s+({LIBRARIES})(\.\w+)*\s+import\s+.*\b_[a-zA-Z]\w*",
    "private module attribute": rf"\b({LIBRARIES})(\.\w+)*\._[a-zA-Z]\w*",
}

# (path relative to the root, kind of PRIVATE) -> the decision record that keeps it. Ideally empty.
ALLOWED: dict[tuple[str, str], str] = {}  # the SQLite group commit's writer thread has its own connection (0005)


def _sources() -> list[Path]:
    files: list[Path] = []
    for place in SCANNED:
        files += [place] if place.is_file() else sorted(place.rglob("*.py"))
    return [f for f in files if "migrations" not in f.parts]


def _code(line: str) -> str:
    """The line without its comment (a `#` outside a string is close enough for these patterns)."""
    return line.split("  #", 1)[0]


def test_no_private_names_of_the_database_and_segmentation_libraries():
    found = []
    for path in _sources():
        rel = str(path.relative_to(ROOT))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for kind, pattern in PRIVATE.items():
                if re.search(pattern, _code(line)) and (rel, kind) not in ALLOWED:
                    found.append(f"{rel}:{number}: {kind}: {line.strip()}")
    assert not found, "private names of tortoise/aiosqlite/asyncpg/jieba:\n" + "\n".join(found)


def test_every_allowed_exception_names_an_existing_decision_record():
    for (path, kind), record in ALLOWED.items():
        assert kind in PRIVATE, kind
        assert (ROOT / path).is_file(), path
        assert (ROOT / "docs" / "decisions" / record).is_file(), record


def test_the_patterns_find_what_they_are_for():
    """Each pattern catches the use it names (so an empty result means none is left, not a broken regex)."""
    samples = {
        "Tortoise Model._meta": "conn = Order._meta.db",
        "Tortoise Model._init_from_db": "user = User._init_from_db(**row)",
        "Tortoise context variable": "token = _current_context.set(ctx)",
        "Tortoise executor._schema_editor": "executor._schema_editor(atomic=False)",
        "aiosqlite Connection._execute": "await connection._execute(fn, connection._conn)",
        "aiosqlite Connection._conn": "connection._conn",
        "import of a private name": "from tortoise.context import TortoiseContext, _current_context",
        "private module attribute": "jieba._get_abs_path(x)",
        "jieba private helpers": "tokenizer._Tokenizer__cut_DAG_NO_HMM(s)",
    }
    for kind, sample in samples.items():
        assert re.search(PRIVATE[kind], sample), kind
