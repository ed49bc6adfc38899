"""Finding a delivery address (or a change to one) inside a chat message, apart from the order around it.

"我要买两袋大米寄到广东省清远市佛冈县石角镇XX路8号 张三 13800138000": the part after 寄到 is where
the goods go, not an origin to search; the rest is the order. An address may also come alone, before or
after the order sentence ("送到…13800138000 要10斤脐橙", "云南省…15808712345 两饼普洱"), with labels
("收货人赵敏 电话159… 地址湖北省…"), or as a change at any step ("地址改成…", "改寄到…", "收货人改成李四",
"电话改成 139-0013-9000", "换个收货地址"). Phones may carry spaces or dashes. Pure text work: the region
table is consulted later, by the address reader in models.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from bot import address_added, address_kept, address_questions, address_swaps, named_places, spoken_address
from bot.address_labels import english_labels, sent_to
from bot.house_numbers import HOUSE_CHANGE as _HOUSE_CHANGE
from bot.lexicon import THANKS
from bot.neighbour_lines import ordered as _for_neighbour
from bot.part_changes import CHANGE as _CHANGE
from bot.part_changes import PART_ASKED as _PART_ASKED
from bot.part_changes import PHONE_CHANGE as _PHONE_CHANGE
from bot.part_changes import RECEIVER as _RECEIVER
from bot.part_changes import RECEIVER_BARE as _RECEIVER_BARE
from bot.part_changes import wrong_phone
from bot.recipients import PEOPLE
from models.places.address_parser import PHONE

LOOSE_PHONE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)")
_PLACE_AHEAD = r"(?=[^，,。\s]{0,12}?(?:省|自治区|市|区|县))"
# (a later 寄/送/发/到 is the cue: 寄两盒三七粉到北京市…, the goods come between)
_PLACE_NEXT = r"(?=(?:(?![寄送发到])[\u4e00-\u9fa5]){0,10}?(?:省|自治区|市|区|县))"
# 改地址 (not 能改地址吗 / 还能改地址吗: whether it can, bot.shop_workings)
_CHANGE_ADDRESS = r"(?<![不别没用须需能以么何])(?:改|换)(?:个|一下|下)?(?:收货)?地址(?![吗么])"
_CUE = re.compile(
    r"(?:(?:帮我)?(?:改寄到|改送到|改发到|改寄|改送|改去)|换个收货地址|换个地址|换地址|新地址|change\s+my\s+address\s+to"
    rf"|{_CHANGE_ADDRESS}|(?:收货)?地址(?:[改换变](?:一下|下|一记|一哈)|改一改)"
    # 地址换一记 改成福建省… (Wu 一记, south-western 一哈: 一下)
    rf"(?:[，,\s]*(?:{_CHANGE}|[寄送发](?:到|往))(?=\s*[\u4e00-\u9fa5]))?"
    # 地址整错了 改成… / 地址唔啱，改去… (Cantonese 不对)
    rf"|(?:收货|邮寄|寄送|送货|快递)?地址(?:[填写整搞弄打输]?错了|不对|唔啱|唔对)?[，,]?\s*{_CHANGE}"
    rf"|寄到|送到|发到|邮到|寄往|送往|发往|寄给|送给|寄去|送去|发去|寄回|送回|发回|寄至|送至|发至|收货地址|地址[:：]|地址\s*{_PLACE_AHEAD}|(?:寄|送|发|到){_PLACE_NEXT})"
    r"[:：]?\s*", re.IGNORECASE)
_CHANGE_CUE = re.compile(r"改寄|改送|改发|改去|换个收货地址|换个地址|换地址|新地址"
                         rf"|{_CHANGE_ADDRESS}"
                         r"|地址(?:改|换|变更|更改|修改|[填写整搞弄打输]?错|不对|唔啱|唔对)"
                         r"|change\s+my\s+address", re.IGNORECASE)
_LEFTOVER = re.compile(r"(?:^|(?<=\s))[\s,，;；]*(?:电话|手机号?)?[\s,，;；]*$")
# A receiver's name in latin letters (收件人 Amy Wang，…): the address reader knows Chinese names only.
_RECEIVER_LATIN = re.compile(rf"(?:收货人|收件人|联系人|姓名|名字){_CHANGE}?[:：]?\s*"
                             r"(?P<name>[a-z][a-z.'-]*(?:\s[a-z][a-z.'-]*){0,3})(?=\s*(?:$|[,，;；]|电话|手机|\+?\d))",
                             re.IGNORECASE)
_CHUNKS = re.compile(r"[\s,，;；、]+")
_PLACE_HINT = re.compile(r"[省市区县镇乡村路街号巷弄栋幢室楼]|大道|小区|胡同|大厦|广场|公寓|[A-Za-z\d]座")
_LABELLED = re.compile(r"^(?:收货人|收件人|联系人|姓名|电话|手机号?|地址|我叫|名字叫)[:：]?")
_NAME = re.compile(r"^[\u4e00-\u9fa5·]{2,4}$")
_NAMED = re.compile(r"^(?:收货人|收件人|联系人|姓名|名字)[:：]?([\u4e00-\u9fa5·]{2,4})?$")  # 收件人刘洋 / 收件人 刘洋
_ORDERISH = re.compile(r"[买要来订整搞]|[一二两三四五六七八九十俩仨\d]+\s*[箱袋瓶盒罐包斤个份只饼条提桶枚]")


@dataclass(frozen=True)
class AddressPart:
    line: str  # the address as one line (may lack what the current address already has)
    change: bool  # said as a change (地址改成 / 改寄到 …)
    receiver: str | None = None  # 收货人改成李四
    phone: str | None = None  # 电话改成…
    house: str | None = None  # 门牌号改一下 是3栋1单元502: the building, unit and room only
    asked: str | None = None  # 收件人改一下 / 电话换一个: "receiver" or "phone" to change, its new value not said
    swap: tuple[str, str] | None = None  # 是汤塘镇 不是石角镇: (the place word said wrong, the one said right)
    place: str | None = None  # 确认 寄到公司: a place named by its word alone, no address (bot/named_places.py)
    added: str | None = None  # 门牌号加上8栋302: a part added to the saved address (bot/address_added.py)
    wrong_phone: str | None = None  # 电话换成1350013500: a number no mobile has, the phone asked again


def collapse_phone(text: str) -> str:
    """138 0013 8000 / 138-0013-8000 → 13800138000; a phone as voice input writes it too (see spoken_phones)."""
    return LOOSE_PHONE.sub(lambda m: re.sub(r"[\s-]", "", m.group()), spoken_phones(text))


# A phone dictated: Chinese digits (幺 and 一 for 1, 两 for 2, 洞 and 〇 for 0), full-width digits, or a mix, with
# spaces or dashes between groups ("一三八 零零一三 八零零零", "手机幺三九…", "１３９００１３９０００"). Eleven digits
# in a row that begin 1 then 3–9 are a mainland mobile number; no quantity is ever written so.
_DIGIT_OF = {**{c: str(i) for i, c in enumerate("零一二三四五六七八九")}, "〇": "0", "洞": "0", "幺": "1", "两": "2",
             **{chr(0xFF10 + i): str(i) for i in range(10)}}
_SAID_DIGIT = "[0-9" + "".join(_DIGIT_OF) + "]"
_SAID_PHONE = re.compile(rf"(?<!{_SAID_DIGIT}){_SAID_DIGIT}(?:[\s-]?{_SAID_DIGIT}){{10}}(?!{_SAID_DIGIT})")


def spoken_phones(text: str) -> str:
    """The mobile numbers said in Chinese or full-width digits written in ASCII digits (the rest unchanged)."""
    def digits(m: re.Match[str]) -> str:
        said = re.sub(r"[\s-]", "", m.group())
        number = "".join(_DIGIT_OF.get(c, c) for c in said)
        return number if re.fullmatch(r"1[3-9]\d{9}", number) and not said.isascii() else m.group()
    return _SAID_PHONE.sub(digits, text)


# 收货的是我 孙丽 / 收件人是我妈 李秀英 / 收货人写我老公 王强: a receiver said with a phrase; the name follows.
_WHO = "|".join(sorted((re.escape(p) for p in PEOPLE), key=len, reverse=True))
_RECEIVER_PHRASE = re.compile(
    r"(?>(?:收货|收件|收)(?:的人|的|人)(?:是|写|填|为|叫)?(?:的是)?[:：]?\s*"
    rf"(?:(?:我|我的|是我)(?:自己|本人|{_WHO})?|本人)?)[\s,，:：]*(?!错|不对)"  # 收件人写错了: no name 错了
    r"(?=[\u4e00-\u9fa5·]{2,4}(?:$|[\s,，;；]|电话|手机|\d))")


# 我爸叫李建国 / 我妈名字叫王秀英 / 他叫张伟, beside an address: the person the goods go to, named (the receiver was
# saved as the word 收货人, the name lost). Only with 叫: 我妈是医生 names no one.
_KIN_NAMED = re.compile(rf"(?:(?:我|我的|我们)?(?:{_WHO})|他|她)(?:的名字|名字)?(?:叫|名叫)[:：]?\s*"
                        r"(?=[\u4e00-\u9fa5·]{2,4}(?:$|[\s,，;；。]|电话|手机|\d))")


def receiver_phrase(text: str) -> str:
    """收货的是我 孙丽 / 我爸叫李建国 → 收货人 孙丽 / 收货人 李建国 (see _RECEIVER_PHRASE, _KIN_NAMED); the text
    unchanged when it says no receiver so."""
    text = _RECEIVER_PHRASE.sub(lambda m: m.group() if _BARE_LABEL.fullmatch(m.group()) else "收货人 ", text)
    return _KIN_NAMED.sub("收货人 ", text)


_BARE_LABEL = re.compile(r"(?:收货人|收件人)[:：\s]*")


# A whole address dictated with its labels said as sentences (我的电话是…, 我家住在…, 名字写…, 联系人：…): each label
# read as the plain one (电话 / 地址 / 收货人), so the pieces are set apart as when typed with plain labels.
_SAID_LABELS = (
    (re.compile(r"(?:我的|我)?(?:联系)?(?:电话|手机)(?:号码|号)?(?:是|为)?[:：]?(?=\s*\d)"), " 电话 "),
    (re.compile(r"(?:我的|我家的?)?(?:收货|收件|家庭|详细)?(?:地址|住址)(?:是|在|为)[:：]?|我家住在|家住在?"
                r"|(?:^|(?<=[\s,，]))(?:我)?住在?(?![宅房院户])"), " 地址 "),
    (re.compile(r"(?:收货人|收件人|联系人(?!工)|名字|姓名)(?:是|写|叫|为|填)[:：]?|联系人[:：]|我叫|我的名字(?:是|叫)"
                r"|名字[:：]?(?=\s*[\u4e00-\u9fa5·]{2,4}(?:$|[\s,，;；]|电话|手机|\d))"  # 名字李雷 137…: the bare label
                r"|(?:^|(?<=[\s,，]))(?:我是|叫)(?=[\u4e00-\u9fa5·]{2,4}(?:$|[\s,，]|电话|手机))"), " 收货人 "),
)


_TOO_CHANGED = r"(?:也|还)?(?:改成|改为|换成)[:：]?"  # 地址也改成…: changed too
_CHANGED_LABELS = ((re.compile(rf"(?:收货人|收件人|联系人)(?:名字|姓名)?{_TOO_CHANGED}"), " 收货人 "),
                   (re.compile(rf"(?:电话|手机)(?:号码|号)?{_TOO_CHANGED}"), " 电话 "),
                   (re.compile(rf"(?:收货|收件)?地址{_TOO_CHANGED}"), " 地址 "))


def _relabelled(text: str) -> str:
    """Two or more parts of the address each said as a change (收件人改成李四 电话139… 地址改成广州市…): read with
    plain labels, as a whole address typed so is (it SAVED the receiver as 收货人); unchanged otherwise."""
    if sum(1 for pattern, _ in _CHANGED_LABELS if pattern.search(text)) < 2:
        return text
    for pattern, label in _CHANGED_LABELS:
        text = pattern.sub(label, text)
    return text


def dictated(text: str) -> str:
    """The labels of a whole address (a phone and a place said, no change asked) read as plain labels."""
    if not PHONE.search(text) or not _REGION.search(PHONE.sub(" ", text)) or _CHANGE_CUE.search(text) \
            or re.search(r"改成|改为|换成|更正", text):
        return text
    for pattern, label in _SAID_LABELS:
        text = pattern.sub(label, text)
    return text


_HESITATION = re.compile(r"[\s,，。.…~]*(?:[嗯呃额啊哦噢唔]+|那个|就是)?[\s,，。.…~]*")
# Words said around an address that say only that it is one (嗯那个地址啊 就是我家 …, 地址是这个哈 …, 送这里吧 …):
# no receiver's name (就是, 我家 are two characters, as a name is) and nothing asked besides.
ADDRESS_FILLER = re.compile(r"(?:[嗯呃额啊哦噢唔哈嘛呀吧呢啦哟喔的是在那这]|那个|这个|就是|地址|收货地址"
                            r"|我的|我们|我家|家里|这里|这儿|这边|送|寄|发|到|填|写|一下|好|了"
                            r"|先|帮我|给我|记下|记一下|记着|记住|存下|存一下|保存|留个|留一下)+")  # 先记下地址 …


# Thanks said as a chunk of its own inside an address (…88号 谢谢 139…): said to the assistant, not of the address.
_POLITE = re.compile(r"(?:(?<=\s)|^)(?:谢谢(?:你|您|啦|了|哈)?|多谢|麻烦(?:你|您)?了|辛苦(?:了|啦))(?=\s|$)")


def split(message: str, regions: Mapping[str, Any] | None = None) -> tuple[str, AddressPart | None]:
    """(the rest of the message, the address part or None); 嗯 / 呃 said before an address is a hesitation, not a
    yes. 别的不变 / 收件人勿变 beside a change say only what stays (bot/address_kept.py). `regions`: the places the
    assistant knows by their short names (a province or city sent to alone: 寄到北京)."""
    rest, part = _split_address(message)
    known = regions or {}
    sent = _SENT_TO_REGION.search(rest) if part is None and known and not _ASKED_WHERE.search(message) else None
    if sent is not None and sent["place"] in known and known[sent["place"]].level in ("province", "city"):
        # 静宁苹果来一箱 寄到北京: that place, its district then asked (never the saved address, silently)
        return (rest[:sent.start()] + rest[sent.end():]).strip(), AddressPart(known[sent["place"]].name, change=False)
    return rest, part


_SENT_TO_REGION = re.compile(r"(?:寄到|送到|发到|寄往|送往|发往)\s*(?P<place>[\u4e00-\u9fa5]{2,3})(?:去|吧)?"
                             r"[\s。.!！]*$")


def _split_address(message: str) -> tuple[str, AddressPart | None]:
    message = spoken_address.tidied(message)  # 嗯 那个 地址 你给我写 写 河南 … 东街 不对 是西街: as meant
    plain = _relabelled(message)
    if plain != message:  # 收件人改成李四 电话… 地址改成广州市…: a whole new address, each part said as a change
        rest, part = _split_address(plain)
        return rest, (replace(part, change=True) if part is not None else None)
    if (added := address_added.said(message)) is not None:  # 门牌号加上8栋302: the saved address gets the part
        return "", AddressPart("", change=True, added=added)
    kept = address_kept.dropped(message)
    rest, part = _split(kept)
    if part is None and kept != message:
        rest, part = _split(message)
    if part is None and PHONE.search(kept) and _POLITE.search(kept):  # 李四 北京市…88号 谢谢 139…: thanks inside it
        rest, part = _split(_POLITE.sub(" ", kept))
        rest = (rest + " " + " ".join(m.group().strip() for m in _POLITE.finditer(kept))).strip() if part else kept
    filler = _HESITATION.fullmatch(rest) or ADDRESS_FILLER.fullmatch(_CHUNKS.sub("", rest))
    return ("" if part is not None and part.place is None and filler else rest), part


# The parts of a place typed apart (江苏省 南京市 鼓楼区 中山北路88号): one place, written together.
_PLACE_GAP = re.compile(r"(?<=[省市区县州盟旗])\s+"
                        r"(?=[\u4e00-\u9fa5]{1,8}?(?:省|市|区|县|州|盟|旗|镇|乡|街道|路|街|大道))")


def _split(message: str) -> tuple[str, AddressPart | None]:
    if address_questions.asks(message):  # 收件人在哪写, 收货人怎么改: asked how, never a receiver called 在哪写
        return message, None
    text = dictated(receiver_phrase(collapse_phone(english_labels(_PLACE_GAP.sub("", message.strip())))))
    receiver = sent_to(text)
    if receiver is not None:  # 寄给我妈 王秀珍: a receiver, the place and phone still to come
        return "", AddressPart("", change=False, receiver=receiver)
    latin = _RECEIVER_LATIN.search(text)
    if latin:  # the name set apart, the rest read as usual: a receiver alone is a change of receiver
        rest, part = _split(text[:latin.start()] + " " + text[latin.end():])
        name = " ".join(latin.group("name").split())
        if part is None:
            return rest, AddressPart("", change=True, receiver=name)
        return rest, replace(part, receiver=name, change=part.change or not part.line)
    swapped = address_swaps.said(text)
    if swapped is not None:  # 不对不对 是汤塘镇 不是石角镇: one word of the address put right (刚才那单: of that order)
        rest = swapped[0].strip() if "单" in swapped[0] else ""  # 不对不对 is no cancel; 刚才那单 names the order
        return rest, AddressPart("", change=True, swap=swapped[1])
    house = _HOUSE_CHANGE.search(text)
    if house and not PHONE.search(text):
        rest = text[:house.start()] + " " + text[house.end():]
        return rest.strip(), AddressPart("", change=True, house=re.sub(r"\s+", "", house.group("house")))
    phone = PHONE.search(text)
    placeless = not _PLACE_HINT.search(PHONE.sub(" ", text))
    m = _RECEIVER.search(text) or (_RECEIVER_BARE.search(text) if placeless else None)
    if m and phone is None and (moved := _moved_receiver(text, m)) is not None:  # 收货人改王老师 河北省…中心小学
        return "", moved
    if m and not _PLACE_HINT.search(text[m.end():phone.start() if phone else len(text)]) \
            and not (phone and _PLACE_HINT.search(text[phone.end():])):  # …刘淑芬 139… 福州市…: the place too
        rest = _LEFTOVER.sub("", text[:m.start()] + " " + PHONE.sub(" ", _PHONE_CHANGE.sub(" ", text[m.end():])))
        return rest.strip(), AddressPart("", change=True, receiver=m.group("name"),
                                         phone=phone.group(1) if phone else None)
    changed = _phone_changed(text, phone)
    if changed is not None:
        return changed
    change = _CHANGE_CUE.search(text) is not None
    cue = _CUE.search(text)
    if cue and (phone is None or cue.start() < phone.start()):
        line, after = _up_to_phone(_WHOSE.sub("", text[cue.end():]))  # 改个地址 送我单位 …: the place follows
        if change or (line and (phone or re.search(r"省|自治区|市|区|县", line) or _loose_place(text, line))):
            before = [c for c in _CHUNKS.split(text[:cue.start()]) if c]
            if phone and before and _LABELLED.match(before[0]) and all(_looks(c) for c in before):
                return after.strip(), AddressPart(" ".join([*before, line]), change=change)  # 收货人 X 地址 … 手机 …
            rest = (text[:cue.start()] + " " + after).strip()
            return rest, AddressPart(line, change=change)
    asked = _PART_ASKED.fullmatch(text.strip()) if phone is None else None
    if asked is not None:  # 收件人改一下 / 电话换一个: the new one is asked for
        return "", AddressPart("", change=True, asked="receiver" if asked.group("receiver") else "phone")
    if phone is None and cue is None and not change:
        bare = _bare_address(text)  # 北京市朝阳区建国路88号5楼 王女士: a whole address and a name, no cue, no phone
        if bare is not None:
            return "", bare
    named = named_places.said(text) if phone is None and not change else None
    if named is not None:  # 确认 寄到公司 / 来两箱苹果 寄到我家: the place alone, its address on file or asked
        return named[0], AddressPart("", change=False, place=named[1])
    if phone is None:
        return (message, AddressPart("", change=True)) if change else (message, None)
    return _around_phone(text, change)


def _phone_changed(text: str, phone: re.Match[str] | None) -> tuple[str, AddressPart] | None:
    """电话改成139…: the new phone alone; 电话换成1350013500 (ten digits): a number no mobile has, asked again."""
    m = _PHONE_CHANGE.search(text)
    said = PHONE.sub(" ", _PHONE_CHANGE.sub(" ", text))  # 手机号改一下: the 号 of 手机号 is no house number
    if m and phone and phone.start() == m.end() and not _PLACE_HINT.search(said):
        rest = _LEFTOVER.sub("", text[:m.start()] + " " + text[phone.end():])
        return rest.strip(), AddressPart("", change=True, phone=phone.group(1))
    if phone is None and (wrong := wrong_phone(text, m)) is not None:
        return "", AddressPart("", change=True, asked="phone", wrong_phone=wrong)
    return None


# Whose place the new address is (送我单位 / 寄到我家里 / 发我公司): said before the address itself.
_WHOSE = re.compile(r"^[\s,，:：]*(?:送|寄|发|改送|改寄)?(?:到|去|给)?(?:我|我们)(?:的)?"
                    rf"(?:单位|公司|家里|老家|家|学校|宿舍|办公室|(?:{_WHO})(?:家|那)?)(?:去|里|那边|那儿|那里)?(?:吧)?"
                    r"[:：，,\s]*")
_REGION = re.compile(r"省|自治区|市|区|县")
_HOUSE = re.compile(r"\d+\s*(?:号|楼|层|室|栋|幢|单元)")
# 河南省周口市郸城县汲冢镇李庄村三组: a place down to its town, village or street, even with no house number
_DEEP = re.compile(r"(?:省|自治区|市|州|盟)[\u4e00-\u9fa5]{1,8}?(?:县|区|市|旗)[\u4e00-\u9fa5A-Za-z\d]{1,10}?"
                   r"(?:镇|乡|街道|村|组|路|街)")


# A place said without 省 / 市 / 区 after 寄到 (静宁苹果来一箱 寄到深圳南山科技园): read as an address (the reader
# finds 深圳 and 南山 by their short names, or asks), not dropped for the saved one. Not when it is asked (能寄到新疆吗,
# 寄到西藏要几天) or a place word alone (寄到我家: bot.named_places).
_LOOSE_HINT = re.compile(r"[镇乡村路街号巷弄栋幢室楼园]|大道|小区|胡同|大厦|广场|公寓|大学|学院|医院|中心")
_ASKED_WHERE = re.compile(r"[吗么嘛呢？?]|能不能|可不可以|可以|多久|几天|运费|包邮|多少")


def _loose_place(text: str, line: str) -> bool:
    return (re.fullmatch(r"[\u4e00-\u9fa5A-Za-z\d]{4,40}", line) is not None and _LOOSE_HINT.search(line) is not None
            and not _ASKED_WHERE.search(text) and named_places.said("寄到" + line) is None)


def _moved_receiver(text: str, said: re.Match[str]) -> AddressPart | None:
    """收货人改王老师 河北省承德市丰宁县XX乡中心小学: a new receiver (`said`) at a new place said beside, no phone."""
    bare = _bare_address(text[:said.start()] + " " + text[said.end():])
    return replace(bare, receiver=said.group("name")) if bare is not None else None


def _bare_address(text: str) -> AddressPart | None:
    """A message that is only an address with its house number (or down to its street or village), with or without a
    receiver's name, no phone (the one on file stays, or it is asked), every chunk an address piece or the name: a new
    address. 我住在 / 我家在 before it says whose place it is (我住在广西南宁市青秀区民族大道100号)."""
    chunks = [c for c in _CHUNKS.split(_LIVES.sub("", text.strip())) if c]
    placed = [c for c in chunks if _REGION.search(c) and (_HOUSE.search(c) or _DEEP.search(c))]
    if not placed or not all(_looks(c) or (_HOUSE.search(c) and not _for_neighbour(c)) for c in chunks):
        return None  # (3号楼王姐两袋房县黑木耳: a line for a neighbour, bot.neighbour_lines)
    return AddressPart(" ".join(chunks), change=True)

_LIVES = re.compile(r"^(?:我|俺|我们)?(?:家)?(?:住在|家住|家在|现在住在|现住|住)\s*")


def has_receiver(line: str) -> bool:
    """Whether a line of address pieces holds a receiver's name (a chunk of 2–4 characters that is no place)."""
    chunks = [c for c in _CHUNKS.split(_LABELLED_ANY.sub(" ", PHONE.sub(" ", line))) if c]
    return any(_NAME.match(c) and not _PLACE_HINT.search(c) for c in chunks)


