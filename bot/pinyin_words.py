"""Messages typed in pinyin without tones (fengmi duoshao qian, hetao you ma, dami lai liang dai): read as the Chinese
they spell. Only a message made entirely of pinyin syllables is read so, and only when some run of its syllables
spells a catalogue word or a shop phrase of two syllables or more (so English such as "banana" or "tea" stays
English). Runs of syllables that spell a common noun of the language are read as that noun (shouji you ma →
手机有吗, kou hong → 口红: a thing the shop does not sell, answered 没有找到「手机」, bot.pinyin_nouns); runs that
spell nothing known stay as typed."""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING

from bot import pinyin_initials, pinyin_mixed, pinyin_nouns

if TYPE_CHECKING:
    from bot.vocabulary import Vocabulary

_LATIN = re.compile(r"[a-z0-9.]+(?:\s+[a-z0-9.]+)*[\s?!.,？！。，~]*")
# Numbers typed among the syllables (mai 2 xiang pingguo 10jin, 5kg): kept as typed, a metric unit with its number.
_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:kg|g|ml|l)(?![a-z])|\d+(?:\.\d+)?|[a-z]+")
# Shop phrases by their sound; single syllables are read only once the message is known to be pinyin.
_PHRASES = {
    "duo shao qian": "多少钱", "duo shao": "多少", "ji kuai qian": "几块钱", "zen me mai": "怎么卖",
    "you mei you": "有没有",
    "you ma": "有吗", "mai ma": "卖吗", "ni hao": "你好", "nin hao": "您好", "xie xie": "谢谢", "xiang yao": "想要",
    "gei wo": "给我", "lai yi": "来一", "wo yao": "我要", "wo xiang": "我想", "bang wo": "帮我", "xia dan": "下单",
    "lai": "来", "yao": "要", "mai": "买", "you": "有", "ma": "吗", "qian": "钱", "ji": "几", "liang": "两", "yi": "一",
    "er": "二", "san": "三", "si": "四", "wu": "五", "liu": "六", "qi": "七", "ba": "八", "jiu": "九", "shi": "十",
    "dai": "袋", "xiang": "箱", "jin": "斤", "ping": "瓶", "he": "盒", "guan": "罐", "bao": "包", "ge": "个",
    "wo": "我", "de": "的", "ne": "呢", "hao": "好",
    # the love card and what is said of it (ai xin ka hai sheng duo shao qian, mai yi zhang ai xin ka)
    "ai xin ka": "爱心卡", "ai xin": "爱心", "ka": "卡", "hai sheng": "还剩", "yu e": "余额", "ka mi": "卡密",
    "que ren": "确认", "que ding": "确定", "hao de": "好的", "mei wen ti": "没问题", "xing de": "行的",
    "hao ba": "好吧", "xing ba": "行吧", "dui de": "对的", "xia dan ba": "下单吧",
    # what a holder does with an order or a card (wo de ding dan, qu xiao ding dan, zhi fu, ling ka)
    "ding dan": "订单", "wo de": "我的", "qu xiao": "取消", "zhi fu": "支付", "fu kuan": "付款", "ling ka": "领卡",
    "tui kuan": "退款", "tui huo": "退货", "fa huo": "发货", "kuai di": "快递", "wu liu": "物流",
    # 余额 typed as one syllable (yue duoshao, cha yue), and advice asked (tuijian yixia, jieshao yixia)
    "yue duo shao": "余额多少", "cha yue": "查余额", "yue cha xun": "余额查询", "ka yue": "卡余额",
    "tui jian": "推荐", "jie shao": "介绍", "yi xia": "一下",
    # what the assistant can do, and again (ni neng bang wo zuo shen me, ka li hai you duo shao qian, zai lai yi xiang)
    "shen me": "什么", "zuo shen me": "做什么", "gan shen me": "干什么", "ni neng": "你能", "ni": "你", "neng": "能",
    "zuo": "做", "ka li": "卡里", "hai you": "还有", "hai": "还", "zai lai": "再来", "zai yao": "再要", "zai": "再",
}
# A yes typed as one syllable, the whole message (xing, hao, dui): read so though no longer word spells it.
_ALONE = {"xing": "行", "hao": "好", "dui": "对", "en": "嗯", "en en": "嗯嗯", "ok": "ok"}
# Measure words read only right after a number (15mei, 2 tiao): elsewhere these syllables are other words (mei you).
_AFTER_NUMBER = {"mei": "枚", "tiao": "条", "kuai": "块", "tong": "桶", "jian": "件", "zhi": "只", "ti": "提",
                 "he": "盒"}
