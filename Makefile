# Two commands for a newcomer: `make evidence` and `make test`.
# Both create .venv if missing and install the toolkit into it; once installed,
# neither touches the network (the install step re-runs only if pyproject.toml changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: evidence test install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

evidence: $(STAMP)
	$(BIN)/toolkit evidence-pack --demo --out outputs

test: $(STAMP)
	$(BIN)/python -m pytest -q

clean:
	rm -rf outputs
