# The two commands of README.md: `make run` and `make test`. Both create .venv when needed and
# use the embedded PostgreSQL in .data/ unless DATABASE_URL is set.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTHON ?= python3

.PHONY: run test lint chromium gettext vertalingen bench vendor clean

$(VENV)/.geinstalleerd: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet ".[dev]"
	touch $@

# The site and one background worker (e-mail, reminders, pasted lists) together; Ctrl-C
# stops both.
run: $(VENV)/.geinstalleerd vertalingen
	$(PY) manage.py migrate --no-input
	$(PY) manage.py laad_demodata
	$(PY) manage.py maak_beheerder --port $(PORT)
	@$(PY) manage.py procrastinate worker & werker=$$!; \
	trap 'kill $$werker 2>/dev/null; wait $$werker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.geinstalleerd
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: $(VENV)/.geinstalleerd chromium vertalingen lint
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

# Browser tests drive Debian's Chromium; Playwright's own browser download does not work here.
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "Installeer Chromium: sudo apt-get install chromium"; exit 1; fi; }

# The English texts: locale/*.po is in git, the compiled .mo files are made here.
vertalingen: $(VENV)/.geinstalleerd gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.data --ignore=build --ignore=node_modules --ignore=staticfiles -v 0

# compilemessages needs GNU gettext's msgfmt; installed like Chromium above.
gettext:
	@command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq gettext >/dev/null; \
	  else echo "Installeer gettext: sudo apt-get install gettext"; exit 1; fi; }

bench: $(VENV)/.geinstalleerd
	$(PY) bench/genereer.py
	$(PY) bench/belasting.py

vendor:
	./scripts/vendor-static.sh

clean:
	rm -rf $(VENV) .data staticfiles
