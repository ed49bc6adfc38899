"""Cue words in one message: which groups of words fired (buy, price, cancel, card, yes …).

The groups come from bot.lexicon; a few shapes (有…吗, 不要X了, a love card versus somebody else's card) are
read here, so that the intent (bot.intents) is decided from named cues, never from raw text.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from bot import lexicon, other_cards, phrasing
from bot.cue_limits import buying_only_in_nouns, help_only_in_nouns, unbought
from bot.numerals import NUM

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from bot.vocabulary import Known, Origin, Vocabulary

_ASKS = re.compile(r"^(?:请问|你们|你家|这里|这儿|店里)?(?:这里|这儿|这边|这|店里)?(?:有|卖)\S{1,12}"
                   r"(?:吗|嘛|么|没|没有|不)$")
_ADD_COUNT = re.compile(r"(?:^|[，,。；;的])(?:再|另|还)?加(?:[一二两三四五六七八九十几]|\d)")
_STRONG_STATUS = tuple(w for w in lexicon.ORDER_STATUS
                       if w not in ("订单", "我买的", "买过", "买的东西", "下的单", "下过的单", "下过单"))

_DROP = re.compile(r"^(?:把|那个)?(?:不要|不买|去掉|删掉|删除|拿掉|取消)\S+?(?:了|啦|吧)?$"
                   r"|^\S+?(?:不要了|不要啦|不买了|去掉|删掉|不要)$")


# A face value bought, with no card named (那买500面值的 20张, 要两张面值200的): only love cards have a face here.
_FACE_BOUGHT = re.compile(rf"{NUM}(?:元|块)?(?:的)?面[值额]|面[值额](?:是|为)?{NUM}")  # (bot.numerals reads the face)


@functools.lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Messages are matched without their spaces, so "how much" is looked for as "howmuch".
    return re.compile("|".join(re.escape(w.replace(" ", "")) for w in sorted(words, key=len, reverse=True)))


def has(text: str, words: tuple[str, ...]) -> bool:
    return _pattern(words).search(text) is not None


def is_only(text: str, words: tuple[str, ...]) -> bool:
    """The message is one of these words, give or take particles (好的吧, 确认！); English of any length made only of
    them (yes, confirm → yesconfirm), where a Chinese message over eight characters is more than a yes."""
    stripped = text.rstrip("吧呀啊哦嘛了呢哈啦噢咯的")  # 没问题的: the yes with a particle after it
    spaced = {w.replace(" ", "") for w in words if " " in w}  # "ok confirm" arrives as okconfirm
    # A yes said over and over (嗯对对对 就这个 就这个, 可以可以 没问题 就这样吧) is still only a yes, however long:
    # leading() takes nothing but yes words and particles, so a longer message with anything else is more than one.
    short = len(text) <= 8 or text.isascii() or words is lexicon.YES
    return text in words or stripped in words or text in spaced or (short and leading(text, words))


def leading(text: str, words: tuple[str, ...]) -> bool:
    """确认下单吧, 好的谢谢: starts with a yes word and the rest is also only yes/thanks/filler words."""
    if not any(text.startswith(w) for w in words):
        return False
    rest = text
    progressed = True
    pool = sorted({*words, *lexicon.THANKS, "吧", "呀", "啊", "哦", "嘛", "了", "呢", "哈", "啦", "请", "麻烦", "的"},
                  key=len, reverse=True)
    while rest and progressed:
        progressed = False
        for w in pool:
            if rest.startswith(w):
                rest, progressed = rest[len(w):], True
                break
    return not rest


def _said(compact: str, spaced: str, words: tuple[str, ...]) -> bool:
    """One of the words is said: a Chinese one anywhere, a latin one as a word of its own (hi老板, hello 在吗; not the
    hi of this or which, the hey of they, the bye of maybe; nor 嗨 inside a name, 酸辣粉 嗨吃家). "thank" also begins
    thanks and thankyou."""
    if has(compact, tuple(w for w in words if not w.isascii() and len(w) > 1)):
        return True
    if any(re.search(rf"^\s*{re.escape(w)}|{re.escape(w)}(?![\u4e00-\u9fff])", spaced)
           for w in words if not w.isascii() and len(w) == 1):
        return True  # 嗨 老板, 嗨在吗: the one-character hi begins the talk or stands alone, never 嗨吃家 (a brand)
    latin = "|".join(re.escape(w) + ("" if w == "thank" else "(?![a-z])") for w in words if w.isascii())
    return re.search(rf"(?<![a-z])(?:{latin})", spaced, re.IGNORECASE) is not None


def _names_blanked(compact: str, named: list[Known], origin: Origin | None) -> str:
    """The text without the catalogue names and the place it says (泰来大米, 来凤藤茶, 要塞…): their characters are
    part of a name, never a cue word of the message."""
    words = [n for p in named for n in p.names if len(n) >= 2 and n in compact]
    if origin is not None and len(origin.mention) >= 2:
        words.append(origin.mention)
    for word in sorted(words, key=len, reverse=True):
        compact = compact.replace(word, " " * len(word))
    return compact


def read_cues(u: Understanding, compact: str, vocab: Vocabulary, named: list[Known], origin: Origin | None) -> None:
    """The cues of `compact`; `named` and `origin` are vocab.named_products(compact) and vocab.find_origin(compact),
    read once by the caller (bot/understanding.py needs them too: each reads the whole catalogue's names)."""
    card_text = compact
    for word in vocab.card_words(compact):
        if word not in lexicon.CARD:
            card_text = card_text.replace(word, "")
    card_text = other_cards.OTHER_CARDS.sub("", card_text)  # 星巴克礼品卡, 京东E卡, 话费卡: somebody else's card
    checks = {
        "greet": lexicon.GREET, "thanks": lexicon.THANKS, "help": lexicon.HELP, "cancel": lexicon.CANCEL,
        "balance": lexicon.BALANCE, "status": lexicon.ORDER_STATUS, "price": lexicon.ASK_PRICE,
        "search": lexicon.SEARCH, "buy": lexicon.BUY, "add": lexicon.ADD, "correct": lexicon.CORRECT,
    }
    plain = _names_blanked(compact, named, origin)  # 有泰来大米不: the 来 of 泰来 buys nothing
    u.cues = {name for name, words in checks.items() if has(plain, words)}
    for name in ("greet", "thanks"):  # this honey, which one, they, maybe: no hi, hey or bye inside another word
        if name in u.cues and not _said(compact, u.spaced, checks[name]):
            u.cues.discard(name)
    if buying_only_in_nouns(compact, vocab.tokenizer.jieba.FREQ):  # 香囊 荷包: 荷包 is a thing, not 包了
        u.cues.discard("buy")
    if "help" in u.cues and help_only_in_nouns(plain):  # 红牛功能饮料: a kind of drink, no help asked
        u.cues.discard("help")
    if has(card_text, lexicon.CARD) and other_cards.love_card_said(card_text, vocab.tokenizer.jieba.FREQ):
        u.cues.add("card")  # not SD卡, 会员卡, 卡牌: other cards never start a love-card action
    elif _FACE_BOUGHT.search(compact):  # 那买500面值的 20张 (after a question about the cards): a face is a card's
        u.cues.add("card")
    if _ADD_COUNT.search(compact):  # 加两瓶250g的: 加 before a count adds a line, as 再加 does
        u.cues.add("add")
    if has(compact, _STRONG_STATUS):
        u.cues.add("strong_status")
    if has(unbought(compact), lexicon.STRONG_BUY):  # not the 订 of 订书机
        u.cues.add("strong_buy")
    if _ASKS.search(compact):
        u.cues.add("search")
    if is_only(compact, lexicon.YES):
        u.cues.add("yes")
    if is_only(compact, lexicon.NO) or compact in ("不要", "不用", "不买"):
        u.cues.add("no")
    if compact.startswith(("换", "改")) or "不是" in compact:
        u.cues.add("correct")
    if _DROP.search(compact) or phrasing.drops_the_order(compact):  # 不要蜂蜜了 / 去掉蜂蜜 / 这单先不下了
        u.cues.add("cancel")
    if phrasing.greeting(compact):  # 老板好 / 亲，在吗
        u.cues.add("greet")
    if phrasing.price_per_pack(compact):  # 普洱熟茶一饼多少
        u.cues.add("price")
