# hashwire: make demo | make test | make bench | make crash-test | make lint
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast lint bench crash-test crash-test-store install system-deps clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e ".[dev,postgres]"
	touch $(STAMP)

install: $(STAMP)

# Debian packages for the browser tests and the web benchmark (skipped without root/apt).
system-deps:
	bash scripts/install-system-deps.sh

demo: $(STAMP)
	$(VENV)/bin/hashwire demo

test: $(STAMP) system-deps
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/mypy
	$(PY) -m pytest -n 2 --dist loadfile -q tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

test-fast: $(STAMP)
	$(PY) -m pytest -q -x -m "not browser and not slow" tests

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench || true
	$(VENV)/bin/mypy

bench: $(STAMP) system-deps
	$(PY) bench/run_all.py

# 1,000 SIGKILLs of a real `hashwire worker` ingesting the newsroom (about 35 minutes)
crash-test: $(STAMP)
	$(PY) bench/crash_worker.py --kills 1000

# 1,000 SIGKILLs of a process writing through the Store directly
crash-test-store: $(STAMP)
	$(PY) bench/crash_test.py --kills 1000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache test-artifacts hashwire-demo.db*
