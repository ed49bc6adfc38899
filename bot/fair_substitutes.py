"""Whether the shop's products of a kind are a fair substitute for a thing it does not have, listed under
没有找到「…」 (本店有这些牛肉干，不是同一款):

* food for a pet (宠物牛肉干 狗零食, 猫零食 冻干, 给狗狗吃的鸡胸肉) is never offered the shop's food for people: the
  shop sells no pet food, and what is seasoned for people may harm an animal;
* a drink, an oil, an essence, a wine or a vinegar made from a catalogue word (红茶拿铁, 花椒油, 玫瑰精油, 金银花露,
  青稞酒, 核桃油, 苹果醋) is not that word's goods: tea leaves are no latte, grain is no spirit. Nothing is listed
  for it (柚子茶 neither);
* a word only of a shelf (零食, 休闲, 蔬菜, 饮料) lists nothing: 鱿鱼丝 零食 is not 柿饼, 木耳菜 is no fruit;
* a catalogue word glued after a latin brand (Cherry樱桃 键盘) translates the brand: nothing is listed;
* a meat or a vegetable said with a filled food (必品阁 韩式煎饺 白菜猪肉, 荠菜猪肉大馄饨) is its filling: frozen
  dumplings are no pork, nothing is listed.

* a baby's formula (3段婴幼儿配方奶粉) is never offered a grown-up's milk powder (bot.infant_formula);
* jewellery of another material or a maker's name (翡翠手镯, 卡地亚 手镯, 金项链) is not the shop's silver: nothing
  is listed (手镯 alone, 银手镯 list it).

Alternatives that honestly help stay (三只松鼠每日坚果 → the shop's nuts, 五常大米 → its rice, 红枣 粉 → dates).
"""
from __future__ import annotations

import re

# Pets and their food (猫耳朵, 猫山王, 狗不理, 熊猫 are no pets).
_PET = re.compile(r"宠物|狗(?!不理)|犬|(?<!熊)猫(?!耳朵|山王|屎|眼)|喵|汪星人|仓鼠|鹦鹉|兔兔|主子吃")
# What a drink, an oil, an essence or a wine made from a thing is called, right after the thing.
_MADE = re.compile(r"精油|原液|原汁|拿铁|奶盖|奶茶|饮料|饮品|冰沙|汽水|果汁|油|酒|醋|汁|露|乳|茶")
# A food with a filling or wrapped (饺子, 煎饺, 馄饨, 包子, 汤圆): a meat or a vegetable said with it is its filling
# (白菜猪肉 煎饺, 荠菜猪肉大馄饨), no substitute; its flour or wrappers (饺子粉, 馄饨皮) and making it (包饺子) are
# other talk.
_FILLED = re.compile(r"(?<![包做擀])(?:饺子|煎饺|水饺|蒸饺|馄饨|云吞|抄手|包子|汤圆|元宵|烧麦|烧卖|春卷|锅贴|生煎|馅饼)"
                     r"(?![粉皮馅机])")
# Words only of a category or a use (零食, 休闲, 蔬菜, 饮料): a shelf, not a thing; what else stands on it (柿饼 for
# 鱿鱼丝, a fruit for 木耳菜) is no substitute.
# 干货 stays a fair kind (海带 紫菜 干货 lists the shop's dried goods).
_SHELVES = frozenset({"零食", "休闲", "休闲食品", "小吃", "零嘴", "蔬菜", "新鲜蔬菜", "饮料", "饮品"})
# A latin brand glued before the word (Cherry樱桃, Apple苹果): the word translates the brand, no goods of it.
_LATIN_BEFORE = re.compile(r"[A-Za-z]{3,}$")
# A baby's formula: a stage or a baby said with the powder.
_FORMULA = re.compile(r"[1-4１-４一二三四]\s*段|婴|幼儿|宝宝|新生儿|配方奶")
_JEWEL = re.compile(r"手镯|手链|项链|戒指|耳环|耳钉|吊坠|首饰|饰品|银饰")
# Jewellery said with what it is made of or whose it is, other than silver.
_OTHER_JEWEL = re.compile(r"翡翠|玉|金|钻|珍珠|水晶|玛瑙|琥珀|卡地亚|周大福|周生生|老凤祥|潘多拉|[A-Za-z]{3,}")

PET_NOTE = "本店卖的都是给人吃的农产品，没有宠物食品。"


def for_pets(text: str) -> bool:
    return _PET.search(text) is not None


def fair(text: str, said: str, kind: str) -> bool:
    """Whether `kind`'s products may be listed for `said` (the thing as said) in the message `text`."""
    filled = _FILLED.search(text)  # 白菜猪肉 煎饺: the pork is the filling
    if not kind or kind in _SHELVES or (for_pets(text) and not for_pets(kind)) or (
            filled and kind not in filled.group()):
        return False
    if any(_LATIN_BEFORE.search(text, 0, m.start()) for m in re.finditer(re.escape(kind), text)):
        return False
    if (_FORMULA.search(text) and "奶" in kind) or (
            _JEWEL.search(kind + text) and _OTHER_JEWEL.search(text) and "银" not in text):
        return False  # 3段配方奶粉: no yak's milk powder; 翡翠手镯: no silver
    said = said.replace(" ", "")  # the message too: 蜂蜜柚子茶 is said 「蜂蜜柚子」
    return all(_MADE.match(t, m.end()) is None for t in (said, text) for m in re.finditer(re.escape(kind), t))
