"""Twenty-ninth round: lists — pasted shopping lists, split orders, starting over (blind pair 29, shoppers29).

1. A shopping list pasted one item a line (帮我下这些：\\n百色芒果10斤 1箱\\n城口老腊肉1kg 2袋\\n…\\n腊肉 2斤)
   drafted ONE line, and the order placed next lost the others (160 yuan of 1,193.60): the reader drops line breaks,
   so the lines were read glued as one item. Each line naming goods is an item (bot/pasted_lines.py); the clear ones
   are drafted and noted (好的，已记下：…), an unclear one (腊肉 of several kinds, an amount no pack holds) is asked
   about after them, a thing not sold is said not found, and the summary shows every line.
2. A removal with what will be done instead (芒果先不要了，我等下单独下给我妈 / 回头再买 / 我自己去超市买) removed the
   line and then searched the rest (没有找到「等下单独下给我妈」): later, apart or elsewhere is a reason, never
   looked up.
3. 先把茶下单 at a summary holding one tea asked which tea (有几款都符合：凌云白毫茶…) and placed nothing: the kind of
   every line named is no change, so the draft is placed. With tea and mangoes in the draft, the tea is placed and
   the mangoes stay as a draft of their own (bot/turns/placed_first.py); 先把茶和芒果下单 places both.
4. Starting over with goods named (重新来，来两袋洋县黑米) was read as a cancel and the rice was lost: the draft is
   dropped and the goods named are the new draft (bot/starting_over.py); 重来 alone still cancels.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

LISTS = Path(__file__).parent / "data" / "chat_round29_lists_catalog.csv"  # mangoes, 腊肉 ×3 kinds, millet, teas

MANGO_10 = "百色芒果 桂七 10斤 ×1箱（共10斤），109元"
BACON_CK = "城口老腊肉 1kg ×2袋（共2kg），236元"
TEA = "英德红茶 英红九号 250g ×2罐（共500g），396元"


async def test_a_pasted_list_drafts_every_line_and_asks_the_unclear_one_after(client):
    async def check(pasted, answer, lines):
        chat = await open_shop(client, LISTS, "round29-list")
        body = await chat.say(pasted)
        assert body["intent"] == "order"
        assert f"已记下：{MANGO_10.split('（')[0]}" in body["reply"]
        assert "哪一款" in body["reply"]
        body = await chat.say(answer)
        assert summary_lines(body) == lines

    zhenba = "镇巴腊肉 1kg ×1袋（共1kg），108元"
    await each_case(check, [
        ("帮我下这些：\n百色芒果10斤 1箱\n城口老腊肉1kg 2袋\n腊肉 2斤", "镇巴的", f"{MANGO_10}\n{BACON_CK}\n{zhenba}"),
        ("1. 百色芒果10斤 1箱\n2. 城口老腊肉1kg 2袋\n3. 腊肉 2斤\n谢谢", "腊肉要镇巴的1公斤装，1袋",
         f"{MANGO_10}\n{BACON_CK}\n{zhenba}"),
        ("百色芒果10斤\n1箱\n腊肉 2斤\n武隆羊角豆干 5袋", "镇巴的",
         f"{MANGO_10}\n武隆羊角豆干 500g ×5袋（共2.5kg），130元\n{zhenba}"),
    ], spread=True)


async def test_a_pasted_list_is_placed_whole(client):
    chat = await open_shop(client, LISTS, "round29-list-placed")
    await chat.say("帮我下这些：\n百色芒果10斤 1箱\n城口老腊肉1kg 2袋\n康县黑木耳 3袋\n腊肉 2斤")
    await chat.say("腊肉要镇巴的1公斤装，1袋")
    body = await chat.say("就这些，确认")
    assert body["order"]["total_fen"] == 10900 + 23600 + 13800 + 10800
    assert len(body["order"]["items"]) == 4


async def test_a_pasted_line_no_pack_holds_is_asked_and_one_not_sold_is_said(client):
    async def check(pasted, asked):
        chat = await open_shop(client, LISTS, "round29-list-unclear")
        body = await chat.say(pasted)
        assert f"已记下：{MANGO_10.split('（')[0]}" in body["reply"]
        assert asked in body["reply"]

    await each_case(check, [
        ("百色芒果10斤 1箱\n米脂小米 3斤", "“3斤”凑不成整袋"),
        ("百色芒果10斤 1箱\n茅台 2瓶\n米脂小米 3斤", "没有找到「茅台」"),
    ], spread=True)


async def test_a_removal_with_what_will_be_done_instead_searches_nothing(client):
    async def check(said):
        chat = await open_shop(client, LISTS, "round29-later")
        await chat.say("英红九号250g来2罐")
        await chat.say("再加一箱芒果10斤")
        body = await chat.say(said)
        assert "没有找到" not in body["reply"]
        assert summary_lines(body) == TEA

    await each_case(check, ["芒果先不要了，我等下单独下给我妈", "芒果不要了 回头再买", "芒果去掉吧，我自己去超市买"])


async def test_placing_the_kind_of_every_line_places_the_draft(client):
    async def check(said):
        chat = await open_shop(client, LISTS, "round29-place-kind")
        await chat.say("英红九号250g来2罐")
        body = await chat.say(said)
        assert body["intent"] == "confirm"
        assert body["order"]["total_fen"] == 39600

    await each_case(check, ["先把茶下单", "茶先下单吧"])


async def test_part_of_the_draft_placed_first_keeps_the_rest(client):
    async def check(said, placed, kept):
        chat = await open_shop(client, LISTS, "round29-place-first")
        await chat.say("英红九号250g来2罐")
        await chat.say("再加一箱芒果10斤")
        body = await chat.say(said)
        assert body["order"]["total_fen"] == placed
        assert summary_lines(body) == kept
        body = await chat.say("确认")
        assert body["order"]["items"] == [{"sku": "R29L-02" if kept == MANGO_10 else "R29L-20",
                                           "qty": 1 if kept == MANGO_10 else 2}]

    await each_case(check, [("先把茶下单", 39600, MANGO_10), ("芒果先下单", 10900, TEA)], spread=True)


async def test_placing_every_line_named_places_them_all(client):
    chat = await open_shop(client, LISTS, "round29-place-all")
    await chat.say("英红九号250g来2罐")
    await chat.say("再加一箱芒果10斤")
    body = await chat.say("先把茶和芒果下单")
    assert body["order"]["total_fen"] == 39600 + 10900


async def test_starting_over_with_goods_drafts_them_alone(client):
    async def check(before, said):
        chat = await open_shop(client, LISTS, "round29-afresh")
        for message in before:
            await chat.say(message)
        body = await chat.say(said)
        assert body["intent"] == "order"
        assert summary_lines(body) == "洋县黑米 2.5kg ×2袋（共5kg），104元"
        body = await chat.say("确认")
        assert body["order"]["total_fen"] == 10400

    await each_case(check, [
        (["英红九号250g来2罐"], "重新来，来两袋洋县黑米"),
        (["米脂小米来5斤", "算了，都不要了"], "重新来，来两袋洋县黑米"),
        (["英红九号250g来2罐", "再加一箱芒果10斤"], "重新下单，洋县黑米两袋"),
    ], spread=True)


async def test_starting_over_alone_still_cancels(client):
    chat = await open_shop(client, LISTS, "round29-afresh-alone")
    await chat.say("英红九号250g来2罐")
    body = await chat.say("重来")
    assert body["intent"] == "cancel"
    body = await chat.say("确认")
    assert body["order"] is None
