"""The labelled sets (tests/data/bot_eval*) scored through the assistant over a real database: the targets hold.

`bot_eval` runs over the demo catalogue; `bot_eval_holdout` and `bot_eval_blind` bring their own catalogues
(other products, regions, units and wording), imported the way an operator would. Each set was written by
someone who had not read bot/; the blind set was first scored before anyone looked at its errors.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from api.keys import ASSISTANT, DATABASE
from bot.evaluation import EVAL_DIR, MISLEADING_TARGET, TARGETS, evaluate, load_set
from models.paths import DEMO_CATALOG_CSV
from models.storage.database import activated
from tests.support.http import admin_headers, import_csv

HOLDOUT = EVAL_DIR.parent / "bot_eval_holdout"
BLIND = EVAL_DIR.parent / "bot_eval_blind"
SHOPPERS = EVAL_DIR.parent / "bot_eval_shoppers"
OFF_CATALOGUE = EVAL_DIR.parent / "bot_eval_offcatalog"
# Floors, not targets: what the sets score today (docs/chat.md gives the figures and the targets still missed).
SHOPPER_DIALOGUES_FLOOR = 1.0
# Strict: nothing at all offered on a no-match line. Products listed as alternatives under 没有找到「…」 (福临门大米 →
# the shop's rice) are honest but not nothing; the target (<= 0.5 %) is on misleading replies.
STRICT_FLOOR = 0.98


@pytest.mark.parametrize("folder, catalog", [(EVAL_DIR, DEMO_CATALOG_CSV), (HOLDOUT, HOLDOUT / "catalog.csv"),
                                             (BLIND, BLIND / "catalog.csv")], ids=["demo", "holdout", "blind"])
async def test_the_assistant_meets_its_targets(client, folder: Path, catalog: Path):
    await import_csv(client, catalog.read_bytes(), await admin_headers(client))
    utterances, dialogues = load_set(folder)
    assert len(utterances) >= 200
    assert len(dialogues) >= 20
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogues)
    headline = report.headline()
    assert all(headline[name] >= target for name, target in TARGETS.items()), report.render(show_errors=True)
    assert report.dialogues.ratio >= 0.9, report.render(show_errors=True)


async def test_the_shoppers_set_meets_the_message_targets(client):
    """The blind shoppers' set (its own catalogue with pack variants): intent, product and quantity targets hold,
    and every no-match message is answered honestly."""
    await import_csv(client, (SHOPPERS / "catalog.csv").read_bytes(), await admin_headers(client))
    utterances, dialogues = load_set(SHOPPERS)
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogues)
    headline = report.headline()
    assert all(headline[name] >= target for name, target in TARGETS.items()), report.render(show_errors=True)
    assert report.not_misleading.ratio == 1.0, report.render(show_errors=True)
    assert report.honest.ratio == 1.0, report.render(show_errors=True)
    assert report.dialogues.ratio >= SHOPPER_DIALOGUES_FLOOR, report.render(show_errors=True)


async def test_off_catalogue_messages_are_not_offered_unrelated_products(client):
    """Real shop and customer-service lines over the demo catalogue: at most 0.5 % misleading replies (a product
    offered as if it matched, a product in the draft, an order, a love-card action started: bot.evaluation)."""
    await import_csv(client, DEMO_CATALOG_CSV.read_bytes(), await admin_headers(client))
    utterances, dialogues = load_set(OFF_CATALOGUE)
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogues)
    assert report.honest.total >= 600
    assert report.misleading <= MISLEADING_TARGET, report.render(show_errors=True)
    assert report.honest.ratio >= STRICT_FLOOR, report.render(show_errors=True)


# Held-out pairs of the fifth session of 2026-12-05 (docs/chat.md), kept once used so that they are not lost again.
# Floors, not targets: their end-of-session figures; a drop fails, the targets still missed are in docs/chat.md.
# Each: (own catalogue?, (intent, product, quantity, whole dialogues, misleading at most)), one item below the figure.
LATER_SETS = {
    # Floors at the figures of the fifth session of 2026-12-06 (end of session), one item below each (one above for
    # misleading). Pair 19 and the demo catalogue tried as a shopper would drove the twentieth round; pair 20 was first
    # scored blind and read at the end (its money bugs fixed).
    "bot_eval_shoppers12": (True, (192 / 200, 76 / 77, 77 / 78, 19 / 20, 1 / 31)),
    "bot_eval_shoppers13": (True, (196 / 200, 19 / 21, 18 / 19, 18 / 20, 1 / 30)),
    "bot_eval_shoppers14": (True, (197 / 200, 54 / 57, 43 / 44, 18 / 20, 1 / 29)),
    "bot_eval_shoppers15": (True, (199 / 200, 19 / 21, 19 / 20, 19 / 20, 1 / 28)),
    "bot_eval_shoppers16": (True, (192 / 200, 19 / 20, 20 / 21, 19 / 20, 1 / 28)),
    "bot_eval_shoppers17": (True, (199 / 200, 19 / 20, 18 / 19, 19 / 20, 1 / 29)),
    "bot_eval_shoppers18": (True, (199 / 200, 17 / 18, 17 / 18, 18 / 20, 1 / 30)),
    "bot_eval_shoppers19": (True, (195 / 200, 18 / 19, 16 / 17, 19 / 20, 1 / 28)),
    "bot_eval_shoppers20": (True, (193 / 200, 19 / 21, 19 / 20, 16 / 20, 1 / 28)),
    # Pair 21 (sixth session of 2026-12-06): first scored blind, then read; floors one item below its end figures.
    "bot_eval_shoppers21": (True, (193 / 200, 12 / 14, 16 / 19, 19 / 20, 1 / 29)),
    # Pair 22 (seventh session of 2026-12-06): first scored blind, then read; floors one item below its end figures.
    "bot_eval_shoppers22": (True, (198 / 200, 29 / 30, 31 / 32, 18 / 20, 1 / 29)),
    # Pair 23 (eighth session of 2026-12-06): first scored blind, then read; floors one item below its end figures.
    "bot_eval_shoppers23": (True, (199 / 200, 25 / 27, 27 / 28, 19 / 20, 1 / 27)),
    # Pair 24 (first session of 2026-12-07): first scored blind, then read; floors one item below its end figures.
    "bot_eval_shoppers24": (True, (197 / 200, 26 / 28, 29 / 30, 19 / 20, 1 / 28)),
    # Pair 25 (second session of 2026-12-07): first scored blind, then read; floors one item below its end figures.
    "bot_eval_shoppers25": (True, (198 / 200, 21 / 22, 27 / 28, 18 / 20, 1 / 28)),
    # Pair 26 (third session of 2026-12-07): first scored blind, then read; floors one item below its end figures
    # (three labels changed when kept: tests/data/bot_eval_shoppers26/README.md).
    "bot_eval_shoppers26": (True, (196 / 200, 31 / 32, 27 / 28, 18 / 20, 1 / 29)),
    # Pairs 27 and 28 (fourth session of 2026-12-07): first scored blind, then read; floors one item below their end
    # figures (pair 28 was written and first scored within the session; its catalogue's 扶贫车间 rows were given 企业).
    "bot_eval_shoppers27": (True, (195 / 200, 24 / 25, 25 / 27, 18 / 20, 1 / 27)),
    "bot_eval_shoppers28": (True, (196 / 200, 22 / 24, 26 / 27, 17 / 20, 1 / 30)),
    # Pair 29 (fifth session of 2026-12-07; its brief written again, the first pair 29 lost unscored): first scored
    # blind at 7e3bfbb, then read; floors one item below its end figures (three dialogues label an amount two packs
    # hold as no product: tests/data/bot_eval_shoppers29/README.md).
    "bot_eval_shoppers29": (True, (199 / 200, 23 / 24, 21 / 22, 16 / 20, 1 / 27)),
    # Pair 30 (sixth session of 2026-12-07): first scored blind at 37b249b, then read; floors one item below its end
    # figures (labels the assistant reads otherwise: tests/data/bot_eval_shoppers30/README.md).
    "bot_eval_shoppers30": (True, (198 / 200, 21 / 22, 21 / 22, 16 / 20, 1 / 30)),
    # Pair 31 (seventh session of 2026-12-07): first scored blind at 15a0d8e, then read; floors one item below its end
    # figures (labels the assistant reads otherwise: tests/data/bot_eval_shoppers31/README.md).
    "bot_eval_shoppers31": (True, (199 / 200, 18 / 19, 14 / 15, 10 / 20, 1 / 27)),
    "bot_eval_offcatalog12": (False, (383 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog13": (False, (382 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog14": (False, (364 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog15": (False, (368 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog16": (False, (356 / 400, 1.0, 1.0, 1.0, 2 / 320)),
    "bot_eval_offcatalog17": (False, (379 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog18": (False, (384 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog19": (False, (377 / 400, 1.0, 1.0, 1.0, 2 / 320)),
    "bot_eval_offcatalog20": (False, (350 / 400, 1.0, 1.0, 1.0, 4 / 320)),
    "bot_eval_offcatalog21": (False, (367 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog22": (False, (377 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog23": (False, (388 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog24": (False, (376 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog25": (False, (362 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog26": (False, (382 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog27": (False, (366 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    # (its nine health questions naming the shop's own goods, once answered from their page with the product's card
    # shown, are a doctor's question since round 31: one misleading reply left; floors raised to the figures then)
    "bot_eval_offcatalog28": (False, (359 / 400, 1.0, 1.0, 1.0, 2 / 320)),
    "bot_eval_offcatalog29": (False, (398 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog30": (False, (374 / 400, 1.0, 1.0, 1.0, 1 / 320)),
    "bot_eval_offcatalog31": (False, (387 / 400, 1.0, 1.0, 1.0, 1 / 320)),
}


@pytest.mark.parametrize("name", sorted(LATER_SETS))
async def test_the_later_held_out_sets_keep_their_scores(client, name: str):
    folder = EVAL_DIR.parent / name
    own_catalogue, (intent, product, quantity, dialogues, misleading) = LATER_SETS[name]
    catalog = folder / "catalog.csv" if own_catalogue else DEMO_CATALOG_CSV
    await import_csv(client, catalog.read_bytes(), await admin_headers(client))
    utterances, dialogue_list = load_set(folder)
    with activated(client.app[DATABASE]):
        report = await evaluate(client.app[ASSISTANT], utterances, dialogue_list)
    scores = (report.intent.ratio, report.product.ratio, report.quantity.ratio, report.dialogues.ratio)
    floors = (intent, product, quantity, dialogues)
    assert [s >= f for s, f in zip(scores, floors, strict=True)] == [True] * 4, report.render(show_errors=True)
    assert report.misleading <= misleading, report.render(show_errors=True)