_LONGEST = 6
# A number said in syllables, then a pack (yao san ping feng mi): read as such, never as a word (三屏风).
_NUMBERS = frozenset({"yi", "er", "liang", "san", "si", "wu", "liu", "qi", "ba", "jiu", "shi"})
_PACKS = frozenset({"dai", "xiang", "jin", "ping", "he", "guan", "bao", "ge", "tong", "ti", "tiao", "jian", "zhang",
                    "ke", "sheng"})
# Units of weight and volume, and the card's 张, read only right after a number (5 gong jin, wu ke, yi zhang).
_UNITS = {"gong jin": "公斤", "qian ke": "千克", "hao sheng": "毫升", "gong sheng": "公升", "ke": "克", "sheng": "升",
          "zhang": "张"}


def unit_at(sounds: list[str], i: int) -> tuple[str, int] | None:
    """The unit or the pack word the syllables at i spell (gong jin → 公斤, two syllables; dai → 袋), else None."""
    two = " ".join(sounds[i:i + 2])
    if i + 1 < len(sounds) and two in _UNITS:
        return _UNITS[two], 2
    if sounds[i] in _PACKS or sounds[i] in _AFTER_NUMBER:
        return _UNITS.get(sounds[i]) or _AFTER_NUMBER.get(sounds[i]) or _PHRASES[sounds[i]], 1
    return None


def _counted(sounds: list[str], i: int) -> tuple[str, int] | None:
    """The number, or the unit and its syllables, of `number + unit` at syllable i (san ping → 三, then 瓶)."""
    if sounds[i] in _NUMBERS and i + 1 < len(sounds) and unit_at(sounds, i + 1) and sounds[i + 1] not in (
            set(_AFTER_NUMBER) - _PACKS):
        return _PHRASES[sounds[i]], 1
    if i and sounds[i - 1] in _NUMBERS and sounds[i] not in set(_AFTER_NUMBER) - _PACKS:
        return unit_at(sounds, i)
    return None


