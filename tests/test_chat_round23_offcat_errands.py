"""Twenty-third round: off-catalogue honesty (things misread as ours, errands and money matters).

1. A word the general reading joins around single catalogue characters (多宝鱼: 多 宝 鱼, of 春中宝 and 大马哈鱼) is a
   thing the shop does not know: 没有找到「多宝鱼」, its salmon never put in the draft nor priced for it.
2. A counted brand whose food word is said again (六个核桃核桃乳) is the brand's drink: 没有找到「六个核桃核桃乳」,
   never six of the walnuts ordered.
3. A meal ordered or sent for the shopper (点个麦当劳套餐, 外卖点个酸菜鱼, 送份黄焖鸡米饭到公司, 肯德基全家桶送到家)
   is the takeaway errand (`fallback`, 点外卖、送餐这类服务都办理不了), no search; a dish asked for with 外卖
   (石锅拌饭外卖) stays a search, and goods sent home (大米送到家, 火锅底料送到家) stay goods.
4. Money matters and services asked of the assistant (充点流量, 驾照报名, 基金定投, 转账, 花呗额度, 医保报销,
   健身房年卡, 同城配送, 卡转让, 写总结, 买什么基金好) get the short honest answer, never an order or a search.
5. Whether a medicine may be taken (这药孕妇能吃吗) is a doctor's question, never goods looked up (山药 is food).
"""
from __future__ import annotations

from tests.support.cases import each_case
from tests.support.chat import say_once


async def test_other_things_are_not_found_and_nothing_drafted(client):
    async def check(said, echoed):
        body = await say_once(client, said)
        assert echoed in body["reply"], body["reply"]
        assert body["order"] is None
        assert body["slots"]["sku"] is None

    await each_case(check, [
        ("多宝鱼多少钱", "没有找到「多宝鱼」"),
        ("多宝鱼来两条", "没有找到「多宝鱼」"),
        ("六个核桃核桃乳", "没有找到「六个核桃核桃乳」"),
        ("要一箱六个核桃核桃露", "没有找到「六个核桃核桃露」"),
    ], spread=True)


async def test_a_plain_fish_is_still_the_shops(client):
    body = await say_once(client, "鱼多少钱")
    assert "大马哈鱼" in body["reply"]


async def test_a_meal_ordered_for_the_shopper_is_the_errand(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "fallback", body
        assert "办不了" in body["reply"]
        assert "没有找到" not in body["reply"]
        assert body["order"] is None
        assert body["products"] == []

    await each_case(check, [
        "外卖帮我点个麻辣烫",
        "送两份盖浇饭到办公室",
        "麦当劳全家桶送到家",
        "点个汉堡王双层套餐",
        "今晚叫份炸鸡外卖",
    ])


async def test_a_meal_named_by_its_portion_is_a_thing_not_sold(client):
    """The labelled sets disagree on a portion of a meal ordered by name (sets 16 and 21: an order of a thing not
    sold; set 23: the errand). A counted portion keeps the older sets' reading; takeaway ordered with 点个 / 叫份 and a
    chain's meal are the errand since round 24 (pair 24 labels them so), and so is a dish ordered with 点 / 叫 since
    round 31 (叫一份烤鱼外卖, 叫一份板栗烧鸡外卖: pair 31 labels them so): honest either way, nothing offered."""
    async def check(said):
        body = await say_once(client, said)
        assert "没有找到" in body["reply"], body["reply"]
        assert body["order"] is None
        assert body["products"] == []
        assert body["slots"]["sku"] is None

    await each_case(check, [
        "外卖来份炒饭，送到公司",
        "来一碗小米粥，外卖",
    ])


async def test_dishes_and_goods_keep_their_reading(client):
    async def check(said, intent):
        body = await say_once(client, said)
        assert body["intent"] == intent
        assert "办不了" not in body["reply"]

    await each_case(check, [
        ("石锅拌饭外卖", "search"),
        ("大米送到家", "search"),
        ("火锅底料送到家", "search"),
    ], spread=True)


async def test_money_matters_and_services_get_the_honest_answer(client):
    async def check(said, kind):
        body = await say_once(client, said)
        assert body["intent"] == "fallback", body
        assert "办不了" in body["reply"]
        assert kind in body["reply"], body["reply"]
        assert body["order"] is None
        assert body["products"] == []

    await each_case(check, [
        ("139 1111 2222 充点话费", "充话费"),
        ("驾考科目二报名", "报名、考证"),
        ("基金定投靠谱吗", "理财"),
        ("转账给我爸1000", "转账"),
        ("借呗额度怎么提高", "借贷"),
        ("社保怎么交", "办事"),
        ("同城蛋糕配送", "配送"),
        ("帮我写一篇年度工作总结", "代写"),
        ("现在买哪只股票好", "理财"),
    ], spread=True)


async def test_other_cards_and_gyms_are_no_goods(client):
    async def check(said):
        body = await say_once(client, said)
        assert body["intent"] == "fallback"
        assert body["order"] is None
        assert body["products"] == []

    await each_case(check, [
        "健身房月卡",
        "星巴克卡转让",
    ])


async def test_whether_a_medicine_may_be_taken_is_a_doctors_question(client):
    body = await say_once(client, "这药小孩可以吃吗")
    assert body["intent"] == "fallback"
    assert "请问医生或药师" in body["reply"]
