# Set-up on a fresh Debian machine with Python 3.11:
#   make site   creates .venv, installs the pinned dependencies, validates the data and builds site/
#   make test   runs the whole test suite (lint, unit, golden, site and browser tests)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv site test lint serve bundle bench clean

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

test: venv lint
	$(BIN)/pytest

serve: venv
	$(BIN)/factsheet serve

clean:
	rm -rf site dist build .pytest_cache .hypothesis
