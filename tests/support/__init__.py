"""Helpers the test modules share (issue 17, item 4). Test modules import from here, from conftest (fixtures) or
from tests.fake_wechat / tests.pg_server; never from another test module (tests/test_test_layout.py checks).

- http: logging in as each kind of user, catalogue import and search, the throttling answer
- orders: a shop with a consumer and an address, placing and paying orders
- cards: buying love cards, pay codes, counter redemptions, the card ledger, reconcile
- batches: card batches issued and activated; org_report: an organization's spending and its report
- cli: running main.py, an empty database; qr: QR images and photos, the merchant decode route
- chat: a consumer talking to the assistant; settlements, stats: their day-D / ledger fixtures
- pages: browser-test helpers for the e2e pages
"""
