# Quick start:  make serve   (install, then run on SQLite with demo data)
#               make test    (install, then run the suite on SQLite and on PostgreSQL)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install serve test test-sqlite test-postgres bench migrations screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

serve: install
	DEMO=$${DEMO:-1} $(BIN)/python main.py serve

test-sqlite: install
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest -q --db=sqlite

test-postgres: install
	bash .ci/ensure-postgres
	bash .ci/ensure-chromium
	$(BIN)/python -m pytest -q --db=postgres

test: test-sqlite test-postgres

bench: install
	bash .ci/ensure-bench-tools
	$(BIN)/python bench/run.py

# After changing models/: write the next migration (review it, then commit it).
migrations: install
	$(BIN)/python -m tortoise -c tortoise_config.TORTOISE_ORM makemigrations

# The README's screenshots: the end-to-end tests, saving their pictures into docs/screenshots/.
screenshots: install
	bash .ci/ensure-chromium
	E2E_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/e2e