_LABELLED_ANY = re.compile(r"(?:收货人|收件人|联系人|姓名|电话|手机号?|地址|我叫|名字叫)[:：]?")


def _up_to_phone(text: str) -> tuple[str, str]:
    """An address runs to its phone number and the name just after it; what follows is the order."""
    phone = PHONE.search(text)
    if phone is None:
        return _up_to_order(text)
    after = text[phone.end():]
    chunks = [c for c in _CHUNKS.split(after) if c]
    taken = 0
    for chunk in chunks[:1]:
        if _NAME.match(chunk) and not _ORDERISH.search(chunk):
            taken = 1
    named = _NAMED.match(chunks[0]) if chunks else None  # …1号 电话186… 收件人刘洋: the receiver labelled after it
    if named is not None:
        taken = 1 if named.group(1) or len(chunks) < 2 or not _NAME.match(chunks[1]) else 2
    if not _REGION.search(text[:phone.start()]):  # 寄给王工 电话139… 四川省凉山州…: the place comes after the phone
        while taken < len(chunks) and _looks(chunks[taken]):
            taken += 1
    rest = " ".join(chunks[taken:])
    return (text[:phone.end()] + " " + " ".join(chunks[:taken])).strip(), rest


def _up_to_order(text: str) -> tuple[str, str]:
    """No phone: the address runs to the first chunk that orders (广东省…8号，芒果10斤的要5箱 → the order after it),
    a leading 地址是 dropped; the whole text when no chunk orders or the chunks before it are no address."""
    chunks = [c for c in _CHUNKS.split(text) if c]
    at = next((i for i, c in enumerate(chunks) if _ORDERISH.search(c) and not _LABELLED.match(c)), None)
    if not at or not all(_looks(c) for c in chunks[:at]) or not _REGION.search(" ".join(chunks[:at])):
        return _ADDRESS_SAID.sub("", text.strip()), ""  # 寄到我公司去 地址是深圳市…: 是 is no part of the place
    return _ADDRESS_SAID.sub("", " ".join(chunks[:at])), " ".join(chunks[at:])


