"""Demo data for an empty database (DEMO=1): the shipped catalogue, an administrator, a counter and its clerk.

The credentials are for local use only and are printed in the README.
"""
from __future__ import annotations

import logging

from models.paths import DEMO_CATALOG_CSV
from models.services.catalog_import import import_catalog
from models.services.merchants import create_merchant
from models.services.staff_accounts import create_staff_user
from models.tables.catalog import Product
from models.tables.merchants import Merchant, MerchantKind
from models.tables.users import Role, User

log = logging.getLogger(__name__)

DEMO_ADMIN = ("admin", "aixin-admin-demo")
DEMO_CLERK = ("clerk", "aixin-clerk-demo")
DEMO_MERCHANT = "佛冈县消费扶贫专柜"


async def load_demo_data() -> None:
    if not await Product.exists():
        summary = await import_catalog(DEMO_CATALOG_CSV.read_bytes(), actor=None, label="demo")
        log.info("demo catalogue loaded: %d products", summary.products_created)
    if not await User.filter(username=DEMO_ADMIN[0]).exists():
        await create_staff_user(Role.ADMIN, *DEMO_ADMIN)
    if not await User.filter(username=DEMO_CLERK[0]).exists():
        merchant = await Merchant.get_or_none(name=DEMO_MERCHANT) or await create_merchant(
            None, name=DEMO_MERCHANT, kind=MerchantKind.COUNTER, region_code="441821", address="佛冈县石角镇"
        )
        await create_staff_user(Role.MERCHANT_STAFF, *DEMO_CLERK, merchant_id=merchant.id)
