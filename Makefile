# claimledger: one file drives setup, run, test, eval and bench.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run serve test eval bench lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)  ## venv + the package and everything it needs

run: $(STAMP)  ## analyze the bundled examples into ./claimledger.sqlite and print a summary
	$(BIN)/claimledger analyze examples/

serve: $(STAMP)  ## the web app on http://127.0.0.1:8000/ over ./claimledger.sqlite (the examples, analysed first if missing)
	test -f claimledger.sqlite || $(BIN)/claimledger analyze examples/
	$(BIN)/claimledger serve

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

eval: $(STAMP)  ## predict and score every gold set under ../shared/data
	$(BIN)/python -m claimledger.evaluation.devsets

bench: $(STAMP)  ## speed and memory figures; English against textacy 0.13 (installed here for the benchmark only)
	$(BIN)/python benchmarks/bench_analyze.py
	$(BIN)/python benchmarks/bench_html.py
	$(BIN)/python -c "import textacy" 2>/dev/null || $(BIN)/python -m pip install -q textacy==0.13.0
	$(BIN)/python benchmarks/bench_english.py
	$(BIN)/python benchmarks/bench_link.py --sizes 1000,10000 --per-day 20
	$(BIN)/python benchmarks/bench_adversarial.py --sizes 100000,1000000
	$(BIN)/python benchmarks/bench_web.py --articles 100000
	$(BIN)/python benchmarks/bench_batch.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/bench_quantities.py

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) claimledger.sqlite claimledger.sqlite-*
