"""Reading a one-line Chinese address: "广东省清远市佛冈县石角镇XX路8号 张三 13800138000".

Works over the administrative divisions: province, city and county are matched as prefixes
(full names or short forms, any of them may be missing: "佛冈县石角镇…" finds 广东省 清远市), the
mainland mobile number anywhere, and the recipient's name as the short all-Chinese chunk that is
not part of the address.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models.places.region_directory import NameForms, RegionDirectory, RegionRow

PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d{9})(?!\d)")
# A mobile number typed in groups: its spaces and dashes go; a house number's stay (8号12-3).
_SPACED_PHONE = re.compile(r"(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)")
_NAME = re.compile(r"^[\u4e00-\u9fa5·]{2,5}$")
_SEPARATORS = re.compile(r"[\s,，;；/|:：]+")
# (我叫王芳 / 名字叫李师傅: the receiver introduced as the speaker, as people dictate it)
_LABELS = re.compile(r"(收货人|收件人|联系人|姓名|电话|手机号?|地址|我叫|名字叫|名叫)[:：]?")


# Words of talk around an address (地址用我公司的, 就寄这个, 发到我家): no name holds them, no address needs them.
_SPOKEN = re.compile(r"[我的]|用|公司|单位|这个|那个|寄到|送到|发到|就寄|改成")
# The talk that hands the address over (先把地址给你, 地址发你, 地址如下), never a receiver's name.
_HANDING = re.compile(r"(?:先把|这是|下面是?)?(?:给|发)?(?:你|您)?(?:如下|了|吧)?")
_ADDRESSEE = re.compile(r"^([\u4e00-\u9fa5·]{2,4})收$")
# A name said right after the house number, with nothing between (12号王秀兰); never a place word (12号院, 3号楼下).
_GLUED_NAME = re.compile(r"(?<=\d[号室户])[\u4e00-\u9fa5·]{2,4}$")
_PLACE_WORD = re.compile(r"[院楼栋幢门座单元室层村组店铺厂部库房区街路巷弄号旁边面近口内外里下上对]")


@dataclass(frozen=True)
class ParsedAddress:
    province: str | None
    city: str | None
    county: str | None
    region_code: str | None
    detail: str
    name: str | None
    phone: str | None


# A place's short name that begins a road's (天河路, 中山北路, 人民大道): the road, not the district or the city.
_ROAD = re.compile(r"(?:[东南西北中]|[一二三四五六七八九十\d]+)?(?:路|街|大街|大道|巷|弄|胡同)")


def _prefix(forms: NameForms, text: str) -> tuple[RegionRow | None, int]:
    """The region that starts `text`, unless its name said short begins a road's name (广州市天河路100号)."""
    row, n = forms.prefix(text)
    if row is not None and text[:n] != row.name and _ROAD.match(text, n):
        return None, 0
    return row, n


def _regions(text: str, directory: RegionDirectory) -> tuple[list[RegionRow], int]:
    """Province, city, county found at the start of `text` (each may be inferred), and how much was read."""
    found: list[RegionRow] = []
    pos = 0
    province, n = _prefix(_provinces(directory), text)
    if province:
        found.append(province)
        pos += n
    city, n = _prefix(_cities(directory, province), text[pos:])
    if city:
        found.append(city)
        pos += n
    county, n = _prefix(_counties(directory, province, city), text[pos:])
    if county is None and city is not None:  # 东莞市长安镇, 中山市石岐区: a city with no counties is its own county
        county, n = next((r for r in directory.children(city.code) if r.name == city.name), None), 0
    if county:
        found.append(county)
        pos += n
    return found, pos


def _provinces(directory: RegionDirectory) -> NameForms:
    return directory.name_forms(("province", None), lambda: directory.by_level("province"))


def _cities(directory: RegionDirectory, province: RegionRow | None) -> NameForms:
    if province is None:
        return directory.name_forms(("city", None), lambda: directory.by_level("city"))
    return directory.name_forms(
        ("city", province.code), lambda: [r for r in directory.children(province.code) if r.level == "city"])


