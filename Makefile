# ModelDesk. `make test` and `make demo` create .venv/ on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DIR := out/demo

.PHONY: run test demo screenshots bench package clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	touch $(STAMP)

## run: open the ModelDesk window
run: $(STAMP)
	$(VENV)/bin/modeldesk

## test: run the whole test suite headless
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

## demo: train cnn-small on the bundled digits, export ONNX, classify the bundled sample images
demo: $(STAMP)
	mkdir -p $(DEMO_DIR)
	$(PY) -m engine train --dataset digits --model cnn-small --export $(DEMO_DIR)/digits-cnn-small.onnx
	$(PY) -m engine predict $(DEMO_DIR)/digits-cnn-small.onnx resources/samples/digits --top-k 3

## screenshots: render every page to docs/screenshots/*.png (offscreen)
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m desktop_app.screenshots docs/screenshots

## bench: every benchmark against its same-run baseline (under 10 minutes); writes docs/performance.md
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

## package: a one-folder application for this platform in dist/ModelDesk/ (PyInstaller), then its self-test
package: $(STAMP)
	$(PY) -m pip install --disable-pip-version-check -q 'pyinstaller>=6.0'
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/modeldesk.spec
	dist/ModelDesk/ModelDesk --self-test

clean:
	rm -rf $(VENV) out .pytest_cache build dist
