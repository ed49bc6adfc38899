"""Honest answers when the shop does not have what was asked: 没有找到「the customer's words」, and when those words
name a kind of thing the shop sells (福临门大米 → 大米), that kind's products as alternatives — listed, never chosen;
other cards are told that the shop sells love cards only; services and sayings get a short honest answer."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot import (
    errands,
    fair_substitutes,
    festival_words,
    honesty,
    love_card_means,
    other_cards,
    phrasing,
    replies,
    service_goods,
    sound_alikes,
    things_asked_of,
)
from bot.bare_things import as_typed
from bot.getting_verbs import without_getting
from bot.intents import asking_clause
from bot.plain_intents import without_advice_lead
from bot.products import resolve
from bot.reply import Reply
from bot.turns import common

if TYPE_CHECKING:
    from bot.dialogue import Turn
    from bot.products import Resolution


def not_found(turn: Turn, intent: str, found: Resolution) -> Reply:
    u = turn.u
    if not (found.unknown or u.product_text).strip() and u.origin is None and not u.foreign:
        return turn.say(replies.ASK_PRODUCT + turn.pending_question(), intent,  # 我想买点东西: never 没有找到「」
                        suggestions=replies.START_SUGGESTIONS)
    text, shown, suggestions = not_found_parts(turn, found)
    d = turn.draft
    if d is not None and d.lines and d.awaiting == "confirm":  # the order being built is still there
        return turn.say(text + turn.pending_question(), intent, shown, suggestions=list(replies.CONFIRM_SUGGESTIONS))
    return turn.say(text, intent, shown, suggestions=suggestions)


def not_found_parts(turn: Turn, found: Resolution) -> tuple[str, list[dict[str, Any]], list[str]]:
    """The 没有找到「…」 answer's text, the alternatives listed under it (never chosen) and the suggestions."""
    u = turn.u
    place = u.origin.mention if u.origin else ""
    listed = re.search("[、，,;；/]", u.raw) is not None  # 奶粉、手机壳、充电宝: each thing said apart
    spaced = asking_clause(u.spaced) or u.spaced  # 有卖五粮液吗 过年送礼用: 「五粮液」, the purpose is no name
    spaced = phrasing.without_property(spaced)  # 枸杞是宁夏中宁的吗: 「枸杞」, what is asked of it is no name
    spaced = things_asked_of.without_question(spaced)  # 这个耳机支持快充吗: 「耳机」
    spaced = festival_words.without_for_someone(spaced)  # 父亲节送爸爸的剃须刀: 「剃须刀」, whom it is for is no name
    spaced = without_advice_lead(spaced)  # 推荐个适合老人用的按摩仪: 「按摩仪」, how advice is asked is no name
    spaced, words = without_getting(spaced, found.unknown or u.product_text)  # 订个生日蛋糕: 「生日蛋糕」
    echoed = honesty.echo(spaced, words, listed)
    text = replies.not_found(echoed, "" if place and place in echoed else place)  # never 「宁夏的宁夏枸杞」
    if other_cards.other_card(u.text, turn.ctx.vocab.tokenizer.jieba.FREQ):
        text += honesty.OTHER_CARD
    kind = u.instead or (u.product_words[0] if u.origin is not None and u.product_words else "")
    if not fair_substitutes.fair(u.text, u.foreign or echoed, kind):  # 狗零食, 花椒油: no food for people, no 花椒
        kind = ""
        text += fair_substitutes.PET_NOTE if fair_substitutes.for_pets(u.text) else ""
    shown = alternatives(turn, kind)  # 宁夏枸杞 with only Qinghai's: those, as alternatives
    heard = "" if kind else sound_alikes.meant(u.foreign or echoed, turn.ctx.vocab)
    shown = shown or alternatives(turn, heard)  # 沃干: 您说的是不是「沃柑」？ and the 沃柑 to pick from
    if shown and heard:
        return replies.meant_word(text, heard, shown), shown, replies.pick_suggestions(len(shown))
    if shown:  # listed as alternatives under 没有找到「…」: nothing is chosen, a pick (第一个) takes one
        return replies.alternatives_of(text, kind, shown), shown, replies.pick_suggestions(len(shown))
    return text + " 您可以换个说法，比如说品类或产地。", [], ["有哪些扶贫产品", "蔬菜水果", "茶叶饮品", "粮油米面"]


