"""Whether the shop's products of a kind are a fair substitute for a thing it does not have, listed under
没有找到「…」 (本店有这些牛肉干，不是同一款):

* food for a pet (宠物牛肉干 狗零食, 猫零食 冻干, 给狗狗吃的鸡胸肉) is never offered the shop's food for people: the
  shop sells no pet food, and what is seasoned for people may harm an animal;
* a drink, an oil, an essence or a wine made from a catalogue word (红茶拿铁, 花椒油, 玫瑰精油, 金银花露, 青稞酒,
  核桃油) is not that word's goods: tea leaves are no latte, grain is no spirit. Nothing is listed for it.

Alternatives that honestly help stay (三只松鼠每日坚果 → the shop's nuts, 苹果醋饮料 → its drinks, 红枣 粉 → dates).
"""
from __future__ import annotations

import re

# Pets and their food (猫耳朵, 猫山王, 狗不理, 熊猫 are no pets).
_PET = re.compile(r"宠物|狗(?!不理)|犬|(?<!熊)猫(?!耳朵|山王|屎|眼)|喵|汪星人|仓鼠|鹦鹉|兔兔|主子吃")
# What a drink, an oil, an essence or a wine made from a thing is called, right after the thing.
_MADE = re.compile(r"精油|原液|原汁|拿铁|奶盖|奶茶|饮料|饮品|冰沙|汽水|果汁|油|酒|汁|露|乳")

PET_NOTE = "本店卖的都是给人吃的农产品，没有宠物食品。"


def for_pets(text: str) -> bool:
    return _PET.search(text) is not None


def fair(text: str, said: str, kind: str) -> bool:
    """Whether `kind`'s products may be listed for `said` (the thing as said) in the message `text`."""
    if not kind or (for_pets(text) and not for_pets(kind)):
        return False
    said = said.replace(" ", "")
    at = said.find(kind)
    return at < 0 or _MADE.match(said, at + len(kind)) is None
