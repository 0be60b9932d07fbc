# marsad: `make demo` sets up and runs the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared/data

.PHONY: demo test bench eval lint setup setup-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	touch $(VENV)/.installed $@

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test,bench]"
	touch $(VENV)/.installed $(VENV)/.installed-test $@

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

demo: $(VENV)/.installed
	rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	mkdir -p out
	$(BIN)/marsad run examples/demo --db out/demo.db --report out/

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run_bench.py --data $(SHARED)

eval: $(VENV)/.installed-bench
	$(BIN)/python bench/run_eval.py --data $(SHARED)

clean:
	rm -rf out .pytest_cache
