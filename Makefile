# ModelDesk. `make test` and `make demo` create .venv/ on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_DIR := out/demo

TS := resources/translations/modeldesk_zh_CN.ts
QM := $(TS:.ts=.qm)
GUI_SOURCES := $(wildcard desktop_app/*.py desktop_app/pages/*.py)
ENGINE_WORDS := build/engine_sentences.py
SHOTS_LANG := $(if $(filter zh%,$(LANG)),zh_CN,en)
SHOTS_DIR := docs/screenshots$(if $(filter zh_CN,$(SHOTS_LANG)),/zh_CN)

.PHONY: run test demo screenshots bench package clean translations

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	touch $(STAMP)

## run: open the ModelDesk window
run: $(STAMP) $(QM)
	$(VENV)/bin/modeldesk

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
	$(VENV)/bin/pyside6-lupdate $(GUI_SOURCES) $(ENGINE_WORDS) -ts $(TS) -no-obsolete -locations none
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

# the compiled translation (pyside6-lrelease), rebuilt whenever its source changes
$(QM): $(TS) $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm $(QM)

## bench: every benchmark against its same-run baseline (under 10 minutes); writes docs/performance.md
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

## package: a one-folder application for this platform in dist/ModelDesk/ (PyInstaller), then its self-test
package: $(STAMP) $(QM)
	$(PY) -m pip install --disable-pip-version-check -q 'pyinstaller>=6.0'
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/modeldesk.spec
	dist/ModelDesk/ModelDesk --self-test

clean:
	rm -rf $(VENV) out .pytest_cache build dist
