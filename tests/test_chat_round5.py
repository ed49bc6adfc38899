"""Kinds of message a held-out set (kept outside the repository) still read wrong after four rounds, each fixed as a
rule and tried here with sentences of our own, as the shopper sees them (reply, summary, draft, intent):

1. the answer to "which size?" (那就30枚的, 那就12个那盒吧) after a quantity that fits no pack picks that variant;
2. a size said after the draft was dropped (算了 还是要五斤的吧 一箱) picks that variant of the product discussed;
3. an order sent to someone whose name holds a catalogue character (给我闺蜜), with the address in the message;
4. a love card's code after 码是 / 卡密 whose groups look like numbers or multipliers (28KD, ZX9K) is a claim;
5. two everyday nouns ending in 包/带 (荷包, 钱包) are things, not the verb of buying: a search, never an order;
6. <product word>价格 where the word cutter glues 价 to the product (腊肉价格: 肉价) is that product's price.

Over the demo catalogue, the shoppers' catalogue (pack variants) and tests/data/chat_round4_catalog.csv ("X 5斤" /
"X 10斤" sold by the 箱).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

DATA = Path(__file__).parent / "data"
SHOPPERS = DATA / "bot_eval_shoppers" / "catalog.csv"
ROUND4 = DATA / "chat_round4_catalog.csv"


# --- 1. the answer to "which size?" -------------------------------------------------------------------------------

async def test_a_size_answering_which_size_picks_that_variant(client):
    async def check(first, answer, line):
        chat = await open_shop(client, SHOPPERS, "which-size")
        asked = await chat.say(first)
        assert "凑不成整盒" in asked["reply"], asked["reply"]
        body = await chat.say(answer)
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
    ("威宁土鸡蛋来20枚", "行 那就30枚的", "威宁土鸡蛋 30枚装 ×1盒"),
    ("花垣猕猴桃要20个", "那就12个那盒吧", "花垣猕猴桃 12枚装 ×1盒"),
    ("威宁土鸡蛋要20个", "那就15枚的 来三盒", "威宁土鸡蛋 15枚装 ×3盒"),
    ("花垣猕猴桃来30个", "24个的吧", "花垣猕猴桃 24枚装 ×1盒"),
], spread=True)


# --- 2. a size after the draft was dropped, or a change of mind ---------------------------------------------------

async def test_a_size_after_a_cancel_picks_that_variant_of_the_product(client):
    async def check(steps, line):
        chat = await open_shop(client, ROUND4, "mind-changed")
        for message in steps[:-1]:
            await chat.say(message)
        body = await chat.say(steps[-1])
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
    (["富川脐橙10斤来一箱", "不要了", "算了 还是要五斤的吧 一箱"], "富川脐橙 5斤 ×1箱"),
    (["苍溪红心猕猴桃10斤来一箱", "取消", "还是要5斤的 来两箱"], "苍溪红心猕猴桃 5斤 ×2箱"),
    (["富川脐橙来一箱", "2", "不要了", "算了 还是要五斤的吧 一箱"], "富川脐橙 5斤 ×1箱"),
    (["富川脐橙来一箱", "2", "还是要五斤的吧 一箱"], "富川脐橙 5斤 ×1箱"),
], spread=True)


async def test_a_plain_never_mind_still_drops_the_draft(client):
    async def check(message):
        chat = await open_shop(client, ROUND4, "never-mind")
        await chat.say("富川脐橙10斤来一箱")
        body = await chat.say(message)
        assert body["intent"] == "cancel", body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, ["算了", "算了不买了", "算了吧"])


# --- 3. an order for someone, a variant spec, the address: one message ---------------------------------------------

async def test_an_order_with_a_spec_for_someone_with_their_address(client):
    async def check(message, line):
        chat = await open_shop(client, SHOPPERS, "for-friend", address=False)
        body = await chat.say(message)
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]
        assert "王秀兰" in body["reply"]

    await each_case(check, [
    ("帮我寄两盒威宁土鸡蛋 15枚的给我闺蜜，地址贵州省贵阳市南明区花果园大街12号，王秀兰，电话13812345678",
     "威宁土鸡蛋 15枚装 ×2盒"),
    ("帮我寄两盒威宁土鸡蛋 15枚的给我姥姥，地址贵州省贵阳市南明区花果园大街12号，王秀兰，电话13812345678",
     "威宁土鸡蛋 15枚装 ×2盒"),
    ("寄一盒花垣猕猴桃 24枚的给我闺蜜吧，地址湖南省长沙市岳麓区麓山南路5号，王秀兰，电话13812345678",
     "花垣猕猴桃 24枚装 ×1盒"),
], spread=True)


async def test_honey_for_me_is_still_honey(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "honey-for-me")
    body = await chat.say("寄两瓶春中宝蜂蜜给我")
    assert summary_lines(body).startswith("春中宝蜂蜜 500g ×2瓶"), body["reply"]


# --- 4. a love card's code said after 码是 / 卡密 ------------------------------------------------------------------

async def test_a_card_code_with_number_like_groups_is_a_claim(client):
    async def check(message, code):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-code")
        body = await chat.say(message)
        assert body["intent"] == "claim_card", body["reply"]
        assert f"没认出卡码「{code}」" in body["reply"]

    await each_case(check, [
    ("我有张爱心卡 码是 QF7M-28KD-XP3N", "QF7M-28KD-XP3N"),
    ("我有张爱心卡，码是 HT4R-50PQ-7YWX 怎么用", "HT4R-50PQ-7YWX"),
    ("卡密 ZX9K-55RT-8MPL", "ZX9K-55RT-8MPL"),
    ("兑换码 HB7X9K2M 绑定一下", "HB7X9K2M"),
], spread=True)


async def test_a_phone_number_is_no_card_code(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "phone-code")
    body = await chat.say("我的手机号码是13812345678")
    assert body["intent"] != "claim_card", body["reply"]


# --- 5. two nouns with 包 / 带 at their end ---------------------------------------------------------------------------

async def test_a_noun_ending_in_bao_is_no_buying_word(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "two-nouns")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert body["slots"]["sku"] is None

    await each_case(check, ["花椒 荷包", "蜂蜜 书包", "木耳 钱包"])


async def test_a_thing_sold_beside_a_bao_noun_is_shown_not_ordered(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "sachet")
    body = await chat.say("香囊 荷包")  # the demo shop sells a 香囊: it is shown, nothing is put in an order
    assert body["intent"] == "search", body["reply"]


async def test_two_things_not_sold_are_not_found(client):
    async def check(message, echo):
        chat = await open_shop(client, ROUND4, "not-sold")
        body = await chat.say(message)
        assert body["intent"] == "search", body["reply"]
        assert f"没有找到「{echo}」" in body["reply"]

    await each_case(check, [
        ("手帕 荷包", "手帕荷包"),
        ("围巾 腰带", "围巾腰带"),
    ], spread=True)


async def test_taking_them_all_is_still_buying(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "take-all")
    body = await chat.say("春中宝蜂蜜 两瓶 我包了")
    assert summary_lines(body).startswith("春中宝蜂蜜 500g ×2瓶"), body["reply"]


# --- 6. <product word>价格 ------------------------------------------------------------------------------------------

async def test_a_product_word_glued_to_its_price_word_asks_its_price(client):
    async def check(message, names):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "price-glued")
        body = await chat.say(message)
        assert body["intent"] == "ask_price", body["reply"]
        for name in names:
            assert name in body["reply"]

    await each_case(check, [
    ("腊肉价格", ("镇巴腊肉", "城口老腊肉")),
    ("牛肉价格", ("玉树牦牛肉", "泾源黄牛肉")),
    ("大米价钱", ("镇赉大米",)),
], spread=True)


async def test_one_product_priced_sets_this_one(client):
    chat = await open_shop(client, SHOPPERS, "price-one")
    body = await chat.say("香包价格")
    assert body["intent"] == "ask_price", body["reply"]
    assert body["slots"]["sku"] == "SP-0085"
