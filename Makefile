# The two commands a newcomer needs: `make run` and `make test`. Both build the virtualenv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install run test migrate demo worker beat screenshots clean

# One line instead of pip's: -qq still prints errors, not the build backend's editable-install notice.
$(STAMP): pyproject.toml constraints.txt
	@echo "Installing Claimtrack and its dependencies into $(VENV) (first run, or after pyproject.toml or constraints.txt change)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -qq --upgrade "pip>=24"
	@$(PY) -m pip install -qq -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# `make run` keeps the console short: one line for migrations, one per task, the logins last.
migrate: install
	@$(PY) manage.py migrate_quietly

demo: migrate
	@$(PY) manage.py seed_demo

run: demo
	@$(PY) manage.py serve_demo 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

worker: install
	$(VENV)/bin/celery -A config worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A config beat --loglevel=INFO

# The README's screenshots, taken by the browser tests (Debian's /usr/bin/chromium).
screenshots: install
	README_SCREENSHOTS=docs/images $(PY) -m pytest -q -p no:cacheprovider \
		tests/browser/test_review_flows.py tests/search/test_search_browser.py

clean:
	rm -rf $(VENV) data
