# Quick start:  make serve   (install, then run on SQLite with demo data)
#               make test    (install, lint, then run the suite on SQLite and on PostgreSQL)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install serve lint test test-sqlite test-postgres bench migrations screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip shows each package as it is fetched and installed: the first run takes a minute or two.
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "==> 安装依赖到 $(VENV)（首次约需一两分钟）…"
	$(BIN)/pip install --progress-bar on --upgrade pip
	$(BIN)/pip install --progress-bar on -e '.[test]'
	touch $(STAMP)
	@echo "==> 依赖安装完成"

install: $(STAMP)

serve: install
	DEMO=$${DEMO:-1} $(BIN)/python main.py serve

# ruff and mypy, configured in pyproject.toml: a new finding fails the build before any test runs.
lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# SQLite: two pytest workers (pytest-xdist), each with its own database file: 686 -> 435 s on two cores, since many
# tests wait on servers and clocks. PostgreSQL: one process, for now (docs/testing.md: a worker there grew to 15 GB).
TEST_WORKERS ?= 2

test-sqlite: install lint
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --db=sqlite

test-postgres: install lint
	bash .ci/ensure-postgres
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --db=postgres

test: test-sqlite test-postgres

bench: install
	bash .ci/ensure-bench-tools
	$(BIN)/python bench/run.py

# After changing models/: write the next migration (review it, then commit it).
migrations: install
	$(BIN)/python -m tortoise -c tortoise_config.TORTOISE_ORM makemigrations

# The README's and docs/console.md's screenshots: run the end-to-end tests (each saves one in var/e2e-screenshots/).
SHOTS := var/e2e-screenshots
screenshots: install
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest -q tests/e2e
	mkdir -p docs/screenshots
	cp $(SHOTS)/test_a_consumer_orders_by_chat_and_sees_the_order.png docs/screenshots/chat.png
	cp $(SHOTS)/test_a_pending_card_order_is_paid_on_a_phone.png docs/screenshots/chat-phone.png
	cp $(SHOTS)/test_a_clerk_redeems_a_card_from_an_uploaded_qr_image_and_sees_the_balance_fall.png docs/screenshots/merchant.png
	cp $(SHOTS)/test_an_admin_starts_a_batch_and_watches_the_progress_bar_reach_100.png docs/screenshots/admin-batches.png
	cp $(SHOTS)/test_an_admin_reads_the_statistics_with_chart_and_downloads_them.png docs/screenshots/admin-stats.png
	cp $(SHOTS)/test_an_admin_opens_a_pavilion_gives_it_staff_rotates_its_code_and_prints_its_poster.png docs/screenshots/admin-places.png
	cp $(SHOTS)/test_an_admin_closes_a_merchants_day_and_downloads_its_csv.png docs/screenshots/admin-settlements.png
	cp $(SHOTS)/test_an_admin_reads_an_organizations_report_and_downloads_it.png docs/screenshots/admin-orgs.png
	cp $(SHOTS)/test_the_counter_settlement_and_organization_screens_fit_a_phone.png docs/screenshots/admin-orgs-phone.png
	cp $(SHOTS)/test_an_admin_finds_orders_by_phone_cancels_refunds_and_ships.png docs/screenshots/admin-orders.png
	cp $(SHOTS)/test_an_admin_reads_the_audit_trail_by_who_action_and_object.png docs/screenshots/admin-audit.png
	cp $(SHOTS)/test_an_admin_recertifies_a_revoked_product_and_it_is_sold_again.png docs/screenshots/admin-recertify.png
	cp $(SHOTS)/test_the_order_audit_and_recertify_screens_fit_a_phone.png docs/screenshots/admin-orders-phone.png
	cp $(SHOTS)/test_a_supplier_ships_its_parcel_on_a_phone.png docs/screenshots/supplier-phone.png
	cp $(SHOTS)/official-phone.png docs/screenshots/official.png
	cp $(SHOTS)/supplier-applications-phone.png docs/screenshots/supplier-applications.png
	cp $(SHOTS)/official-stats-phone.png docs/screenshots/official-stats.png
