"""Thirty-first round: lines — group-buy lines per neighbour, one line removed, sizes described (blind pair 31,
shoppers31).

1. 3号楼王姐两袋房县黑木耳250g，5号楼李哥一箱吉县苹果10斤 was SAVED AS THE ADDRESS (收货地址已保存：…3号楼王姐…): a
   building number and a person's title before a count of goods say whom the line is for (bot/neighbour_lines.py);
   both lines are drafted. Who each line is for is remembered (DialogueState.owners), so 王姐说她那个改成三袋 /
   刘叔的不要了 change or drop that person's line, and 张阿姨的猕猴桃换成10斤的，还是两箱 (a line other than the last)
   swaps that line's size with the count said, instead of adding a second kiwi line.
2. 刘叔的姜糖不要了 and 2斤的不要了 CANCELLED THE WHOLE DRAFT: the person's goods drop their line; a size said alone
   before 不要了 drops the line whose pack holds it (bot/turns/dropped_lines.py). 不要了 alone still cancels.
3. 算了，一张就够了，他们俩用一张 at a card summary cancelled it: who shares the one said after a new count is talk, the
   message is the count (bot/count_changes.py).
4. 要20斤一箱的那种 after 100斤马铃薯 (drafted 20斤 ×5箱) made it one box; 要5斤一箱的 after 30斤板栗 the same: a weight
   then 一箱的 is the size each pack holds (20斤装), the amount kept (bot/count_changes.py, bot/turns/goods.py); a size
   said while the address is awaited is no bad address.
5. 就要一公斤那个吧，来一袋，一袋就行了啊 searched 「就行了」: a count then 就行了啊 / 就可以了 is talk.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

LINES = Path(__file__).parent / "data" / "chat_round31_lines_catalog.csv"  # 木耳, apples, kiwis, walnuts, potatoes …

GROUP = "6号楼张阿姨要两箱十八洞猕猴桃5斤，8号楼刘叔一盒凤凰姜糖，我自己要一袋敖汉小米2.5kg"
KIWI_5 = "十八洞猕猴桃 5斤 ×2箱（共10斤），132元"
GINGER = "凤凰姜糖 250g ×1盒（共250g），19.90元"
MILLET = "敖汉小米 2.5kg ×1袋（共2.5kg），42元"


async def test_lines_each_for_a_neighbour_are_drafted_not_saved_as_the_address(client):
    chat = await open_shop(client, LINES, "round31-neighbours")
    body = await chat.say("3号楼王姐两袋房县黑木耳250g，5号楼李哥一箱吉县苹果10斤")
    assert "收货地址已保存" not in body["reply"]
    assert summary_lines(body) == "房县黑木耳 250g ×2袋（共500g），90元\n吉县苹果 10斤 ×1箱（共10斤），58元"
    body = await chat.say("王姐说她那个改成三袋")
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("R31L-0011", 3)
    body = await chat.say("好了，下单")
    assert body["order"]["total_fen"] == 19300


async def test_a_neighbours_line_is_dropped_by_their_name(client):
    async def check(said):
        chat = await open_shop(client, LINES, "round31-dropped")
        await chat.say(GROUP)
        body = await chat.say(said)
        assert summary_lines(body) == f"{KIWI_5}\n{MILLET}"
        assert (body["slots"]["sku"], body["slots"]["qty"]) == ("R31L-0029", 0)

    await each_case(check, ["刘叔的姜糖不要了", "刘叔的不要了", "刘叔那个不要了"])


async def test_a_neighbours_line_other_than_the_last_changes_size_with_its_count(client):
    async def check(said, lines):
        chat = await open_shop(client, LINES, "round31-resized")
        await chat.say(GROUP)
        body = await chat.say(said)
        assert sorted(summary_lines(body).split("\n")) == sorted(lines)

    await each_case(check, [
        ("张阿姨的猕猴桃换成10斤的，还是两箱", ["十八洞猕猴桃 10斤 ×2箱（共20斤），236元", GINGER, MILLET]),
        ("张阿姨那个改成一箱", ["十八洞猕猴桃 5斤 ×1箱（共5斤），66元", GINGER, MILLET]),
    ], spread=True)


async def test_a_size_said_before_a_removal_drops_that_line_only(client):
    chat = await open_shop(client, LINES, "round31-size-dropped")
    await chat.say("来两袋叶城纸皮核桃2斤")
    await chat.say("再要5斤装的一箱")
    body = await chat.say("2斤的不要了")
    assert summary_lines(body) == "叶城纸皮核桃 5斤 ×1箱（共5斤），99元"
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("R31L-0078", 0)
    body = await chat.say("确认")
    assert body["order"]["total_fen"] == 9900


async def test_never_mind_then_a_count_and_who_shares_it_changes_the_cards(client):
    async def check(said):
        chat = await open_shop(client, LINES, "round31-cards")
        await chat.say("买两张200的爱心卡")
        body = await chat.say(said)
        assert body["intent"] == "buy_card"
        assert body["slots"]["qty"] == 1
        body = await chat.say("好的下单")
        assert body["order"]["total_fen"] == 20000

    await each_case(check, ["算了，一张就够了，他们俩用一张", "算了，一张就够了", "算了 一张就行，我们俩用一张"])


async def test_a_weight_then_one_box_describes_the_pack_and_keeps_the_amount(client):
    async def check(first, said, line):
        chat = await open_shop(client, LINES, "round31-per-pack", address=False)
        await chat.say(first)
        body = await chat.say(said)
        assert f"已记下：{line}" in body["reply"]
        assert "没能识别" not in body["reply"]

    await each_case(check, [
        ("再来100斤西吉马铃薯", "要20斤一箱的那种", "西吉马铃薯 20斤 ×5箱"),
        ("厂里食堂要30斤罗田板栗", "要5斤一箱的", "罗田板栗 5斤 ×6箱"),
    ], spread=True)


async def test_enough_after_a_count_is_talk(client):
    async def check(said):
        chat = await open_shop(client, LINES, "round31-enough")
        await chat.say("和田骏枣有没有")
        body = await chat.say(said)
        assert summary_lines(body) == "和田骏枣 1kg ×1袋（共1kg），49元"

    await each_case(check, ["就要一公斤那个吧，来一袋，一袋就行了啊", "要一公斤的，一袋就可以了"])
