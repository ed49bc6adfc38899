"""Every route of the API, in one list (the router and the OpenAPI document are built from it)."""
from api.handlers import (
    addresses, admin_catalog, admin_merchants, auth, card_batches, cards, chat, docs, health, merchant, orders,
    organizations, payments, printing, products, settlements,
)
from api.handlers import counter_codes, redemption_requests
from api.handlers import wechat_push
from api.handlers import stats
from api.handlers import console
from api.handlers import card_admin
from api.handlers import code_decode
from api.routing import Route

ROUTES: list[Route] = [
    *health.ROUTES,
    *docs.ROUTES,
    *auth.ROUTES,
    *products.ROUTES,
    *admin_catalog.ROUTES,
    *addresses.ROUTES,
    *orders.ROUTES,
    *payments.ROUTES,
    *cards.ROUTES,
    *merchant.ROUTES,
    *admin_merchants.ROUTES,
    *printing.ROUTES,
    *card_batches.ROUTES,
    *chat.ROUTES,
    *wechat_push.ROUTES,
    *redemption_requests.ROUTES,
    *counter_codes.ROUTES,
    *settlements.ROUTES,
    *organizations.ROUTES,
    *stats.ROUTES,
    *console.ROUTES,
    *card_admin.ROUTES,
    *code_decode.ROUTES,
]
