"""Everyday ways of writing that come before the Chinese reader: gestures that say yes, a pack size multiplied
(15枚*4, 5kg×2), and English words for common foods (honey 500g x2, eggs 60个).

Each rule is general: nothing here names a product of any catalogue. English food words become their Chinese
words only when every other latin word of the message is a number, a pack or measure word or filler: "apple
watch" and "honey badger" name other things and are left as they were.
"""
from __future__ import annotations

import re
import unicodedata

# Gestures that say yes or OK (👌确认, ok确认👌, 好的👍): read as 好.
_YES_GESTURES = re.compile("(?:👌|👍|🆗|✅|✔️|✔|☑️|☑|🙆‍♀️|🙆‍♂️|🙆|🤝|💯)[\U0001F3FB-\U0001F3FF]?")

# A number with its measure, multiplied (鸡蛋15枚*4, 5kg×2, 500g x2): the first is the pack's size, the second the
# count of packs. Not a size inside a name followed by its inner pack (310ml×12罐).
_PACK_TIMES = re.compile(
    r"(\d+(?:\.\d+)?\s*(?:kg|g|ml|l|公斤|千克|克|斤|升|毫升|枚|个|只|片|粒|支|条))\s*(?:[x×X*＊]|乘以|乘)\s*(\d{1,3})"
    r"(?![\d.]|\s*[a-zA-Z\u4e00-\u9fff]*[装罐瓶袋包盒])", re.IGNORECASE)

FOODS = {
    "honey": "蜂蜜", "rice": "大米", "egg": "鸡蛋", "eggs": "鸡蛋", "apple": "苹果", "apples": "苹果",
    "tea": "茶叶", "green tea": "绿茶", "black tea": "红茶", "walnut": "核桃", "walnuts": "核桃",
    "orange": "橙子", "oranges": "橙子", "navel orange": "脐橙", "navel oranges": "脐橙", "millet": "小米",
    "red dates": "红枣", "red date": "红枣", "jujube": "红枣", "jujubes": "红枣", "goji": "枸杞",
    "goji berries": "枸杞", "wolfberry": "枸杞", "wolfberries": "枸杞", "mushroom": "香菇", "mushrooms": "香菇",
    "chicken": "鸡", "pork": "猪肉", "beef": "牛肉", "mutton": "羊肉", "lamb": "羊肉", "peanut": "花生",
    "peanuts": "花生", "noodles": "面条", "chili": "辣椒", "chilli": "辣椒", "pear": "梨", "pears": "梨",
    "kiwi": "猕猴桃", "kiwis": "猕猴桃", "kiwifruit": "猕猴桃", "mango": "芒果", "mangoes": "芒果",
    "mangos": "芒果", "grape": "葡萄", "grapes": "葡萄", "potato": "土豆", "potatoes": "土豆",
    "sweet potato": "红薯", "sweet potatoes": "红薯", "corn": "玉米", "bacon": "腊肉", "fish": "鱼", "duck": "鸭",
    "banana": "香蕉", "bananas": "香蕉", "lemon": "柠檬", "lemons": "柠檬", "yak meat": "牦牛肉",
    "fungus": "木耳", "black fungus": "黑木耳", "chestnut": "板栗", "chestnuts": "板栗", "oil": "食用油",
    "cooking oil": "食用油", "sesame oil": "香油", "garlic": "大蒜", "ginger": "生姜", "pepper": "花椒",
    "soybeans": "黄豆", "beans": "豆子", "flour": "面粉", "vinegar": "醋", "plum": "李子", "plums": "李子",
    "peach": "桃子", "peaches": "桃子", "cherry": "樱桃", "cherries": "樱桃", "pomelo": "柚子",
    "pomelos": "柚子", "tangerine": "橘子", "tangerines": "橘子", "dried fruit": "果干", "nuts": "坚果",
    "jerky": "肉干", "beef jerky": "牛肉干", "yak": "牦牛", "yak jerky": "牦牛肉干", "yak beef": "牦牛肉",
    "highland barley": "青稞", "highland barley rice": "青稞米", "tsampa": "糌粑", "quinoa": "藜麦",
}
# A colour before a food word (black highland barley rice, red chili) is the colour's character before its Chinese
# (黑青稞米, 红辣椒); a food word that holds its colour (black tea = 红茶, green tea) is read whole first.
COLOURS = {"black": "黑", "red": "红", "white": "白", "yellow": "黄", "purple": "紫", "green": "绿"}
# Bounded by anything but a latin letter, so that a food word glued to a Chinese place is read too (静宁apple,
# 五常rice 5kg: apples of 静宁, rice of 五常), never inside another latin word (pineapple, ricecooker).
_FOODS = "|".join(re.escape(w) for w in sorted(FOODS, key=len, reverse=True))
_FOOD = re.compile(rf"(?<![A-Za-z])(?:{_FOODS}|(?:{'|'.join(COLOURS)})\s+(?:{_FOODS}))(?![A-Za-z])", re.IGNORECASE)
# Latin words that may stand beside a food word: numbers, measures, packs, buying and filler words.
_PLAIN_LATIN = frozenset(
    "kg g ml l x pcs pc pack packs packet packets bag bags box boxes case cases carton cartons crate crates bottle "
    "bottles jar jars can cans "
    "piece pieces dozen half one two three four five six seven eight nine ten a an of the some please pls plz want "
    "wanna buy need get give me i to and with for order how much is are do does you have any sell price cost "
    "jin catty catties ok okay".split())
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def plain_latin(word: str) -> bool:
    """A latin word that names nothing by itself beside a food: a number, measure, pack, buying or filler word, or a
    food word of this module (honey, apple)."""
    return word.lower() in _PLAIN_LATIN or word.lower() in FOODS


