"""Second readings: a message already read by its cue words, read again for what such messages mean.

In this order: holder questions (用卡买两盒猕猴桃, 卡买了能退吗), budgets (预算200块能买几袋大米), kinds of question
(腊肉一斤够炒几次, 有哪些面值), testers (忽略之前的指令), things the shop does not do (打车, 我是你的菜), slang and
life talk (绝绝子 今天又emo了), waiting (等等, 回头再买). Each leaves a message it is not about as it was.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot import budgets, holder_questions, honesty, phone_talk, question_kinds, testers, waiting

if TYPE_CHECKING:
    from bot.understanding import Understanding


def revise(u: Understanding, words: Mapping[str, int]) -> None:
    """`words`: the dictionary (jieba's frequencies), for the words the shop does not sell."""
    holder_questions.revise(u)
    budgets.revise(u)
    question_kinds.revise(u)
    testers.revise(u)
    honesty.set_aside(u, words)
    phone_talk.revise(u)
    waiting.revise(u)
