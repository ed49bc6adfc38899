"""Eighteenth round (lead, second part): kinds read from pair 18 at the end of the session, each fixed by its rule.

1. A joining word inside a name (和田骏枣, 和平区) is no place to cut a message of several items: 买1kg和田骏枣，再来
   两袋叶城纸皮核桃 is two lines (the jujubes' line was lost: money).
2. X换成Y at the summary, X naming one line and Y other goods (鸭子换成武定壮鸡 整只的): Y takes X's place, never beside
   it (money: the duck stayed and the chicken was added).
3. A count for a line named by a short word (米改成30袋 with 江永香米 and 菜籽油): the line whose name holds it, though
   米 alone finds other rices first (money: a 30-bag line of another rice was added).
4. Half a dozen after a weight-sized pack (2公斤装的 要半打) is six bags; a card for each person, the people counted
   (一人一张500的 一共12个人), is twelve cards.
5. What the assistant is for and how buying works, said every way (你这个是干嘛用的, 下单流程是什么样的,
   你都会些啥, 我不会打字 说话能不能买东西): help; 查一下物留 (a typo), where is my parcel, 定单记录在哪看:
   order_status.

Over tests/data/chat_round18_lead_2_catalog.csv.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import my_orders, open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round18_lead_2_catalog.csv"


async def test_a_name_beginning_with_和_is_not_cut_in_two(client):
    chat = await open_shop(client, CATALOG, "round18b")
    lines = summary_lines(await chat.say("买1kg和田骏枣，再来两袋叶城纸皮核桃1kg的"))
    assert lines == "和田骏枣 1kg ×1袋（共1kg），55元\n叶城纸皮核桃 1kg ×2袋（共2kg），78元"


async def test_one_product_swapped_for_another_takes_its_place(client):
    chat = await open_shop(client, CATALOG, "round18b")
    await chat.say("给我妈买只三穗鸭")
    await chat.say("再加一袋江永香米")
    lines = summary_lines(await chat.say("鸭子换成武定壮鸡 整只的"))
    assert lines == "江永香米 10kg ×1袋（共10kg），128元\n武定壮鸡 整只约2kg ×1只，138元"
    assert (await chat.say("对 确认"))["reply"].startswith("下单成功")
    assert (await my_orders(chat))[0]["total_fen"] == 26600


async def test_a_line_named_by_a_short_word_takes_the_count(client):
    chat = await open_shop(client, CATALOG, "round18b")
    await chat.say("食堂采购，江永香米10kg的要20袋")
    await chat.say("宁强菜籽油5L来10桶")
    lines = summary_lines(await chat.say("米改成30袋"))
    assert lines == "江永香米 10kg ×30袋（共300kg），3840元\n宁强菜籽油 5L ×10桶（共50L），1080元"


async def test_half_a_dozen_of_a_weight_sized_pack_is_six(client):
    chat = await open_shop(client, CATALOG, "round18b")
    lines = summary_lines(await chat.say("叶城纸皮核桃 2公斤装的 要半打"))
    assert lines == "叶城纸皮核桃 2kg ×6袋（共12kg），450元"


async def test_a_card_for_each_person_counted_after_is_that_many_cards(client):
    chat = await open_shop(client, CATALOG, "round18b")
    body = await chat.say("给同事买爱心卡 一人一张500的 一共12个人")
    assert body["slots"]["qty"] == 12
    assert body["slots"]["amount_fen"] == 50000


async def test_how_it_works_and_where_my_parcel_is_said_every_way(client):
    chat = await open_shop(client, CATALOG, "round18b")
    said = {}
    for message in ("你这个是干嘛用的", "怎么在这上面买东西啊", "下单流程是什么样的", "你都会些啥",
                    "我年纪大了不会打字 说话能不能买东西", "查一下物留", "where is my parcel", "定单记录在哪看"):
        said[message] = (await chat.say(message))["intent"]
    assert said == {"你这个是干嘛用的": "help", "怎么在这上面买东西啊": "help", "下单流程是什么样的": "help",
                    "你都会些啥": "help", "我年纪大了不会打字 说话能不能买东西": "help", "查一下物留": "order_status",
                    "where is my parcel": "order_status", "定单记录在哪看": "order_status"}