_ADDRESS_SAID = re.compile(r"^(?:收货|详细)?地址(?:是|为|写)?[:：]?\s*")


def _looks(chunk: str) -> bool:
    if ADDRESS_FILLER.fullmatch(chunk) and not _LABELLED.match(chunk):  # 就是我家 福州市…: no name (地址: a label)
        return False
    if (_ORDERISH.search(chunk) and not _LABELLED.match(chunk)) or chunk.startswith(THANKS):  # …8000 谢谢
        return False
    return bool(_PLACE_HINT.search(chunk) or _NAME.match(chunk) or PHONE.search(chunk) or _LABELLED.match(chunk)
                or re.fullmatch(r"[\u4e00-\u9fa5]{1,2}(?:先生|女士|小姐)|[\u4e00-\u9fa5·]{2,4}收", chunk))


def _around_phone(text: str, change: bool) -> tuple[str, AddressPart | None]:
    """No cue word: the chunks next to the phone that look like an address, a name or a label are the address."""
    chunks = [c for c in _CHUNKS.split(text) if c]
    at = next((i for i, c in enumerate(chunks) if PHONE.search(c)), None)
    if at is None:
        return text, None
    taken = {at}
    i = at - 1
    while i >= 0 and _looks(chunks[i]):
        taken.add(i)
        i -= 1
    i = at + 1
    while i < len(chunks) and _looks(chunks[i]):
        taken.add(i)
        i += 1
    if not any(_PLACE_HINT.search(chunks[j]) for j in taken):
        return text, None
    rest = " ".join(c for j, c in enumerate(chunks) if j not in taken)
    line = " ".join(chunks[j] for j in sorted(taken))
    return rest, AddressPart(line, change=change)
