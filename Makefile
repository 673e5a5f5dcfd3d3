# Everything installs from zero: `make test` and `make run` call `setup` first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NATIVE := bot/core/_native.digest

.PHONY: setup native run test lint typecheck unit eval bench bench-load check train clean

setup: $(STAMP) $(NATIVE)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The core's hot modules compiled with mypyc beside their sources (bot/core/_native.py says
# which, and runs the sources if one changed since); without a C compiler, plain Python.
native: $(NATIVE)

$(NATIVE): $(STAMP) $(wildcard bot/core/*.py) scripts/build_native.py
	$(PY) scripts/build_native.py

# Telegram when TELEGRAM_BOT_TOKEN is set (environment or .env), else the console chat.
run: setup
	$(PY) -m bot

check: setup
	$(PY) -m bot check

lint: setup
	$(VENV)/bin/ruff check bot tests bench train scripts
	$(VENV)/bin/ruff format --check bot tests bench train scripts

typecheck: setup
	$(VENV)/bin/mypy

unit: setup
	$(PY) -m pytest

eval: setup
	$(PY) -m bot eval tests/eval

# Retrain knowledge/model/classifier.json from train/corpus, and write the common words the
# typo corrector leaves alone (knowledge/model/common_words.txt); installs scikit-learn and
# wordfreq first.
train: setup
	$(PY) -m pip install --quiet -e '.[train]'
	$(PY) train/common_words.py
	$(PY) train/train.py

bench: setup
	$(PY) bench/bench_core.py

# The Telegram stack under load beside a bare PTB echo bot; medians of 3 rounds (about 6 min).
# BASELINE=DIR: another checkout's bot (e.g. a worktree of main) runs beside this one, old vs new.
bench-load: setup
	$(PY) bench/bench_load.py --repeat 3 $(if $(BASELINE),--baseline $(BASELINE))

test: lint typecheck unit eval

clean:
	rm -f bot/core/*.so $(NATIVE)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
