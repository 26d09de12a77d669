# Two commands take a newcomer from clone to a cited answer: `make run`, then ask (see README).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= .data/index
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the test suite drives: chromium (the widget's browser tests; never a downloaded browser).
SYSTEM_PACKAGES ?= chromium postgresql
SYSTEM_COMMANDS ?= /usr/bin/chromium /usr/lib/postgresql/*/bin/initdb
export ANONYMIZED_TELEMETRY=False
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export ORT_DISABLE_TELEMETRY=1

.PHONY: setup system-packages run test ingest eval clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (looked for '$(PY)'); set PY=/path/to/python3.11"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[eval,test]'
	@touch $@

# Installs the Debian packages the tests need (chromium for the browser tests, postgresql for the tests that
# start their own PostgreSQL server) when they are missing and this user may install packages
# (root, or password-less sudo); otherwise stops with the one command to run.
system-packages:
	@missing=""; for cmd in $(SYSTEM_COMMANDS); do ls $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing Debian packages for the test suite: $(SYSTEM_PACKAGES) (missing:$$missing)"; \
	if [ "$$(id -u)" = 0 ]; then run=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then run="sudo -n"; \
	else echo "make: the test suite needs Debian packages '$(SYSTEM_PACKAGES)': run 'sudo apt-get install -y $(SYSTEM_PACKAGES)', then 'make test' again"; exit 2; fi; \
	command -v apt-get >/dev/null || { echo "make: no apt-get here: install '$(SYSTEM_PACKAGES)' with this system's package manager (chromium must be at /usr/bin/chromium), then 'make test' again"; exit 2; }; \
	$$run apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$run apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null \
	  || { echo "make: 'apt-get install -y $(SYSTEM_PACKAGES)' failed (see above); install them, then 'make test' again"; exit 2; }

# setup = the Python environment and the system packages the tests drive; `make run` needs only the former.
setup: $(VENV)/.installed system-packages

ingest: $(VENV)/.installed
	$(BIN)/python -m ingest corpus --index $(INDEX) --rebuild

run: $(VENV)/.installed ingest
	$(BIN)/python -m service --index $(INDEX) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest

eval: $(VENV)/.installed
	$(BIN)/python -m eval run --questions eval/questions/corpus.jsonl --index $(INDEX) --out eval/out/corpus.json

clean:
	rm -rf .data $(VENV)
