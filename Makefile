# zhihui: the two commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test install lint typecheck pytest bench clean docs

$(BIN)/zhihui: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(BIN)/zhihui

install: $(BIN)/zhihui

## Migrate, load demo data (first run only), serve on http://127.0.0.1:8000 and print the demo logins.
demo: install
	$(BIN)/zhihui demo --host $(HOST) --port $(PORT)

## ruff + mypy --strict src + pytest (SQLite, or PostgreSQL when ZHIHUI_TEST_DATABASE_URL is set).
test: install lint typecheck pytest

lint:
	$(BIN)/ruff check src tests bench

typecheck:
	$(BIN)/mypy --strict src

pytest:
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/demo_data.py

docs: install
	$(BIN)/python -m zhihui.apidoc docs/api.md

clean:
	rm -rf $(VENV) var
