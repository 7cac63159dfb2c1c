"""Render every page of the window to PNG: `make screenshots` (writes docs/screenshots/).

Runs the real window offscreen: loads the bundled digits, trains a model (captured mid-way),
lets it finish, and captures the evaluation with a confusion-matrix cell opened; then the
classifier in the Playground, a GAN mid-way through training, and its generator drawing; then
a translator's data, its training mid-way, and the Playground translating as you type; then a
text generator's data, its training mid-way, and the Playground writing.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait_until(app, condition, timeout_s: float = 120.0) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not reach the expected state in time")
        app.processEvents()
        time.sleep(0.01)


def _gan_shots(app, window, shot) -> None:
    """gan_train.png mid-way through a conditional DCGAN on digits; playground_gan.png drawing with it."""
    window.data_page.select_task("gan")
    window.model_page.select_model("dcgan-conditional")
    window.model_page.epochs_spin.setValue(30)
    train = window.train_page
    window.show_page("Train")
    train.start_training()
    _wait_until(app, lambda: len(train.gan_view.epoch_x) >= 12, timeout_s=300)
    train.toggle_pause()
    _wait_until(app, lambda: train.paused_at() is not None)
    train.refresh_plots()
    shot("Train", "gan_train.png")
    train.toggle_pause()
    _wait_until(app, lambda: train.generator_path is not None and not train.is_running(), timeout_s=300)
    playground = window.playground_page
    window.open_generator_in_playground(train.generator_path)
    _wait_until(app, lambda: playground.generator is not None and playground.generator_panel.is_ready())
    panel = playground.generator_panel
    panel.set_seed(2026)
    panel.set_morph_seeds(11, 2026)
    panel.set_position(0.4)
    _wait_until(app, lambda: panel.is_ready())
    shot("Playground", "playground_gan.png")
    window.data_page.select_task("classify")


def _translate_shots(app, window, shot) -> None:
    """translate_data.png, translate_train.png mid-way (epoch 2 of 6 on numbers:en-fr) and
    playground_translate.png translating as typed, with the attention heat map."""
    window.data_page.select_task("translate")
    _wait_until(app, lambda: not window.data_page.is_loading() and window.state.dataset_spec == "numbers:en-fr")
    shot("Data", "translate_data.png")
    window.model_page.select_model("transformer-small")
    train = window.train_page
    window.show_page("Train")
    train.start_training()
    _wait_until(app, lambda: len(train.translate_view.epoch_x) >= 2, timeout_s=300)
    train.toggle_pause()
    _wait_until(app, lambda: train.paused_at() is not None)
    train.refresh_plots()
    train.translate_view.show_epoch(0)  # the table after epoch 1, when some translations are still wrong
    shot("Train", "translate_train.png")
    train.translate_view.show_epoch(len(train.translate_view.epoch_x) - 1)
    train.toggle_pause()
    _wait_until(app, lambda: train.playground_path is not None and not train.is_running(), timeout_s=300)
    playground = window.playground_page
    window.open_model_in_playground(train.playground_path)
    _wait_until(app, lambda: playground.translator is not None)
    panel = playground.translator_panel
    panel.set_beam(4)
    panel.set_text("four thousand five hundred and eighty-nine")
    _wait_until(app, lambda: panel.is_ready())
    shot("Playground", "playground_translate.png")
    window.data_page.select_task("classify")


def _textgen_shots(app, window, shot) -> None:
    """textgen_data.png (the bundled fables), textgen_train.png mid-way (epoch 6 of 30) and
    playground_textgen.png writing from an opening of its own."""
    window.data_page.select_task("textgen")
    _wait_until(app, lambda: not window.data_page.is_loading() and window.state.dataset_spec == "fables")
    shot("Data", "textgen_data.png")
    train = window.train_page
    window.show_page("Train")
    train.start_training()
    _wait_until(app, lambda: len(train.textgen_view.epoch_x) >= 6, timeout_s=300)
    train.toggle_pause()
    _wait_until(app, lambda: train.paused_at() is not None)
    train.refresh_plots()
    shot("Train", "textgen_train.png")
    train.toggle_pause()
    _wait_until(app, lambda: train.playground_path is not None and not train.is_running(), timeout_s=300)
    playground = window.playground_page
    window.open_model_in_playground(train.playground_path)
    _wait_until(app, lambda: playground.text_generator is not None)
    panel = playground.writer_panel
    panel.set_prompt("The Lion and the ")
    panel.set_seed(7)
    panel.write()
    _wait_until(app, lambda: not panel.is_writing())
    shot("Playground", "playground_textgen.png")
    window.data_page.select_task("classify")


def main(out_dir: str = "docs/screenshots", language: str = "en") -> int:
    """Write data.png, model.png, train.png, evaluate.png, playground.png, gan_train.png,
    playground_gan.png, translate_data.png, translate_train.png, playground_translate.png, textgen_data.png,
    textgen_train.png, playground_textgen.png and runs.png
    into `out_dir`, the window in `language` ("en" or "zh_CN"); return 0."""
    os.environ.setdefault("MODELDESK_HOME", tempfile.mkdtemp(prefix="modeldesk-shots-"))
    from PySide6.QtWidgets import QApplication

    from desktop_app.startup import collect_garbage_in_gui_thread
    from desktop_app.main_window import MainWindow

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    from desktop_app import i18n

    i18n.install(app, language)
    collector = collect_garbage_in_gui_thread()  # noqa: F841
    window = MainWindow()
    window.resize(1180, 780)
    window.show()
    window.start_engine_loading()
    window.data_page.load_spec("digits")
    _wait_until(app, lambda: window.state.engine is not None and window.state.dataset is not None)

    def shot(page: str, name: str) -> None:
        window.show_page(page)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out / name))
        print(f"wrote {out / name}")

    shot("Data", "data.png")
    window.model_page.select_model("cnn-small")
    window.model_page.epochs_spin.setValue(20)
    shot("Model", "model.png")
    window.show_page("Train")
    window.train_page.start_training()
    _wait_until(app, lambda: len(window.train_page.epoch_x) >= 8)
    window.train_page.toggle_pause()
    _wait_until(app, lambda: window.train_page.paused_at() is not None)
    window.train_page.refresh_plots()
    shot("Train", "train.png")
    window.train_page.toggle_pause()
    _wait_until(app, lambda: window.state.result is not None and not window.train_page.is_running())
    evaluation = window.state.result.evaluation
    confusion = evaluation.confusion
    t, p = max(((t, p) for t in range(len(confusion)) for p in range(len(confusion)) if t != p),
               key=lambda cell: confusion[cell[0]][cell[1]])
    window.evaluate_page.show_cell(t, p)
    shot("Evaluate", "evaluate.png")
    model_path = Path(os.environ["MODELDESK_HOME"]) / "digits.onnx"
    window.evaluate_page.export_model(str(model_path))
    _wait_until(app, lambda: model_path.exists() and not window.evaluate_page.is_exporting())
    playground = window.playground_page
    window.show_page("Playground")
    playground.open_model(str(model_path))
    _wait_until(app, lambda: playground.classifier is not None)
    samples = Path(__file__).resolve().parent.parent / "resources" / "samples" / "digits"
    picked = [str(samples / digit / sorted(os.listdir(samples / digit))[0]) for digit in ("3", "5", "8", "9")]
    ready = []
    playground.results_ready.connect(lambda: ready.append(1))
    playground.add_paths(picked)
    _wait_until(app, lambda: bool(ready))
    explained = []
    playground.explain_ready.connect(lambda *args: explained.append(1))
    playground.explain_card(0, True)
    _wait_until(app, lambda: bool(explained))
    shot("Playground", "playground.png")
    _gan_shots(app, window, shot)
    _translate_shots(app, window, shot)
    _textgen_shots(app, window, shot)
    runs = window.runs_page
    runs.refresh()
    shown = runs.run_ids_shown()
    runs.select_runs([shown[-1]] if shown else [])  # the first run: the digits classifier, with its confusion matrix
    shot("Runs", "runs.png")
    window.state.set_training(False)
    window.close()
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Render every page of the window to PNG.")
    parser.add_argument("out_dir", nargs="?", default="docs/screenshots")
    parser.add_argument("--language", default="en", choices=("en", "zh_CN"))
    arguments = parser.parse_args()
    raise SystemExit(main(arguments.out_dir, arguments.language))
