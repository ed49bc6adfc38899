"""Twenty-third round: yes, hello, help and holder actions said in dialect, traditional characters and pinyin.

1. A dialect yes at a summary with words that take it as it stands places the order: 中！就这么弄 (河南),
   對啦 就醬 送出 (台湾 就酱 = 就这样), 確認無誤，送出訂單, 得嘞 就这么整; 送出 / 发出去 is placing said again.
2. Henan 恁 (您): 恁好啊 is a greeting; 能整啥 / 会弄啥 / 啥玩意儿 (能干啥, 什么): 你都能整啥玩意儿 asks for help.
3. Thanks and praise for goods received, nothing asked (多谢哈 东西收到了 挺好的) is a greeting, never a search
   for 东西.
4. Shop phrases in whole pinyin (wo de ding dan, qu xiao ding dan) are read as Chinese; a shop word in whole pinyin
   beside Chinese (zhifu 用卡, kuaidi 到哪了) is the word.
5. A shop phrase typed as its initials, the whole message (qr = 确认, zmxd = 怎么下单, qxdd = 取消订单), is the phrase.
6. A card code of letters and digits beside a claim word in pinyin or English (ling ka HJ6.4T8N2X5M,
   claim card EZ7.1K5N3W8Q, redeem …) is a claim.
7. How to pay asked of a purchase not made yet (爱心卡怎么用？买了以后怎么付款, 下单以后怎么支付) is help; it was
   pay_order. 怎么付款 alone stays pay_order.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import open_shop, say_once


async def test_a_dialect_yes_places_the_order(client):
    async def check(message):
        chat = await open_shop(client, DEMO_CATALOG_CSV, "r23-dialect-yes")
        await chat.say("来一箱静宁苹果")
        body = await chat.say(message)
        assert body["intent"] == "confirm", body
        assert "下单成功" in body["reply"], body["reply"]

    await each_case(check, ["中！就这么弄", "對啦 就醬 送出", "確認無誤，送出訂單", "得嘞 就这么整", "中 就这样",
                            "妥了 送出去吧", "qr"])


async def test_a_dialect_yes_with_more_is_not_placed(client):
    chat = await open_shop(client, DEMO_CATALOG_CSV, "r23-dialect-yes-more")
    await chat.say("来一箱静宁苹果")
    body = await chat.say("中 再来一瓶蜂蜜")
    assert "下单成功" not in body["reply"]


async def test_hello_help_and_thanks_in_dialect(client):
    async def check(message, intent):
        body = await say_once(client, message)
        assert body["intent"] == intent, body
        assert "没有找到" not in body["reply"], body["reply"]

    await each_case(check, [("恁好啊", "greet"), ("恁好", "greet"), ("你都能整啥玩意儿", "help"),
                            ("你会弄啥", "help"), ("多谢哈 东西收到了 挺好的", "greet"),
                            ("货到了 很新鲜 谢谢老板", "greet"), ("zmxd", "help")], spread=True)


async def test_a_complaint_after_goods_came_is_no_greeting(client):
    body = await say_once(client, "东西收到了 坏了两个")
    assert body["intent"] != "greet"


async def test_holder_actions_in_pinyin(client):
    async def check(message, intent):
        body = await say_once(client, message)
        assert body["intent"] == intent, body
        assert "没有找到" not in body["reply"], body["reply"]

    await each_case(check, [("wo de ding dan", "order_status"), ("kuaidi 到哪了", "order_status"),
                            ("我的dingdan到哪了", "order_status"), ("zhifu 用卡", "pay_order")], spread=True)


async def test_a_code_beside_a_claim_word_is_a_claim(client):
    async def check(message):
        body = await say_once(client, message)
        assert body["intent"] == "claim_card", body

    await each_case(check, ["ling ka HJ6.4T8N2X5M", "claim card EZ7.1K5N3W8Q", "redeem AB3.9K2M4N",
                            "lingka QW7.2R5T8Y1U"])


async def test_a_claim_word_with_a_number_only_is_no_code(client):
    body = await say_once(client, "claim 500")
    assert body["intent"] != "claim_card"


async def test_how_to_pay_before_buying_is_help(client):
    async def check(message, intent):
        body = await say_once(client, message)
        assert body["intent"] == intent, body

    await each_case(check, [("爱心卡怎么用？买了以后怎么付款", "help"), ("下单以后怎么支付啊", "help"),
                            ("怎么付款", "pay_order")], spread=True)
