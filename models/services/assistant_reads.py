"""What the chat assistant reads from the database, kept here so `bot/` holds no queries."""
from __future__ import annotations

from typing import Any, cast

from models.tables.catalog import Product
from models.tables.regions import Region, RegionLevel

VOCABULARY_FIELDS = (
    "sku", "name", "brand", "category", "unit", "aliases", "tags", "cert_status", "valid_until",
    "supplier__cert_status", "origin__name", "origin__level", "origin__parent__name", "origin__parent__level",
    "origin__parent__parent__name",
)


async def catalogue_words() -> tuple[list[dict[str, Any]], list[str]]:
    """Every product with what the assistant's vocabulary is built from (in any state: a revoked product is
    recognised to be refused by name), and the province names."""
    rows = await Product.all().values(*VOCABULARY_FIELDS)
    provinces = await Region.filter(level=RegionLevel.PROVINCE).values_list("name", flat=True)
    return rows, cast(list[str], provinces)


async def place_names() -> list[str]:
    """Every city and county of the country (the shop's goods come from a few: 烟台, 五常 said by a shopper are
    places all the same, whose goods the shop may not have)."""
    names = await Region.filter(level__in=(RegionLevel.CITY, RegionLevel.COUNTY)).values_list("name", flat=True)
    return cast(list[str], names)


async def stock_of(sku: str) -> int:
    """The product's stock now (0 for an unknown sku)."""
    stock = cast(list[int], await Product.filter(sku=sku).values_list("stock", flat=True))
    return int(stock[0]) if stock else 0


async def evaluation_user(name: str, address: dict[str, Any] | None, regions: Any) -> Any:
    """A consumer for scoring the assistant (`evaluate-bot`): no dialogue state, and the given default address
    or none."""
    from models.services import addresses
    from models.tables.addresses import Address
    from models.tables.chat import ChatSession
    from models.tables.users import User

    user, _ = await User.get_or_create(openid=f"eval:{name}", defaults={"nickname": name})
    await ChatSession.filter(user_id=user.id).delete()
    has = await Address.exists(user_id=user.id)
    if address is not None and not has:
        await addresses.create_address(user, regions, **address)
    if address is None and has:
        await Address.filter(user_id=user.id).delete()
    return user


async def forget_dialogue(user_id: int) -> None:
    from models.tables.chat import ChatSession

    await ChatSession.filter(user_id=user_id).delete()


async def recent_orders_with_items(user: Any, limit: int) -> list[tuple[Any, list[tuple[str, int, str]]]]:
    """The user's latest orders, each with its lines as (name, qty, unit): two queries for a status answer."""
    from models.tables.orders import Order, OrderLine

    found = await Order.filter(user_id=user.id).order_by("-created_at", "-id").limit(limit)
    items: dict[int, list[tuple[str, int, str]]] = {o.id: [] for o in found}
    if found:
        for line in await OrderLine.filter(order_id__in=list(items)).order_by("id").values(
                "order_id", "name", "qty", "unit"):
            items[line["order_id"]].append((line["name"], line["qty"], line["unit"]))
    return [(o, items[o.id]) for o in found]


async def parcels_of(order_ids: list[int]) -> dict[int, list[tuple[str, str, str | None, str | None]]]:
    """The parcels of a few orders (a status answer's), each as (supplier name as sold, state, carrier, tracking
    number), in supplier order: two queries."""
    from models.tables.orders import Fulfilment, OrderLine

    found: dict[int, list[tuple[str, str, str | None, str | None]]] = {i: [] for i in order_ids}
    if not order_ids:
        return found
    names = {(r["order_id"], r["supplier_id"]): r["supplier_name"] for r in await OrderLine.filter(
        order_id__in=order_ids).values("order_id", "supplier_id", "supplier_name")}
    for part in await Fulfilment.filter(order_id__in=order_ids).order_by("order_id", "id"):
        found[part.order_id].append((names.get((part.order_id, part.supplier_id), ""), part.state.value,
                                     part.carrier, part.tracking_no))
    return found


async def last_goods_lines(user: Any) -> list[tuple[str, int]]:
    """The lines (sku, packs) of the user's latest goods order, for 再来一单 / 和上次一样: empty when there is none."""
    from models.tables.orders import Order, OrderKind, OrderLine

    last = await Order.filter(user_id=user.id, kind=OrderKind.GOODS).order_by("-created_at", "-id").first()
    if last is None:
        return []
    return [(line["sku"], line["qty"]) for line in
            await OrderLine.filter(order_id=last.id).order_by("id").values("sku", "qty")]


async def order_skus(order_id: int) -> list[str]:
    """The skus of one order's lines, in order (the goods of an order just cancelled, named again by size alone)."""
    from models.tables.orders import OrderLine

    return [line["sku"] for line in await OrderLine.filter(order_id=order_id).order_by("id").values("sku")]


async def bought_skus(user: Any, limit: int = 20) -> list[str]:
    """The skus of the user's latest goods orders, latest first, each once: 上次买的苹果 再来两箱 is that apple."""
    from models.tables.orders import Order, OrderKind, OrderLine

    ids = await Order.filter(user_id=user.id, kind=OrderKind.GOODS).order_by("-created_at", "-id").limit(
        limit).values_list("id", flat=True)
    if not ids:
        return []
    rank = {order_id: i for i, order_id in enumerate(ids)}
    lines = await OrderLine.filter(order_id__in=list(ids)).values("order_id", "sku")
    return list(dict.fromkeys(line["sku"] for line in sorted(lines, key=lambda x: rank[x["order_id"]])))
