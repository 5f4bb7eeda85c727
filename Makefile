# Arsip: `make run` sets everything up and serves the samples; `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ARSIP_DATA_DIR ?= ./data

.PHONY: install system-deps run test stress lint format bench clean

# Debian packages for OCR (Tesseract with the Indonesian model) and the test fonts.
# Best effort: without root or apt-get, Arsip still runs and marks scans "OCR unavailable".
APT_PACKAGES := tesseract-ocr tesseract-ocr-ind fonts-dejavu-core

install: system-deps $(STAMP)

system-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx ind; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else echo "note: install $(APT_PACKAGES) for OCR of scans (needs root)"; fi; \
	fi

# Re-installs only when the project's dependencies change (idempotent).
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: install
	$(BIN)/arsip serve --load-samples

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

# Long runs, not part of `make test` (minutes): full-size load, crash and backup runs on
# loopback, hostile files and the API contract; prints the figures in docs/reliability.md.
stress: install
	$(BIN)/pytest -m stress -s

lint: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/ocr_speed.py

clean:
	rm -rf $(VENV) build *.egg-info
