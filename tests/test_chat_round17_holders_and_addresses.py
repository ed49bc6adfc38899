"""Seventeenth round (lead): love-card holders' questions and addresses typed in one line, as the shopper sees them.

1. a card's balance asked with who gave it or another word for money (朋友送的那张卡里还有多少额度, 别人送我的卡还有
   钱吗) is the balance, never a claim (bot/card_holding.py);
2. a card received, claimed without its code (我妈给我转了张卡 想绑到我账号上, 别人转赠的卡在哪收) is a claim, answered
   with how to claim; giving or buying cards (卡怎么送给别人, 买张卡送我妈) is none;
3. cards bought in the middle of card talk (再买一张100的送我同学 after a balance answer) are a card purchase, and
   确认 places the card order (bot/turns/more_cards.py); without card talk nothing changes;
4. an address typed in one line with labels in any order (…1号 电话186… 收件人刘洋, 名字李雷 137… 浙江省…) is saved
   whole, also while a summary waits (the summary then ships there) (bot/addressing.py);
5. one part changed in any wording (电话换一个 136…, 收货人改一下 改成张伟, 收件人换个人 李梅) keeps the others
   (bot/part_changes.py).

Over the demo catalogue; the shopper's saved address is 张三 13800138000 广东省清远市佛冈县石角镇XX路8号.
"""
from __future__ import annotations

from models.paths import DEMO_CATALOG_CSV
from tests.support.cases import each_case
from tests.support.chat import Chat, my_orders, open_shop, summary_lines

CLAIM_HOW = "在「我的爱心卡」里点“领取”"
ZHENLAI = "镇赉大米 5kg ×2袋（共10kg），104元"


async def shopper(client, address: bool = True) -> Chat:
    return await open_shop(client, DEMO_CATALOG_CSV, "round17-holders", address=address)


async def test_a_balance_asked_of_a_card_given_is_the_balance(client):
    async def check(message):
        body = await (await shopper(client)).say(message)
        assert body["intent"] == "card_balance", body["reply"]
        assert "您还没有爱心卡" in body["reply"]

    await each_case(check, ["朋友送的那张卡里还有多少额度", "我妈给的卡还剩多少钱", "卡里钱还够不够",
                            "爱心卡还有多少可以用", "同事送的爱心卡还剩几块钱", "老公给我的卡还能用多少",
                            "别人送我的卡还有钱吗", "朋友转给我的卡里有多少钱"])


async def test_a_card_given_is_claimed_without_its_code(client):
    async def check(message):
        body = await (await shopper(client)).say(message)
        assert body["intent"] == "claim_card", body["reply"]
        assert CLAIM_HOW in body["reply"]

    await each_case(check, ["我妈给我转了张卡 想绑到我账号上", "同事送了我一张爱心卡 怎么领", "别人转赠的卡在哪收",
                            "绑定爱心卡", "爱心卡怎么绑", "朋友给我发了一张爱心卡 怎么加到我账户",
                            "收到一张同事转来的卡 怎么添加", "我爸转了一张卡给我 在哪里领", "怎么接收别人转赠的卡"])


async def test_giving_buying_or_asking_about_cards_is_no_claim(client):
    async def check(message, intent):
        body = await (await shopper(client)).say(message)
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [("卡怎么送给别人", "ask_info"), ("爱心卡能转赠吗", "ask_info"),
                            ("朋友送的卡能买水果吗", "ask_info"), ("朋友送的卡有效期多久", "ask_info"),
                            ("买张卡送我妈", "buy_card"), ("送我妈一张200的卡", "buy_card"),
                            ("付款 用我女儿送的爱心卡余额付", "pay_order"), ("用朋友送的卡付款", "pay_order")],
                    spread=True)


async def test_cards_bought_in_card_talk_are_cards(client):
    async def check(first, ask, summary, total):
        chat = await shopper(client)
        await chat.say(first)
        body = await chat.say(ask)
        assert body["intent"] == "buy_card", body["reply"]
        assert summary in body["reply"]
        placed = await chat.say("确认")
        assert placed["order"]["kind"] == "card"
        assert [o["total_fen"] for o in await my_orders(chat)] == [total]

    await each_case(check, [("我的爱心卡还有多少钱", "再买一张100的送我同学", "面值100元 ×1张", 10000),
                            ("同事送了我一张爱心卡 怎么领", "给我妹也来一张200的", "面值200元 ×1张", 20000),
                            ("朋友送的那张卡里还有多少额度", "再来两张50的送人", "面值50元 ×2张", 10000),
                            ("爱心卡余额多少", "再买三张一百的", "面值100元 ×3张", 30000)], spread=True)


async def test_card_talk_lasts_through_a_yes_and_a_card_order(client):
    chat = await shopper(client)
    await chat.say("爱心卡余额多少")
    await chat.say("好的")
    body = await chat.say("再来两张50的送人")
    assert body["intent"] == "buy_card", body["reply"]
    await chat.say("确认")
    again = await chat.say("再来一张500的给我爸")
    assert "面值500元 ×1张" in again["reply"]


