# Every target sets itself up: it creates .venv from the lock when missing and reuses it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test new links bench lighthouse lock clean

$(READY): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

serve: $(READY) ## live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

ENGINE ?= mkdocs

build: $(READY) ## strict build into site/ (the last good site/ survives a failure); ENGINE=zensical for the second engine
	$(BIN)/bounceback build --engine $(ENGINE) --site site

check: $(READY) ## validate content/ only
	$(BIN)/bounceback check

links: $(READY) ## check the external links in content/ (needs internet; weekly in CI)
	$(BIN)/python scripts/check_links.py

new: $(READY) ## start a topic: make new ID=topic-id STAGE=stage-id (fails `make check` until filled in)
	@test -n "$(ID)" -a -n "$(STAGE)" || { echo "usage: make new ID=<topic-id> STAGE=<stage-id>" >&2; exit 2; }
	$(BIN)/bounceback new "$(ID)" --stage "$(STAGE)"

test: $(READY) ## every test, browser tests included
	@sh scripts/ensure-debian-package.sh chromium chromium
	$(BIN)/python -m pytest

bench: $(READY) ## our build step next to plain MkDocs, and Zensical next to MkDocs, at 20, 200 and 1,000 synthetic topics (about 8 minutes)
	$(BIN)/python scripts/bench.py

# Lighthouse from npm, pinned, in an ignored folder; it drives Debian's chromium.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_READY   := .lighthouse/.installed-$(LIGHTHOUSE_VERSION)

$(LIGHTHOUSE_READY):
	@sh scripts/ensure-debian-package.sh npm nodejs npm
	rm -rf .lighthouse
	npm install --no-save --no-audit --no-fund --prefix .lighthouse lighthouse@$(LIGHTHOUSE_VERSION)
	@touch $@

lighthouse: $(READY) $(LIGHTHOUSE_READY) ## Lighthouse scores of the home and a topic page, mobile and desktop, served gzipped
	@sh scripts/ensure-debian-package.sh chromium chromium
	CHROME_PATH=/usr/bin/chromium $(BIN)/python scripts/lighthouse.py

lock: ## refresh requirements.lock from pyproject.toml ranges
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet setuptools wheel -e '.[test,zensical]'
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^bounceback' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .venv .pytest_cache .lighthouse
