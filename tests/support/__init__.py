"""Helpers and shared fixtures the test modules use (issue 17, item 4). A test module imports from here, from a
conftest.py (fixtures) or from the fake servers (tests/fake_wechat.py, tests/pg_server.py), never from another test
module; tests/test_test_layout.py checks it. A shared fixture is imported by name into the module that uses it.

- http: logging in as each kind of user, catalogue import and search, the catalogue CSV HEADER, assert_limited
- orders: ADDRESS, shop (catalogue + a consumer with an address), order, pay, stock_of
- cards: buy_cards, the counter fixture, pay_code, redeem, balance, reconcile; the card-admin fixture admin, close,
  ledger (the holder's view of a card's ledger)
- batches: card batches issued (create_and_issue) and activated (activated_batch)
- org_report: the spending fixture (two organizations' batches spent), report, ORG/OTHER/SPENT, ledger_of
- settlements: day D and the shop/day_d fixtures; stats: the ledger fixture and its hand-computed figures
- chat: Chat (a consumer talking to the assistant, each reply checked against the contract), with_address, my_orders,
  open_shop / stock_shop (the catalogue imported as the command line does), say_once, summary_lines, each_afresh
- cases: each_case (a table of cases run in one test against one shop, every failing case reported by case)
- cli: run_cli (main.py as a subprocess), the empty_database_url fixture; qr: QR images, photos, uploads, decode
- pages: browser-test helpers for the consumer page (unique, log_in, yuan)
"""
