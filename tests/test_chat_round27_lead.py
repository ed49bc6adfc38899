"""Twenty-seventh round (lead): kinds found in the blind pair 27 and by trying their neighbours as a shopper would.

1. A product asked by its own name's words in another order (绿香妃葡萄干 for "疏附葡萄干 绿香妃", alias 香妃葡萄干;
   a pasted title 新疆疏附绿香妃葡萄干1kg) was 没有找到「绿香妃葡萄干」 with the very product offered as "not the
   same": the characters glued before a name word that make, with its start, a word of the same product's name are
   that product's (a brand glued before it, 三只松鼠红香妃葡萄干, is still another's).
2. A lone number closing the message after a size, set apart by a space (骏枣 泽普 一公斤 二, 若羌灰枣 2.5kg 两) is
   the count of that size's packs: it drafted ONE.
3. A province said inside the name of one of its own products (墨玉新疆果干礼盒, from 新疆) made 有新疆的东西吗 list
   that one product as all of 新疆's; the place inside a name is read as a kind of goods only when goods of other places
   carry it (勐海普洱熟茶).
4. One character left beside a place, a noun jieba knows (有新疆馕吗, 有没有吐鲁番的馕) is the thing asked, which the
   shop does not sell: the place's goods were listed as FOUND (为您找到新疆这些认定扶贫产品).
5. A hello glued to a form of address (你好朋友，巴旦木有大的吗 / 您好老板 巴旦木有没有) opens the message and names
   no product: it was read as 「好朋友 巴旦木有大的」 and answered with a greeting only.
6. A line removed by name (青稞面不要了) leaves the slots on that product with no packs (qty 0), as two independent
   sets label it; they showed the line that stayed.
7. A love card asked with nothing said of it (我想买爱心卡) has no count in the slots until one is said (买张爱心卡 says
   one); a count said with a face the shop does not issue (爱心卡有300的吗 买一张) is kept.
8. English numbers glued to Chinese (five hundred块的爱心卡 要three张) and compounds (two hundred, twenty-five) are
   figures: it drafted one card of no face.
9. A rare word of the language sounding like a catalogue word in another tone (蛏子 cheng1, 橙子 cheng2) is what was
   said: 蛏子有伐 listed the navel oranges as found.
10. A health question about a product (高血压能吃蜂蜜吗) answers from its page and starts no purchase (确认 after it
    asked how many); the same asked of a pet (猫能吃蓝莓吗) is answered with a vet's advice (it listed the blueberries
    as found and asked 要来几箱).
"""
from __future__ import annotations

from pathlib import Path

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop

LEAD = Path(__file__).parent / "data" / "chat_round27_lead_catalog.csv"  # Xinjiang raisins, dates, almonds; Tibet


def _skus(body: dict) -> list[str]:
    return [p["sku"] for p in body["products"]]


# --- 1. a name's own words in another order ------------------------------------------------------------------------

async def test_a_products_own_words_in_another_order_find_it(client):
    async def check(said, skus):
        chat = await open_shop(client, LEAD, "round27-reordered", address=False)
        body = await chat.say(said)
        assert "没有找到" not in body["reply"]
        assert _skus(body) == skus

    await each_case(check, [
        ("红香妃葡萄干多少钱一袋", ["R27-0001", "R27-0002"]),
        ("红香妃葡萄干有吗", ["R27-0001", "R27-0002"]),
    ], spread=True)


async def test_a_pasted_title_in_another_order_drafts_the_size_said(client):
    chat = await open_shop(client, LEAD, "round27-title", address=False)
    body = await chat.say("【新货】新疆鄯善红香妃葡萄干1kg 无籽 要两袋")
    assert "已记下：鄯善葡萄干 红香妃 1kg ×2袋" in body["reply"]


async def test_a_brand_glued_before_the_reordered_name_is_still_anothers(client):
    chat = await open_shop(client, LEAD, "round27-brand", address=False)
    body = await chat.say("三只松鼠红香妃葡萄干")
    assert "没有找到「三只松鼠红香妃葡萄干」" in body["reply"]


# --- 2. a lone number after a size ---------------------------------------------------------------------------------

async def test_a_lone_number_after_a_size_counts_its_packs(client):
    async def check(said, line):
        chat = await open_shop(client, LEAD, "round27-lone-count", address=False)
        body = await chat.say(said)
        assert f"已记下：{line}" in body["reply"]

    await each_case(check, [
        ("灰枣 若羌 一公斤 三", "若羌灰枣 1kg ×3袋"),
        ("若羌灰枣 2.5kg 两", "若羌灰枣 2.5kg ×2箱"),
        ("巴旦木 500g 4", "疏勒巴旦木 500g ×4袋"),
    ], spread=True)


