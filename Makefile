# Everything runs from a local virtualenv that the first target builds.
VENV   ?= .venv
PYTHON ?= python3
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: brief test lint eval bench smoke install clean

brief: $(STAMP)  ## build the brief of seeds/ into out/
	$(BIN)/briefgen build --config config/brief.yaml --out out

test: $(STAMP)  ## lint, then run the test suite
	$(BIN)/ruff check briefgen tests evaluation bench
	$(BIN)/python -m pytest -q

eval: $(STAMP)  ## facts in the right section, junk, verbatim, quotes and words, per story
	$(BIN)/python -m evaluation.evaluate

bench: $(STAMP)  ## both corpora at 1,000/10,000 articles vs sumy LexRank and bare WeasyPrint; desks
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.desks

smoke:  ## pip install this clone into a fresh venv and build from an empty directory
	scripts/pip-smoke

lint: $(STAMP)
	$(BIN)/ruff check briefgen tests evaluation bench

install: $(STAMP)

$(STAMP): pyproject.toml
	scripts/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) out build *.egg-info
