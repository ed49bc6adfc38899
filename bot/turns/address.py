"""Turns that take a delivery address: said whole, inside an order, in pieces, or as a change."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot import address_added, address_swaps, named_places, part_changes, placed_orders, replies, shop_workings
from bot.addressing import AddressPart, has_receiver
from bot.draft import Draft
from bot.house_numbers import rehoused
from bot.reply import Intent, Reply
from bot.turns import common, pieces, quantity, reship
from models.errors import DomainError
from models.places.address_parser import PHONE, ParsedAddress
from models.services import addresses
from models.tables.addresses import Address

if TYPE_CHECKING:
    from bot.dialogue import Turn

_LATIN = re.compile("[A-Za-z]")
_REGION = re.compile("省|自治区|市|县|区|旗")
_PLACE = re.compile("[省市区县旗镇乡村路街巷弄号栋室]")


async def address_turn(turn: Turn, part: AddressPart) -> Reply | None:
    """Save the address said in this message (whole, or a change to the current one's receiver, phone or place); the
    draft ships there. None when the rest of the message still has to be answered. An address alone is
    `change_address` at any step; one inside an order sentence is part of the order."""
    ordering = turn.draft if turn.draft is not None and turn.draft.kind == "goods" else None
    on_file = await addresses.address_for_order(turn.ctx.user, ordering.address_id if ordering else None)
    supplying = on_file is None  # the user had no address: this one is saved, not put in place of another
    base = None if ordering and ordering.elsewhere and not _hers_whole(turn, part, ordering) else on_file  # 给我妈寄…
    intent: Intent = "order" if turn.u.text and turn.u.intent == "order" else "change_address"
    suggestions = ["取消"] if turn.draft else replies.START_SUGGESTIONS
    if part.place is not None:  # 确认 寄到公司: its address asked, nothing placed at the one on file
        return _place_named(turn, part.place, ordering, base is not None)
    if part.swap and base is not None:  # 镇改成汤塘镇: the town of the current address is the word put right
        part = replace(part, swap=address_swaps.placed(part.swap, [base.province, base.city, base.county],
                                                       base.detail) or part.swap)
    if (unsaid := await _no_new_address(turn, part, base, ordering, suggestions)) is not None:
        return unsaid
    part = _under_region(turn, part, base is not None)  # 朝阳区建国路88号 after 寄到北京: under 北京市
    latin, part = _latin_apart(part)  # 收件人 Amy Wang: read without it, the name put after
    line = await full_line(turn, part, base)
    so_far = pieces.kept(turn, ordering) if base is None else None
    if so_far:
        line = pieced_line(so_far, part)  # 收货人 王芳, then 电话 139…, then 地址 北京市…
    parsed = await addresses.parse_address_line(line, turn.ctx.regions)
    if latin:
        parsed = replace(parsed, name=latin)
    u = turn.u
    named = bool(parsed.name or latin or has_receiver(line))
    if not (parsed.county and parsed.phone) or (not named and (so_far or base is None)):  # a first address: named
        if base is None:  # a piece of the address: kept (with the order, or in the dialogue) until the rest comes
            pieces.keep(turn, ordering, f"{line} {latin}" if latin else line)
            if u.text and (u.about_products or u.quantity or u.number or u.pick):
                return None  # 五公斤一袋的 来两袋 寄到山西省…: the order is answered, it asks for the rest
            if ordering is not None and (ordering.awaiting in (None, "address") or ordering.elsewhere):
                ordering.awaiting, ordering.address_id = "address", None if ordering.elsewhere else ordering.address_id
            text = replies.address_missing(bool(parsed.county), named, bool(parsed.phone), _above(parsed))
            waiting = ordering is not None and ordering.awaiting != "address"  # a choice or a count still asked
            return turn.say(text + (turn.pending_question() if waiting else ""), intent, suggestions=suggestions)
        if _region_kept(turn, parsed, line):  # 静宁苹果来一箱 寄到北京: the order drafted first, then the place
            return None  # asked (never shipped to the address on file: bot/turns/address.ask_place_after)
        return turn.say(replies.bad_address(_problem(parsed)), intent, suggestions=suggestions)
    try:
        address = await addresses.create_from_line(turn.ctx.user, turn.ctx.regions, parsed)
    except DomainError as exc:
        return turn.say(replies.bad_address(exc.message), intent, suggestions=suggestions)
    _ships_there(turn, ordering, address)
    ordering_now = u.text and (u.about_products or u.quantity or u.number or u.pick)
    if ordering is None and not ordering_now and (u.order_no or placed_orders.about_placed_order(u.raw)
                                                  or turn.placed_asked):  # the address after 能改地址吗 已经付款了
        return await reship.reship_to(turn, address)  # 我刚才那单地址写错了，改成…: the placed order goes there
    if ordering_now or (u.text and u.intent not in ("fallback", "greet", "change_address")):
        return None
    if ordering is None:
        return turn.say(replies.address_saved(common.address_text(address)), intent,
                        suggestions=replies.START_SUGGESTIONS)
    reply = await quantity.advance(turn, ordering)
    said = "收货地址已保存" if supplying else "收货地址已改为"
    reply.reply = f"{said}：{common.address_text(address)}\n{reply.reply}"
    reply.intent = intent
    return reply


def _hers_whole(turn: Turn, part: AddressPart, ordering: Draft) -> bool:
    """Her place and her name said together, nothing kept yet (地址改成江西省赣州市… 收货人刘桂英): my phone may do."""
    named = bool(part.receiver or has_receiver(part.line or ""))
    return named and _says_place(part) and _REGION.search(part.line or "") is not None \
        and not pieces.kept(turn, ordering)


def _place_named(turn: Turn, place: str, ordering: Draft | None, on_file: bool) -> Reply | None:
    """家: the address on file (the rest of the message answered as usual). Another place (公司, 单位, 我妈家 …) with
    an address on file: that place's address asked for, the order waiting for it; an order said with it is drafted
    first, then asked (bot/dialogue.py). None when the rest of the message is still to be answered."""
    u = turn.u
    if named_places.is_home(place) or not on_file:
        return None  # no address on file: the order asks for a whole one as it always does
    if (u.text and (u.about_products or u.quantity or u.number or u.pick)) or (ordering is None and u.text):
        turn.place_asked = place
        return None
    turn.state.asked_part = "address"
    if ordering is not None:
        ordering.awaiting = "address"
    return turn.say(named_places.ask(place), "change_address",
                    suggestions=["取消"] if ordering else replies.START_SUGGESTIONS)


def ask_place_after(turn: Turn, reply: Reply) -> Reply:
    """来两箱苹果 寄到公司: the order drafted, its summary not offered to confirm at the address on file; the place's
    address asked for instead (the lines kept)."""
    d = turn.state.draft
    if turn.place_asked is None or d is None or d.kind != "goods" or d.awaiting != "confirm" \
            or "请确认订单：\n" not in reply.reply:
        return reply
    lines = reply.reply.split("请确认订单：\n", 1)[1].split("\n合计", 1)[0]
    d.awaiting = "address"
    turn.state.asked_part = "address"
    reply.reply = f"已记下：\n{lines}\n{named_places.ask(turn.place_asked)}"
    reply.suggestions = ["取消"]
    return reply


def _latin_apart(part: AddressPart) -> tuple[str | None, AddressPart]:
    """A receiver in Latin letters set apart (the reader knows Chinese names only), and the part without it."""
    latin = part.receiver if part.receiver and _LATIN.search(part.receiver) else None
    return latin, (replace(part, receiver=None) if latin else part)


def _region_kept(turn: Turn, parsed: ParsedAddress, line: str) -> bool:
    """寄到北京 (a city, no district) with an address on file: the city kept, so that the place said next is read under
    it; True when the message also orders (its place is then asked after the order is drafted)."""
    above, u = _above(parsed), turn.u
    if not above or parsed.county:
        return False
    said = line.split(above, 1)[-1].strip() if above in line else ""
    turn.state.region = f"{above}\t{said}"  # 北京市 and 建国路88号: the district said next put between
    if u.text and (u.about_products or u.quantity or u.number or u.pick):
        turn.place_asked = above
        return True
    return False


def _under_region(turn: Turn, part: AddressPart, on_file: bool) -> AddressPart:
    """The address said after a city or province was sent to alone (寄到北京, then 朝阳区建国路88号), read under it."""
    kept, turn.state.region = turn.state.region, None
    region, _, detail = (kept or "").partition("\t")
    if not region or not on_file or not part.line or part.line.startswith(region[:2]):
        return part
    alone = re.fullmatch(r"[\u4e00-\u9fa5]{1,8}[区县市旗]", part.line.strip()) is not None  # 朝阳区: the district only
    return replace(part, line=region + part.line.strip() + (detail if alone else ""))


def _ships_there(turn: Turn, ordering: Draft | None, address: Address) -> None:
    """The address just saved is where the draft ships; the pieces kept for it are done with."""
    turn.new_address_id = address.id
    pieces.keep(turn, ordering, None)
    turn.state.address_line = None
    if ordering is not None:
        ordering.address_id, ordering.elsewhere = address.id, False
        if ordering.awaiting == "address":
            ordering.awaiting = None


async def _no_new_address(turn: Turn, part: AddressPart, base: Address | None, ordering: Draft | None,
                          suggestions: list[str]) -> Reply | None:
    """The answer when the message says no address to save: a word to put right that the address does not hold
    (是汤塘镇 不是石角镇, and no 石角镇), or a new address asked for with none said (换个收货地址 / 改寄到新地址)."""
    if part.swap and not _swappable(part.swap[0], base):
        return turn.say(replies.not_in_address(part.swap[0], common.address_text(base) if base else None)
                        + turn.pending_question(), "change_address", suggestions=suggestions)
    if not (_says_place(part) or part.receiver or part.phone or ((part.house or part.swap or part.added) and base)):
        return await _ask_new(turn, part, ordering, suggestions)
    return None


# An address named, none said (新地址, 别的地址): it saved 新 as the house of the old one (…佛冈县新).
_NO_PLACE = re.compile(r"(?:新|别的|另外的?|另一个|其他|其它)的?(?:收货)?地址")


def _swappable(wrong: str, base: Address | None) -> bool:
    return base is not None and wrong in f"{base.province}{base.city}{base.county}{base.detail}"


def _problem(parsed: ParsedAddress) -> str:
    """What the line lacks: the phone, the county of a province or city said (广州市天河路100号), or any place."""
    if not parsed.phone:
        return "缺少手机号"
    above = _above(parsed)
    return f"缺少区县：是{above}的哪个区或县？" if above else "没找到省市县"


def _above(parsed: ParsedAddress) -> str:
    """The city (or the province) said when its county is not (广州市天河路100号: 广州市); "" when none is."""
    return parsed.city or parsed.province or ""


def _says_place(part: AddressPart) -> bool:
    return bool(part.line) and not _NO_PLACE.fullmatch(part.line or "")


async def _ask_new(turn: Turn, part: AddressPart, ordering: Draft | None, suggestions: list[str]) -> Reply:
    """换个收货地址: the whole new address asked for; 收件人改一下 / 电话换一个: only that part, the summary waiting as
    it was (the verb is never taken for the new receiver). The part asked is remembered: 王芳 alone answers it.
    订单2026… 改寄到新地址 with no draft: that placed order goes to the saved address (bot/turns/reship.py)."""
    said_order = None if ordering else await reship.reship_said_order(turn)
    if said_order is not None:
        return said_order
    paid = shop_workings.asked(turn.u.text) == "address_paid"  # 能改地址吗 已经付款了: yes, before it ships
    turn.state.asked_part = "placed" if paid else part.asked or "address"  # "placed": the next address reships
    if part.asked is not None:
        ask = part_changes.ASK_RECEIVER if part.asked == "receiver" else part_changes.ASK_PHONE
        ask = part_changes.ask_phone_again(part.wrong_phone) if part.wrong_phone else ask
        return turn.say(ask + turn.pending_question(), "change_address", suggestions=suggestions)
    if ordering is not None:
        ordering.awaiting = "address"
    return turn.say(shop_workings.ADDRESS_PAID if paid else replies.ASK_NEW_ADDRESS, "change_address",
                    suggestions=suggestions)


def pieced_line(kept: str, part: AddressPart) -> str:
    """The pieces kept so far with this message's piece: the place first, then the receiver and the phone. A
    receiver said now takes the place of the one kept (收件人：李桂兰, then …三组 李国强: 李国强)."""
    if part.receiver or (part.line and has_receiver(part.line)):
        kept = " ".join(c for c in kept.split() if not has_receiver(c))
    if part.line and _REGION.search(part.line):  # a new place takes the place of the one kept
        kept = " ".join(c for c in kept.split() if not _PLACE.search(c))
    if part.line:
        return f"{part.line} {kept}"
    return f"{kept} {part.receiver or ''} {part.phone or ''}".strip()


async def full_line(turn: Turn, part: AddressPart, base: Address | None) -> str:
    """The address line to save: what was said, completed from the current address (its receiver and phone
    for a new place; its place for a new receiver or phone; its county for a street alone)."""
    if base is None:  # 电话改成… with no address yet: the phone is kept with the line, the place is then asked for
        return part.line or f"{part.receiver or ''} {part.phone or ''}".strip()
    place = f"{base.province}{base.city}{base.county}{base.detail}"
    region = place[:len(place) - len(base.detail)] if base.detail else place
    if part.swap:  # 是汤塘镇 不是石角镇: that word of the place put right, the rest kept
        return f"{place.replace(*part.swap, 1)} {base.name} {base.phone}"
    if part.added:  # 门牌号加上8栋302: the part put in, the rest kept
        return f"{region}{address_added.added_to(base.detail, part.added)} {base.name} {base.phone}"
    if part.house:  # 门牌号改一下 是3栋1单元502: only the building, unit and room change
        return f"{region}{rehoused(base.detail, part.house)} {base.name} {base.phone}"
    if not part.line:
        return f"{place} {part.receiver or base.name} {part.phone or base.phone}"
    parsed = await addresses.parse_address_line(part.line, turn.ctx.regions)
    if parsed.county is None and (parsed.province or parsed.city):  # 广州市天河路 (no district): never under the
        return f"{part.line} {part.receiver or base.name} {part.phone or base.phone}"  # current county; it is asked
    if parsed.county is None:  # 地址改成XX路8号: a street in the same county
        candidate = f"{region}{part.line}"
        if (await addresses.parse_address_line(candidate, turn.ctx.regions)).county:
            return candidate if parsed.phone else f"{candidate} {part.receiver or base.name} {part.phone or base.phone}"
        return part.line
    if parsed.phone:
        return part.line
    return f"{part.line} {part.receiver or ('' if parsed.name else base.name)} {part.phone or base.phone}"


async def save_address(turn: Turn) -> Reply | None:
    """An address sent with no order under way (a user setting it up first) becomes the default address."""
    so_far = turn.state.address_line  # 李国强 and his place said before: 13700001234 completes them
    said = f"{so_far} {turn.u.raw}" if so_far else turn.u.raw
    parsed = await addresses.parse_address_line(said, turn.ctx.regions)
    if not (parsed.county and parsed.phone) or (so_far and not (parsed.name or has_receiver(said))):
        if len(PHONE.sub("", turn.u.raw).strip()) > 4:
            return None
        turn.state.address_line = said  # a phone alone (or 孙丽 139…): kept until the place comes
        return turn.say(await pieces.missing(turn, said), "change_address", suggestions=replies.START_SUGGESTIONS)
    try:
        address = await addresses.create_from_line(turn.ctx.user, turn.ctx.regions, parsed)
    except DomainError as exc:
        return turn.say(replies.bad_address(exc.message), "change_address", suggestions=replies.START_SUGGESTIONS)
    turn.state.address_line = None
    return turn.say(replies.address_saved(common.address_text(address)), "change_address",  # an address alone
                    suggestions=replies.START_SUGGESTIONS)


async def take_address(turn: Turn, d: Draft) -> Reply | None:
    if turn.state.region and re.search(r"[区县市旗镇乡村路街号]", turn.u.raw):  # 寄到北京, then 朝阳区: under 北京市,
        placed = await address_turn(turn, AddressPart(turn.u.raw.strip(), change=False))  # the contact on file
        if placed is None:
            placed = await quantity.advance(turn, d)
            placed.intent = "change_address"
        return placed
    so_far = pieces.kept(turn, d)
    said = f"{so_far} {turn.u.raw}" if so_far and PHONE.search(turn.u.raw) else turn.u.raw
    parsed = await addresses.parse_address_line(said, turn.ctx.regions)  # 李四 139… after the place said before
    if so_far and parsed.county and parsed.phone and not (parsed.name or has_receiver(said)):
        pieces.keep(turn, d, said)  # the place, then the phone: the receiver's name is still asked
        return turn.say(await pieces.missing(turn, said), "change_address", suggestions=["取消"])
    if not (parsed.county and parsed.phone):
        u = turn.u
        if not PHONE.search(u.raw) and (u.about_products or u.intent not in ("fallback", "search")
                                         or u.quantity or u.number or u.pick or u.specs or "correct" in u.cues):
            return None  # 改成三罐 while the address is awaited: a change, not a bad address
        if PHONE.search(u.raw) and not parsed.county and len(PHONE.sub("", u.raw).strip()) <= 4:
            pieces.keep(turn, d, said)  # 13800001111 (or 孙丽 139…) after other pieces: kept until the place comes
            return turn.say(replies.address_missing(False, bool(parsed.name or has_receiver(said)), True),
                            "change_address", suggestions=["取消"])
        problem = _problem(parsed)
        return turn.say(replies.bad_address(problem), "order", suggestions=["取消"])
    try:
        address = await addresses.create_from_line(turn.ctx.user, turn.ctx.regions, parsed)
    except DomainError as exc:
        return turn.say(replies.bad_address(exc.message), "order", suggestions=["取消"])
    d.address_id, d.address_line, turn.state.address_line = address.id, None, None
    reply = await quantity.advance(turn, d)
    reply.intent = "change_address"  # an address alone, whatever the step
    return reply
