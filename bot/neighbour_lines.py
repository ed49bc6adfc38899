"""Lines of a group-buy order said each for a neighbour (3号楼王姐两袋房县黑木耳250g，5号楼李哥一箱吉县苹果10斤), and
the neighbour named later for that line (王姐说她那个改成三袋, 刘叔的姜糖不要了, 张阿姨的猕猴桃换成10斤的).

A building number and a person's title (王姐, 李哥, 刘叔, 张阿姨) before goods and a count say whom the line is for,
never an address (it SAVED 广东省…佛冈县3号楼王姐两袋房县黑木耳250g as the address). Who each line is for is
remembered (`DialogueState.owners`: person → sku); a later message naming the person reads as naming that line:
王姐说她那个改成三袋 → 房县黑木耳 250g改成三袋; 刘叔的姜糖不要了 → 姜糖不要了 (the goods said after the person already
name the line); 刘叔的不要了 → 凤凰姜糖 250g不要了.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.draft import DialogueState

_TITLE = (r"(?:阿姨|叔叔|大爷|大妈|大娘|大姐|大哥|奶奶|爷爷|伯伯|婶婶|婶子|嫂子|阿婆|婆婆|老师|师傅|姐姐|哥哥"
          r"|姐|哥|叔|姨|婶|嫂|伯|爷|奶|婆)")
# 王姐 / 张阿姨 / 刘叔: a surname and a title (after a building number, a comma or the start); never a count or 我
PERSON = re.compile(r"(?:^|(?<=[^\u4e00-\u9fa5])|(?<=[楼栋幢号室层元说]))"
                    rf"[\u4e00-\u9fa5](?<![一二两三四五六七八九十俩仨几我你他她的要来买给和跟]){_TITLE}")
_BUILDING = r"(?:[\d一二三四五六七八九十]+(?:号楼|栋|幢|单元|楼|号|室|层)\s*)+"
_COUNTED = r"(?:要|来|买|订)?[一二两三四五六七八九十俩仨\d]+\s*[箱袋瓶盒罐包斤份饼提桶枚]"
# 3号楼王姐两袋… / 8号楼刘叔一盒…: a building, a person, then a count of goods
_FOR_SOMEONE = re.compile(rf"{_BUILDING}(?:{PERSON.pattern})(?:家)?(?:的)?\s*{_COUNTED}")
# whom a line is for, where it starts (a building before the person is optional)
_WHOSE = re.compile(rf"(?:{_BUILDING})?(?P<who>{PERSON.pattern})(?:家)?(?:要|的)?")


def ordered(chunk: str) -> bool:
    """Whether a chunk is a line ordered for a neighbour (3号楼王姐两袋房县黑木耳250g), never an address piece."""
    return _FOR_SOMEONE.search(chunk) is not None


def remember(state: DialogueState, text: str, cards: Mapping[str, Mapping[str, Any]]) -> None:
    """After a turn: each person said before the goods of a line now in the draft is remembered as whom it is for
    (the text from the person to the next person names the line's product)."""
    d = state.draft
    if d is None or d.kind != "goods":
        return
    people = list(_WHOSE.finditer(text))
    if not people:
        return
    skus = [ln.sku for ln in (*d.lines, *d.queued, *([d.pending] if d.pending else [])) if ln is not None and ln.sku]
    for i, m in enumerate(people):
        piece = re.split(r"[，,；;。\n]", text[m.end():people[i + 1].start() if i + 1 < len(people) else len(text)])[0]
        named = [s for s in dict.fromkeys(skus) if s in cards and _names(piece, cards[s])]
        if len(named) > 1:  # two sizes of one product in the draft: the one whose size is said
            named = [s for s in named if str(cards[s].get("name") or "").split(" ")[-1] in piece.replace(" ", "")]
        if len(named) == 1:
            state.owners[m.group("who")] = named[0]


def _names(piece: str, card: Mapping[str, Any]) -> bool:
    brand = str(card.get("brand") or "")
    name = str(card.get("name") or "")
    head = name.split(" ")[0]
    flat = piece.replace(" ", "")
    return bool((brand and brand in flat) or (head and head in flat))


# 王姐说她那个 / 刘叔的 / 张阿姨那份: the person's line named (what follows may name its goods again)
_OWN = r"(?:说)?(?:她|他)?(?:的|家的|要的)?(?:那个|那份|那箱|那袋|那盒|那些|那两?[箱袋盒份])?"


def named(text: str, state: DialogueState, cards: Mapping[str, Mapping[str, Any]]) -> str:
    """The message with a remembered person's line named by its product instead of the person (unchanged when no
    person remembered is said)."""
    for who, sku in state.owners.items():
        card = cards.get(sku)
        if card is None or who not in text:
            continue
        m = re.search(rf"{re.escape(who)}{_OWN}", text)
        if m is None:
            continue
        after = text[m.end():].lstrip()
        name = str(card.get("name") or "")
        says_goods = len(after) >= 2 and after[:2] in name
        text = text[:m.start()] + ("" if says_goods else name) + text[m.end():]
    return text
