"""The engine is Qt-free: it imports and trains with PySide6 and pyqtgraph unavailable."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=180)


def test_engine_imports_and_trains_with_qt_blocked(tmp_path):
    result = _run(f"""
        import importlib, pkgutil, sys
        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', 'PyQt5', 'PyQt6', 'qtpy'):
                    raise ImportError('Qt is blocked in this test: ' + name)
                return None
        sys.meta_path.insert(0, BlockQt())
        import engine
        assert 'torch' not in sys.modules, 'import engine must stay light'
        for info in pkgutil.walk_packages(engine.__path__, 'engine.'):
            if info.name != 'engine.__main__':
                importlib.import_module(info.name)
        from engine.train.config import TrainConfig
        from engine.train.run import train_classifier
        r = train_classifier(TrainConfig(dataset='digits', epochs=1), runs_dir=r'{tmp_path}', export=False)
        assert r.epochs_done == 1
        assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph') for m in sys.modules)
        print('ok')
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
