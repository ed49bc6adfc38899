"""Everyday ways of writing a quantity or a product that the Chinese reader does not know, rewritten first.

Emoji for common foods (🍎 → 苹果), multipliers (×3, x3, *3, 3x → 3份), and English numbers and pack words
(two bags of → 2袋, a dozen → 一打). Each rule is general: nothing here names a product of any catalogue.
"""
from __future__ import annotations

import re

from bot import count_changes, english_numbers, festival_words, pinyin_initials, reported_speech, sign_words, wrapping
from bot.dialect import plain
from bot.everyday import rewrite_everyday

EMOJI = {
    "🍎": "苹果", "🍏": "苹果", "🍯": "蜂蜜", "🥚": "鸡蛋", "🍚": "大米", "🌾": "大米", "🍵": "茶叶", "🍊": "橙子",
    "🍋": "柠檬", "🥭": "芒果", "🥝": "猕猴桃", "🍇": "葡萄", "🍑": "桃子", "🍐": "梨", "🥔": "土豆", "🌶": "辣椒",
    "🌶️": "辣椒", "🐔": "鸡", "🍗": "鸡", "🦆": "鸭", "🐟": "鱼", "🥜": "花生", "🌰": "栗子", "🍄": "蘑菇", "🥩": "肉",
    "🍖": "肉", "🍌": "香蕉", "🍉": "西瓜", "🥛": "牛奶", "🍶": "酒", "🍓": "草莓", "🍒": "樱桃", "🍍": "菠萝",
    "🥥": "椰子", "🌽": "玉米", "🍠": "红薯", "🧄": "大蒜", "🧅": "洋葱", "🥕": "胡萝卜", "🥬": "青菜", "🫘": "豆子",
    "🦀": "螃蟹", "🦐": "虾", "🐑": "羊肉", "🐄": "牛肉", "🐖": "猪肉", "🍜": "粉", "☕": "咖啡",
}
_EMOJI = re.compile("|".join(re.escape(e) for e in sorted(EMOJI, key=len, reverse=True)))
# A food emoji glued after a noun decorates it (有没有核桃🥜 asks for walnuts, not 核桃花生); after a count, a verb
# or a particle (来两袋🌰, 要🍯, 有没有🍎, 看看🍎) or alone it is the product itself.
_NAMES_AFTER = re.compile(r"[\u4e00-\u9fff](?<![袋箱瓶盒罐包斤个份只件桶提听条支枚颗克升两串套斤些点"
                          r"来要买有拿订换整搞弄给的和跟及还再也吗呢吧啊了是种款看瞧找搜查问想试尝吃喝送寄荐卖"
                          r"哈嘿呀哦嗯])$")


# A food emoji after a question that named its thing already (薯片有吗 🥔, 有卖蛏子吗🦐): a picture of it, no
# second thing asked (not 你们有吗 🍎, where the emoji is what is asked).
_ASKED_BEFORE = re.compile(r"(?<!你们)(?<!这里)(?<!店里)(?<!你家)[\u4e00-\u9fff]{2}"
                           r"(?:有吗|有没有|有么|有不|有卖吗|吗|呢|么)[\s?？!！~]*$")


def _emoji_word(m: re.Match[str]) -> str:
    before = m.string[:m.start()]
    return "" if _NAMES_AFTER.search(before) or _ASKED_BEFORE.search(before) else EMOJI[m.group()]


_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
            "nine": "9", "ten": "10", "a couple of": "2", "a dozen": "一打", "dozen": "打", "half a dozen": "半打"}
# box stays "box" (bot.packs.BOX: a 盒, or the 箱 of a product sold so); a case, carton or crate is a 箱.
_PACKS = {"boxes": "box", "box": "box", "cases": "箱", "case": "箱", "cartons": "箱", "carton": "箱", "crates": "箱",
          "crate": "箱", "bags": "袋", "bag": "袋", "bottles": "瓶",
          "bottle": "瓶", "jars": "罐", "jar": "罐", "cans": "罐", "can": "罐", "packs": "包", "pack": "包",
          "packets": "包", "packet": "包", "pieces": "个", "piece": "个", "pcs": "个", "pc": "个"}
# (a number word glued to a Chinese word has no \b after it: three张, see bot/english_numbers.py)
_NUMBER_WORD = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")(?![A-Za-z])",
                          re.IGNORECASE)
_PACK_WORD = re.compile(r"(\d+|一打|半打|打)#?\s*("
                        + "|".join(sorted(_PACKS, key=len, reverse=True)) + r")\b(?:\s+of\b)?",
                        re.IGNORECASE)
_A_PACK = re.compile(r"\b(?:a|an)\s+(?=(?:" + "|".join(sorted(_PACKS, key=len, reverse=True)) + r")\b)", re.IGNORECASE)
# ×3 before a pack word is that many packs (×3袋), and is left alone; before 包 the verb (×3 包饺子用, ×2 包个红包)
# it is 3份, and the 包 of the 红包 wrapped is no pack word after it.
_TIMES_AFTER = re.compile(r"(?<![\d.])\s*(?:[x×X*＊]|乘以|乘)\s*(\d{1,3})"
                          rf"(?![\d.]|\s*(?:{wrapping.NOT_VERB}[a-zA-Z\u4e00-\u9fff])*(?:[装罐瓶袋盒]|{wrapping.NOT_VERB}包))")
