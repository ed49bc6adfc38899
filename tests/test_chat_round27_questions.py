"""Twenty-seventh round: questions — stock asked of a named product, a part added to the address, 就这些 while a line is
still being chosen.

1. The stock of a named product asked in everyday words (松茸咋又断货了 什么时候能有, 唐卡还有几件,
   理塘牦牛肉干还剩几袋, 石榴什么时候到货, 这个还有几袋 after one was shown) is `ask_info` about that
   product, answered from its stock: how many are left, or sold out with no restock date known (never one made
   up). It was a search (没有找到「松茸咋没货」), the other-cards answer (唐卡: 卡 read as a card), or an
   order's status. 我买的石榴什么时候到货 stays the order's status, 我卡里还有多少钱 the balance.
2. A part added to the saved address (门牌号加上8栋302, 地址后面加个3单元, 补充一下门牌号 12-3,
   小区名字漏了 加上阳光花园) is `change_address`: the saved address keeps all it had and gets the part (a house
   number's dash kept: 12-3). It was a search (没有找到「门牌号加上8栋302」). 再加上两袋大米 is still an order.
3. 就这些 / 没了 / 就这样吧 / 别的不要了 while a line is still chosen among several (静宁苹果来一箱 → 猕猴桃来两箱)
   says that the kiwi is not chosen yet, so not in the order, and both ways on: pick one, or 猕猴桃不要了 and go on with
   the rest; it re-listed the kiwis with no word why. 第一个 or 猕猴桃不要了 then works as before.
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

QUESTIONS = Path(__file__).parent / "data" / "chat_round27_questions_catalog.csv"  # 松茸 sold out, 唐卡 7, 肉干 35


# --- 1. stock asked of a named product -----------------------------------------------------------------------------

async def test_a_sold_out_product_asked_when_it_comes_back_says_no_date_is_known(client):
    async def check(said):
        chat = await open_shop(client, QUESTIONS, "round27-out")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert body["slots"]["sku"] == "T27-ST-0001"
        assert "卖完" in body["reply"]
        assert "还没有给出日期" in body["reply"]

    await each_case(check, ["松茸咋又断货了 什么时候能有", "松茸怎么没货了，啥时候有", "干松茸什么时候补货",
                            "松茸卖完了吗"])


async def test_how_many_are_left_is_the_stock_of_the_product_named(client):
    async def check(said, sku, left):
        chat = await open_shop(client, QUESTIONS, "round27-left")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert body["slots"]["sku"] == sku
        assert left in body["reply"]

    await each_case(check, [("唐卡还有几件", "T27-TK-0001", "还有7件"),
                            ("热贡唐卡还剩多少幅", "T27-TK-0001", "还有7件"),
                            ("理塘牦牛肉干还剩几袋", "T27-NR-0001", "还有35袋"),
                            ("石榴什么时候到货", "T27-MG-0001", "还有80箱")], spread=True)


async def test_how_many_are_left_of_the_one_shown(client):
    chat = await open_shop(client, QUESTIONS, "round27-this")
    await chat.say("理塘牦牛肉干")
    body = await chat.say("这个还有几袋")
    assert body["intent"] == "ask_info"
    assert "还有35袋" in body["reply"]


async def test_an_order_arriving_and_a_balance_are_no_stock_questions(client):
    async def check(said, intent):
        chat = await open_shop(client, QUESTIONS, "round27-not-stock")
        body = await chat.say(said)
        assert body["intent"] == intent

    await each_case(check, [("我买的石榴什么时候到货", "order_status"), ("我卡里还有多少钱", "card_balance")],
                    spread=True)


# --- 2. a part added to the saved address --------------------------------------------------------------------------

async def test_a_part_added_to_the_address_keeps_the_rest(client):
    async def check(said, detail):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-added")
        body = await chat.say(said)
        assert body["intent"] == "change_address"
        assert f"广东省清远市佛冈县{detail}" in body["reply"]

    await each_case(check, [("门牌号加上8栋302", "石角镇XX路8号8栋302"),
                            ("地址后面加个3单元", "石角镇XX路8号3单元"),
                            ("补充一下门牌号 12-3", "石角镇XX路8号12-3"),
                            ("小区名字漏了 加上阳光花园", "石角镇XX路8号阳光花园"),
                            ("门牌号码忘写了，补上5栋1单元601", "石角镇XX路8号5栋1单元601")], spread=True)


async def test_a_part_added_during_an_order_is_the_order_s_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-added-order")
    await chat.say("静宁苹果来一箱")
    body = await chat.say("门牌号加上8栋302")
    assert body["intent"] == "change_address"
    assert "寄到：张三 138****8000 广东省清远市佛冈县石角镇XX路8号8栋302" in body["reply"]
    assert "静宁苹果" in summary_lines(body)


async def test_more_goods_added_are_no_address(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-more-goods")
    body = await chat.say("再加上两袋大米")
    assert body["intent"] == "order"


# --- 3. 就这些 while a line is still being chosen -------------------------------------------------------------------

async def test_that_s_all_while_choosing_says_the_line_is_not_chosen(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-all")
        await chat.say("静宁苹果来一箱")
        await chat.say("猕猴桃来两箱")
        body = await chat.say(said)
        assert "猕猴桃还没选是哪一款" in body["reply"]
        assert "“猕猴桃不要了”" in body["reply"]
        assert body["order"] is None

    await each_case(check, ["就这些", "没了", "就这样吧", "别的不要了", "好了 就这些"])


async def test_after_that_s_all_the_kiwi_dropped_leaves_the_apples(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-all-drop")
    await chat.say("静宁苹果来一箱")
    await chat.say("猕猴桃来两箱")
    await chat.say("就这些")
    body = await chat.say("猕猴桃不要了")
    assert summary_lines(body) == "静宁苹果 红富士 10斤 ×1箱（共10斤），58元"


async def test_after_that_s_all_a_pick_takes_the_kiwi(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-all-pick")
    await chat.say("猕猴桃来两箱")
    await chat.say("没了")
    body = await chat.say("第二个")
    assert "修文猕猴桃 贵长 5斤 ×2箱" in summary_lines(body)
