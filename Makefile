# Two commands for a newcomer: `make evidence` and `make test`.
# Both create .venv if missing and install the toolkit into it; once installed,
# neither touches the network (the install step re-runs only if pyproject.toml changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: evidence test lab install browser clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Build the demo evidence pack from the embedded synthetic study into outputs/.
evidence: $(STAMP)
	$(BIN)/toolkit evidence-pack --demo --out outputs

# Run the whole test suite (the browser test needs Debian's chromium: installed here when possible).
test: $(STAMP) browser
	$(BIN)/python -m pytest -q

browser:
	@tools/ensure-chromium
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
