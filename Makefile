# Two commands take a newcomer from clone to a cited answer: `make run`, then ask (see README).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INDEX ?= .data/index
HOST ?= 127.0.0.1
PORT ?= 8000
export ANONYMIZED_TELEMETRY=False
export HF_HUB_OFFLINE=1
export TRANSFORMERS_OFFLINE=1
export ORT_DISABLE_TELEMETRY=1

.PHONY: setup run test ingest eval clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed (looked for '$(PY)'); set PY=/path/to/python3.11"; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[eval,test]'
	@touch $@

setup: $(VENV)/.installed

ingest: setup
	$(BIN)/python -m ingest corpus --index $(INDEX) --rebuild

run: setup ingest
	$(BIN)/python -m service --index $(INDEX) --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest

eval: setup
	$(BIN)/python -m eval run --questions eval/questions/corpus.jsonl --index $(INDEX) --out eval/out/corpus.json

clean:
	rm -rf .data $(VENV)
