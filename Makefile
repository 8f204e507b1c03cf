# Relais: `make run` opens the console, `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: setup run demo test lint pytest bench translations installer clean

setup: $(STAMP) $(QM)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev,bench,build]"
	touch $@

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

run: setup
	$(PY) -m app $(ARGS)

demo: setup
	$(PY) -m app demo $(ARGS)

lint: setup
	$(VENV)/bin/ruff check app tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

pytest: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint pytest

bench: setup
	$(PY) benchmarks/search.py $(ARGS)

# The one-folder console in dist/relais/ (OUT=folder to put it elsewhere); see installer/.
installer: setup
	VENV=$(VENV) installer/build.sh $(OUT)

clean:
	rm -rf $(VENV) $(QM) build dist .pytest_cache .mypy_cache .ruff_cache
