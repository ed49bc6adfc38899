"""A budget said with the goods: 一百块以内的茶叶有啥, 50元左右的蜂蜜, 预算200块能买几袋大米, 两百以上的礼盒.

The money is a bound on the price of one pack, never a count of packs (一百块 was read as 100 packs of 块) nor a
love card's face value. A list asked for with a budget holds only the products within it, and says so; none
within it is said plainly, with the cheapest of what was asked for; how many packs a budget buys is answered
from the price (200元能买3袋, 共156元).

The bound goes into the search as a price range (`Budget.range`, `listed`): a limited search returns the best
products within it, and no message reads the whole catalogue to filter it afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from bot.numerals import NUM, to_number
from bot.replies import yuan
from models.search import PriceRange

if TYPE_CHECKING:
    from bot.understanding import Understanding
    from models.search.catalog_search import CatalogSearch

_MONEY = r"(?:块钱|元钱|块|元|蚊|rmb|¥|￥)"
_UPTO = "以内|以下|之内|内|封顶"
_ABOUT = "左右|上下|出头"
_FROM = "以上|往上|起步"
# 100块以内 / 50元左右 / 两百以上 (a round sum with no unit only with the bound: 5以内 is no budget)
_BOUND_AFTER = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>{_MONEY})?\s*(?P<bound>{_UPTO}|{_ABOUT}|{_FROM})")
# 预算200块 / 预算两百 / 不超过150元 / 最多花100块 / 控制在80元以内
_BOUND_BEFORE = re.compile(rf"(?:(?P<budget>预算(?:是|有|在)?|价位在?|价格在)|(?:不超过|不超|最多花?|顶多|控制在))\s*"
                           rf"(?P<num>{NUM})\s*(?P<unit>{_MONEY})?(?:\s*(?P<bound>{_UPTO}|{_ABOUT}))?")
_HOW_MANY = re.compile(r"(?:能|可以|够)买?几|买得了几|能买多少")
# 200块钱能买几斤核桃 / 一百块够买几瓶: the sum is what there is to spend
_SPENT = re.compile(rf"(?P<num>{NUM})\s*(?P<unit>{_MONEY})(?P<bound>)(?=\s*钱?\s*(?:能|可以|够)买?(?:几|多少))")


@dataclass(frozen=True)
class Budget:
    low_fen: int | None
    high_fen: int | None
    text: str  # 100元以内 / 50元左右 / 200元以上

    @property
    def range(self) -> PriceRange:
        """What the search is asked for: 100元以内 → PriceRange(None, 10000), 50元左右 → PriceRange(4000, 6000)."""
        return PriceRange(self.low_fen, self.high_fen)

    def fits(self, card: dict[str, Any]) -> bool:
        return self.range.fits(int(card["price_fen"]))


def _budget(value: Fraction, bound: str) -> Budget:
    fen = int(value * 100)
    if bound and bound in _FROM:
        return Budget(fen, None, f"{yuan(fen)}以上")
    if bound and bound in _ABOUT:
        return Budget(fen * 4 // 5, fen * 6 // 5, f"{yuan(fen)}左右")  # within a fifth either way
    return Budget(None, fen, f"{yuan(fen)}以内")


def read(text: str) -> tuple[Budget | None, list[tuple[int, int]]]:
    """The budget said (or None) and where it was said, so that no other reader takes its number or its words."""
    for pattern in (_BOUND_BEFORE, _BOUND_AFTER, _SPENT):
        for m in pattern.finditer(text):
            value = to_number(m.group("num"))
            if value is None or value <= 0:
                continue
            before = pattern is _BOUND_BEFORE
            if not m.group("unit") and not (before and m.group("budget")) and value < 10:
                continue  # 5以内, 最多两 (袋): no sum of money
            if before and not m.group("budget") and not m.group("unit"):
                continue  # 最多两袋 / 不超过三箱: a count
            return _budget(value, m.group("bound") or ""), [m.span()]
    return None, []


def asks_how_many(compact: str) -> bool:
    """预算200块能买几袋 / 一百块够买几瓶: how many packs the budget buys."""
    return _HOW_MANY.search(compact) is not None


def revise(u: Understanding) -> None:
    """预算200块能买几袋镇赉大米: a price question (how many the budget buys), never an order."""
    if u.budget is None:
        return
    if u.intent in ("order", "search", "fallback") and asks_how_many(u.text) and u.budget.high_fen is not None:
        u.intent = "ask_price"
    elif u.intent == "fallback" and not u.product_text:
        u.intent = "search"  # 100块以内的有啥: what the shop has within it


def within(cards: list[dict[str, Any]], budget: Budget) -> list[dict[str, Any]]:
    """Of products already found (the candidates a message named), those within the budget."""
    return [c for c in cards if budget.fits(c)]


def named_within(search: CatalogSearch, budget: Budget, words: str, named: list[dict[str, Any]],
                 limit: int) -> list[dict[str, Any]]:
    """预算100 有什么滋补的推荐: of the goods named, those within the budget. When none of them is, the search is
    asked for the same words within it: the names resolved first (滋补西洋参 268元, 滋补燕窝 388元) are not all
    the goods the words find (枸杞 45元, tagged 滋补). Only matches naming as many of the words as the best match
    without the budget count (红茶礼盒 within 100元 is never any 礼盒)."""
    fitting = within(named, budget)
    if fitting or not words.strip():
        return fitting
    best, _ = search.matches(words, limit=1)
    found, _ = search.matches(words, price=budget.range, limit=limit)
    return [c for c, hits in found if best and hits >= best[0][1]]


def listed(search: CatalogSearch, budget: Budget, limit: int) -> tuple[list[dict[str, Any]], int]:
    """100块以内的有啥 / 预算50 有什么好吃的 with nothing named: the first `limit` products within the budget and
    how many there are, asked of the search (one page, never the whole catalogue filtered here)."""
    page = search.search("", price=budget.range, limit=limit)
    return page.items, page.total


def found_text(budget: Budget, what: str, cards: list[dict[str, Any]], numbered: str, total: int | None = None) -> str:
    listed, count = numbered.count("\n") + 1, total if total is not None else len(cards)
    head = f"{budget.text}的{what}有{count}款" + (f"，先列出前{listed}款" if count > listed else "")
    return f"{head}：\n{numbered}\n想要哪个？说“第一个”或直接说名字和数量就行。"


def none_within_text(budget: Budget, what: str, cheapest: str) -> str:
    what = what or "商品"
    return f"没有{budget.text}的{what}。{what}里价格最接近的是：\n{cheapest}"


def how_many_text(budget: Budget, cards: list[dict[str, Any]]) -> str:
    """200元能买3袋镇赉大米 5kg（52元/袋，共156元）, one line a product."""
    if budget.high_fen is None:
        return ""
    lines = []
    for c in cards:
        n = budget.high_fen // int(c["price_fen"])
        lines.append(f"{c['name']}（{yuan(int(c['price_fen']))}/{c['unit']}）：{yuan(budget.high_fen)}能买{n}{c['unit']}，"
                     f"共{yuan(n * int(c['price_fen']))}" if n else
                     f"{c['name']}（{yuan(int(c['price_fen']))}/{c['unit']}）：{yuan(budget.high_fen)}还不够买一{c['unit']}")
    return "\n".join(lines)
