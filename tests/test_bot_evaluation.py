"""The labelled set (tests/data/bot_eval) scored through the assistant over a real database: the targets hold."""
from __future__ import annotations

from api.keys import ASSISTANT, DATABASE
from bot.evaluation import TARGETS, evaluate, load_set
from models.db import activated
from models.paths import DEMO_CATALOG_CSV
from tests.helpers import admin_headers, import_csv


async def test_the_assistant_meets_its_targets_on_the_labelled_set(client):
    await import_csv(client, DEMO_CATALOG_CSV.read_bytes(), await admin_headers(client))
    utterances, dialogues = load_set()
    assert len(utterances) >= 200 and len(dialogues) >= 20
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogues)
    headline = report.headline()
    assert all(headline[name] >= target for name, target in TARGETS.items()), report.render(show_errors=True)
    assert report.dialogues.ratio >= 0.9, report.render(show_errors=True)
