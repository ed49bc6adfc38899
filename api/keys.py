"""Every AppKey the application uses: the only way handlers reach shared resources."""
from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web
from tortoise.context import TortoiseContext

from api.admission import ADMISSION  # noqa: F401 - every AppKey is reachable from here
from api.jobs import BackgroundJobs
from api.limits import LIMITS  # noqa: F401
from api.openapi import LazyDocument
from api.settings import Settings
from api.wechat.login import WeChatLogin
from api.wechat.pay_setup import WeChatPayConfig
from api.wechat.push_relay import PushConfig, PushRelay
from bot.engine import Assistant
from models.codes.card_codes import CardCodes
from models.codes.merchant_codes import MerchantCodes
from models.places.region_directory import RegionSnapshot
from models.search.catalog_search import CatalogSearch

SETTINGS = web.AppKey("settings", Settings)
DATABASE = web.AppKey("database", TortoiseContext)
SEARCH = web.AppKey("search", CatalogSearch)
HTTP_CLIENT = web.AppKey("http_client", aiohttp.ClientSession)
WECHAT_LOGIN = web.AppKey("wechat_login", WeChatLogin)
OPENAPI = web.AppKey("openapi", LazyDocument)
CARD_CODES = web.AppKey("card_codes", CardCodes)
MERCHANT_CODES = web.AppKey("merchant_codes", MerchantCodes)
WECHATPAY = web.AppKey("wechatpay", WeChatPayConfig)
WECHATPAY_SANDBOX = web.AppKey("wechatpay_sandbox", web.Application)
BACKGROUND_JOBS = web.AppKey("background_jobs", BackgroundJobs)
ASSISTANT = web.AppKey("assistant", Assistant)
REGIONS = web.AppKey("regions", RegionSnapshot)  # the divisions, read on first use
WECHAT_PUSH = web.AppKey("wechat_push", PushConfig)  # only set when WECHAT_PUSH_TOKEN is
WECHAT_PUSH_RELAY = web.AppKey("wechat_push_relay", PushRelay)
DECODE_SLOTS = web.AppKey("decode_slots", asyncio.Semaphore)  # QR decodes a worker runs at once: one
