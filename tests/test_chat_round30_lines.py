"""Thirtieth round: lines — counts changed tersely, noted lines, amounts added (blind pair 30, shoppers30).

1. 辣椒改成两袋 while the 莜面 of the same message was being chosen (已记下：丘北干辣椒 250g ×3袋 + which 莜面?) listed
   both chilli sizes again as a new pick: a line already noted (or waiting its turn) named by its word takes the new
   count and the choice is asked again after what the draft holds (bot/turns/line_counts.py); only a word that
   names no line is a new pick. The 莜面 15斤 itself was asked although only its 2.5kg bag holds 15斤 in whole bags:
   a line of a message waiting its turn now has its pack picked by its amount as the first line's is (the fewest
   packs), so 丘北干辣椒1.5斤，康保莜面15斤 is drafted whole. A message naming several products reports no one line.
2. 改2 at a summary of one line was 没太明白: a bare number after 改 / 改个 / 换个 (改2, 改个5), as after 改成 / 换成,
   is the count of the line (bot/phone_talk.py).
3. 张北土豆两箱再加10斤 drafted 2 boxes (the 10斤 lost), and 再加10斤 at a summary of two boxes made it one box: an
   amount added to the same goods is converted to packs by the usual rule (of the product's sizes, the fewest whole
   packs that hold it) and summed: three boxes (bot/several_items.py, bot/turns/amounts_added.py; 少要10斤 takes
   away). When another size holds it in fewer packs (再加5kg to 2.5kg bags) it is a line of that size, as before;
   when none holds it (再加5斤 of 10斤 boxes) it is asked.
4. 来3香 (香 typed for 箱) after one product was shown was 没太明白, and the 👌 after it had nothing to confirm: 香 / 厢
   beside a number are 箱 (bot/pack_homophones.py), never inside a word (五香, 香菇), and a message that is only a
   count and such a slip (来3香, 来两带) is that pack of the goods shown.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import open_shop, summary_lines

LINES = Path(__file__).parent / "data" / "chat_round30_lines_catalog.csv"  # chillies, 莜面, potatoes, oranges, 香菇

CHILLI_2 = "丘北干辣椒 250g ×2袋（共500g），32元"
OATS_3 = "康保莜面 2.5kg ×3袋（共7.5kg），114元"


async def test_a_line_noted_takes_the_count_said_while_another_is_chosen(client):
    async def check(said):
        chat = await open_shop(client, LINES, "round30-noted")
        await chat.say("丘北干辣椒1.5斤，康保莜面两袋")
        body = await chat.say(said)
        assert "已记下：丘北干辣椒 250g ×2袋" in body["reply"]
        assert "丘北干辣椒 500g" not in body["reply"]
        assert "康保莜面 5kg" in body["reply"]
        body = await chat.say("第一个")
        assert summary_lines(body) == f"{CHILLI_2}\n康保莜面 2.5kg ×2袋（共5kg），76元"

    await each_case(check, ["辣椒改成两袋", "辣椒要两袋", "干辣椒改成2袋吧"])


async def test_an_amount_on_a_line_after_the_first_picks_its_pack(client):
    chat = await open_shop(client, LINES, "round30-queued-amount")
    body = await chat.say("丘北干辣椒1.5斤，康保莜面15斤")
    assert summary_lines(body) == f"丘北干辣椒 250g ×3袋（共750g），48元\n{OATS_3}"
    assert body["slots"]["sku"] is None
    body = await chat.say("辣椒改成两袋")
    assert summary_lines(body) == f"{CHILLI_2}\n{OATS_3}"
    assert (body["slots"]["sku"], body["slots"]["qty"]) == ("R30L-13", 2)
    body = await chat.say("行 确认")
    assert body["order"]["total_fen"] == 14600


async def test_a_bare_number_after_a_word_of_change_is_the_count(client):
    async def check(said, line):
        chat = await open_shop(client, LINES, "round30-bare-change")
        await chat.say("寻乌 10斤 1箱")
        body = await chat.say(said)
        assert body["intent"] == "order"
        assert summary_lines(body) == line

    two, three = "寻乌脐橙 10斤 ×2箱（共20斤），119.80元", "寻乌脐橙 10斤 ×3箱（共30斤），179.70元"
    await each_case(check, [("改2", two), ("改个3", three), ("换个2", two), ("改成3", three), ("改 2吧", two)],
                    spread=True)


async def test_an_amount_added_to_the_same_goods_is_summed(client):
    async def check(messages, line):
        chat = await open_shop(client, LINES, "round30-added")
        for message in messages:
            body = await chat.say(message)
        assert summary_lines(body) == line

    potatoes = "张北马铃薯 10斤 ×{n}箱（共{m}斤），{y}元"
    await each_case(check, [
        (["张北土豆两箱再加10斤"], potatoes.format(n=3, m=30, y=87)),
        (["张北土豆两箱，再来10斤"], potatoes.format(n=3, m=30, y=87)),
        (["张北土豆20斤再加一箱"], potatoes.format(n=3, m=30, y=87)),
        (["张北土豆两箱再加一箱"], potatoes.format(n=3, m=30, y=87)),
        (["张北土豆两箱", "再加10斤"], potatoes.format(n=3, m=30, y=87)),
        (["张北土豆两箱", "再来20斤"], potatoes.format(n=4, m=40, y=116)),
        (["张北土豆三箱", "少要10斤"], potatoes.format(n=2, m=20, y=58)),
        (["康保莜面2.5kg两袋", "再加5斤"], OATS_3),
    ], spread=True)


async def test_an_amount_added_that_another_size_holds_better_or_none_holds(client):
    async def check(messages, said):
        chat = await open_shop(client, LINES, "round30-added-other")
        for message in messages:
            body = await chat.say(message)
        assert said in body["reply"]

    await each_case(check, [
        (["康保莜面2.5kg两袋", "再加5kg"], "康保莜面 5kg ×1袋"),
        (["张北土豆两箱", "再加5斤"], "“5斤”凑不成整箱"),
        (["张北土豆两箱再加5斤"], "“5斤”凑不成整箱"),
        (["寻乌脐橙10斤两箱", "再来10斤镇雄的"], "寻乌脐橙 10斤 ×2箱（共20斤），119.80元\n镇雄洋芋 10斤 ×1箱"),
    ], spread=True)


async def test_a_pack_word_heard_wrong_after_a_count_is_that_pack(client):
    async def check(said):
        chat = await open_shop(client, LINES, "round30-slip")
        await chat.say("井冈蜜柚有吗")
        body = await chat.say(said)
        assert body["intent"] == "order"
        assert summary_lines(body) == "井冈蜜柚 2个装 ×3箱（共6个），87元"
        body = await chat.say("👌")
        assert body["order"]["total_fen"] == 8700

    await each_case(check, ["来3香", "来三厢", "要3相", "3香"])


async def test_words_that_hold_the_slip_stay_words(client):
    async def check(said, shown):
        chat = await open_shop(client, LINES, "round30-slip-words")
        body = await chat.say(said)
        assert shown in body["reply"]
        assert "箱" not in body["reply"]

    await each_case(check, [("来两香菇", "庆元香菇 250g"), ("五香瓜子来一袋", "通榆葵花籽 500g ×1袋")], spread=True)
