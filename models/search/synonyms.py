"""Synonyms of farm-product words, for query expansion.

Only words that name the same thing everywhere they are used are grouped: regional names of one
product (土豆 / 马铃薯 / 洋芋) and variant spellings (金桔 / 金橘). Near-misses that a shopper would
not accept as the same product (小米 / 黄小米, 香菇 / 花菇, 米粉 / 米线, 粉丝 / 粉条) are left out, and so
are words that mean something else in another region (粟米 is corn in Cantonese, not millet).
"""
from __future__ import annotations

SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group)
    for group in (
        # eggs and poultry
        ("土鸡蛋", "笨鸡蛋", "柴鸡蛋", "走地鸡蛋", "草鸡蛋"),
        ("土鸡", "笨鸡", "柴鸡", "走地鸡", "草鸡"),
        ("皮蛋", "松花蛋"),
        ("咸鸭蛋", "咸蛋"),
        # fruit
        ("金桔", "金橘"),
        ("猕猴桃", "奇异果"),
        ("菠萝", "凤梨"),
        ("桂圆", "龙眼"),
        ("车厘子", "樱桃"),
        ("牛油果", "鳄梨"),
        ("芒果", "杧果"),
        # vegetables, tubers and roots
        ("马铃薯", "土豆", "洋芋"),
        ("红薯", "地瓜", "番薯", "甘薯", "山芋"),
        ("番茄", "西红柿"),
        ("芋头", "芋艿"),
        ("山药", "淮山", "怀山药"),
        ("荸荠", "马蹄"),
        ("香菜", "芫荽"),
        ("西兰花", "西蓝花", "青花菜", "绿菜花"),
        ("花菜", "菜花", "花椰菜"),
        ("卷心菜", "包菜", "圆白菜", "洋白菜", "包心菜"),
        ("洋葱", "葱头"),
        ("黄花菜", "金针菜"),
        ("苦瓜", "凉瓜"),
        ("黄瓜", "青瓜"),
        ("南瓜", "倭瓜", "番瓜"),
        ("秋葵", "羊角豆"),
        ("莲藕", "藕"),
        ("辣椒", "海椒"),
        # fungi
        ("木耳", "黑木耳"),
        ("银耳", "白木耳"),
        # grains, beans, nuts and dried goods
        ("玉米", "苞谷", "包谷", "苞米", "玉蜀黍"),
        ("糯米", "江米"),
        ("黄豆", "大豆"),
        ("蚕豆", "胡豆"),
        ("花生", "落花生"),
        ("核桃", "胡桃"),
        ("板栗", "栗子"),
        ("红枣", "大枣"),
        ("枸杞", "枸杞子"),
        ("葵花籽", "葵瓜子", "向日葵籽"),
        ("葛粉", "葛根粉"),
        # seasonings (a category's everyday name: 调料有哪些 was not found beside the 调味品)
        ("调味品", "调料", "调味料", "佐料"),
        # oils
        ("茶油", "山茶油", "油茶籽油"),
        ("菜籽油", "菜油"),
    )
)


def _build_lookup() -> dict[str, frozenset[str]]:
    lookup: dict[str, frozenset[str]] = {}
    for group in SYNONYM_GROUPS:
        for word in group:
            lookup[word] = lookup.get(word, frozenset()) | group
    return lookup


_LOOKUP = _build_lookup()


def expand(term: str) -> set[str]:
    """The term plus every word that shares a synonym group with it."""
    return set(_LOOKUP.get(term, ())) | {term}


def synonym_words() -> frozenset[str]:
    """Every word of every group (the tokenizer adds them to its dictionary so they segment whole)."""
    return frozenset(_LOOKUP)
