# ModelDesk. `make run`, `make test` and `make demo` create .venv/ on first use.
# Linux, macOS, and Windows with GNU make in a POSIX shell (Git Bash); README.md, "Before you start".
VENV := .venv
# what the first install downloads (measured with pip for Python 3.11; README.md says more)
ifeq ($(OS),Windows_NT)
# on Windows `python3` is often the Microsoft Store's stub; `make run PYTHON="py -3.12"` picks one
PYTHON ?= python
BIN := $(VENV)/Scripts
EXE := .exe
DOWNLOAD := about 0.6 GB (PyTorch, Qt, ONNX Runtime)
else
PYTHON ?= python3
BIN := $(VENV)/bin
EXE :=
SYSTEM := $(shell uname -sm)
ifeq ($(SYSTEM),Linux x86_64)
DOWNLOAD := about 3.6 GB (PyTorch with its NVIDIA CUDA libraries), 6.5 GB once installed
else ifeq ($(firstword $(SYSTEM)),Darwin)
DOWNLOAD := about 0.65 GB (PyTorch, Qt, ONNX Runtime)
else
DOWNLOAD := PyTorch, Qt and ONNX Runtime, up to several GB
endif
endif
PY := $(BIN)/python$(EXE)
STAMP := $(VENV)/.installed
GOAL := $(or $(firstword $(MAKECMDGOALS)),run)
DEMO_DIR := out/demo

TS := resources/translations/modeldesk_zh_CN.ts
QM := $(TS:.ts=.qm)
GUI_SOURCES := $(wildcard desktop_app/*.py desktop_app/pages/*.py)
ENGINE_WORDS := build/engine_sentences.py
SHOTS_LANG := $(if $(filter zh%,$(LANG)),zh_CN,en)
SHOTS_DIR := docs/screenshots$(if $(filter zh_CN,$(SHOTS_LANG)),/zh_CN)

.PHONY: run check test demo screenshots bench package clean translations

# ModelDesk and its Python packages, installed into .venv/ (again whenever pyproject.toml changes)
$(STAMP): pyproject.toml | $(PY)
	@$(PY) -m pip --version >/dev/null 2>&1 || { \
	  echo "$(VENV)/ is incomplete (an earlier try stopped half-way): remove it (rm -rf $(VENV)) and run make $(GOAL) again."; \
	  exit 1; }
	@echo "Installing ModelDesk and its Python packages into $(VENV)/ with pip:"
	$(PY) -m pip install --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

# The virtual environment, made once: first the Python version; when `venv` cannot work because
# ensurepip is missing (Debian and Ubuntu ship it apart, in python3-venv), the package to install
# instead of Python's own message. A half-made .venv/ (python, no pip) is removed so the next try
# starts afresh.
$(PY):
	@v=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2]); sys.exit(sys.version_info < (3, 11))' 2>/dev/null); \
	rc=$$?; \
	if [ -z "$$v" ]; then \
	  echo "ModelDesk needs Python 3.11 or newer, and '$(PYTHON)' does not run here. Install Python 3.11 or newer (README.md, \"Before you start\"), then run: make $(GOAL) PYTHON=python3.12 (naming the Python you installed)"; \
	  exit 1; \
	elif [ $$rc -ne 0 ]; then \
	  echo "ModelDesk needs Python 3.11 or newer, and '$(PYTHON)' is Python $$v. Install Python 3.11 or newer (README.md, \"Before you start\"), then run: make $(GOAL) PYTHON=python3.12 (naming the Python you installed)"; \
	  exit 1; \
	fi; \
	echo "Creating the virtual environment $(VENV)/ with $(PYTHON) (Python $$v)."; \
	if ! out=$$($(PYTHON) -m venv $(VENV) 2>&1); then \
	  rm -rf $(VENV); \
	  if echo "$$out" | grep -q ensurepip; then \
	    echo "Python cannot create $(VENV)/ because its venv module lacks ensurepip, which Debian and Ubuntu ship separately: install it with 'sudo apt install python3-venv' (or, for Python $$v exactly, 'sudo apt install python$$v-venv'), then run make $(GOAL) again."; \
	  else \
	    echo "$$out"; echo "Python could not create $(VENV)/ (its message is above)."; \
	  fi; \
	  exit 1; \
	fi
	@echo "Next, pip downloads and installs ModelDesk's Python packages: $(DOWNLOAD). The first time takes a few minutes; pip shows its progress below."

## run: open the ModelDesk window
run: $(STAMP) $(QM)
	$(BIN)/modeldesk$(EXE)

## check: what this computer has for ModelDesk (the window's system libraries, camera, GPU and driver, ONNX Runtime's CUDA provider)
check: $(STAMP)
	$(BIN)/modeldesk$(EXE) --check

## test: run the whole test suite headless
test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

## demo: train cnn-small on the bundled digits, export ONNX, classify the bundled sample images
demo: $(STAMP)
	mkdir -p $(DEMO_DIR)
	$(PY) -m engine train --dataset digits --model cnn-small --export $(DEMO_DIR)/digits-cnn-small.onnx
	$(PY) -m engine predict $(DEMO_DIR)/digits-cnn-small.onnx resources/samples/digits --top-k 3

## screenshots: render every page to docs/screenshots/*.png (offscreen); LANG=zh_CN: the Chinese set in docs/screenshots/zh_CN/
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop_app.screenshots $(SHOTS_DIR) --language $(SHOTS_LANG)

## translations: refresh the translation source from the code (pyside6-lupdate; the engine's Sentence templates too), then compile it
translations: $(STAMP)
	$(PY) -m desktop_app.engine_words $(ENGINE_WORDS)
	$(BIN)/pyside6-lupdate$(EXE) $(GUI_SOURCES) $(ENGINE_WORDS) -ts $(TS) -no-obsolete -locations none
	$(BIN)/pyside6-lrelease$(EXE) -silent $(TS) -qm $(QM)

# the compiled translation (pyside6-lrelease), rebuilt whenever its source changes
$(QM): $(TS) $(STAMP)
	$(BIN)/pyside6-lrelease$(EXE) -silent $(TS) -qm $(QM)

## bench: every benchmark against its same-run baseline (under 10 minutes); writes docs/performance.md
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

## package: a one-folder application for this platform in dist/ModelDesk/ (PyInstaller), then its self-test
package: $(STAMP) $(QM)
	$(PY) -m pip install --disable-pip-version-check -q 'pyinstaller>=6.0'
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/modeldesk.spec
	dist/ModelDesk/ModelDesk$(EXE) --self-test

clean:
	rm -rf $(VENV) out .pytest_cache build dist
