"""The chat assistant is a front door over the domain: no HTTP library and no database access in bot/."""
from __future__ import annotations

import re
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent / "bot"
# A query on a model class (Product.filter(…)), raw SQL, a transaction, or importing the ORM or the HTTP library.
QUERY = re.compile(r"\b[A-Z][a-z]\w*\.(filter|all|get|get_or_none|get_or_create|exists|create|bulk_create|raw)\(|"
                   r"execute_query|execute_sql|in_transaction|^\s*(from|import) (tortoise|aiohttp)\b")
MAX_LINES = 400


def test_bot_holds_no_queries_and_no_http() -> None:
    offenders = []
    for path in sorted(BOT.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if QUERY.search(code):
                offenders.append(f"{path.relative_to(BOT.parent)}:{number}: {line.strip()}")
    assert offenders == []


def test_bot_modules_stay_small() -> None:
    sizes = {str(p.relative_to(BOT.parent)): len(p.read_text("utf-8").splitlines()) for p in BOT.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
