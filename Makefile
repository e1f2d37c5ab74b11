# The two commands a newcomer needs are `make run` and `make test` (see README.md).
# Both create or reuse .venv and install what is missing; nothing else is needed.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test browser check data geo fonts bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# PROCESSES=2 serves two app processes behind nginx; ADDRESS=0.0.0.0 for an intranet.
run: $(STAMP)
	$(BIN)/python -m dashboard serve $(if $(ADDRESS),--address $(ADDRESS)) $(if $(PROCESSES),--processes $(PROCESSES))

# Browser tests and briefing images need Debian's chromium, a CJK font and (to look at
# PDF pages) poppler-utils; the several-process recipe needs Debian's nginx; the store's
# tests start a throwaway server from Debian's postgresql. Install them when missing.
browser:
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || [ ! -x /usr/sbin/nginx ] \
		|| ! { command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk poppler-utils nginx postgresql; \
	fi

# The load test runs alone after the rest: it measures what two cores can serve.
test: $(STAMP) browser
	$(BIN)/python -m dashboard check
	$(BIN)/python -m pytest -n 2 -m "not capacity"
	$(BIN)/python -m pytest -m capacity

check: $(STAMP)
	$(BIN)/python -m dashboard check

# The bundled package holds UNDP's published file as imported; rerun after changing the importer.
data: $(STAMP)
	$(BIN)/python -m dashboard import-iati data/iati/*.xml --base data --out data

geo: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[geo]'
	$(BIN)/python geo/build_boundaries.py
	$(BIN)/python geo/build_gazetteer.py
	$(BIN)/python geo/build_counties.py

fonts: $(STAMP) browser
	$(BIN)/python -m pip install --quiet -e '.[fonts]'
	$(BIN)/python scripts/build_fonts.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) .pytest_cache
