"""Kinds of message a fourth held-out set (kept outside the repository) still read wrong, each fixed as a rule and
tried here with sentences of our own, as the shopper sees them (reply, products, summary, draft, intent):

1. an origin or brand typed by voice with same-sounding characters before the product's word (叶成纸皮核桃 for
   叶城纸皮核桃, 往葵大米 for 望奎大米), and a pack word typed so (两代 for 两袋);
2. a size said in the name's own form (variants "X 5斤" / "X 10斤", sold by the 箱), Chinese numerals included;
3. a variant described, not named: 最大的那瓶, 便宜点的那个, 小瓶的来两瓶, 要15枚那种 来两盒;
4. an order with the recipient's address at the end of the same message;
5. an address in pieces (地址 + place, then receiver and phone), a house-number change (门牌号改一下 …);
6. a product named in a question is "this one" (slots.sku); shelf life, fresh or frozen, shipping are answered;
7. love cards in other wordings: love card 200 x 3, 爱心卡 一百的 俩.

Over the demo catalogue, the shoppers' catalogue (tests/data/bot_eval_shoppers/catalog.csv) and a small catalogue of
our own with pack variants named "X 5斤" / "X 10斤" (tests/data/chat_round4_catalog.csv).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

DATA = Path(__file__).parent / "data"
SHOPPERS = DATA / "bot_eval_shoppers" / "catalog.csv"
ROUND4 = DATA / "chat_round4_catalog.csv"


# --- 1. homophones in the origin, and in the pack word ------------------------------------------------------------

async def test_a_voice_typed_origin_before_the_product_word_is_that_product(client):
    async def check(message, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "voice")
        body = await chat.say(message)
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
    ("叶成纸皮核桃两斤", "叶城纸皮核桃 2斤 ×1袋"),  # 叶成 sounds as 叶城: not another brand of 纸皮核桃
    ("富穿脐橙一箱", "富川脐橙 10斤 ×1箱"),
    ("秦按蜜桃一箱", "秦安蜜桃 5斤 ×1箱"),
    ("延受大米 五公斤两袋", "延寿大米 5kg ×2袋"),
    ("言寿大米两代", "延寿大米 5kg ×2袋"),  # 两代: 两袋 typed by voice
], spread=True)


async def test_a_voice_typed_county_with_a_weight_and_a_pack_count(client):
    async def check(message, line):
        chat = await open_shop(client, ROUND4, "voice-county")
        body = await chat.say(message)
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
        ("往葵大米 五公斤两代", "望奎大米 5kg ×2袋"),
        ("洋鼻核桃 500克的 来三袋", "漾濞核桃 500g ×3袋"),
    ], spread=True)


async def test_generations_are_no_bags(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "generations")
    body = await chat.say("我家里两代人都吃大米")
    assert body["slots"]["qty"] is None, body["reply"]


async def test_another_brand_before_a_kind_is_still_not_found(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "brand")
    body = await chat.say("福临门大米来一袋")  # 福临门 sounds like no county of the catalogue
    assert "没有找到「福临门大米」" in body["reply"], body["reply"]
    assert body["slots"]["sku"] is None


# --- 2. a size in the name's own form -----------------------------------------------------------------------------

async def test_a_size_said_picks_the_variant_whose_name_says_it(client):
    async def check(first, then, line):
        chat = await open_shop(client, ROUND4, "named-size")
        await chat.say(first)
        body = await chat.say(then)
        assert summary_lines(body).startswith(line), body["reply"]
        assert "没有" not in body["reply"]

    await each_case(check, [
    ("富川脐橙 十斤一箱", "还是要五斤的 来一箱", "富川脐橙 5斤 ×1箱"),
    ("富川脐橙 五斤一箱", "还是十斤装的吧", "富川脐橙 10斤 ×1箱"),
    ("苍溪红心猕猴桃两箱", "十斤的", "苍溪红心猕猴桃 10斤 ×2箱"),
], spread=True)


async def test_a_size_in_chinese_numerals_with_a_count(client):
    chat = await open_shop(client, ROUND4, "named-size-cn")
    body = await chat.say("富川脐橙 十斤装一箱")
    assert summary_lines(body).startswith("富川脐橙 10斤 ×1箱"), body["reply"]


# --- 3. a variant described ---------------------------------------------------------------------------------------

async def test_a_variant_described_is_the_matching_one_of_those_shown(client):
    async def check(listing, described, line):
        chat = await open_shop(client, SHOPPERS, "described")
        await chat.say(listing)
        body = await chat.say(described)
        assert body["intent"] == "order", body["reply"]
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
    ("金寨土蜂蜜", "最大的那瓶", "金寨土蜂蜜 1kg ×1瓶"),
    ("金寨土蜂蜜", "最小那瓶", "金寨土蜂蜜 250g ×1瓶"),
    ("金寨土蜂蜜", "便宜点的那个", "金寨土蜂蜜 250g ×1瓶"),
    ("金寨土蜂蜜两瓶", "小瓶的来两瓶", "金寨土蜂蜜 250g ×2瓶"),
    ("泰来大米", "大袋的来一袋", "泰来大米 10kg ×1袋"),
    ("和田薄皮核桃", "贵的那个", "和田薄皮核桃 1kg ×1袋"),
    ("巴马火麻油", "大瓶的两瓶", "巴马火麻油 1L ×2瓶"),
], spread=True)


async def test_a_size_and_that_box_picks_it_with_the_count(client):
    async def check(said, line):
        chat = await open_shop(client, SHOPPERS, "that-box")
        await chat.say("威宁土鸡蛋")
        body = await chat.say(said)
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
    ("要15枚那种 来两盒", "威宁土鸡蛋 15枚装 ×2盒"),  # the size says which box, 两盒 how many
    ("那就要30个那盒吧", "威宁土鸡蛋 30枚装 ×1盒"),
    ("30个那盒来两盒", "威宁土鸡蛋 30枚装 ×2盒"),
], spread=True)


async def test_a_bargaining_question_picks_nothing(client):
    chat = await open_shop(client, SHOPPERS, "bargain")
    await chat.say("金寨土蜂蜜")
    body = await chat.say("能便宜点吗")
    assert "请确认订单" not in body["reply"], body["reply"]
    assert body["slots"]["sku"] is None


async def test_the_biggest_at_the_summary_changes_the_pack(client):
    chat = await open_shop(client, SHOPPERS, "described-summary")
    await chat.say("泰来大米 2.5kg 两袋")
    body = await chat.say("还是要最大的那袋")
    assert summary_lines(body).startswith("泰来大米 10kg"), body["reply"]


# --- 4. an order with the recipient's address ---------------------------------------------------------------------

async def test_an_order_for_someone_with_their_address_keeps_both(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "for-dad", address=False)
    body = await chat.say("帮我寄三袋镇赉大米给我爸，地址北京市朝阳区建国路88号，李建国，电话13900139000")
    assert body["intent"] == "order", body["reply"]
    assert summary_lines(body).startswith("镇赉大米 5kg ×3袋"), body["reply"]
    assert "李建国" in body["reply"]
    assert "北京市朝阳区建国路88号" in body["reply"]


# --- 5. an address in pieces; a house-number change -----------------------------------------------------------------

async def test_an_address_without_receiver_is_kept_and_the_contact_asked(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "pieces", address=False)
    await chat.say("镇赉大米两袋")
    place = await chat.say("地址 广东省清远市佛冈县石角镇民安路8号")
    assert place["intent"] == "change_address", place["reply"]
    assert "没有找到" not in place["reply"], place["reply"]
    assert "收件人" in place["reply"], place["reply"]
    body = await chat.say("李四 13912345678")
    assert summary_lines(body).startswith("镇赉大米 5kg ×2袋"), body["reply"]
    assert "李四" in body["reply"], body["reply"]
    assert "石角镇民安路8号" in body["reply"], body["reply"]


async def test_a_house_number_change_keeps_the_rest_of_the_address(client):
    async def check(message, house):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "house")
        await chat.say("镇赉大米两袋")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert summary_lines(body).startswith("镇赉大米 5kg ×2袋"), body["reply"]
        assert f"张三 138****8000 广东省清远市佛冈县石角镇XX路8号{house}" in body["reply"], body["reply"]

    await each_case(check, [
        ("门牌号改一下 是3栋1单元502", "3栋1单元502"),
        ("楼号写错了 应该是5栋2单元301", "5栋2单元301"),
    ], spread=True)


async def test_a_second_house_number_change_replaces_the_first(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "house-twice")
    await chat.say("镇赉大米两袋")
    await chat.say("门牌号改一下 是3栋1单元502")
    body = await chat.say("楼号写错了 应该是5栋2单元301")
    assert "石角镇XX路8号5栋2单元301" in body["reply"], body["reply"]


# --- 6. questions naming a product ----------------------------------------------------------------------------------

async def test_a_product_named_in_a_question_is_this_one(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "question")
    body = await chat.say("赫章核桃这个怎么样 有认证吗")
    assert body["intent"] == "ask_info", body["reply"]
    assert body["slots"]["sku"] == "GZ-HZ-0001"
    then = await chat.say("来两袋")
    assert summary_lines(then).startswith("赫章核桃 2斤 ×2袋"), then["reply"]


async def test_keeping_and_shipping_questions_are_answered_not_searched(client):
    async def check(message, said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "keeping")
        body = await chat.say(message)
        assert body["intent"] == "ask_info", body["reply"]
        assert said in body["reply"], body["reply"]
        assert "为您找到" not in body["reply"], body["reply"]
        assert body["slots"]["sku"] is not None

    await each_case(check, [
    ("赫章核桃保质期多久", "保质期"),
    ("清远麻鸡是活的还是冻的", "清远麻鸡"),
    ("清远麻鸡怎么发货", "发快递"),
], spread=True)


async def test_a_product_and_a_price_word_is_a_price_question(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "price-word")
        body = await chat.say(message)
        assert body["intent"] == "ask_price", body["reply"]
        assert body["slots"]["sku"] == "GZ-HZ-0001"
        assert "45元" in body["reply"]

    await each_case(check, [
        "赫章核桃价格",
        "赫章核桃啥价",
    ])


# --- 7. love cards in other wordings ------------------------------------------------------------------------------

async def test_love_cards_in_other_wordings(client):
    async def check(message, amount_fen, qty):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "cards")
        body = await chat.say(message)
        assert body["intent"] == "buy_card", body["reply"]
        assert (body["slots"]["amount_fen"], body["slots"]["qty"]) == (amount_fen, qty), body["reply"]

    await each_case(check, [
    ("love card 200 x 3", 20000, 3),  # not 2003 cards
    ("爱心卡 一百的 俩", 10000, 2),
    ("爱心卡 五百的 仨吧", 50000, 3),
], spread=True)


async def test_a_face_value_not_issued_says_which_there_are(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "cards-face")
    body = await chat.say("爱心卡 三百的 俩")
    assert "没有300元的面值" in body["reply"], body["reply"]
    assert "200元" in body["reply"], body["reply"]
