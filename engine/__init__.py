"""ModelDesk engine: datasets, models, training, export and inference, without Qt.

Importing this package is cheap: heavy libraries (torch, onnxruntime) are imported by the
submodules that need them, so the desktop window can open before torch is loaded.
"""

__version__ = "0.1.0"