def alternatives(turn: Turn, kind: str) -> list[dict[str, Any]]:
    """The shop's products of the kind the customer's thing is one of (大米 for 福临门大米), best first."""
    if not kind:
        return []
    u = turn.u
    probe = replace(u, text=kind, spaced=kind, product_text=kind, product_words=[kind], foreign="", instead="",
                    origin=None, specs=[], quantities=[], quantity=None, generic=False)
    found = resolve(probe, turn.ctx.vocab, turn.ctx.search)  # 冰糖 is not 冰糖橙: the same reading as a search
    return [] if found.refused else found.candidates[:common.SHOW]


def fallback_text(turn: Turn) -> str:
    """The short honest answer to a service, a question about words or a person called a food (honesty.unrelated);
    a message about other cards is told the shop sells love cards only. Empty for anything else."""
    u = turn.u
    if u.unrelated == "programme":
        return programme_answer(other_cards.programme_card(u.text))
    if u.unrelated == "service" and not re.search("[卡券]", u.text):  # 话费充值 50: the errand's answer alone,
        return errands.answer(u.text)  # never mixed with the card answer (办张洗车卡 is told about cards)
    if other_cards.other_card(u.text, turn.ctx.vocab.tokenizer.jieba.FREQ):
        return honesty.OTHER_CARD
    return honesty.REPLIES[u.unrelated] if u.unrelated else ""


def other_card_answer(turn: Turn) -> Reply:
    """Another's card asked for, priced, bought or offered in payment (bot.card_goods): 没有找到「the card as said」
    and that the shop sells love cards only, or, asked whether it pays here, that only the love card and WeChat Pay
    do. Nothing is listed and nothing drafted; a draft in progress stays as it was."""
    u = turn.u
    bought = love_card_means.bought_with_love_card(u.text, turn.ctx.vocab.tokenizer.jieba.FREQ)  # 京东卡能用爱心卡买吗
    name = bought or as_typed(honesty.card_said(u.spaced), u.raw)  # 「京东E卡」 as typed
    text = replies.not_found(name) if name else ""
    text += honesty.LOVE_CARD_BUYS if bought else honesty.CARD_PAYMENT if u.intent == "ask_info" else \
        honesty.OTHER_CARD
    d = turn.draft
    if d is not None and d.awaiting:
        return turn.say(text + turn.pending_question(), u.intent, suggestions=turn.resume_suggestions())
    return turn.say(text, u.intent, suggestions=["有哪些扶贫产品", "买一张200元的爱心卡"])


def programme_answer(name: str) -> str:
    """老年人爱心卡, 公交爱心卡: another programme's card, told apart from the shop's love card."""
    who = "公交公司或当地交通部门" if other_cards.transport_programme(name) else "当地政府部门（民政、残联、医保等）"
    return (f"「{name}」是{who}发的卡，办理、充值、查询请找发卡的部门，这里办不了。"
            "本店的消费扶贫爱心卡是另一种卡，只能用来买本店的认定扶贫产品。")


def service_answer(turn: Turn) -> Reply:
    """A service or a ticket asked for, priced or bought as goods (bot.service_goods), or a thing named in English
    (bot.latin_goods): 没有找到「the words as said」 and what the shop is. Nothing is listed and nothing drafted; a
    draft in progress stays as it was."""
    u = turn.u
    english = u.unrelated == "latin_goods"  # buy 1 switch please: the thing as said in English (bot.latin_goods)
    name = u.product_text if english else service_goods.said(u.text, honesty.service_spans(u.text))
    text = (replies.not_found(name) if name else "") + (SHOP_IS if english else SERVICE_SHOP)
    d = turn.draft
    if d is not None and d.awaiting:
        return turn.say(text + turn.pending_question(), u.intent, suggestions=turn.resume_suggestions())
    return turn.say(text, u.intent, suggestions=["有哪些扶贫产品", "买一张200元的爱心卡"])


SHOP_IS = "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡。"
SERVICE_SHOP = "这里是爱心助农商城，只卖认定的扶贫农产品和消费扶贫爱心卡，不卖门票、课程，也不提供家政、维修等服务。"
