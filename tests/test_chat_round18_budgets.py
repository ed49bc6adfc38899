"""Eighteenth round: a budget said in chat is a price range asked of the search, as the shopper sees it.

1. advice with a budget and a purpose (预算50 推荐点送长辈的): the purpose's products within the budget come first
   (the search is asked for the best within it, never the best five thinned out to none), then the rest within it;
2. advice with a budget over goods named whose closest names all cost more (预算100 有什么滋补的推荐: 滋补西洋参,
   滋补燕窝 …): the search is asked for the same words within the budget (枸杞, 红枣, tagged 滋补);
3. advice with a budget over goods named: only those within it (一百块以内的红茶推荐哪个: not the 168元 金骏眉);
4. without a budget the advice is as before (推荐点送长辈的: the 滋补 goods);
5. the advice path asks the search for one page within the range, never for the whole catalogue to filter.

Over tests/data/chat_round18_budgets_catalog.csv: five 滋补 goods from 158元 to 388元 with 滋补 in their names, 枸杞
45元 and 红枣 39元 tagged 滋补, three red teas (48, 88, 168元) and three cheap everyday goods (18 to 35元).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from api.keys import SEARCH
from tests.support.chat import open_shop

CATALOG = Path(__file__).parent / "data" / "chat_round18_budgets_catalog.csv"


def names(body: dict) -> list[str]:
    return [p["name"] for p in body["products"]]


async def test_the_purposes_goods_within_the_budget_come_first(client):
    chat = await open_shop(client, CATALOG, "round18-budget-purpose")
    body = await chat.say("预算50 推荐点送长辈的")
    assert names(body)[:2] == ["枸杞 500g", "红枣 1kg"]
    assert body["reply"].startswith("推荐这几款认定扶贫产品（50元以内）：")


async def test_everything_recommended_is_within_the_budget(client):
    chat = await open_shop(client, CATALOG, "round18-budget-all-within")
    body = await chat.say("预算50 推荐点送长辈的")
    assert max(p["price_fen"] for p in body["products"]) <= 5000


async def test_goods_named_whose_closest_names_cost_more_are_searched_within_the_budget(client):
    chat = await open_shop(client, CATALOG, "round18-budget-named")
    body = await chat.say("预算100 有什么滋补的推荐")
    assert names(body) == ["枸杞 500g", "红枣 1kg"]


async def test_goods_named_keep_only_those_within_the_budget(client):
    chat = await open_shop(client, CATALOG, "round18-budget-teas")
    body = await chat.say("一百块以内的红茶推荐哪个")
    assert names(body) == ["滇红红茶 250g", "正山小种红茶 250g"]


async def test_a_search_with_a_budget_lists_what_fits(client):
    chat = await open_shop(client, CATALOG, "round18-budget-search")
    body = await chat.say("50元以内的红茶有啥")
    assert body["reply"].startswith("50元以内的红茶有1款：\n1. 滇红红茶 250g")


async def test_without_a_budget_the_advice_is_as_before(client):
    chat = await open_shop(client, CATALOG, "round18-budget-none")
    body = await chat.say("推荐点送长辈的")
    assert all(name.startswith("滋补") for name in names(body))


@pytest.fixture
def searches_asked(client, monkeypatch) -> list[dict[str, Any]]:
    """The keyword arguments of every call the app makes to its search index, in order."""
    search = client.app[SEARCH]
    asked: list[dict[str, Any]] = []
    original = search.search

    def spying(q: str, **kwargs: Any) -> Any:
        asked.append(kwargs)
        return original(q, **kwargs)

    monkeypatch.setattr(search, "search", spying)
    return asked


@pytest.mark.parametrize("message", ["预算50 推荐点送长辈的", "预算50 有什么好吃的", "推荐点40元左右的",
                                     "预算100 有什么滋补的推荐"])
async def test_advice_with_a_budget_asks_the_search_for_one_page(client, searches_asked, message):
    chat = await open_shop(client, CATALOG, "round18-budget-page")
    body = await chat.say(message)
    assert body["intent"] == "recommend"
    assert max((kwargs.get("limit", 20) for kwargs in searches_asked), default=0) <= 20


async def test_a_budget_with_nothing_named_lists_one_page_and_counts_them_all(client, searches_asked):
    chat = await open_shop(client, CATALOG, "round18-budget-bare")
    body = await chat.say("100块以内的有啥")
    assert body["intent"] == "search"
    assert body["reply"].startswith("100元以内的有")
    assert max((kwargs.get("limit", 20) for kwargs in searches_asked), default=0) <= 20
