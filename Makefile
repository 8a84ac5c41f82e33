# Rootwise — the documented entry points. `make help` lists them.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
PORT ?= 8000
MANAGE := $(PY) manage.py

.DEFAULT_GOAL := help
WORKERS ?= 2
.PHONY: help install run test lint format messages catalogs icons content words bench browser clean serve-prod faults

help:  ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)  ## Create .venv and install the pinned dependencies

catalogs: install  ## Compile the gettext catalogs (msgfmt if present, else polib)
	$(MANAGE) compilecatalogs

icons: install  ## Draw the app icons with Pillow (static/icons/, build output)
	$(MANAGE) makeicons

content: install catalogs icons  ## Migrate and load the course content pack (idempotent)
	$(MANAGE) migrate --noinput
	$(MANAGE) loadcontent

words: content  ## Remake quizzes/words/ (real words near the answers) from Debian's word lists
	@test -f /usr/share/dict/american-english-large || { apt-get update -qq && apt-get install -y -qq \
	  wamerican-large wspanish wfrench hunspell-ar >/dev/null; } 2>/dev/null \
	  || echo "The word lists could not be installed (apt-get install wamerican-large wspanish wfrench hunspell-ar)."
	$(MANAGE) realwords

run: content  ## Set up everything and serve on http://127.0.0.1:$(PORT) (SQLite)
	$(MANAGE) createdemousers
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install  ## ruff check + ruff format --check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

browser:  ## Debian's Chromium for the browser tests, if apt can install it (never `playwright install`)
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } 2>/dev/null \
	  || echo "Chromium could not be installed here: the browser tests will be skipped (with CI=true they fail)."

# PYTEST_ARGS narrows a run, e.g. make test PYTEST_ARGS='-m "not e2e"'
test: install catalogs icons lint browser  ## Set up and run the whole suite (pytest)
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) translationstatus
	$(VENV)/bin/pytest $(PYTEST_ARGS)

serve-prod: install catalogs icons  ## The production configuration here: gunicorn on PostgreSQL + Redis (PORT, WORKERS)
	. tools/prod-env.sh && $(MANAGE) migrate --noinput && $(MANAGE) collectstatic --noinput -v0 \
	  && $(MANAGE) loadcontent && exec $(VENV)/bin/gunicorn config.wsgi -w $(WORKERS) \
	  -b 127.0.0.1:$(PORT) --no-control-socket --access-logfile -

faults: install catalogs  ## Fault drills on two local production servers (cache outage, PostgreSQL restart, killed worker)
	$(PY) tools/faults.py

bench: install catalogs  ## The production configuration under load (gunicorn, PostgreSQL + Redis): req/s, p50, p99
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } 2>/dev/null \
	  || echo "wrk could not be installed (apt-get install wrk)."
	$(PY) tools/bench_http.py

format: install  ## Format and autofix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: content  ## Refresh every catalog: django, djangojs (needs xgettext) and content (from the loaded course)
	$(MANAGE) makemessages --all --ignore=.venv --ignore=staticfiles --no-obsolete
	$(MANAGE) makemessages --all -d djangojs --ignore=.venv --ignore=staticfiles --no-obsolete
	$(MANAGE) exportcontent

clean:  ## Remove the virtualenv, the database and build output
	rm -rf $(VENV) db.sqlite3 staticfiles static/icons .prod-secret-key
	find locale -name '*.mo' -delete
