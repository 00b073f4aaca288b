# Two commands for a newcomer: `make evidence` and `make test`.
# Both create .venv if missing and install the toolkit into it; once installed,
# neither touches the network. The install step re-runs only when the dependencies,
# entry points or build requirements in pyproject.toml change (not its other parts).
#
# Air-gapped laptops: on a connected machine run `make wheelhouse` (every wheel the
# toolkit needs goes into wheelhouse/), copy the project folder with wheelhouse/ to the
# laptop, then `make install` there: with wheelhouse/ present pip never uses the network.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEPS   := $(VENV)/.dependencies
WHEELHOUSE ?= wheelhouse
WHEELHOUSE_EXTRAS ?= test,lab
OFFLINE := $(if $(wildcard $(WHEELHOUSE)/*.whl),--no-index --find-links $(WHEELHOUSE),)

SHELL := /bin/bash
.PHONY: evidence test typecheck lint lab install browser clean wheelhouse

install: $(STAMP)

# the parts of pyproject.toml an install depends on; rewritten only when they change
$(DEPS): pyproject.toml
	@mkdir -p $(VENV)
	@$(PYTHON) -c "import json, tomllib; p = tomllib.load(open('pyproject.toml', 'rb')); \
	  q = p['project']; print(json.dumps([p.get('build-system'), q.get('requires-python'), \
	  q.get('dependencies'), q.get('optional-dependencies'), q.get('scripts')], indent=1, sort_keys=True))" > $@.new
	@if cmp -s $@.new $@; then rm $@.new; touch -r $(STAMP) $@ 2>/dev/null || true; else mv $@.new $@; fi

$(STAMP): $(DEPS)
	@echo "Installing the toolkit and its dependencies into $(VENV)$(if $(OFFLINE), from $(WHEELHOUSE)/ (offline),)."
	@echo "The first time this takes several minutes; later runs skip it."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check $(OFFLINE) --upgrade pip
	@$(BIN)/python -m pip install --disable-pip-version-check --progress-bar on $(OFFLINE) -e '.[test]' \
	  | grep --line-buffered -E '^(Collecting|Installing collected|Successfully installed)' | cut -c1-100; \
	  test $${PIPESTATUS[0]} -eq 0
	@touch $(STAMP)
	@echo "Installed: $$($(BIN)/toolkit --version)"

# Every wheel the toolkit needs (dependencies, test and lab extras, the build backend, pip),
# for an install with no network at all (see the README, "Air-gapped laptops").
wheelhouse:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip download --disable-pip-version-check --dest $(WHEELHOUSE) pip 'setuptools>=77'
	$(BIN)/python -m pip wheel --disable-pip-version-check --wheel-dir $(WHEELHOUSE) '.[$(WHEELHOUSE_EXTRAS)]'
	@echo "$(WHEELHOUSE)/ holds $$(ls $(WHEELHOUSE) | wc -l) files: copy the project folder with it to the offline machine"

# Build the demo evidence pack from the embedded synthetic study into outputs/.
evidence: $(STAMP)
	$(BIN)/toolkit evidence-pack --demo --out outputs

# Run the whole test suite (tests that open the pack need Chromium, LibreOffice and poppler: installed here when possible).
test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n auto --dist loadfile

# Static type check of the package (settings in pyproject.toml, [tool.mypy]).
typecheck: $(STAMP)
	$(BIN)/python -m mypy

# ruff: lint rules and formatting as configured in pyproject.toml (CI runs both)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

browser:
	@tools/ensure-test-tools
	@tools/ensure-axe

# JupyterLab in the project environment, kernel registered, notebooks open.
# Offline: no extension manager on PyPI, no update or news checks.
LAB_FLAGS := --LabApp.extension_manager=readonly \
	--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
	$(if $(filter 0,$(shell id -u)),--allow-root,)
lab: $(STAMP) $(VENV)/.lab-installed
	$(BIN)/jupyter lab $(LAB_FLAGS) $(LAB_ARGS) notebooks/00-start-here.ipynb

$(VENV)/.lab-installed: pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	$(BIN)/python -m ipykernel install --sys-prefix --name online-harms-toolkit \
		--display-name "Python (online-harms toolkit)"
	@touch $@

clean:
	rm -rf outputs
