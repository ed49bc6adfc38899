"""Short forms of Chinese region names, as people say them: 佛冈县 → 佛冈, 广西壮族自治区 → 广西."""
from __future__ import annotations

from functools import lru_cache

_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市", "县", "区", "旗", "盟")
_ETHNIC = (
    "维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "乌孜别克", "塔塔尔", "俄罗斯", "达斡尔", "鄂温克", "鄂伦春", "蒙古",
    "土家", "布依", "仡佬", "哈尼", "傈僳", "拉祜", "纳西", "景颇", "毛南", "仫佬", "朝鲜", "普米", "阿昌", "德昂",
    "布朗", "独龙", "基诺", "门巴", "珞巴", "撒拉", "东乡", "保安", "裕固", "锡伯", "赫哲", "高山",
    "壮", "回", "藏", "苗", "彝", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "满", "京", "怒", "各",
)


def _strip_ethnic(base: str) -> str:
    changed = True
    while changed:
        changed = False
        for group in _ETHNIC:
            for tail in (group + "族", group):  # 新疆维吾尔自治区 names the group without 族
                if base.endswith(tail) and len(base) - len(tail) >= 2:
                    base, changed = base[: -len(tail)], True
                    break
    return base


@lru_cache(maxsize=8192)
def region_short_forms(name: str) -> tuple[str, ...]:
    """The name itself first, then shorter forms of at least two characters (礼县 keeps only 礼县)."""
    forms = [name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                base = _strip_ethnic(base)
            if base not in forms:
                forms.append(base)
            break
    return tuple(forms)
