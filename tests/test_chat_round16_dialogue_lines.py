"""Sixteenth round (lead): what the order draft holds as the talk goes on, as the shopper sees it.

1. removing one line of several (腊肉那个删了, 蜂蜜不要了) removes that line only, also while it is still being chosen
   or waits its turn, and the rest is asked about or summed up; never "已经取消，这一单不下了";
2. a yes with extra words (可以 确认, 行 就这样下单) while a line is open asks its question again; a product said with
   a joining word and no count of its own (米脂小米一袋 还有腊肉, 要米脂小米 秦岭土蜂蜜两瓶) is a line, never lost;
3. a festival word glued before the goods (中秋月饼, 春节礼盒) finds the goods;
4. 整个 / 搞 / 弄 before a count or a size is a buying word (整个二十斤的), the size applying to the product talked of;
5. more of a line (再多要一瓶, 多来一袋) adds to that line, the one whose pack word was said; after a line that was not
   found (再来两袋粽子), 再加一个 asks what to add and leaves the draft as it was;
6. people said beside an amount without 每人 (蜂蜜来两斤 老两口喝, 大米来十斤 三口之家) eat it, they count no packs;
   每人一袋 × 家里四口人 still counts four bags;
7. 半打 / 一打 said with a gift box or pack word (猕猴桃礼盒来半打, 鸡蛋要一打盒装的): 6 / 12 packs;
8. a food emoji glued after the goods word (有没有核桃🥜) decorates it: the walnuts are found.

Over tests/data/chat_round16_dialogue_lines_catalog.csv (大米 5kg/10kg, 蜂蜜 500g/1kg, 腊肉 two makers, 猕猴桃 礼盒
and 5斤, 土鸡蛋 盒装, 月饼, 核桃, 苹果 10斤/20斤).
"""
from __future__ import annotations

from pathlib import Path

from tests.support.chat import my_orders, open_shop, summary_lines

CATALOG = Path(__file__).parent / "data" / "chat_round16_dialogue_lines_catalog.csv"
CANCELLED = "已经取消"


async def test_removing_a_queued_line_keeps_the_others(client):
    chat = await open_shop(client, CATALOG, "r16lines1")
    await chat.say("要一袋米脂小米 两瓶蜂蜜 一袋腊肉")
    body = await chat.say("腊肉那个删了")
    assert CANCELLED not in body["reply"]
    assert body["reply"].startswith("好的，已去掉。")
    body = await chat.say("500g的")
    assert summary_lines(body) == "米脂小米 2.5kg ×1袋（共2.5kg），42元\n秦岭土蜂蜜 500g ×2瓶（共1kg），116元"


async def test_removing_the_line_being_chosen_asks_the_next(client):
    chat = await open_shop(client, CATALOG, "r16lines2")
    await chat.say("要两瓶蜂蜜 一袋腊肉")
    body = await chat.say("蜂蜜不要了")
    assert CANCELLED not in body["reply"]
    assert "镇巴腊肉 1kg" in body["reply"]
    body = await chat.say("镇巴的")
    assert summary_lines(body) == "镇巴腊肉 1kg ×1袋（共1kg），108元"


async def test_removing_the_last_line_still_cancels(client):
    chat = await open_shop(client, CATALOG, "r16lines3")
    await chat.say("要两瓶蜂蜜")
    body = await chat.say("蜂蜜不要了")
    assert CANCELLED in body["reply"]


async def test_a_yes_while_a_line_is_open_asks_again_and_loses_nothing(client):
    chat = await open_shop(client, CATALOG, "r16lines4")
    await chat.say("米脂小米一袋 还有腊肉")
    body = await chat.say("可以 确认")
    assert "您要哪一款" in body["reply"]
    assert await my_orders(chat) == []
    await chat.say("镇巴的")
    body = await chat.say("嗯 对 一袋")
    assert summary_lines(body) == "米脂小米 2.5kg ×1袋（共2.5kg），42元\n镇巴腊肉 1kg ×1袋（共1kg），108元"
    await chat.say("行 就这样下单")
    assert [o["total_fen"] for o in await my_orders(chat)] == [15000]


async def test_two_products_one_count_are_two_lines(client):
    chat = await open_shop(client, CATALOG, "r16lines5")
    body = await chat.say("要米脂小米 秦岭土蜂蜜 500g两瓶")
    assert "米脂小米 2.5kg" in body["reply"]
    body = await chat.say("一袋")
    assert summary_lines(body) == "秦岭土蜂蜜 500g ×2瓶（共1kg），116元\n米脂小米 2.5kg ×1袋（共2.5kg），42元"


