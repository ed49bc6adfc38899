"""In-memory product search (pure Python + numpy + jieba; no database, no aiohttp).

    index = SearchIndex(CatalogTokenizer())
    index.rebuild(docs)                      # SearchDoc per sellable product
    index.search("土鸡蛋", province="广东")   # SearchResult(skus=[...], total=...)
    index.search("茶叶", price=PriceRange(high_fen=10_000))  # the best teas at 100元 or less
"""
from models.search.documents import SearchDoc
from models.search.index import SearchIndex, SearchResult
from models.search.price_range import PriceRange
from models.search.synonyms import SYNONYM_GROUPS, expand
from models.search.tokenizer import CatalogTokenizer, new_jieba_tokenizer, region_short_forms

__all__ = [
    "SYNONYM_GROUPS",
    "CatalogTokenizer",
    "PriceRange",
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "expand",
    "new_jieba_tokenizer",
    "region_short_forms",
]
