"""Twenty-second round: products, sizes and lines said loosely.

1. A pack size glued to a particle (3双装嘞, 10双装哦, 3双装的哈) is the size: 装嘞 was looked up (没有找到「装嘞」),
   and a size counted in pairs or sets (3双装, 2套装) was no size at all.
2. ×N / xN / *N after a product named with its size (绣花鞋垫3双装的 ×3) is a count of that pack: the size's number
   was read as a model number (没有找到「绣花鞋垫3」).
3. A place or a why before an order (后厨备货, 饭店后厨, 给店里, 店里进货) is whom the goods are for, not goods:
   后厨备货糟辣椒 was looked up.
4. A reason after a removal (松茸不要了 太贵, 木耳去掉吧 买多了, 不划算 松茸不要了) is no search: the line went, then
   没有找到「太贵」 was said.
5. Advice asked with whom it is for (饭店后厨 有啥辣椒推荐, 餐馆进货 有什么辣椒推荐) is a recommendation of the goods
   named (the business was looked up with them).
6. An amount that is exactly one pack, priced (5斤糯米蕉多钱), is one pack with its total (the count was dropped).
7. An illness with what medicine to take (我头疼 该吃啥药, 感冒了吃什么药好) and money asked as a loan (借我两千块
   下个月还, 能借点钱吗) are answered short and honestly: nothing offered, nothing looked up.

Catalogue: tests/data/chat_round22_lines_catalog.csv (鞋垫 of 3 and 10 pairs, 糯米蕉 5斤, 辣椒 and 花椒, 松茸, 木耳).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round22_lines_catalog.csv"


async def test_a_size_said_loosely_picks_the_pack(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round22-sizes")
        body = await chat.say(message)
        assert "没有找到" not in body["reply"]
        assert summary_lines(body).startswith(line)

    await each_case(check, [
        ("给我整两盒苗绣鞋垫 3双装嘞", "苗家绣花鞋垫 3双装 ×2盒"),
        ("来两盒绣花鞋垫 10双装哦", "苗家绣花鞋垫 10双装 ×2盒"),
        ("鞋垫 3双装的哈 要两盒", "苗家绣花鞋垫 3双装 ×2盒"),
        ("苗绣鞋垫3双装的 ×3", "苗家绣花鞋垫 3双装 ×3盒"),
        ("绣花鞋垫10双装 x2", "苗家绣花鞋垫 10双装 ×2盒"),
    ], spread=True)


async def test_a_sichuan_order_is_placed(client):
    chat = await open_shop(client, CATALOG, "round22-sichuan")
    await chat.say("给我整两盒苗绣鞋垫 3双装嘞")
    body = await chat.say("要得 下单")
    assert body["order"] is not None
    assert body["order"]["items"] == [{"sku": "LN-0082", "qty": 2}]


async def test_whom_an_order_is_for_is_no_goods(client):
    async def check(message, line):
        chat = await open_shop(client, CATALOG, "round22-kitchen")
        body = await chat.say(message)
        assert summary_lines(body).startswith(line)

    await each_case(check, [
        ("后厨备货 糟辣椒来二十瓶", "织金糟辣椒 500g ×20瓶"),
        ("给店里 干辣椒要十袋", "大方皱椒 干辣椒 500g ×10袋"),
        ("饭馆后厨 花椒来五袋", "鲁甸花椒 150g ×5袋"),
    ], spread=True)


async def test_a_reason_after_a_removal_is_no_search(client):
    async def check(reason):
        chat = await open_shop(client, CATALOG, "round22-reason")
        await chat.say("来一罐松茸冻干")
        await chat.say("再加两袋桦南木耳")
        body = await chat.say(reason)
        assert "没有找到" not in body["reply"]
        assert summary_lines(body) == "桦南黑木耳 250g ×2袋（共500g），90元"
        placed = await chat.say("确认")
        assert placed["order"]["items"] == [{"sku": "LN-0073", "qty": 2}]

    await each_case(check, [
        "松茸不要了 太贵",
        "松茸去掉吧，买多了",
        "不划算 松茸不要了",
    ])


async def test_advice_for_a_kitchen_lists_what_it_names(client):
    async def check(message):
        chat = await open_shop(client, CATALOG, "round22-advice")
        body = await chat.say(message)
        assert body["intent"] == "recommend"
        assert "没有找到" not in body["reply"]
        assert {p["sku"] for p in body["products"]} <= {"LN-0059", "LN-0060"}
        assert body["products"]

    await each_case(check, [
        "饭店后厨 有啥辣椒推荐",
        "餐馆进货 有什么辣椒推荐",
    ])


async def test_one_pack_of_the_amount_is_priced(client):
    chat = await open_shop(client, CATALOG, "round22-price")
    body = await chat.say("5斤糯米蕉多钱")
    assert body["intent"] == "ask_price"
    assert body["slots"]["qty"] == 1
    assert "39元" in body["reply"]


async def test_medicine_and_loans_are_not_given(client):
    async def check(message, said):
        chat = await open_shop(client, CATALOG, "round22-not-given")
        body = await chat.say(message)
        assert body["intent"] == "fallback"
        assert said in body["reply"]
        assert body["products"] == []
        assert body["slots"]["sku"] is None
        assert "没有找到" not in body["reply"]

    await each_case(check, [
        ("我头疼 该吃啥药", "医生"), ("感冒了吃什么药好", "医生"), ("咳嗽怎么治", "医生"),
        ("借我两千块 下个月还", "借钱"), ("能借点钱吗", "借钱"),
    ], spread=True)
