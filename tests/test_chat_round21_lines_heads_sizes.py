"""Twenty-first round: lines, heads and sizes (money first: the summary holds exactly what was asked).

1. Several sizes of one product, each with its count, in one message (昭通苹果 10斤的两箱 5斤的一箱,
   两箱10斤的 一箱5斤装的, 大的来一箱小的来两箱 after a list of its sizes, 给爸妈和姐姐各买一箱苹果，爸妈要10斤的，
   姐姐要5斤的): one line per size with its count (bot/sized_lines.py, bot/turns/sized_lines.py); it was one list,
   the sizes lost. Several products having every size (苹果 over 昭通 and 静宁 apples in 10斤 and 5斤): which one is
   asked, and the sizes and counts kept for when it is chosen. One size alone (昭通苹果10斤的两箱) is read as before.
2. What each person gets, with no count of people in the message (每人一袋大米加一桶花生油): goods, never 没有找到
   of the whole sentence; the count of people said before (给30个员工发福利) multiplies each line; none known, one
   each and the shopper told so, and a count of people said next (30个人) multiplies them (bot/heads.py,
   bot/turns/per_head.py). A thing not sold among them (花生油 in the demo catalogue) is said not found, the rice
   still drafted.
3. A question about sizes with whom it is for (我们是县医院食堂，大米有哪些规格 / 食堂用，菜籽油有什么规格) lists
   every size of the goods named, not only the one tagged 食堂 (bot/turns/sizes_asked.py).
4. 包 as a verb (包饺子, 包粽子, 包汤圆, 包个红包) is one pattern (bot/wrapping.py) read by the counts and the ×N:
   ×2 before 包粽子 is two, and a count glued before 包 is a pack (两包 stays two bags).

Over the demo catalogue and tests/data/chat_round21_lines_heads_sizes_catalog.csv (昭通 and 静宁 apples in 10斤 and
5斤; 鄱阳湖大米 5kg and 10kg, the 10kg tagged 食堂; 门源菜籽油 5L and 20L, the 20L tagged 食堂; 花生油; 蜂蜜).
"""
from __future__ import annotations

from pathlib import Path

from bot.turns.per_head import ONE_EACH
from models.paths import DEMO_CATALOG_CSV
from tests.support.chat import my_orders, open_shop, say_once, summary_lines

ROUND21 = Path(__file__).parent / "data" / "chat_round21_lines_heads_sizes_catalog.csv"

BOTH_SIZES = "昭通丑苹果 10斤 ×2箱（共20斤），119.80元\n昭通丑苹果 5斤装 ×1箱（共5斤），32.90元"


# --- 1. several sizes of one product ------------------------------------------------------------

async def test_two_sizes_with_their_counts_are_two_lines(client):
    body = await say_once(client, "昭通苹果 10斤的两箱 5斤的一箱")
    assert summary_lines(body) == BOTH_SIZES


async def test_counts_said_before_the_sizes(client):
    body = await say_once(client, "昭通苹果 两箱10斤的 一箱5斤装的")
    assert summary_lines(body) == BOTH_SIZES


async def test_each_person_a_size_with_the_count_each(client):
    body = await say_once(client, "给爸妈和姐姐各买一箱苹果，爸妈要10斤的，姐姐要5斤的")
    assert summary_lines(body) == "昭通丑苹果 10斤 ×1箱（共10斤），59.90元\n昭通丑苹果 5斤装 ×1箱（共5斤），32.90元"


