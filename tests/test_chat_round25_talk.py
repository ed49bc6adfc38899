"""Twenty-fifth round (talk): kinds found in the blind pair 25, each tried with sentences of our own.

1. Politeness around a yes (核对无误，请您下单。辛苦了，祝您生活愉快！ / 确认无误 请帮我下单 祝您工作顺利): placing
   asked for wins over thanks and wishes, and the order is placed (it was answered 不客气, nothing placed).
2. Politeness alone (您好，冒昧打扰，祝您工作顺利 / 不好意思打扰了 祝你们生意兴隆) is a greeting (it was
   没有找到「冒昧打扰、祝您工作顺利」); with thanks in it, 不客气.
3. Dialect yes and no: north-western 咧 after a verb is 了 (算咧 不要咧, 不买咧 drop the draft: it was 没太明白),
   嫽咋咧 / 嫽得很 (great) beside a yes is a yes and 下 after one is 下单 (ok 下, 行 下 place the order); 恁这 / 恁家
   is 你这 / 你家 and 有几种 / 有几款 asks what there is (俺想买核桃 恁家有几款 lists, it was an order); 咥 is 吃
   (额想咥腊肉 从江的 来两袋: it was 没有找到「咥腊肉」).
4. Pack words heard wrong by voice: 分 → 份 and 今 → 斤 beside a number (晴隆羊腿来三分吧, 赫章核桃要四今的: two
   2斤 bags); a slip whose goods are sold by another pack is the goods' own pack (从江腊肉给我来两想: two bags, it
   was "没法按2箱算").
5. Card questions: the balance one can spend (爱心卡的可用余额) is asked, not a payment; 余额 typed as the syllable
   yue (yue duoshao, cha yue) is the balance; 能否 / 可否 ask (买爱心卡可否开具发票 is the invoice answer: it STARTED
   A CARD PURCHASE); a code said with 码是 and a dot said 点 (QS3点5K8J2H6G) is a claim, told honestly it is not one
   of ours; tuijian yixia is 推荐一下.
6. Whether the shop sends abroad, asked in English (can you ship to the UK?, do you deliver overseas? 我在澳洲): the
   goods cannot be sent beyond the mainland (it was 没有找到「在国外读书」).
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import my_orders, open_shop, summary_lines

PLACED = "下单成功"
CANCELLED = "已经取消"
MAINLAND_ONLY = "只能寄到内地（大陆）的地址"
INVOICE = "买爱心卡可以开发票"


async def test_placing_asked_politely_places_the_order(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "polite-yes")
        assert summary_lines(await chat.say("来两箱静宁苹果")).startswith("静宁苹果")
        body = await chat.say(said)
        assert body["intent"] == "confirm", body["reply"]
        assert PLACED in body["reply"], body["reply"]
        assert len(await my_orders(chat)) == 1

    await each_case(check, [
        ("核对无误，麻烦下单，辛苦啦",),
        ("确认无误 请帮我下单 祝您工作顺利",),
        ("信息都对 请您提交订单 谢谢",),
    ], spread=True)


async def test_placing_asked_politely_with_nothing_drafted_places_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "polite-yes-empty")
    body = await chat.say("核对无误，请您下单，谢谢！")
    assert body["intent"] == "confirm", body["reply"]
    assert body["order"] is None


async def test_politeness_alone_is_a_greeting(client):
    async def check(said, answer):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "polite-hello")
        body = await chat.say(said)
        assert body["intent"] == "greet", body["reply"]
        assert answer in body["reply"], body["reply"]
        assert not body["products"]

    await each_case(check, [
        ("您好，打扰一下，祝您生意兴隆", "您好"),
        ("不好意思打扰了 祝你们生意兴隆", "您好"),
        ("谢谢 祝您身体健康", "不客气"),
    ], spread=True)


async def test_a_dialect_yes_at_the_summary_places_the_order(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "dialect-yes")
        assert summary_lines(await chat.say("来两箱静宁苹果")).startswith("静宁苹果")
        body = await chat.say(said)
        assert PLACED in body["reply"], body["reply"]

    await each_case(check, [("嫽得很 确认",), ("行 下",), ("ok 下",)], spread=True)


async def test_a_dialect_no_drops_the_draft(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "dialect-no")
        assert summary_lines(await chat.say("来两箱静宁苹果")).startswith("静宁苹果")
        body = await chat.say(said)
        assert body["intent"] == "cancel", body["reply"]
        assert CANCELLED in body["reply"], body["reply"]

    await each_case(check, [("算咧 不要咧",), ("不买咧",)], spread=True)


async def test_praise_alone_places_nothing(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "dialect-praise")
    body = await chat.say("嘹咋咧！")
    assert body["intent"] == "fallback", body["reply"]
    assert body["order"] is None


async def test_how_many_kinds_asked_in_dialect_lists_them(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "dialect-kinds")
        body = await chat.say(said)
        assert body["intent"] == "search", body["reply"]
        assert "赫章核桃" in body["reply"], body["reply"]
        assert body["slots"]["qty"] is None

    await each_case(check, [("恁这有几种核桃",), ("俺想买核桃 恁家有几款",)], spread=True)


async def test_shaanxi_eat_orders_the_goods(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "dialect-eat")
    body = await chat.say("额想咥腊肉 从江的 来两袋")
    assert summary_lines(body).startswith("从江香猪 腊肉 500g ×2袋"), body["reply"]


async def test_pack_words_heard_wrong_count_the_goods_own_pack(client):
    async def check(said, line):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "voice-packs")
        body = await chat.say(said)
        assert summary_lines(body).startswith(line), body["reply"]

    await each_case(check, [
        ("晴隆羊腿来三分吧", "晴隆羊肉 羊腿 1kg ×3份"),
        ("赫章核桃要四今的", "赫章核桃 2斤 ×2袋"),
        ("从江腊肉给我来两想", "从江香猪 腊肉 500g ×2袋"),
        ("墨江紫米来两平", "墨江紫米 2.5kg ×2袋"),
    ], spread=True)


async def test_card_questions_said_loosely(client):
    async def check(said, intent):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-loose")
        body = await chat.say(said)
        assert body["intent"] == intent, body["reply"]
        assert body["slots"]["amount_fen"] is None

    await each_case(check, [
        ("麻烦查一下我爱心卡的可用余额", "card_balance"),
        ("yue duoshao", "card_balance"),
        ("cha yue", "card_balance"),
        ("tuijian yixia", "recommend"),
    ], spread=True)


async def test_an_invoice_asked_of_cards_buys_none(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "card-invoice")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert INVOICE in body["reply"], body["reply"]

    await each_case(check, [("爱心卡能否开发票",), ("买爱心卡可否开具发票",)], spread=True)


async def test_a_code_said_with_a_spoken_dot_is_a_claim_told_honestly(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "card-code")
    body = await chat.say("我这有张卡 码是QS3点5K8J2H6G")
    assert body["intent"] == "claim_card", body["reply"]
    assert "没能领取" in body["reply"], body["reply"]


async def test_shipping_abroad_asked_in_english_is_the_mainland_only(client):
    async def check(said):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "english-abroad")
        body = await chat.say(said)
        assert body["intent"] == "ask_info", body["reply"]
        assert MAINLAND_ONLY in body["reply"], body["reply"]

    await each_case(check, [("can you ship to the UK?",), ("do you deliver overseas? 我在澳洲",)], spread=True)
