# Every target sets itself up: it creates .venv from the lock when missing and reuses it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test new bench lighthouse lock clean

$(READY): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

serve: $(READY) ## live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

build: $(READY) ## strict build into site/ (the last good site/ survives a failure)
	$(BIN)/bounceback build --site site

check: $(READY) ## validate content/ only
	$(BIN)/bounceback check

test: $(READY) ## every test, browser tests included
	@sh scripts/ensure-chromium.sh
	$(BIN)/python -m pytest

lock: ## refresh requirements.lock from pyproject.toml ranges
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet setuptools wheel -e '.[test]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^bounceback' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .venv .pytest_cache
