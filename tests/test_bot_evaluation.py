"""The labelled sets (tests/data/bot_eval*) scored through the assistant over a real database: the targets hold.

`bot_eval` runs over the demo catalogue; `bot_eval_holdout` and `bot_eval_blind` bring their own catalogues
(other products, regions, units and wording), imported the way an operator would. Each set was written by
someone who had not read bot/; the blind set was first scored before anyone looked at its errors.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from api.keys import ASSISTANT, DATABASE
from bot.evaluation import EVAL_DIR, TARGETS, evaluate, load_set
from models.db import activated
from models.paths import DEMO_CATALOG_CSV
from tests.helpers import admin_headers, import_csv

HOLDOUT = EVAL_DIR.parent / "bot_eval_holdout"
BLIND = EVAL_DIR.parent / "bot_eval_blind"


@pytest.mark.parametrize("folder, catalog", [(EVAL_DIR, DEMO_CATALOG_CSV), (HOLDOUT, HOLDOUT / "catalog.csv"),
                                             (BLIND, BLIND / "catalog.csv")], ids=["demo", "holdout", "blind"])
async def test_the_assistant_meets_its_targets(client, folder: Path, catalog: Path):
    await import_csv(client, catalog.read_bytes(), await admin_headers(client))
    utterances, dialogues = load_set(folder)
    assert len(utterances) >= 200 and len(dialogues) >= 20
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogues)
    headline = report.headline()
    assert all(headline[name] >= target for name, target in TARGETS.items()), report.render(show_errors=True)
    assert report.dialogues.ratio >= 0.9, report.render(show_errors=True)