# --- 3. a province inside its own product's name -------------------------------------------------------------------

async def test_a_province_inside_its_own_products_name_lists_all_its_goods(client):
    async def check(said):
        chat = await open_shop(client, LEAD, "round27-province")
        body = await chat.say(said)
        assert "为您找到7款新疆认定扶贫产品" in body["reply"]

    await each_case(check, ["有新疆的东西吗", "新疆的特产有哪些"])


# --- 4. one character beside a place -------------------------------------------------------------------------------

async def test_a_lone_thing_beside_a_place_is_not_found(client):
    async def check(said, thing):
        chat = await open_shop(client, LEAD, "round27-lone-thing")
        body = await chat.say(said)
        assert f"没有找到「{thing}」" in body["reply"]
        assert body["products"] == []

    await each_case(check, [("有新疆馕吗", "新疆馕"), ("有没有吐鲁番的馕", "吐鲁番的馕")], spread=True)


# --- 5. a hello with a form of address -----------------------------------------------------------------------------

async def test_a_hello_with_a_form_of_address_before_a_question_is_the_question(client):
    async def check(said):
        chat = await open_shop(client, LEAD, "round27-hello")
        body = await chat.say(said)
        assert _skus(body) == ["R27-0006", "R27-0007"]

    await each_case(check, ["你好朋友，巴旦木有大的吗", "您好老板 巴旦木有没有", "你好老乡，有巴旦木吗"])


async def test_the_size_said_after_the_list_is_ordered(client):
    chat = await open_shop(client, LEAD, "round27-hello-order", address=False)
    await chat.say("你好朋友，巴旦木有大的吗")
    body = await chat.say("一公斤的，要仨")
    assert "已记下：疏勒巴旦木 1kg ×3袋" in body["reply"]


# --- 6. a line removed by name -------------------------------------------------------------------------------------

async def test_a_line_removed_by_name_leaves_the_slots_on_it_with_no_packs(client):
    chat = await open_shop(client, LEAD, "round27-removed", address=False)
    await chat.say("青稞米来两袋")
    await chat.say("再来一袋青稞面")
    body = await chat.say("青稞面不要了")
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("R27-0009", 0)
    assert "拉孜青稞米 2.5kg ×2袋" in body["reply"]


# --- 7. a love card's count not said -------------------------------------------------------------------------------

async def test_a_love_card_with_nothing_said_has_no_count_until_one_is(client):
    async def check(said, qty):
        chat = await open_shop(client, LEAD, "round27-card-count")
        body = await chat.say(said)
        assert body["slots"]["qty"] == qty

    await each_case(check, [
        ("我想买爱心卡", None), ("给我妈买张爱心卡", 1), ("买两张爱心卡", 2), ("买爱心卡 200的", 1),
    ], spread=True)


async def test_a_count_said_with_a_face_not_issued_is_kept(client):
    chat = await open_shop(client, LEAD, "round27-card-face")
    await chat.say("爱心卡有300的吗 买两张")
    body = await chat.say("那就500的")
    assert "面值500元 ×2张" in body["reply"]


# --- 8. English numbers glued to Chinese ---------------------------------------------------------------------------

async def test_english_numbers_glued_to_chinese_are_figures(client):
    async def check(said, summary):
        chat = await open_shop(client, LEAD, "round27-english")
        body = await chat.say(said)
        assert summary in body["reply"]

    await each_case(check, [
        ("five hundred块的爱心卡 要three张", "面值500元 ×3张"),
        ("two hundred块的爱心卡 要four张", "面值200元 ×4张"),
        ("买five张one hundred的爱心卡", "面值100元 ×5张"),
    ], spread=True)


# --- 9. a rare word in another tone --------------------------------------------------------------------------------

async def test_a_rare_word_in_another_tone_is_what_was_said(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-tone")
        body = await chat.say(said)
        assert "没有找到「蛏子」" in body["reply"]

    await each_case(check, ["蛏子有伐", "有没有蛏子"])


# --- 10. health and pets -------------------------------------------------------------------------------------------

async def test_a_health_question_starts_no_purchase(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-health")
    asked = await chat.say("高血压能吃蜂蜜吗")
    assert asked["slots"]["sku"] is None
    body = await chat.say("确认")
    assert body["order"] is None
    assert "要几" not in body["reply"]


async def test_a_pets_food_question_is_answered_with_a_vets_advice(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "round27-pet")
        body = await chat.say(said)
        assert "请问宠物医生" in body["reply"]
        assert "要来几" not in body["reply"]

    await each_case(check, ["猫能吃蓝莓吗", "我家狗狗可以吃蓝莓吗"])
