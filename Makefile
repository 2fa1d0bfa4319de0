# idiombench: a thin layer over CMake and scripts/. `make bench` and `make test` are the two
# commands of the README; both install missing Debian packages first (as root).
.PHONY: bench test plots report deps build build-count clean compare clean-runs profile robustness allocators \
        check-valgrind build-fuzz fuzz locked-bench locked-report locked-robustness docs
SHELL := /bin/bash
include idiom.conf

RELEASE_DIR := build/release
TEST_DIR := build/sanitize
COUNT_DIR := build/count
FUZZ_DIR := build/fuzz
INSTR ?= 1
CPYTHON ?= 1
ALLOC ?= glibc
QUICK ?= 0
ONLY ?=
BENCH_ARGS ?=
SEED ?= $(IDIOM_DEFAULT_SEED)
KEEP_RUNS ?= $(IDIOM_KEEP_RUNS)
BASE ?=
HEAD ?=
RUN ?=
export QUICK ONLY BENCH_ARGS SEED KEEP_RUNS INSTR CPYTHON ALLOC FUZZ_RUNS RUN

# bench, report and robustness hold the results folder's run lock from before they install and
# build (scripts/locked.sh): a second one started meanwhile refuses at once, naming the first.
bench:
	@scripts/locked.sh "make bench" $(MAKE) --no-print-directory locked-bench
locked-bench: build $(if $(filter 0,$(INSTR)),,build-count)
	@scripts/bench.sh

plots: build
	@scripts/plots.sh results plots $(subst $(comma), ,$(ONLY))

# Summary, charts and REPORT.md again from the results already there, or from the archived run
# RUN=<run-id> (one whose charts or report failed, say); measures nothing.
report:
	@scripts/locked.sh "make report" $(MAKE) --no-print-directory locked-report
locked-report: build
	@scripts/report.sh

test: deps build-fuzz
	@scripts/deps.sh compare
	@cmake -S . -B $(TEST_DIR) -DCMAKE_BUILD_TYPE=Debug -DIDIOM_SANITIZE=ON >/dev/null
	@cmake --build $(TEST_DIR) -j2 -- --no-print-directory
	@ctest --test-dir $(TEST_DIR) --output-on-failure -j2
	@ctest --test-dir $(FUZZ_DIR) --output-on-failure -j2

# The fuzz targets (tests/fuzz/), built by clang with libFuzzer and the sanitizers.
build-fuzz: deps
	@cmake -S . -B $(FUZZ_DIR) -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DIDIOM_FUZZ=ON \
	       -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build $(FUZZ_DIR) -j2 -- --no-print-directory

# Each fuzz target for FUZZ_RUNS executions (1,000,000 by default), growing tests/fuzz/corpus/.
fuzz: build-fuzz
	@scripts/fuzz.sh

build: deps
	@cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(RELEASE_DIR) -j2 -- --no-print-directory

# The instruction-count build: the same sources for x86-64-v3, which valgrind 3.19 can decode
# (it cannot decode the AVX-512 that -march=native emits here).
build-count: deps
	@cmake -S . -B $(COUNT_DIR) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DIDIOM_MARCH=x86-64-v3 >/dev/null
	@cmake --build $(COUNT_DIR) -j2 -- --no-print-directory

# How robust is each verdict: every claim's pairs again under each setting of AXES (allocator, compiler,
# layout; all three by default): results/robustness.csv, plots/robustness.*, the report's section and
# each card's table. `make allocators` is the allocator axis alone.
AXES ?= allocator,compiler,layout
export AXES
robustness:
	@scripts/locked.sh "make robustness" $(MAKE) --no-print-directory locked-robustness
allocators:
	@scripts/locked.sh "make allocators" $(MAKE) --no-print-directory locked-robustness AXES=allocator
locked-robustness: build
	@scripts/robustness.sh

# valgrind's memcheck over every bench executable (setup and checked run of each variant) and the tools.
check-valgrind: build build-count
	@scripts/check_valgrind.sh

# One benchmark case profiled: ONLY=<comparison> VARIANT=<variant> X=<x> [SETUP=1].
profile: build-count
	@VARIANT="$(VARIANT)" X="$(X)" SETUP="$(SETUP)" scripts/profile.sh

# Change per benchmark and per claim between two archived runs (results/runs/<run-id>).
compare:
	@scripts/deps.sh compare
	@scripts/compare.sh "$(BASE)" $(HEAD)

clean-runs:
	rm -rf results/runs

# The parts of docs/ that live in code (the sweep CSV's columns, idiom.conf's settings), rewritten from it.
docs: build
	@scripts/docs.sh

deps:
	@scripts/deps.sh

clean:
	rm -rf build results/.staging.* plots/.drawing.* plots/*.svg plots/*.png
	find results -maxdepth 1 -type f ! -name README.md -delete

comma := ,
