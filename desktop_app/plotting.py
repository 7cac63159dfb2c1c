"""pyqtgraph for the whole window, imported with the first plot, without CUDA's Python bindings.

pyqtgraph's RawImageWidget imports `cuda.bindings` (which torch's CUDA wheels bring along) at
import time, to draw images that live on a GPU; ModelDesk never draws those, and that import
alone cost 0.1-0.2 s on a 2-core machine. The bindings are hidden only while pyqtgraph is
imported: torch and everything after it import them as usual. Modules on the window's start
path (the Data and Model pages, the theme) import this module only when they make a plot, so
the window is painted before pyqtgraph and numpy are loaded.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

UNUSED_AT_START = ("cuda.bindings",)


def import_pyqtgraph() -> ModuleType:
    """pyqtgraph, imported now (once) with `UNUSED_AT_START` hidden from it."""
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    hidden = [name for name in UNUSED_AT_START if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # `import` raises ImportError, which pyqtgraph catches
    try:
        module = importlib.import_module("pyqtgraph")
    finally:
        for name in hidden:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]
    from desktop_app.theme import plot_options

    module.setConfigOptions(**plot_options())  # the theme may have been applied before the first plot
    return module


pg = import_pyqtgraph()
