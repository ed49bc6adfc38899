"""Twenty-eighth round: shop questions, thanks and a card's balance said loosely (blind pair 28).

1. When a sold-out product comes back (蓝莓鲜果啥时候有货, 安图蓝莓什么时候补货) is a stock question answered
   honestly (暂时卖完了, the restock date not known here): it listed the product as found and asked how many, or
   (蓝莓啥时候能有货) said 没有找到 of the blueberries.
2. Whether a product travels frozen or spoils on the way (羊排是冷冻发货吗 夏天会不会化): how it is shipped, answered
   for that product; it was an order question (您还没有订单), or (牛肉干夏天会坏吗) 没有找到.
3. Whether a product is genuine with a test report asked (蚕丝被是真蚕丝吗 有没有检测报告): what its page says and that
   it shows no test result (ask the seller for one); it was a search listing it.
4. Which of two goods for a purpose (给医生送礼 送茶叶还是送人参好): advice; it was an order asking which ginseng.
   低卡 (low in calories: 减肥吃啥好 低卡的有推荐没) is no card: it was answered that other cards are not sold.
5. Ours said dearer than another platform (羊肉卷比拼多多贵不少啊 拼多多一斤才三十多, 拼多多才五十几 你们咋贵这么多
   after a price): our price; it was 没有找到「这羊肉卷比拼多多贵不少」, or an order drafted.
6. Thanks with praise of something bought before (谢谢你哈，上回那个东西挺好的): a greeting; it listed all 96 products.
7. A card's balance said as 几个钱 (我绑的卡里还有几个钱): the balance; it explained how to claim a card.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop

SHOP = Path(__file__).parent / "data" / "chat_round28_addr_catalog.csv"  # pair 28's rows: blueberries sold out


# --- 1. when a sold-out product comes back ---------------------------------------------------------------------------

async def test_when_a_sold_out_product_comes_back_is_answered_honestly(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-restock")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert "暂时卖完了" in body["reply"]
        assert "要来几" not in body["reply"]

    await each_case(check, ["蓝莓鲜果啥时候有货", "安图蓝莓什么时候补货", "蓝莓啥时候能有货啊"])


# --- 2. frozen on the way ------------------------------------------------------------------------------------------

async def test_whether_goods_travel_frozen_is_how_they_are_shipped(client):
    async def check(said, name):
        chat = await open_shop(client, SHOP, "round28-frozen")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert name in body["reply"]
        assert "您还没有订单" not in body["reply"]

    await each_case(check, [
        ("羊排是冷冻发货吗 夏天会不会化", "太仆寺旗羊排"),
        ("羊肉卷500g的冷冻发吗", "太仆寺旗羊肉卷"),
        ("牛肉干夏天会坏吗", "科右前旗风干牛肉干"),
    ], spread=True)


# --- 3. genuine, with a test report -------------------------------------------------------------------------------

async def test_a_test_report_asked_says_the_page_shows_none(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-genuine")
        body = await chat.say(said)
        assert body["intent"] == "ask_info"
        assert "商品页没有写检测结果" in body["reply"]

    await each_case(check, ["蚕丝被是真蚕丝吗 有没有检测报告", "蜂蜜有质检报告吗"])


# --- 4. one of two for a purpose; 低卡 ----------------------------------------------------------------------------

async def test_which_of_two_for_a_purpose_is_advice(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-two")
        body = await chat.say(said)
        assert body["intent"] == "recommend"
        assert body["order"] is None

    await each_case(check, ["给医生送礼 送茶叶还是送人参好", "看望长辈 送蜂蜜还是送人参合适"])


async def test_low_calories_is_no_card(client):
    chat = await open_shop(client, SHOP, "round28-lowcal")
    body = await chat.say("减肥吃啥好 低卡的有推荐没")
    assert body["intent"] == "recommend"
    assert "爱心卡" not in body["reply"]


# --- 5. dearer than another platform ---------------------------------------------------------------------------

async def test_ours_said_dearer_than_elsewhere_gives_our_price(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-dearer")
        body = await chat.say(said)
        assert body["intent"] == "ask_price"
        assert "58元" in body["reply"]

    await each_case(check, ["你们这羊肉卷比拼多多贵不少啊 拼多多一斤才三十多", "京东上羊肉卷才35 你们这贵好多",
                            "羊肉卷比超市还贵"])


async def test_their_price_after_ours_drafts_nothing(client):
    chat = await open_shop(client, SHOP, "round28-dearer-after")
    await chat.say("沙棘汁12瓶的多少钱")
    body = await chat.say("拼多多才五十几 你们咋贵这么多")
    assert body["intent"] == "ask_price"
    assert "请确认订单" not in body["reply"]


# --- 6. thanks with praise; 7. 几个钱 -------------------------------------------------------------------------------

async def test_thanks_with_praise_of_a_past_purchase_is_a_greeting(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-thanks")
        body = await chat.say(said)
        assert body["intent"] == "greet"
        assert body["products"] == []

    await each_case(check, ["谢谢你哈，上回那个东西挺好的", "上次买的货很新鲜 谢谢老板"])


async def test_how_much_money_is_left_on_a_bound_card_is_the_balance(client):
    async def check(said):
        chat = await open_shop(client, SHOP, "round28-balance")
        body = await chat.say(said)
        assert body["intent"] == "card_balance"

    await each_case(check, ["我绑的卡里还有几个钱", "我绑好的那张卡还剩几块钱"])
