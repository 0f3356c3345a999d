# Naober: `make run` serves the demo, `make test` runs every test. Nothing else is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Apps with their own translations (naober/<app>/locale): every page string is in one of them.
LOCALE_APPS := $(patsubst %/locale,%,$(wildcard naober/*/locale))
export DJANGO_SETTINGS_MODULE := naober.settings

.PHONY: install run test lint format messages runtime-deps system-deps bench worker clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

run: install runtime-deps
	$(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py seed_demo
	@echo "Naober runs at http://127.0.0.1:$(PORT)/  (demo logins: see README, password 'demo')"
	DEBUG=1 $(BIN)/python manage.py serve --port $(PORT)

# Debian packages the app needs at run time: pango for WeasyPrint (the impact card as a PDF).
runtime-deps:
	@if ! /sbin/ldconfig -p | grep -q libpangoft2; then \
		echo "Installing pango (for PDF impact cards) from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null; \
	fi

# ... and what the tests need besides: Chromium for the browser tests, gettext for the translations.
system-deps: runtime-deps
	@if [ ! -x /usr/bin/chromium ] || ! command -v msgfmt >/dev/null; then \
		echo "Installing chromium and gettext from Debian"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext >/dev/null; \
	fi

# Collect every translatable string per app and compile; tests then check Dutch is complete.
messages: install
	@for app in $(LOCALE_APPS); do \
		(cd $$app && PYTHONPATH=$(CURDIR) $(CURDIR)/$(BIN)/django-admin makemessages \
			--locale nl --no-location --no-obsolete --no-wrap --verbosity 0) || exit 1; \
	done
	$(BIN)/python manage.py compilemessages --ignore "$(VENV)" --verbosity 0

# `make test` collects and compiles again only when a source or catalogue changed since its last
# run (about half a minute of CPU saved on the CI's second run, on PostgreSQL).
MESSAGE_SOURCES := $(shell find naober -name '*.py' -o -name '*.html' -o -name '*.txt' -o -name '*.po')
$(VENV)/.messages: $(VENV)/.installed $(MESSAGE_SOURCES)
	$(MAKE) --no-print-directory messages
	touch $@

# The suite runs on every core (pytest-xdist, at most 4 workers; each has its own test database).
# Tests marked xdist_group run on one worker together. `make test PYTEST_WORKERS=0`: one process.
PYTEST_WORKERS ?= auto
test: install system-deps $(VENV)/.messages
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --maxprocesses 4 --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench.matching

clean:
	rm -rf $(VENV) var staticfiles
