"""In-memory product search (pure Python + numpy + jieba; no database, no aiohttp).

    index = SearchIndex(CatalogTokenizer())
    index.rebuild(docs)                      # SearchDoc per sellable product
    index.search("土鸡蛋", province="广东")   # SearchResult(skus=[...], total=...)
"""
from models.search.documents import SearchDoc
from models.search.index import SearchIndex, SearchResult
from models.search.synonyms import SYNONYM_GROUPS, expand
from models.search.tokenizer import CatalogTokenizer, new_jieba_tokenizer, region_short_forms

__all__ = [
    "SYNONYM_GROUPS",
    "CatalogTokenizer",
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "expand",
    "new_jieba_tokenizer",
    "region_short_forms",
]
