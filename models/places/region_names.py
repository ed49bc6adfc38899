"""Short forms of Chinese region names, as people say them: 佛冈县 → 佛冈, 广西壮族自治区 → 广西."""
from __future__ import annotations

import functools

_REGION_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "盟")
# A banner (旗, a county of Inner Mongolia) is said without 旗 (奈曼旗 → 奈曼, 太仆寺旗 → 太仆寺), but not one named by
# its side of a league (巴林左旗, 科右前旗, 乌拉特中旗): 巴林左 is no name anyone says.
_BANNER_SIDES = frozenset("左右前中后")
_ETHNIC_GROUPS = tuple(
    sorted(
        (
            "维吾尔族 维吾尔 哈萨克族 柯尔克孜族 塔吉克族 乌孜别克族 塔塔尔族 俄罗斯族 达斡尔族 鄂温克族 "
            "鄂伦春族 蒙古族 "
            "土家族 布依族 仡佬族 哈尼族 傈僳族 拉祜族 纳西族 景颇族 毛南族 仫佬族 朝鲜族 普米族 阿昌族 德昂族 布朗族 "
            "独龙族 基诺族 门巴族 珞巴族 撒拉族 东乡族 保安族 裕固族 锡伯族 赫哲族 高山族 壮族 回族 藏族 苗族 "
            "彝族 侗族 "
            "瑶族 白族 傣族 黎族 佤族 畲族 水族 土族 羌族 满族 京族 怒族 各族"
        ).split(),
        key=len,
        reverse=True,  # longest first, so 土家族 is stripped whole rather than as 土族
    )
)


def _strip_ethnic(base: str) -> str:
    """恩施土家族苗族 → 恩施: drop trailing ethnic-group names, keeping at least two characters."""
    stripped = True
    while stripped:
        stripped = False
        for group in _ETHNIC_GROUPS:
            if base.endswith(group) and len(base) - len(group) >= 2:
                base, stripped = base[: -len(group)], True
                break
    if base.endswith("族") and len(base) >= 3:  # 东乡族(自治县) is itself a group name: say 东乡
        base = base[:-1]
    return base


@functools.lru_cache(maxsize=8192)
def region_short_forms(name: str) -> tuple[str, ...]:
    """The name first, then its short form as people say it (at least two characters).

    佛冈县 → (佛冈县, 佛冈); 广西壮族自治区 → (广西壮族自治区, 广西); 恩施土家族苗族自治州 → (…, 恩施);
    奈曼旗 → (奈曼旗, 奈曼); 礼县 → (礼县,); 广东 → (广东,).
    """
    name = name.strip()
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                base = _strip_ethnic(base)
            return (name, base) if base != name else (name,)
    if name.endswith("旗") and len(name) >= 3 and name[-2] not in _BANNER_SIDES:  # 奈曼旗 → 奈曼
        return name, name[:-1]
    return (name,) if name else ()


_SPOKEN_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


@functools.lru_cache(maxsize=8192)
def region_spoken_forms(name: str) -> tuple[str, ...]:
    """The short forms, and for an autonomous region the short form with its level said plainly, as addresses are
    written and dictated: 凉山彝族自治州 → (…, 凉山, 凉山州); 威宁彝族回族苗族自治县 → (…, 威宁, 威宁县)."""
    forms = region_short_forms(name)
    for suffix, plain in _SPOKEN_SUFFIX.items():
        if name.endswith(suffix) and len(forms) > 1:
            return (*forms, forms[-1] + plain)
    return forms
