"""Every sentence the assistant says: short, natural Chinese, prices in yuan."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.packs import amount_text

START_SUGGESTIONS = ["有哪些扶贫产品", "买一张爱心卡", "我的订单", "爱心卡余额"]
CONFIRM_SUGGESTIONS = ["确认下单", "取消"]
AFTER_ORDER_SUGGESTIONS = ["我的订单", "继续逛逛"]

STATUS_NAMES = {
    "pending_payment": "待付款", "paid": "已付款，待发货", "shipped": "已发货", "completed": "已完成",
    "cancelled": "已取消", "refunding": "退款中", "refunded": "已退款",
}
CARD_STATUS_NAMES = {"inactive": "未激活", "active": "可用", "frozen": "已冻结", "expired": "已过期",
                     "closed": "已注销"}
ORDINALS = "一二三四五"


def yuan(fen: int) -> str:
    """12.80元 / 200元: two decimals only when there are cents."""
    return f"{fen // 100}元" if fen % 100 == 0 else f"{fen / 100:.2f}元"


def origin_of(card: dict[str, Any]) -> str:
    o = card.get("origin") or {}
    return "".join(part for part in (o.get("province", ""), o.get("city", ""), o.get("county", "")) if part)


def short_origin(card: dict[str, Any]) -> str:
    o = card.get("origin") or {}
    return o.get("county") or o.get("city") or o.get("province") or ""


def price_line(card: dict[str, Any]) -> str:
    sold_out = "，暂时卖完" if card.get("stock") == 0 else ""  # said in every list, not first at the confirm
    return f"{card['name']}，{yuan(card['price_fen'])}/{card['unit']}（{short_origin(card)}{sold_out}）"


def numbered(cards: Iterable[dict[str, Any]]) -> str:
    return "\n".join(f"{i}. {price_line(c)}" for i, c in enumerate(cards, start=1))


def pick_suggestions(count: int) -> list[str]:
    return [f"第{ORDINALS[i]}个" for i in range(min(count, len(ORDINALS)))]


# 再见 / 拜拜 / 先这样 / bye: a goodbye said (with thanks or not) is answered as one, not with 不客气.
BYE = re.compile(r"再见|拜拜|拜了|bye|先这样|下次(?:再)?(?:聊|见|买)|回头见", re.IGNORECASE)


def greet(thanks: bool, bye: bool = False) -> str:
    if bye:
        return "好的，再见！想买扶贫好物随时来找我。"
    if thanks:
        return "不客气！还需要什么随时跟我说。"
    return "您好，我是爱心助农小助手。想买哪里的扶贫好物，或者买一张消费扶贫爱心卡，直接告诉我就行。"


HELP = ("我可以帮您：\n1. 找认定扶贫产品，比如“有没有贵州的茶叶”\n2. 问价格，比如“蜂蜜多少钱”\n"
        "3. 下单，比如“来两箱苹果”\n4. 买爱心卡，比如“买一张200元的爱心卡”\n5. 查订单和爱心卡余额")
FALLBACK = "抱歉，我没太明白。您可以说“来两箱苹果”“有哪些扶贫产品”或“买一张200元的爱心卡”。"
EMPTY = "您好像什么都没说。想买点什么扶贫好物？"
NOTHING_TO_CANCEL = "好的。目前没有正在办理的订单；已经下好的订单可以在“我的订单”里取消。"
CANCELLED = "好的，已经取消，这一单不下了。还需要别的随时叫我。"
NOTHING_TO_CONFIRM = "目前没有需要确认的订单。想买点什么？"


def found(cards: list[dict[str, Any]], total: int, place: str = "") -> str:
    head = f"为您找到{total}款{place}认定扶贫产品" if total > len(cards) else f"为您找到{place}这些认定扶贫产品"
    return f"{head}：\n{numbered(cards)}\n想要哪个？说“第一个”或直接说名字和数量就行。"


def not_found(words: str, place: str = "") -> str:
    words = re.sub(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])", "", words)  # 黑狗 杞 → 黑狗杞: as it was said
    what = f"{place}的{words}" if place and words else (place or words)
    return f"抱歉，没有找到「{what}」相关的认定扶贫产品。"


def alternatives_of(text: str, kind: str, cards: list[dict[str, Any]]) -> str:
    """Products of the kind asked for, offered as what the shop has instead (not as the thing asked for)."""
    return f"{text}本店有这些{kind}，不是同一款，可以看看：\n{numbered(cards)}\n想要哪个？说“第一个”就行。"


def meant_word(text: str, word: str, cards: list[dict[str, Any]]) -> str:
    """A word that sounds like one the shop sells (沃干 → 沃柑): asked, its products listed to pick from."""
    return f"{text}您说的是不是「{word}」？本店有这些：\n{numbered(cards)}\n想要哪个？说“第一个”就行。"


def with_alternatives(text: str, cards: list[dict[str, Any]]) -> str:
    if not cards:
        return text + "您可以换个说法，或者看看其他品类。"
    return f"{text}可以看看这些认定产品：\n{numbered(cards)}"


def refused(name: str) -> str:
    return f"“{name}”目前不在扶贫产品认定有效期内，暂时不能购买。"


def prices(cards: list[dict[str, Any]]) -> str:
    if len(cards) == 1:
        c = cards[0]
        return f"{c['name']}，每{c['unit']}{yuan(c['price_fen'])}，产自{origin_of(c)}。要来几{c['unit']}吗？"
    return f"价格如下：\n{numbered(cards)}"


def choose(cards: list[dict[str, Any]], total: int) -> str:
    more = f"（共{total}款，先列出前{len(cards)}款）" if total > len(cards) else ""
    return f"有几款都符合{more}：\n{numbered(cards)}\n您要哪一款？"


def ask_qty(card: dict[str, Any]) -> str:
    return f"好的，{card['name']}，{yuan(card['price_fen'])}/{card['unit']}。要几{card['unit']}？"


def price_of(card: dict[str, Any]) -> str:
    return f"{card['name']}，每{card['unit']}{yuan(card['price_fen'])}，产自{origin_of(card)}。"


def ask_more(card: dict[str, Any], held: int) -> str:
    return f"好的，{card['name']}已有{held}{card['unit']}，再加几{card['unit']}？"


QTY_QUESTION = "要来几{unit}？"
WHICH_PRODUCT = "您问的是哪款商品？说商品名称或者产地都行，比如“静宁苹果多少钱”。"
ASK_PRODUCT = "好的，想买点什么？说商品名称或者产地都行，比如“静宁苹果”“贵州的茶叶”。"


def whole_units(card: dict[str, Any], low: int) -> str:
    unit = card["unit"]
    options = f"{low}{unit}还是{low + 1}{unit}" if low >= 1 else f"1{unit}"
    return f"{card['name']}只能按整{unit}买，要{options}？"


# A wholesale price asked (买50箱能给批发价吗): the certified price is the price, and what a buyer in bulk can do.
WHOLESALE = ("\n认定扶贫产品按认定的价格销售，量大也没有另外的批发价；单位采购可以直接下单，"
             "也可以以购代捐，买消费扶贫爱心卡发给职工。")


def price_total(card: dict[str, Any], qty: int, amount: str) -> str:
    extra = f"（{amount}）" if amount else ""
    return f"{qty}{card['unit']}{extra}共{yuan(card['price_fen'] * qty)}。要下单就说“来{qty}{card['unit']}”。"


def not_in_address(wrong: str, current: str | None) -> str:
    """是汤塘镇 不是石角镇 when the address has no 石角镇: nothing changed, the address said back."""
    if current is None:
        return "您还没有收货地址。请发完整地址：省市县、详细地址、收货人和手机号。"
    return f"您的收货地址里没有「{wrong}」：{current}。要改的话，请说完整的新地址。"


def amount_prices(amount: str, fits: list[tuple[dict[str, Any], int]]) -> str:
    """10斤大米多少钱 over several rices: what the amount said costs of each, in its packs."""
    lines = (f"{i}. {c['name']} ×{n}{c['unit']}，{yuan(c['price_fen'] * n)}（{short_origin(c)}）"
             for i, (c, n) in enumerate(fits, start=1))
    return f"{amount}的价格：\n" + "\n".join(lines)


MONEY_UNITS = frozenset({"块", "元", "块钱"})


def money_worth(card: dict[str, Any], money_yuan: Any) -> str:
    """买500块钱的大米: what the money buys of the product (whole packs, never over it), the count asked."""
    unit, price = card["unit"], card["price_fen"]
    count = int(money_yuan * 100 // price)
    if count < 1:
        return f"{card['name']}每{unit}{yuan(price)}，{money_yuan}元不够一{unit}。要几{unit}？"
    return (f"{money_yuan}元能买{count}{unit}{card['name']}（共{yuan(price * count)}）。"
            f"要{count}{unit}就说“来{count}{unit}”，或者说要几{unit}。")


def other_unit(card: dict[str, Any], pack: str, said: str) -> str:
    unit = card["unit"]
    return f"{card['name']}按{unit}卖（每{unit}{pack.removesuffix('装')}），没法按“{said}”算。要几{unit}？"


def which_pack(said: str, options: list[tuple[dict[str, Any], str]], one_product: bool) -> str:
    unit = options[0][0]["unit"] if options else "份"
    head = f"“{said}”凑不成整{unit}。" if said else ""
    if len(options) == 1:
        card = options[0][0]
        return f"{head}{card['name']}是{options[0][1]}，{yuan(card['price_fen'])}/{unit}，要几{unit}？"
    if one_product:
        listed = "和".join(pack for _, pack in options)
        return f"{head}有 {listed}，要哪种、几{unit}？\n{numbered([c for c, _ in options])}"
    return f"{head}这几款是：\n{numbered([c for c, _ in options])}\n要哪款、几{unit}？"


def _amounting(card: dict[str, Any], qty: int) -> str:
    text = amount_text(card, qty)
    return f"（{text}）" if text else ""


def too_many(card: dict[str, Any], limit: int) -> str:
    return f"{card['name']}一次最多能买{limit}{card['unit']}，要几{card['unit']}？"


ASK_ADDRESS = ("还没有您的收货地址。请用一句话告诉我收货地址、收件人和手机号，例如："
               "广东省清远市佛冈县石角镇XX路8号 张三 13800138000")


ADDRESS_NEEDS_CONTACT = "好的，地址记下了。还差收件人姓名和手机号，例如：张三 13800138000"
def address_missing(place: bool, name: bool, phone: bool, above: str = "") -> str:
    """A piece of the address kept: what is still wanted (the place only, or what the place still lacks; `above`:
    the city or province said without its county, 广州市天河路100号)."""
    if place and not name and not phone:
        return ADDRESS_NEEDS_CONTACT
    where = f"{above}的哪个区或县" if above else "省市县+详细地址"
    wanted = [w for w, have in ((where, place), ("收件人姓名", name), ("手机号", phone)) if not have]
    return f"好的，记下了。还差{'和'.join(wanted)}，收齐了就给您下单。"


ASK_NEW_ADDRESS = ("好的，请把新的收货地址、收件人和手机号用一句话发给我，例如："
                   "广东省清远市佛冈县石角镇XX路8号 张三 13800138000")


def address_saved(address: str) -> str:
    return f"收货地址已保存：{address}。以后下单默认寄到这里。想买点什么？"


def bad_address(problem: str) -> str:
    return f"这个地址我没能识别（{problem}）。请按“省市县+详细地址 姓名 手机号”再发一次。"


def noted(lines: list[tuple[dict[str, Any], int]]) -> str:
    """What the draft already holds, said before the next line of the same message is asked about (八角再要半斤 while
    the chillies' count is awaited: the 八角 is kept, and seen to be)."""
    if not lines:
        return "好的。"
    return "好的，已记下：" + "，".join(f"{c['name']} ×{qty}{c['unit']}" for c, qty in lines) + "。\n"


def summary(lines: list[tuple[dict[str, Any], int]], address: str) -> str:
    items = "\n".join(f"{c['name']} ×{qty}{c['unit']}{_amounting(c, qty)}，{yuan(c['price_fen'] * qty)}"
                      for c, qty in lines)
    total = sum(c["price_fen"] * qty for c, qty in lines)
    return f"请确认订单：\n{items}\n合计{yuan(total)}，寄到：{address}\n确认下单吗？" + _short(lines)


def _short(lines: list[tuple[dict[str, Any], int]]) -> str:
    """What the stock cannot give, said before the confirm refuses it (松茸 sold out: it was said only then)."""
    notes = [f"{c['name']}暂时卖完了" if not c.get("stock") else f"{c['name']}只剩{c['stock']}{c['unit']}"
             for c, qty in lines if c.get("stock") is not None and c["stock"] < qty]
    return f"\n（注意：{'；'.join(notes)}，这样下不了单，可以换一款或改数量。）" if notes else ""


def card_summary(amount_fen: int, qty: int, parts: list[int] | None = None) -> str:
    """`parts`: the cards of each order when one order cannot hold them all (300 → 100, 100, 100), said before the
    confirm so that what is confirmed is what is placed."""
    each = f"每单{parts[0]}张" if parts and len(set(parts)) == 1 else "、".join(f"{n}张" for n in parts or [])
    split = f"每单最多{parts[0]}张，分成{len(parts)}单下（{each}），每单分别付款。" if parts and len(parts) > 1 else ""
    return f"请确认：消费扶贫爱心卡，面值{yuan(amount_fen)} ×{qty}张，合计{yuan(amount_fen * qty)}。{split}确认购买吗？"


def too_many_cards(qty: int, per_order: int, most: int) -> str:
    return f"爱心卡每单最多{per_order}张，一次最多买{most}张（分单下），{qty}张超出了。要买多少张？"


def ask_amount(faces: tuple[int, ...]) -> str:
    return f"好的，买爱心卡。面值有{'、'.join(yuan(f) for f in faces)}，您要哪种？"


def bad_amount(faces: tuple[int, ...], said: str) -> str:
    return f"爱心卡没有{said}的面值，可选{'、'.join(yuan(f) for f in faces)}。"


def order_placed(order_no: str, total_fen: int, minutes: int) -> str:
    return f"下单成功！订单号{order_no}，共{yuan(total_fen)}。请在{minutes}分钟内完成支付，超时订单会自动取消。"


def cards_ordered(order_no: str, total_fen: int, minutes: int) -> str:
    return (f"爱心卡订单已生成，订单号{order_no}，共{yuan(total_fen)}。请在{minutes}分钟内完成支付，"
            "付款后卡片会自动放进“我的爱心卡”。")


def card_orders_placed(placed: list[tuple[str, int, int]], minutes: int) -> str:
    """Several card orders placed at once: each (order number, cards, total) and what they come to."""
    listed = "\n".join(f"{i}. 订单{no}：{n}张，{yuan(fen)}" for i, (no, n, fen) in enumerate(placed, 1))
    return (f"爱心卡订单已生成，共{len(placed)}单：\n{listed}\n合计{sum(n for _, n, _ in placed)}张，"
            f"{yuan(sum(fen for _, _, fen in placed))}。请在{minutes}分钟内逐单完成支付，"
            "付款后卡片会自动放进“我的爱心卡”。")


def out_of_stock(name: str, stock: int | None) -> str:
    if not stock:  # sold out: no count would do
        return f"抱歉，{name}暂时卖完了，这一款现在下不了单。换一款看看，或说“取消”。"
    return f"抱歉，{name}库存不够，只剩{stock}件了。要改个数量吗？"


def not_sellable(name: str) -> str:
    return f"抱歉，{name}刚刚下架或认定已失效，不能下单了。这一单已为您移除该商品。"


CARD_ORDER_STATUS = {"paid": "已付款，爱心卡已发放到“我的爱心卡”", "completed": "已完成，爱心卡已发放"}


def orders(rows: list[tuple[str, str, int, str, str, list[tuple[str, int, str]]]]) -> str:
    """Each order with what it holds (its first lines), its status in the words for its kind, total and parcel."""
    if not rows:
        return "您还没有订单。想买点什么？"
    lines = []
    for no, status, total, extra, kind, items in rows:
        words = CARD_ORDER_STATUS.get(status) if kind == "card" else None
        what = "、".join(f"{name} ×{qty}{unit}" for name, qty, unit in items[:2])
        what += f" 等{len(items)}种" if len(items) > 2 else ""
        what = what or ("消费扶贫爱心卡" if kind == "card" else "")
        lines.append(f"订单{no}：{what + '，' if what else ''}{words or STATUS_NAMES.get(status, status)}，"
                     f"{yuan(total)}{extra}")
    body = "\n".join(lines)
    return f"您最近的订单：\n{body}"


PARCEL_STATES = {"pending": "待发货", "shipped": "已发货", "refunded": "已退款"}


def parcels(rows: list[tuple[str, str, str | None, str | None]]) -> str:
    """An order shipped by several suppliers: each parcel on its own line, with its tracking number once shipped."""
    if len(rows) < 2:
        return ""
    shipped = sum(state == "shipped" for _, state, _, _ in rows)
    head = f"（{len(rows)}个包裹，已发{shipped}个）" if 0 < shipped < len(rows) else f"（{len(rows)}个包裹）"
    body = "".join(f"\n  · {supplier}：{PARCEL_STATES.get(state, state)}"
                   + (f"，{carrier or '快递'}单号{tracking}" if tracking else "")
                   for supplier, state, carrier, tracking in rows)
    return head + body


def order_unknown(order_no: str) -> str:
    return f"没有找到订单{order_no}，请核对订单号。"


def cards_unpaid(waiting: list[tuple[str, int]]) -> str:
    """No card yet, because the card orders (order no., total) are not paid: "" when none waits."""
    if not waiting:
        return ""
    listed = "、".join(f"订单{no}（{yuan(total)}）" for no, total in waiting)
    return (f"您还没有可用的爱心卡：爱心卡{listed}还没付款。在「我的订单」里用微信支付后，"
            "卡片会自动放进“我的爱心卡”。")


def cards(rows: list[tuple[str, int, str, str]]) -> str:
    if not rows:
        return "您还没有爱心卡。可以说“买一张200元的爱心卡”，或用卡密领取别人送的卡。"
    body = "\n".join(f"尾号{no[-4:]}：余额{yuan(balance)}，{CARD_STATUS_NAMES.get(status, status)}，有效期至{expires}"
                     for no, balance, status, expires in rows)
    total = sum(balance for _, balance, status, _ in rows if status == "active")
    return f"您的爱心卡：\n{body}\n可用余额合计{yuan(total)}。"


def reminder(question: str) -> str:
    return f"\n（刚才的订单还没完成：{question}）" if question else ""
