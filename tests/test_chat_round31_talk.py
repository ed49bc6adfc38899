"""Thirty-first round: talk — government and legal matters, idle talk, apps and trips, short first messages (pair 31).

1. Government matters (户口迁移要什么材料, 孩子上学转户口怎么弄, 结婚证在哪里领, 农机购置补贴怎么申请, 危房改造补贴
   能申请吗) were searches, orders or help: `fallback`, answered with the local government service centre and 12345
   (bot/public_matters.py, read through bot/life_matters.py).
2. Legal matters (劳动合同纠纷找谁, 交通事故对方不赔钱怎么办, 遗产继承要走什么程序, 网购被骗了怎么立案) were searches,
   ask_info or an order: `fallback`, answered with legal aid (12348) and the police (110, 派出所).
3. Idle talk (推荐一部电视剧, 今晚吃什么好呢，随便聊聊, 你认识马云吗, 天王盖地虎) was a search of 「一部电视剧」 and the
   like: `fallback`, answered kindly (bot/idle_talk.py); 推荐点好吃的苹果 still recommends apples.
4. Services named with a food word or a place (bot/services_asked.py): gifts in a live stream
   (帮我在花椒直播上刷个礼物), a game's skins (吃鸡游戏皮肤怎么买), a cosmetic procedure (有没有苹果肌填充),
   an app opened (打开微信读书), a tour priced (张家界旅游团多少钱) and where to stay (凤凰古城住哪里方便) were
   searches, help or prices: `fallback`, nothing offered; 花椒 asked for stays the shop's pepper.
5. Greetings: one said about itself after being new here (额是头一回用这个，先打个招呼; bot/said_with_more.py) and
   English greetings alone (hi there，good morning; bot/english_talk.py) were 没太明白: `greet`.
6. How a group's order is placed (我是团长，怎么帮邻居们一起下单？, 怎么拼单; bot/plain_intents.py) was an order of
   「团长」: `help`.
7. Regional words: Tianjin 嘛价儿 is 什么价 (林下参嘛价儿 was a search: the price now), Wu 啥地方 is 哪里
   (侬帮我看看货到啥地方了 was a search: the order's status) (bot/regional_words.py).
8. English beside Chinese (bot/english_questions.py): balance 查一下 (was 没太明白) is the card balance, cancel 我的
   order (was a draft dropped) cancels the order.
9. Cards and orders: the balance of cards given out (发给员工那些卡还剩多少; bot/card_holding.py) or of a card
   named by its printed code (AX1.7KQ2M9PZ这张卡余额多少; bot/card_holding.balance_of_code) was ask_info or a
   claim: `card_balance` (claim card AX1.… still claims); an order named by the goods bought in it undone
   (买苹果那单退掉，还没发货吧) was its status: `cancel_order`; an address change asked of an order placed
   (订单已经下了，地址能改成我单位吗; bot/shop_workings.py) was its status: `change_address`.
"""
from __future__ import annotations

from pathlib import Path

from tests.support.cases import each_case
from tests.support.chat import say_once

SHOP = Path(__file__).parent / "data" / "chat_round31_talk_catalog.csv"  # pears, lychees, potatoes, apples, pepper …


def _aside(client, name: str):
    async def check(said: str, answer: str) -> None:
        body = await say_once(client, said, SHOP, name=name)
        assert body["intent"] == "fallback", body["reply"]
        assert body["products"] == [], body["reply"]
        assert body["order"] is None
        assert answer in body["reply"], body["reply"]
    return check


# --- 1. and 2. government and legal matters ---------------------------------------------------------------------------

async def test_government_matters_are_the_service_centres(client):
    await each_case(_aside(client, "r31-public"), [
        ("户口迁移要什么材料", "12345"), ("孩子上学转户口怎么弄", "政务服务中心"), ("结婚证在哪里领", "12345"),
        ("农机购置补贴怎么申请", "12345"), ("危房改造补贴能申请吗", "政务服务中心"),
    ], spread=True)


async def test_legal_matters_go_to_legal_aid_and_the_police(client):
    await each_case(_aside(client, "r31-legal"), [
        ("劳动合同纠纷找谁", "12348"), ("交通事故对方不赔钱怎么办", "12348"), ("遗产继承要走什么程序", "律师"),
        ("网购被骗了怎么立案", "派出所"),
    ], spread=True)


# --- 3. idle talk ---------------------------------------------------------------------------------------------------

async def test_idle_talk_is_answered_kindly(client):
    await each_case(_aside(client, "r31-chat"), [
        ("推荐一部电视剧", "闲聊"), ("今晚吃什么好呢，随便聊聊", "闲聊"), ("你认识马云吗", "闲聊"),
        ("天王盖地虎", "闲聊"),
    ], spread=True)


async def test_goods_recommended_stay_goods(client):
    body = await say_once(client, "推荐点好吃的苹果", SHOP, name="r31-apples")
    assert body["intent"] == "recommend", body["reply"]
    assert "庄浪苹果" in body["reply"]


# --- 4. services named with a food word or a place --------------------------------------------------------------------

async def test_services_named_with_food_words_offer_nothing(client):
    await each_case(_aside(client, "r31-services"), [
        ("帮我在花椒直播上刷个礼物", "办不了"), ("吃鸡游戏皮肤怎么买", "办不了"), ("有没有苹果肌填充", "办不了"),
        ("打开微信读书", "办不了"), ("张家界旅游团多少钱", "办不了"), ("凤凰古城住哪里方便", "办不了"),
    ], spread=True)


async def test_the_pepper_asked_for_stays_goods(client):
    body = await say_once(client, "花椒多少钱", SHOP, name="r31-pepper")
    assert body["intent"] == "ask_price", body["reply"]
    assert "汉源花椒" in body["reply"]


# --- 5. to 8. greetings, help, regional and English words ---------------------------------------------------------

async def test_short_first_messages(client):
    async def check(said: str, intent: str) -> None:
        body = await say_once(client, said, SHOP, name="r31-first")
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [
        ("额是头一回用这个，先打个招呼", "greet"), ("hi there，good morning", "greet"), ("hello everyone", "greet"),
        ("我是团长，怎么帮邻居们一起下单？", "help"), ("怎么拼单", "help"), ("侬帮我看看货到啥地方了", "order_status"),
        ("balance 查一下", "card_balance"), ("cancel 我的 order", "cancel_order"),
    ], spread=True)


async def test_tianjin_price_asked(client):
    body = await say_once(client, "林下参嘛价儿", SHOP, name="r31-tianjin")
    assert body["intent"] == "ask_price", body["reply"]
    assert "298元" in body["reply"]


# --- 9. cards and orders --------------------------------------------------------------------------------------------

async def test_cards_and_orders_asked(client):
    async def check(said: str, intent: str) -> None:
        body = await say_once(client, said, SHOP, name="r31-cards")
        assert body["intent"] == intent, body["reply"]

    await each_case(check, [
        ("发给员工那些卡还剩多少", "card_balance"), ("AX1.7KQ2M9PZ这张卡余额多少", "card_balance"),
        ("AX1.7KQ2M9PZ 领取", "claim_card"), ("claim card AX1.LP83ZK5V", "claim_card"),
        ("买苹果那单退掉，还没发货吧", "cancel_order"),
        ("订单已经下了，地址能改成我单位吗", "change_address"),
    ], spread=True)