# A maker's or a model's latin word said before X7 (OPPO Find X7, Mate X5): the model's name, no times seven; a
# measure (500ml x12) still counts.
_MODEL_BEFORE = re.compile(r"(?<![A-Za-z])(?!(?:ml|kg|g|l|cm|mm|pcs|oz)\s*$)[A-Za-z]{2,}\s*$", re.IGNORECASE)
_TIMES_BEFORE = re.compile(r"(?<![\d.])(\d{1,3})\s*[x×X](?![\dA-Za-z])")


_FINANCIAL = str.maketrans("壹贰贰叁肆伍陆柒捌玖拾佰仟", "一二二三四五六七八九十百千")
# A financial numeral is a number only among other numerals or before a measure (贰袋, 壹仟零伍元), not in a name
# (李子柒).
_FINANCIAL_NUMBER = re.compile(r"[壹贰叁肆伍陆柒捌玖拾佰仟零]{2,}"
                               r"|[壹贰叁肆伍陆柒捌玖拾佰仟](?=\s*(?:[袋箱瓶盒罐包斤个份只元块张件桶提听条支枚颗克升两串套]"
                               r"|公斤|千克|毫升|kg|g(?![a-z])|ml|l(?![a-z])))")  # 拾公斤, 贰袋


# 斤半 / 公斤半 said without the one: 一斤半 (1.5斤).
_ONE_AND_A_HALF = re.compile(r"(?<![\d零〇一二两三四五六七八九十百千万俩仨半几])(公斤|斤)半")


# 2-3袋 / 5~6斤: a range (said 2到3, bot.numerals reads it as none), before the dash is taken for punctuation.
_DASHED_RANGE = re.compile(r"(?<![\d.])(\d+)\s*[-~～—]\s*(\d+)"
                           r"(?=\s*(?:[袋箱瓶盒罐包斤个份只件桶提听条支枚颗克升两串套块]"
                           r"|公斤|千克|毫升|kg|g(?![a-z])|ml|l(?![a-z])))")


# 先来一盒试下 / 来一袋尝尝看: trying the goods is why, said at the end of a clause; jieba cuts 试下 into 试 / 下, read
# as goods (没有找到「试」). 试吃装 (a pack) is before a noun and stays.
_TRYING = re.compile(r"(?<=[\u4e00-\u9fff\d])(?:先)?(?:试下|试试看?|试一下|试一试|尝尝看?|尝一下|尝一尝|尝个鲜|尝下鲜?)"
                     r"(?=$|[\s,，。.!！~～、吧呗啦先])")


# 俩 / 仨 are counts of their own (two, three): a numeral after one is the next number (俩五公斤的 = 2 × 5 kg).
_COUNT_THEN_SIZE = re.compile(r"(?<=[俩仨])(?=[一二两三四五六七八九十\d])")


def _number_word(m: re.Match[str]) -> str:
    """three → 3#, the # read later as a count of packs (份) unless a pack word follows; glued to a Chinese word
    (three张) it is that word's number."""
    figure = _NUMBERS[m.group().lower()]
    return figure + ("#" if figure.isdigit() and not re.match(r"[\u4e00-\u9fff]", m.string[m.end():]) else "")


def rewrite(text: str) -> str:
    text = reported_speech.plain(sign_words.read(text))  # 我奶奶说行 → 行; ❌❌ → 不要了
    text = rewrite_everyday(plain(pinyin_initials.read(text)))  # 有冇 → 有没有, zf → 支付
    text = count_changes.rewrite(text)  # 不要2盒了 一盒就够 → 改成一盒
    text = _TRYING.sub("", text)
    text = _DASHED_RANGE.sub(r"\1到\2", text)
    text = _ONE_AND_A_HALF.sub(r"一\1半", text)
    text = _COUNT_THEN_SIZE.sub("份", text)  # 整俩五公斤的: two packs (份) of 5 kg, never a number 俩五
    text = _EMOJI.sub(_emoji_word, text)
    text = festival_words.unglue(festival_words.as_time(text))  # 中秋月饼 → 中秋 月饼: why, the goods are 月饼
    text = _FINANCIAL_NUMBER.sub(lambda m: m.group().translate(_FINANCIAL), text)
    if re.search(r"[A-Za-z]", text):
        text = _NUMBER_WORD.sub(_number_word, english_numbers.as_figures(text, "#"))
        text = _A_PACK.sub("1", text)  # a bottle of honey: one bottle
        text = _PACK_WORD.sub(lambda m: m.group(1) + _PACKS[m.group(2).lower()], text.replace("# ", "#"))
        text = text.replace("#", "份 ")  # one 土鸡: a number word with no pack word counts packs
    # 200 x 3 (a number, then times three): 200的 3份, so that the two numbers never run together (2003份)
    text = _TIMES_AFTER.sub(lambda m: m.group() if _MODEL_BEFORE.search(m.string, 0, m.start()) else
                            f"{'的' if m.string[:m.start()].rstrip()[-1:].isdigit() else ''} {m.group(1)}份", text)
    return _TIMES_BEFORE.sub(lambda m: f"{m.group(1)}份 ", text)