async def test_a_card_asked_without_its_face_value_asks_it(client):
    chat = await shopper(client)
    await chat.say("我的卡还剩多少钱")
    body = await chat.say("再来一张")
    assert body["intent"] == "buy_card", body["reply"]
    assert "面值" in body["reply"]


async def test_without_card_talk_the_same_words_buy_no_card(client):
    chat = await shopper(client)
    await chat.say("有什么推荐的")
    body = await chat.say("再来两张50的送人")
    assert body["intent"] != "buy_card", body["reply"]


async def test_goods_after_card_talk_are_goods(client):
    chat = await shopper(client)
    await chat.say("爱心卡余额多少")
    body = await chat.say("两袋镇赉大米")
    assert summary_lines(body) == ZHENLAI


async def test_an_address_in_one_line_is_saved_whole(client):
    async def check(message, saved):
        body = await (await shopper(client, address=False)).say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert f"收货地址已保存：{saved}" in body["reply"]

    await each_case(check, [
        ("地址：四川省成都市武侯区人民南路四段1号 电话18611112222 收件人刘洋",
         "刘洋 186****2222 四川省成都市武侯区人民南路四段1号"),
        ("收件人:王芳 手机:139-1111-2222 地址:湖北省武汉市洪山区珞喻路1037号",
         "王芳 139****2222 湖北省武汉市洪山区珞喻路1037号"),
        ("名字李雷 13711112222 浙江省杭州市西湖区文三路90号",
         "李雷 137****2222 浙江省杭州市西湖区文三路90号"),
        ("浙江省杭州市西湖区文三路90号 名字李雷 13711112222",
         "李雷 137****2222 浙江省杭州市西湖区文三路90号"),
        ("13711112222 名字：李雷 浙江省杭州市西湖区文三路90号",
         "李雷 137****2222 浙江省杭州市西湖区文三路90号"),
        ("地址 陕西省西安市雁塔区小寨东路5号 联系人 孙丽 手机 13500002222",
         "孙丽 135****2222 陕西省西安市雁塔区小寨东路5号"),
    ], spread=True)


async def test_an_address_in_one_line_while_a_summary_waits_ships_the_order_there(client):
    async def check(message, ships):
        chat = await shopper(client)
        await chat.say("两袋镇赉大米")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert summary_lines(body) == ZHENLAI
        assert f"寄到：{ships}" in body["reply"]

    await each_case(check, [
        ("电话18611112222 收件人刘洋 地址：四川省成都市武侯区人民南路四段1号",
         "刘洋 186****2222 四川省成都市武侯区人民南路四段1号"),
        ("姓名：赵敏 电话：15900001111 地址：江苏省南京市鼓楼区中山路100号",
         "赵敏 159****1111 江苏省南京市鼓楼区中山路100号"),
        ("名字李雷 13711112222 浙江省杭州市西湖区文三路90号",
         "李雷 137****2222 浙江省杭州市西湖区文三路90号"),
    ], spread=True)


async def test_one_part_changed_keeps_the_others(client):
    async def check(message, ships):
        chat = await shopper(client)
        await chat.say("两袋镇赉大米")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert f"寄到：{ships} 广东省清远市佛冈县石角镇XX路8号" in body["reply"]

    await each_case(check, [
        ("电话换一个 13622223333", "张三 136****3333"), ("手机号改为 13622223333", "张三 136****3333"),
        ("电话换个新的 13622223333", "张三 136****3333"), ("手机号码变了 现在是13622223333", "张三 136****3333"),
        ("联系电话变成13622223333", "张三 136****3333"), ("号码改了 13622223333", "张三 136****3333"),
        ("收件人换成我老婆 李梅", "李梅 138****8000"), ("名字写王芳", "王芳 138****8000"),
        ("收货人改一下 改成张伟", "张伟 138****8000"), ("收件人换一个 王强", "王强 138****8000"),
        ("名字改成李雷吧", "李雷 138****8000"), ("收货人不是张三 是李四", "李四 138****8000"),
        ("收件人换个人 李梅", "李梅 138****8000"),
        ("收件人改成我爸 刘建国 电话换成13622223333", "刘建国 136****3333"),
    ], spread=True)


async def test_a_part_changed_with_no_order_is_saved(client):
    body = await (await shopper(client)).say("电话换一个 13622223333")
    assert body["intent"] == "change_address", body["reply"]
    assert "收货地址已保存：张三 136****3333 广东省清远市佛冈县石角镇XX路8号" in body["reply"]


async def test_a_part_to_change_said_without_its_value_is_asked_for(client):
    async def check(message, asked):
        chat = await shopper(client)
        await chat.say("两袋镇赉大米")
        body = await chat.say(message)
        assert body["intent"] == "change_address", body["reply"]
        assert asked in body["reply"]
        assert "寄到" not in body["reply"]  # nothing saved: the verb is never the new receiver

    await each_case(check, [("收件人改一下", "新的收件人叫什么"), ("收件人换一个", "新的收件人叫什么"),
                            ("电话换一个", "新的手机号是多少"), ("手机号写错了", "新的手机号是多少")], spread=True)
