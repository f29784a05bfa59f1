# Set-up on a fresh Debian machine with Python 3.11:
#   make site   creates .venv, installs the pinned dependencies, validates the data and builds site/
#   make test   runs the whole test suite (lint, unit, golden, site and browser tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv system-deps site test lint serve bundle bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian, apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

site: venv
	$(BIN)/factsheet build

lint: venv
	$(BIN)/ruff check scripts tests

# Chromium (browser tests), a Java runtime and the Nu HTML validator (HTML validity tests): needs root on Debian.
system-deps:
	sh scripts/install-system-deps.sh

test: venv lint system-deps
	$(BIN)/pytest

serve: venv
	$(BIN)/factsheet serve

# The offline HTML bundle: dist/<name>-offline-<version>.zip, opens from file://.
bundle: venv
	$(BIN)/factsheet bundle

# Build cost at 1,000 and 10,000 synthetic incidents, and the bytes a reader downloads (also on data/);
# prints tables and writes bench/results/.
bench: venv
	$(PY) scripts/bench.py

clean:
	rm -rf site dist build .pytest_cache .hypothesis bench/results
