"""Twenty-sixth round (talk): greetings, yes and no, the card's balance, advice and orders undone, said in Minnan,
in pinyin, with emoji or passed on from someone else (blind pair 26).

1. Minnan (Hokkien) words are read as Mandarin: 汝好 (你好) greets, 毋免啊 (不用了) drops the draft, 阮的卡犹有偌济钱
   (我的卡还有多少钱) asks the card's balance, 偌济钱 asks a price, 我欲 (我要) + 一公升 (1L) orders, 按呢 / 安呢
   (这样) takes the summary, 有X无 asks whether X is sold. They were 没太明白 or 没有找到「欲一公升」.
2. Signs and pinyin: ❌❌ drops the draft, 📦？？ asks where the order is, bu yao le / buyaole is 不要了, tj一下 is
   推荐一下, 卡ye还剩多少 is the balance, a catalogue word typed in pinyin beside Chinese (fengmi有吗) is that word.
3. A self-introduction with a greeting (您好，我是区农业局党支部的，先打个招呼) greets back; it was 哈哈，谢谢夸奖.
4. Someone else's yes passed on (就按这个来，我奶奶说行) places the order; 我奶奶说 before a request is left out
   (我妈说想喝点好茶，你看买哪种 asks advice: it was an order of one tea); the choice left to the assistant
   (你看买哪种, 你说选哪个) is advice.
5. Put off (等下再说吧，这单先不下) drops the draft (it was 没有找到「等下再说、这单先不下」).
6. The cards' value together (那20张卡总共还剩多少额度) is the balance (it was a search).
7. 那单别要了，钱还没给 (an unpaid order referred to) cancels the order placed (it was 没太明白).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import Chat, open_shop, say_once, summary_lines

CHICKEN = "清远麻鸡来一只"  # 98 元


async def _drafted(client) -> Chat:
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round26-talk")
    body = await chat.say(CHICKEN)
    assert "清远麻鸡" in summary_lines(body)
    return chat


async def test_minnan_words_greet_ask_and_drop(client):
    async def check(said, intent):
        body = await say_once(client, said)
        assert body["intent"] == intent, (said, body["reply"])
        assert "没太明白" not in body["reply"]

    await each_case(check, [("汝好", "greet"), ("汝好啊老板", "greet"), ("阮的卡猶有偌濟錢", "card_balance"),
                            ("阮的卡犹剩偌济", "card_balance"), ("毋免啊", "cancel")], spread=True)


async def test_minnan_price_order_and_yes(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "round26-minnan")
    price = await chat.say("清远麻鸡偌济钱？")
    assert price["intent"] == "ask_price", price["reply"]
    assert "98" in price["reply"]
    drafted = await chat.say("我欲两只清远麻鸡")
    assert "×2" in summary_lines(drafted)
    placed = await chat.say("好，按呢下单")
    assert placed["order"] is not None, placed["reply"]


async def test_a_draft_is_dropped_by_signs_pinyin_minnan_and_putting_off(client):
    async def check(said):
        chat = await _drafted(client)
        body = await chat.say(said)
        assert body["intent"] == "cancel", (said, body["reply"])
        again = await chat.say("确认")
        assert again["order"] is None, again["reply"]

    await each_case(check, ["❌❌", "🙅", "bu yao le", "buyaole", "毋免啊", "等下再说吧，这单先不下",
                            "回头再说 先不买了"])


async def test_signs_and_pinyin_abbreviations(client):
    async def check(said, intent):
        body = await say_once(client, said)
        assert body["intent"] == intent, (said, body["reply"])

    await each_case(check, [("📦？？", "order_status"), ("我的📦呢", "order_status"), ("tj一下", "recommend"),
                            ("卡ye还剩多少", "card_balance"), ("✅", "confirm")], spread=True)


async def test_a_catalogue_word_in_pinyin_beside_chinese(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["products"], (said, body["reply"])
        assert "没有找到" not in body["reply"]

    await each_case(check, ["fengmi有吗", "有没有fengmi"])


async def test_a_self_introduction_is_greeted(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "greet", (said, body["reply"])
        assert "夸奖" not in body["reply"]

    await each_case(check, ["您好，我是区农业局党支部的，先打个招呼", "你好 我是村里的驻村书记",
                            "我们是镇政府的 来报个到"])


async def test_another_persons_yes_places_the_order(client):
    async def check(said):
        chat = await _drafted(client)
        body = await chat.say(said)
        assert body["order"] is not None, (said, body["reply"])

    await each_case(check, ["就按这个来，我奶奶说行", "好的，我老伴说可以", "行 领导同意了"])


async def test_the_choice_left_to_the_assistant_is_advice(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "recommend", (said, body["reply"])
        assert body["order"] is None

    await each_case(check, ["我奶奶说想喝点好茶，你看买哪种", "我妈说想吃点水果，你说选哪个",
                            "想送点茶叶 你帮我挑一款"])


async def test_the_cards_value_together_is_the_balance(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "card_balance", (said, body["reply"])

    await each_case(check, ["支部那20张卡总共还剩多少额度", "我们的卡总共还剩多少额度"])


async def test_an_unpaid_order_referred_to_is_cancelled(client):
    async def check(said):
        chat = await _drafted(client)
        placed = await chat.say("确认")
        assert placed["order"] is not None, placed["reply"]
        body = await chat.say(said)
        assert body["intent"] == "cancel_order", (said, body["reply"])
        assert "已取消" in body["reply"]

    await each_case(check, ["我奶奶说那单别要了，钱还没给", "那个订单别要了 还没给钱呢"])