async def test_a_brand_then_its_goods_stay_one_line(client):
    chat = await open_shop(client, CATALOG, "r16lines6")
    body = await chat.say("镇巴腊肉 腊肉来一袋")
    assert summary_lines(body) == "镇巴腊肉 1kg ×1袋（共1kg），108元"


async def test_a_festival_word_before_the_goods_finds_them(client):
    chat = await open_shop(client, CATALOG, "r16lines7")
    body = await chat.say("中秋月饼有吗")
    assert "神池月饼 2kg" in body["reply"]
    assert "没有找到" not in body["reply"]
    body = await chat.say("春节礼盒有哪些")
    assert "修文猕猴桃 礼盒" in body["reply"]


async def test_dialect_buying_words_carry_the_size(client):
    chat = await open_shop(client, CATALOG, "r16lines8")
    await chat.say("昭通苹果有哪些")
    body = await chat.say("整个二十斤的")
    assert summary_lines(body) == "昭通苹果 20斤 ×1箱（共20斤），109元"
    await chat.say("取消")
    await chat.say("大米有哪些")
    body = await chat.say("搞两袋十公斤的")
    assert summary_lines(body) == "五常大米 10kg ×2袋（共20kg），220元"


async def test_more_adds_to_the_line_whose_pack_is_said(client):
    chat = await open_shop(client, CATALOG, "r16lines9")
    await chat.say("要一袋米脂小米 两瓶秦岭土蜂蜜 500g")
    body = await chat.say("多来一袋")
    assert summary_lines(body) == "米脂小米 2.5kg ×2袋（共5kg），84元\n秦岭土蜂蜜 500g ×2瓶（共1kg），116元"
    body = await chat.say("再多要一瓶")
    assert summary_lines(body) == "米脂小米 2.5kg ×2袋（共5kg），84元\n秦岭土蜂蜜 500g ×3瓶（共1.5kg），174元"


async def test_more_after_a_line_not_found_asks_what(client):
    chat = await open_shop(client, CATALOG, "r16lines10")
    await chat.say("要两瓶秦岭土蜂蜜 500g")
    body = await chat.say("再来一瓶茅台")
    assert "没有找到「茅台」" in body["reply"]
    body = await chat.say("再加一个")
    assert "想买点什么" in body["reply"]
    body = await chat.say("米脂小米")
    assert summary_lines(body) == "秦岭土蜂蜜 500g ×2瓶（共1kg），116元\n米脂小米 2.5kg ×1袋（共2.5kg），42元"


async def test_people_beside_an_amount_count_no_packs(client):
    chat = await open_shop(client, CATALOG, "r16lines11")
    body = await chat.say("蜂蜜来两斤 老两口喝")
    assert summary_lines(body) == "秦岭土蜂蜜 1kg ×1瓶（共1kg），108元"
    await chat.say("取消")
    body = await chat.say("大米来二十斤 家里四口人")
    assert summary_lines(body) == "五常大米 10kg ×1袋（共10kg），110元"
    await chat.say("取消")
    body = await chat.say("大米来十斤 三口之家")
    assert summary_lines(body) == "五常大米 5kg ×1袋（共5kg），60元"


async def test_each_person_times_the_household_is_still_counted(client):
    chat = await open_shop(client, CATALOG, "r16lines12")
    await chat.say("家里四口人 每人一袋大米")
    body = await chat.say("5kg的")
    assert summary_lines(body) == "五常大米 5kg ×4袋（共20kg），240元"


async def test_a_dozen_with_a_pack_word_counts_packs(client):
    chat = await open_shop(client, CATALOG, "r16lines13")
    body = await chat.say("猕猴桃礼盒来半打")
    assert summary_lines(body) == "修文猕猴桃 礼盒 12个装 ×6盒（共72个），414元"
    await chat.say("取消")
    body = await chat.say("鸡蛋要一打盒装的")
    assert summary_lines(body) == "土鸡蛋 盒装 10枚 ×12盒（共120枚），238.80元"


async def test_an_emoji_after_the_goods_word_keeps_them(client):
    chat = await open_shop(client, CATALOG, "r16lines14")
    body = await chat.say("有没有核桃🥜")
    assert "赫章核桃 2斤" in body["reply"]
    assert "没有找到" not in body["reply"]