# A pack word typed by voice as a character that sounds the same (两代 for 两袋, 三相 for 三箱, 一平 for 一瓶), right
# after a count and at the end of what is said: never 第三代, 两代人, 一带一路 (words of their own).
_PACK_SOUNDS = {"代": "袋", "带": "袋", "相": "箱", "平": "瓶", "灌": "罐"}
_SOUNDED_PACK = re.compile(r"(?<!第)(?P<num>[\d一二两三四五六七八九十俩仨几]+)(?P<word>[代带相平灌])"
                           r"(?=$|[\s，,。.!！~～]|[吧啊呀哈的])")


# Digits written as keycap emoji (2️⃣, 3⃣ with or without U+FE0F, 🔟) or circled / dotted / parenthesised (②, ❸, ⒋):
# the digit itself. A waving hand is a greeting.
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
_ENCLOSED = re.compile("[\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]")
_WAVE = re.compile("👋[\U0001F3FB-\U0001F3FF]?")
# Faces, hands, hearts and flowers that set a mood (能便宜点吗🙏, 有没有大米😊, 谢谢❤️, 大家好呀🌹) say nothing of
# what is asked: a space, as punctuation is. Not 🙅 (no), nor the gestures of yes (above), nor food
# (bot.rewrite.EMOJI), nor things (🎁 📦).
_MOOD = re.compile("(?:[\U0001F600-\U0001F644\U0001F647-\U0001F64F\U0001F910-\U0001F91C\U0001F91E-\U0001F92F"
                   "\U0001F970-\U0001F97A\U0001F9D0\U0001F493-\U0001F49F\U0001F5A4\U0001F90D-\U0001F90F\U0001F9E1"
                   "\u2764\u2763\u2728\U0001F31F\u2b50\U0001F525\U0001F4AA\U0001F44F\u270C\U0001F60D\U0001FAF6"
                   "\U0001F339\U0001F338\U0001F33A\U0001F490\U0001F337\U0001F389\U0001F38A]"
                   "[\U0001F3FB-\U0001F3FF]?(?:\u200d[\u2640\u2642])?\ufe0f?)+")


def digits_as_written(text: str) -> str:
    """2️⃣袋 → 2袋, ③瓶 → 3瓶, 🔟个 → 10个."""
    text = _KEYCAP.sub(r"\1", text).replace("🔟", "10")
    return _ENCLOSED.sub(lambda m: str(int(unicodedata.numeric(m.group()))), text)


def rewrite_everyday(text: str) -> str:
    text = _YES_GESTURES.sub("好", digits_as_written(text))
    text = _WAVE.sub(" 你好 ", text)
    calm = _MOOD.sub(" ", text)
    text = calm if calm.strip() else text  # a face alone is kept: what it says is read as before
    text = _SOUNDED_PACK.sub(lambda m: m.group("num") + _PACK_SOUNDS[m.group("word")], text)
    text = _PACK_TIMES.sub(lambda m: f"{m.group(1)}装 {m.group(2)}份", text)
    if _LATIN_WORD.search(text) and _only_food_and_plain(text):
        text = _FOOD.sub(lambda m: _food(m, text), text)
    return text


def _food(m: re.Match[str], text: str) -> str:
    """The Chinese of an English food word, unless it stands right beside it: MANGO芒果 is a name written in both
    (a clothes brand), not mangoes."""
    said = re.sub(r"\s+", " ", m.group().lower())
    colour, _, food = said.partition(" ")
    chinese = FOODS[said] if said in FOODS else COLOURS[colour] + FOODS[food]
    after, before = text[m.end():m.end() + len(chinese)], text[max(0, m.start() - len(chinese)):m.start()]
    beside = chinese in (after, before)
    return m.group() if beside else chinese


def _only_food_and_plain(text: str) -> bool:
    rest = _FOOD.sub(" ", text)
    if rest == text:
        return False
    return all(w.lower() in _PLAIN_LATIN for w in _LATIN_WORD.findall(rest))