@functools.cache
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (from pypinyin's table of readings)."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: set[str] = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            out.add("".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c)))
    return frozenset(s for s in out if s.isascii() and s.isalpha())


def syllables_of(word: str) -> tuple[str, ...] | None:
    """yanshou → (yan, shou); None when the word is no run of pinyin syllables (bot.testers: names inside English)."""
    return _split(word)


_LONGEST_RUN = 60  # letters in a run read as pinyin syllables: a product's name is far shorter


@functools.cache
def _split(word: str) -> tuple[str, ...] | None:
    """fengmi → (feng, mi); None when the word is no run of pinyin syllables (longest syllable first, backtracking)."""
    if not word:
        return ()
    if len(word) > _LONGEST_RUN:  # 900 letters pasted: no word, and no recursion as deep as the message is long
        return None
    for n in range(min(6, len(word)), 0, -1):
        head = word[:n]
        if head in _syllables():
            rest = _split(word[n:])
            if rest is not None:
                return (head, *rest)
    return None


# A product said in Chinese, then its count in pinyin (木耳 lai liang dai, 蜂蜜 yao san ping, 红枣 liang dai).
_HAN_THEN_LATIN = re.compile(r"(?P<han>.*[\u4e00-\u9fff][\s,，]*)(?P<latin>[a-z][a-z0-9 ]*[\s?!.,？！。，~]*)",
                             re.IGNORECASE)
_A_COUNT = re.compile("[一二两三四五六七八九十几0-9]")


def read(message: str, vocab: Vocabulary) -> str:
    """The message with its pinyin read as Chinese, or the message unchanged (see the module); a syllable glued to
    Chinese characters is read with them first (江永xiang芋: bot.pinyin_mixed)."""
    message = pinyin_mixed.read(message, vocab)
    text = message.strip().lower()
    if (spelt := pinyin_initials.with_syllables(text.strip("?!.,？！。，~ "))) is not None:
        return spelt  # zmyong, ye cha xun: a shop word's initials with whole syllables
    tail = _HAN_THEN_LATIN.fullmatch(message.strip())
    if tail is not None:  # the pinyin after the Chinese is read only when it says how many (lai liang dai)
        said = read(tail.group("latin"), vocab)
        return tail.group("han") + said if said != tail.group("latin") and _A_COUNT.search(said) else message
    if not text or not _LATIN.fullmatch(text):
        return message
    if text.rstrip("?!.,？！。，~ ") in _ALONE:
        return _ALONE[text.rstrip("?!.,？！。，~ ")]
    words = _TOKEN.findall(text)
    if not any(w[0].isalpha() for w in words):
        return message
    split = [(w,) if w[0].isdigit() else _split(w) for w in words]
    if any(s is None for s in split):
        return message
    sounds = [syllable for s in split for syllable in s or ()]
    starts = _starts(split)
    alone = {i for i, n in enumerate(starts) if n == 1}  # syllables typed as a word of their own (you, ma)
    ends = {i + n for i, n in enumerate(starts) if n}  # where a typed word ends
    out: list[str] = []
    known = False
    i = 0
    while i < len(sounds):
        unit = unit_at(sounds, i) if i and sounds[i - 1][0].isdigit() else None
        if sounds[i][0].isdigit() or unit:
            known = known or not sounds[i][0].isdigit()  # 2 dai: a count of packs is read as Chinese
            out.append(unit[0] if unit else sounds[i])
            i += unit[1] if unit else 1
            continue
        counted = None
        for n in range(min(_LONGEST, len(sounds) - i), 1, -1):
            key = " ".join(sounds[i:i + n])
            word = vocab.word_sounding(key) or _PHRASES.get(key)
            if word is not None:
                break
        else:  # shou ji → 手机, a thing not sold, in whole typed words; else one syllable typed alone (you, ma)
            counted = _counted(sounds, i)  # san ping: a number and a pack, before any word they might spell
            # a noun never swallows the number of a count (mai yi zhang: 买 一张, not 卖艺 张); a syllable that no
            # phrase reads may spell a thing less often meant than another word (dou jiang: 豆浆, not 都将)
            lengths = {e - i for e in ends
                       if e > i and not (e < len(sounds) and sounds[e - 1] in _NUMBERS and unit_at(sounds, e))}
            noun = pinyin_nouns.spelled_noun(sounds[i:], vocab.tokenizer.jieba.FREQ, lengths, vocab.word_tags,
                                             main_only=sounds[i] not in _PHRASES) if starts[i] and not counted else None
            word, n = counted if counted else noun if noun is not None else (
                _PHRASES.get(sounds[i]) if i in alone else None, 1)
        if word is not None:
            known = known or n > 1 or bool(counted)  # lai liang dai: a number and its pack are read as Chinese
            out.append(word)
            i += n
            continue
        glue = bool(out) and out[-1].isascii() and not out[-1][0].isdigit()
        out.append(out.pop() + sounds[i] if glue else sounds[i])
        i += 1
    return "".join(w if not w.isascii() or w[0].isdigit() else f" {w} " for w in out).strip() if known else message


def _starts(split: list[tuple[str, ...] | None]) -> list[int]:
    """For each syllable, how many syllables the typed word it starts holds (0 inside a word)."""
    out: list[int] = []
    for s in split:
        out += [len(s or ()), *[0] * (len(s or ()) - 1)]
    return out
