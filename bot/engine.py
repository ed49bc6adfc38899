"""The assistant's entry point: `Assistant.handle(user, text) -> Reply`, used by every front door.

A turn loads the user's dialogue state from the database, understands the message against this
process's vocabulary, runs the dialogue and writes the state back with a version check: if another
worker answered the same user in between, the turn runs again on the fresh state (side effects such
as a placed order clear the draft they came from, so a re-run cannot place it twice).
"""
from __future__ import annotations

import asyncio
import copy
from collections import OrderedDict
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot import full_width, neighbour_lines
from bot.dialogue import Context, Turn
from bot.draft import DialogueState
from bot.reply import Reply
from bot.turns import referents
from bot.understanding import Understanding, understand
from bot.vocabulary import Vocabulary, load_vocabulary
from models import metrics
from models.clock import now_utc, today_shanghai
from models.places.region_directory import RegionSnapshot
from models.search.catalog_search import CatalogSearch
from models.services import chat_sessions, throttle
from models.tables.users import User

MAX_ATTEMPTS = 3
MAX_RECHECKS = 3  # turns run again because a stale index offered products the database refuses
TOUCH_AFTER = timedelta(minutes=5)  # an unchanged state is still rewritten this often, to keep an active session alive


@dataclass(frozen=True)
class BotConfig:
    card_face_values_fen: tuple[int, ...]
    order_pay_timeout: timedelta
    idle_timeout: timedelta = timedelta(minutes=30)
    # Messages understood, remembered per process (0: none): understanding is a pure function of the text and the
    # vocabulary, and short replies (确认, 第二个, 算了, 你好) come again and again. Forgotten when the vocabulary
    # is rebuilt.
    understood_kept: int = 4096
    codes: Any = None  # models.codes.card_codes.CardCodes: claiming a card by its printed code in chat


class Assistant:
    def __init__(self, search: CatalogSearch, config: BotConfig, regions: RegionSnapshot | None = None) -> None:
        self.search = search
        self.config = config
        self.regions = regions or RegionSnapshot()  # the app shares its own; a standalone assistant reads its own
        self._vocab: Vocabulary | None = None
        self._vocab_version = -1
        self._lock = asyncio.Lock()
        self._understood: OrderedDict[str, Understanding] = OrderedDict()
        self._understood_with: Vocabulary | None = None

    async def warm_up(self, database: Any) -> None:
        """Build the vocabulary and load cn2an in the background, so the first message does not pay for them."""
        from bot import numerals
        from models.storage.database import activated

        with activated(database):
            await self.vocabulary()
        await asyncio.get_running_loop().run_in_executor(None, numerals.warm_up)

    async def vocabulary(self) -> Vocabulary:
        """The vocabulary for the catalogue as the search index sees it now (rebuilt after a change)."""
        if self._vocab is None or self._vocab_version != self.search.version:
            async with self._lock:
                if self._vocab is None or self._vocab_version != self.search.version:
                    version = self.search.version
                    self._vocab = await load_vocabulary(today_shanghai(), self.search.index.knows_word)
                    self._vocab_version = version
        return self._vocab

    def _understand(self, text: str, vocab: Vocabulary) -> Understanding:
        """`understand`, remembered (an Understanding is never changed once made: turns only read it)."""
        if self._understood_with is not vocab:
            self._understood, self._understood_with = OrderedDict(), vocab
        u = self._understood.get(text)
        if u is None:
            u = understand(text, vocab)
            if self.config.understood_kept <= 0:
                return u
            self._understood[text] = u
            if len(self._understood) > self.config.understood_kept:
                self._understood.popitem(last=False)
        else:
            self._understood.move_to_end(text)
        return u

    async def open_session(self, token: str) -> tuple[User, chat_sessions.Loaded]:
        """A bearer token's user and their dialogue state, read together (raises `invalid_token`)."""
        return await chat_sessions.load_with_user(token, self.config.idle_timeout, now_utc())

    async def handle(self, user: User, text: str, session: chat_sessions.Loaded | None = None,
                     rate: throttle.Rate | None = None) -> Reply:
        """Answer one message from `user`; the dialogue state is read from (unless `session` was just read
        with `open_session`) and written to the database. With a `rate`, the turn counts against the user's chat
        limit, kept in the same row and written in the same statement (429 `too_many_attempts` past it).
        Each turn answered is counted by its intent (models/metrics.py)."""
        reply = await self._answer(user, text, session, rate)
        metrics.chat_turn(reply.intent)
        return reply

    async def _answer(self, user: User, text: str, session: chat_sessions.Loaded | None,
                      rate: throttle.Rate | None) -> Reply:
        text = full_width.narrowed(text)  # ＡＸ２.５ＨＫ９Ｐ３Ｍ７ 领取: codes, phones and amounts read as ASCII
        rechecks = 0
        attempts = 0
        while attempts < MAX_ATTEMPTS:
            attempts += 1
            if session is None:
                session = await chat_sessions.load(user.id, self.config.idle_timeout, now_utc())
            raw, version, age, loaded_tat = session
            session = None  # a second attempt reads the state another worker wrote
            turn_tat = loaded_tat
            if rate is not None and rate.limited:
                turn_tat = await throttle.next_turn("chat", str(user.id), loaded_tat, rate)
            state = DialogueState.from_json(raw)
            checking = self.search.stale
            if checking:  # the index may be behind: what the draft refers to is asked of the database first
                pristine = copy.deepcopy(raw)  # a turn may change lists it shares with raw; a re-run starts from this
                await self.search.drop_unsellable(_referenced(state))
            vocab = await self.vocabulary()
            u = self._understand(neighbour_lines.named(text, state, self.search.cards), vocab)  # 王姐那个: her line
            ctx = Context(user, vocab, self.search, self.config.card_face_values_fen, self.config.order_pay_timeout,
                          self.regions, self.config.codes)
            before = state.to_json()
            turn = Turn(ctx, state, u, said=text)
            reply = await turn.run()
            referents.remember(turn, reply)  # the product named and the intent answered, for what refers to them
            neighbour_lines.remember(state, text, self.search.cards)  # 3号楼王姐两袋…: whom each line is for
            if checking and reply.order is None and rechecks < MAX_RECHECKS:
                offered = [*(p["sku"] for p in reply.products), reply.slots.get("sku"), *_referenced(state)]
                if await self.search.drop_unsellable(s for s in offered if s is not None and s in self.search.cards):
                    # it offered what the database refuses (now gone from the index): the same turn again
                    rechecks += 1
                    attempts -= 1
                    session = chat_sessions.Loaded(pristine, version, age, loaded_tat)
                    continue
            after = state.to_json()
            limited = rate is not None and rate.limited
            if after == before and version and raw and age < TOUCH_AFTER and not limited:  # nothing new (a greeting…)
                return reply
            if await chat_sessions.save(user.id, after, version, now_utc(), turn_tat):
                return reply
        return reply


def _referenced(state: DialogueState) -> list[str]:
    """The skus a dialogue state refers to: the list shown last and the draft's lines and candidates (a few dozen
    at most)."""
    skus = list(state.shown)
    d = state.draft
    if d is not None:
        for line in [*d.lines, *([d.pending] if d.pending else [])]:
            skus += [line.sku, *line.candidates] if line.sku else line.candidates
    return [s for s in dict.fromkeys(skus) if s]