async def test_sizes_described_after_a_list_of_them(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r21-described")
    await chat.say("昭通苹果有哪些规格")
    body = await chat.say("大的来一箱小的来两箱")
    assert summary_lines(body) == "昭通丑苹果 10斤 ×1箱（共10斤），59.90元\n昭通丑苹果 5斤装 ×2箱（共10斤），65.80元"


async def test_sizes_said_while_the_product_is_chosen(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r21-choosing")
    await chat.say("来点昭通苹果")
    body = await chat.say("10斤的两箱 5斤的一箱")
    assert summary_lines(body) == BOTH_SIZES


async def test_several_products_in_both_sizes_are_asked_about(client):
    chat = await open_shop(client, ROUND21, "r21-which")
    asked = await chat.say("苹果 10斤的两箱 5斤的一箱")
    assert "您要哪一款" in asked["reply"]


async def test_no_size_is_said_missing_while_asking_which(client):
    chat = await open_shop(client, ROUND21, "r21-which-2")
    asked = await chat.say("苹果 10斤的两箱 5斤的一箱")
    assert "没有" not in asked["reply"]


async def test_the_sizes_wait_for_the_product_chosen(client):
    chat = await open_shop(client, ROUND21, "r21-which-3")
    await chat.say("苹果 10斤的两箱 5斤的一箱")
    body = await chat.say("静宁的")
    assert summary_lines(body) == "静宁苹果 10斤 ×2箱（共20斤），116元\n静宁苹果 5斤装 ×1箱（共5斤），31元"


async def test_the_order_placed_holds_every_size(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r21-placed")
    for message in ("昭通苹果 10斤的两箱 5斤的一箱", "确认"):
        await chat.say(message)
    assert [o["total_fen"] for o in await my_orders(chat)] == [15270]


async def test_one_size_alone_is_one_line(client):
    body = await say_once(client, "昭通苹果10斤的两箱")
    assert summary_lines(body) == "昭通丑苹果 10斤 ×2箱（共20斤），119.80元"


async def test_sizes_of_honey_by_weight(client):
    body = await say_once(client, "蜂蜜500g的两瓶 1kg的一瓶", ROUND21)
    assert summary_lines(body) == "秦巴蜂蜜 500g ×2瓶（共1kg），116元\n秦巴蜂蜜 1kg ×1瓶（共1kg），108元"


# --- 2. what each person gets -------------------------------------------------------------------

async def test_each_person_with_no_count_is_one_each_and_said_so(client):
    body = await say_once(client, "每人一袋大米加一桶花生油", ROUND21)
    assert ONE_EACH in body["reply"]


async def test_each_person_with_no_count_drafts_both_lines(client):
    chat = await open_shop(client, ROUND21, "r21-each")
    await chat.say("每人一袋大米加一桶花生油")
    body = await chat.say("第二个")
    assert summary_lines(body) == "沂蒙花生油 5L ×1桶（共5L），128元\n鄱阳湖大米 5kg ×1袋（共5kg），45元"


async def test_a_count_of_people_said_next_multiplies_the_lines(client):
    chat = await open_shop(client, ROUND21, "r21-each-then")
    for message in ("每人一袋大米加一桶花生油", "第二个"):
        await chat.say(message)
    body = await chat.say("30个人")
    assert summary_lines(body) == "沂蒙花生油 5L ×30桶（共150L），3840元\n鄱阳湖大米 5kg ×30袋（共150kg），1350元"


async def test_the_people_said_before_count_for_each(client):
    chat = await open_shop(client, ROUND21, "r21-heads")
    for message in ("给30个员工发福利", "每人一袋大米加一桶花生油"):
        await chat.say(message)
    body = await chat.say("第二个")
    assert summary_lines(body) == "沂蒙花生油 5L ×30桶（共150L），3840元\n鄱阳湖大米 5kg ×30袋（共150kg），1350元"


async def test_each_person_over_the_demo_is_never_the_whole_sentence_not_found(client):
    body = await say_once(client, "每人一袋大米加一桶花生油")
    assert "每人一袋大米加一桶花生油」" not in body["reply"]


async def test_a_thing_not_sold_among_what_each_gets_is_said(client):
    body = await say_once(client, "每人一袋大米加一桶花生油")
    assert "没有找到「花生油」" in body["reply"]


async def test_the_rice_each_gets_is_still_offered(client):
    body = await say_once(client, "每人一袋大米加一桶花生油")
    assert "金线美大米 5kg" in body["reply"]


# --- 3. sizes asked for a canteen ---------------------------------------------------------------

async def test_a_canteen_asking_the_sizes_of_rice_sees_every_size(client):
    body = await say_once(client, "我们是县医院食堂，大米有哪些规格", ROUND21)
    assert {p["sku"] for p in body["products"]} == {"R21-DM-0001", "R21-DM-0002", "R21-DM-0003"}


async def test_a_canteen_asking_the_sizes_of_oil_sees_every_size(client):
    body = await say_once(client, "食堂用，菜籽油有什么规格", ROUND21)
    assert {p["sku"] for p in body["products"]} == {"R21-YY-0001", "R21-YY-0002"}


async def test_an_amount_for_a_canteen_is_still_read_against_every_pack(client):
    body = await say_once(client, "大米50斤 食堂用", ROUND21)
    assert summary_lines(body) == "鄱阳湖大米 5kg ×5袋（共25kg），225元"


# --- 4. 包 the verb -----------------------------------------------------------------------------

async def test_times_two_before_wrapping_zongzi_is_two(client):
    body = await say_once(client, "融水紫黑香糯×2 包粽子")
    assert summary_lines(body) == "融水紫黑香糯 2.5kg ×2袋（共5kg），104元"


async def test_a_count_of_bao_before_wrapping_is_packs(client):
    body = await say_once(client, "融水紫黑香糯两包 包粽子用")
    assert summary_lines(body) == "融水紫黑香糯 2.5kg ×2袋（共5kg），104元"


async def test_times_two_before_wrapping_a_red_envelope_is_two(client):
    body = await say_once(client, "同心圆枣x2 包个红包")
    assert summary_lines(body) == "同心圆枣 1kg ×2袋（共2kg），98元"
