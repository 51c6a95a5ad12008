# timeline: `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CORPUS ?= ../shared/corpora/tbaq-cleaned
SEED := fixtures/reuters-2021-03-30-us-mexico-cartels.txt
CONSTRAINTS := requirements/constraints.txt
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS)

.DEFAULT_GOAL := help
.PHONY: help demo test lint typecheck unit compiled unit-compiled eval bench stress fuzz docs clean

help: ## List the targets with what they do
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip

# An editable install compiles nothing, and PYTHONDONTWRITEBYTECODE (set on some
# machines, CI's included) stops Python from caching what it compiles: every process
# would compile the package again (half of `import timeline`, and of each worker's
# start).  A regular `pip install` writes the bytecode; `bytecode` does it here.
BYTECODE = $(BIN)/python -m compileall -q timeline

$(VENV)/.runtime: setup.cfg pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) -e .
	@$(BYTECODE)
	@touch $@

$(VENV)/.dev: setup.cfg pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(PIP) torch==2.13.0
	$(PIP) -e '.[test,stanza,dask,docs]'
	@$(BYTECODE)
	@touch $@ $(VENV)/.runtime

# A compiled build (setup.py: the pipeline's modules through mypyc, about 1.4 times as
# fast), installed apart in build/compiled: the tests run on it too, and the benchmark
# measures it.  The editable install the other targets use stays pure Python, so an
# edit to the source takes effect at once.
COMPILED := build/compiled
PACKAGE_FILES := $(shell find timeline -type f -not -path '*/__pycache__/*')

$(COMPILED)/.built: setup.py setup.cfg pyproject.toml $(PACKAGE_FILES) | $(VENV)/.dev
	rm -rf $(COMPILED) build/mypyc
	$(PIP) 'setuptools>=68'
	TIMELINE_COMPILE=1 $(PIP) --no-build-isolation --no-deps --target $(COMPILED) .
	@touch $@

# `make stress BUILD=compiled` (or fuzz): run on the compiled build, whose folder then
# comes first on the path (the benchmarks still come from the source tree)
ifeq ($(BUILD),compiled)
ON_BUILD := cd $(COMPILED) && PYTHONPATH=$(CURDIR)/$(COMPILED):$(CURDIR)
BUILD_DEPENDENCY := $(COMPILED)/.built
endif

demo: $(VENV)/.runtime ## Timeline of the seed article: out/seed.csv and out/seed.png
	@mkdir -p out
	$(BIN)/timeline $(SEED) --published 2021-03-30 --csv out/seed.csv --png out/seed.png

test: lint typecheck unit unit-compiled ## Everything CI runs: ruff, mypy --strict, pytest (twice)

lint: $(VENV)/.dev ## ruff
	$(BIN)/ruff check timeline tests benchmarks

typecheck: $(VENV)/.dev ## mypy --strict
	$(BIN)/mypy

unit: $(VENV)/.dev ## pytest (warnings are errors)
	$(BIN)/pytest -q

compiled: $(COMPILED)/.built ## The package compiled with mypyc, in build/compiled

# The same tests on the compiled build: its folder comes first on the path, and the
# importlib mode keeps pytest from putting the source tree before it.
unit-compiled: $(COMPILED)/.built ## pytest on the compiled build
	TIMELINE_EXPECT_COMPILED=1 $(BIN)/pytest -q -p no:cacheprovider --import-mode=importlib \
		-o pythonpath="$(COMPILED) ."

eval: $(VENV)/.runtime ## TempEval-3 scores on TimeML (CORPUS=dir, default tbaq-cleaned)
	$(BIN)/timeline-eval $(CORPUS) --worst 10

bench: $(COMPILED)/.built ## Speed and memory against dateparser, compiled build (build/bench.json)
	@$(BYTECODE)
	$(BIN)/python -m benchmarks.run --corpus $(CORPUS) --build $(COMPILED) --json build/bench.json

stress: $(VENV)/.dev $(BUILD_DEPENDENCY) ## Adversarial inputs of 1 and 4 MB: time ratios (not in CI)
	$(ON_BUILD) $(CURDIR)/$(BIN)/python -m benchmarks.stress

fuzz: $(VENV)/.dev ## atheris fuzzing of extract_timeline (FUZZ_SECONDS=1200; not in CI)
	$(PIP) 'atheris>=2.3'
	$(ON_BUILD) $(CURDIR)/$(BIN)/python $(CURDIR)/benchmarks/fuzz.py -max_total_time=$${FUZZ_SECONDS:-1200}

docs: $(VENV)/.dev ## Build the MkDocs site (warnings are errors) into site/
	$(BIN)/mkdocs build --strict

clean: ## Remove the virtual environment and outputs
	rm -rf $(VENV) out build site .mypy_cache .ruff_cache .pytest_cache