def _counties(directory: RegionDirectory, province: RegionRow | None, city: RegionRow | None) -> NameForms:
    if city is not None:
        return directory.name_forms(("county", city.code), lambda: directory.children(city.code))
    if province is not None:
        return directory.name_forms(("county", province.code), lambda: [
            r for r in directory.by_level("county") if _under(r, province.code, directory)])
    return directory.name_forms(("county", None), lambda: directory.by_level("county"))


def _under(row: RegionRow, ancestor: str, directory: RegionDirectory) -> bool:
    while row.parent:
        if row.parent == ancestor:
            return True
        parent = directory.get(row.parent)
        if parent is None:
            return False
        row = parent
    return False


def _from_the_place(chunk: str, directory: RegionDirectory) -> str:
    """The chunk from the first province or city named in full (湖南省, 长沙市) on, the words before it dropped
    (我妈家是湖南省长沙市…); the chunk as it was when it names none."""
    for at in range(1, len(chunk) - 1):
        for forms in (_provinces(directory), _cities(directory, None)):
            row, n = forms.prefix(chunk[at:])
            if row is not None and chunk[at:at + n] == row.name:
                return chunk[at:]
    return chunk


def _above(row: RegionRow, directory: RegionDirectory) -> tuple[str | None, str | None]:
    """The province and city of a province or city row (no county under them read)."""
    if row.level == "province":
        return row.name, None
    parent = directory.get(row.parent or "")
    return (parent.name if parent else None), row.name


def _chain(county: RegionRow, directory: RegionDirectory) -> tuple[str | None, str | None]:
    parent = directory.get(county.parent or "")
    if parent is None:
        return None, None
    if parent.level == "province":
        return parent.name, ""
    grand = directory.get(parent.parent or "")
    return (grand.name if grand else None), parent.name


def parse_address(text: str, directory: RegionDirectory) -> ParsedAddress:
    text = _SPACED_PHONE.sub(lambda m: re.sub(r"[\s-]", "", m.group()), text)  # 139 0000 0000, 139-0000-0000
    phone_match = PHONE.search(text)
    phone = phone_match.group(1) if phone_match else None
    rest = PHONE.sub(" ", text)
    rest = _LABELS.sub(" ", rest)
    chunks = [_ADDRESSEE.sub(r"\1", c) for c in _SEPARATORS.split(rest) if c]  # 吉克阿依收: the name
    if not any(_regions(c, directory)[1] for c in chunks):  # 我妈家是湖南省长沙市…: the place after the words
        chunks = [_from_the_place(c, directory) for c in chunks]
    best = max(chunks, key=lambda c: _regions(c, directory)[1], default="")
    regions, used = _regions(best, directory)
    talk = [c for c in chunks if (c is not best and _SPOKEN.search(c) and not _PLACE_WORD.search(c)
            and not re.search(r"\d", c)) or _HANDING.fullmatch(c)]  # 地址用我公司的: around it (我家门口 stays)
    name = next((c for c in chunks if c is not best and c not in talk and _NAME.match(c)), None)
    detail_parts = [best[used:]] + [c for c in chunks if c is not best and c != name and c not in talk]
    glued = _GLUED_NAME.search(detail_parts[0]) if name is None else None
    if glued and not _PLACE_WORD.search(glued.group()):  # …幸福路12号王秀兰13800138000: said in one breath
        name, detail_parts[0] = glued.group(), detail_parts[0][:glued.start()]
    county = next((r for r in regions if r.level == "county"), None)
    province = city = None
    if county:
        province, city = _chain(county, directory)
    elif regions:  # 北京市建国路88号, 广州市天河路100号: the province or city said, its county not (asked for)
        province, city = _above(regions[-1], directory)
    return ParsedAddress(
        province=province, city=city, county=county.name if county else None,
        region_code=county.code if county else None, detail="".join(detail_parts).strip(), name=name, phone=phone,
    )
