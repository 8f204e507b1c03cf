# Relais: `make run` opens the console, `make test` runs every check CI runs.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
LOCK := requirements.lock
PIP := $(PY) -m pip --quiet --disable-pip-version-check
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: setup lock run demo test lint pytest bench translations installer clean

setup: $(STAMP) $(QM)

# Exact versions and hashes from the lock (every extra and the build backend), then the
# project itself with nothing more; pip check fails the setup if the lock lags pyproject.
$(STAMP): $(LOCK) pyproject.toml
	[ -x $(PY) ] || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r $(LOCK)
	$(PIP) install --no-deps --no-build-isolation -e .
	$(PY) -m pip check >/dev/null || { $(PY) -m pip check; echo "pip check failed: after a change to pyproject.toml, make lock"; exit 1; }
	touch $@

# Re-resolve the lock after a change to pyproject.toml's dependencies (with its build
# backend, for every platform: Linux CI, the Windows build), existing pins kept where still
# allowed; LOCK_ARGS=--upgrade takes the newest allowed versions (--upgrade-package NAME:
# one). An unchanged lock keeps its date, so the venv is not reinstalled for nothing.
lock:
	@[ -x $(VENV)/bin/uv ] || $(MAKE) --no-print-directory $(STAMP)
	cp $(LOCK) $(LOCK).new
	$(PY) -c 'import tomllib; print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")' \
		| $(VENV)/bin/uv pip compile --quiet pyproject.toml - --all-extras --universal \
		--generate-hashes --custom-compile-command "make lock" -o $(LOCK).new $(LOCK_ARGS)
	cmp -s $(LOCK).new $(LOCK) && rm $(LOCK).new || mv $(LOCK).new $(LOCK)

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
