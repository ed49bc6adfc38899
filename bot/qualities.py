"""Words that say what a product is like, said apart from it (蜂蜜 纯的 农家, 核桃 薄皮 新货, 木耳 肉厚 无沙, 红枣 免洗
大颗的, 咸鸭蛋有吗 流油的): a description, never a thing of its own.

jieba cuts such words into single characters (薄 皮, 肉 厚, 新 米, 流 油), which then read as a word nobody knows. A
run of words beside a catalogue word is a description when ALL of it reads as describing words: a plain quality
(`lexicon.PLAIN_MODIFIERS`, 正宗, 新鲜 …), a quality and a part (薄皮, 纸皮, 大颗, 新货, 新米), a part and a quality
(肉厚, 皮薄, 个大, 汁多), no/without/free of something (无沙, 免洗, 去核, 带壳, 不辣), oil or sand coming out (流油,
起沙), one quality character (纯, 甜), each maybe after a degree word (很, 比较, 特别) and with 的 / 点 after it.
A run with anything else in it (收纳箱, 脆片, 夹子, 柚子茶) is not touched: the honesty rules still read it.
The descriptions are kept (`Understanding.qualities`) to prefer the variant whose name says so (纸皮 → 纸皮核桃).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from bot import festival_words, lexicon

_WORDS = ("正宗", "纯正", "新鲜", "新货", "原味", "现摘", "现挖", "现采", "当年", "本季", "古法", "传统", "老式",
          "土法", "柴火", "农村", "乡下", "山里", "无添加", "零添加", "非转基因", "好", "不错", "实惠",
          "红心", "黄心", "红瓤", "黄瓤", "沙瓤")  # 咸鸭蛋 红心流油: the yolk's colour, a quality
# Occasions said before a product (年货 腊肉, 团购 猕猴桃, 过年 腊肠): why it is bought, never part of its name.
OCCASIONS = frozenset(("年货", "团购", "过年", "过节", "送礼", "福利", "公司福利", "员工福利", "春节", "中秋", "端午",
                       "节日", "拜年", "走亲戚", "年会", "囤货", "批发", "集采", *festival_words.FESTIVALS))
_QUALITY = "大小薄厚新老嫩鲜肥瘦粗细软硬脆纸满饱圆长短"
_PART = "皮壳肉核籽粒颗个头果仁货米汁瓤心沙油身"
_GRADE = "大小薄厚多少嫩鲜甜脆软糯足满正好香浓匀饱"
_PARTS2 = "口感|味道|个头|果肉|水分|颗粒|果型|果个"
_ONE = "纯新鲜真甜香脆嫩软糯大小"
_DEGREE = "(?:很|比较|特别|超级?|更|最|非常|挺|好)?"
_PIECE = (rf"{_DEGREE}(?:{'|'.join(sorted(map(re.escape, (*lexicon.PLAIN_MODIFIERS, *_WORDS)), key=len, reverse=True))}"
          rf"|[{_QUALITY}][{_PART}]|(?:[{_PART}]|{_PARTS2})[{_GRADE}]|[免无不少去低零非][\u4e00-\u9fff]"
          rf"|带[{_PART}叶枝泥骨刺土毛]"  # 带壳, 带皮; never 带鱼 (a fish)
          rf"|[流出起冒爆][油沙汁]|[{_ONE}])(?:的|点|一点|些)?")
_DESCRIPTION = re.compile(rf"(?:{_PIECE})+")
_PLAIN = tuple(sorted((*lexicon.PLAIN_MODIFIERS, *_WORDS), key=len, reverse=True))
_CJK = re.compile("[\u4e00-\u9fff]+")


def is_description(text: str) -> bool:
    """The words only say what the product is like (薄皮, 肉厚无沙, 大颗的)."""
    return bool(text) and _DESCRIPTION.fullmatch(text) is not None


def begins(text: str) -> bool:
    """The text starts with a description of a part, two characters or more (流油, 薄皮): what follows a catalogue
    word there says what it is like (红心流油: 心 and 流 make no 心流); a plain word (当季, 正宗) is not looked at."""
    m = _DESCRIPTION.match(text)
    return m is not None and m.end() >= 2 and not text.startswith(_PLAIN)


def set_apart(tokens: list[str], knows: Callable[[str], bool], cues: Collection[str]) -> tuple[list[str], list[str]]:
    """The tokens without the descriptions said beside a catalogue word (of two characters or more), and those
    descriptions. Runs are the tokens between catalogue words, cue words, numbers and spaces."""
    if not any(len(t.strip()) >= 2 and knows(t.strip()) for t in tokens):
        return tokens, []
    kept: list[str] = []
    found: list[str] = []
    run: list[str] = []

    def close() -> None:
        text = "".join(run)
        if is_description(text):
            found.append(text)
        else:
            kept.extend(run)
        run.clear()

    for token in tokens:
        word = token.strip()
        if word and _CJK.fullmatch(word) and word not in cues and not (len(word) >= 2 and knows(word)):
            run.append(token)
            continue
        close()
        kept.append(token)
    close()
    return kept, found


def prefer(cards: list[dict[str, Any]], qualities: list[str], texts: Callable[[dict[str, Any]], str]
           ) -> list[dict[str, Any]]:
    """Of several products, those whose name, aliases or tags carry a description said (纸皮 → 叶城纸皮核桃)."""
    words = [w for q in qualities for w in re.findall("[\u4e00-\u9fff]{2,}", q.rstrip("的点些"))]
    if len(cards) < 2 or not words:
        return cards
    fitting = [c for c in cards if any(w in texts(c) for w in words)]
    return fitting or cards
