"""Turning decoded uint8 images into pixmaps for galleries and grids."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap


def array_to_qimage(image: np.ndarray) -> QImage:
    """A QImage that owns a copy of a uint8 (H, W) or (H, W, 1|3) image."""
    array = np.ascontiguousarray(image.squeeze(-1) if image.ndim == 3 and image.shape[2] == 1 else image, dtype=np.uint8)
    height, width = array.shape[:2]
    if array.ndim == 2:
        qimage = QImage(array.data, width, height, width, QImage.Format.Format_Grayscale8)
    else:
        qimage = QImage(array.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    return qimage.copy()  # own the pixels; `array` may be freed


def array_to_pixmap(image: np.ndarray, size: int = 64) -> QPixmap:
    """A QPixmap of a uint8 (H, W) or (H, W, 1|3) image scaled to fit `size` x `size` pixels;
    small images are enlarged with sharp pixels (no blur), large ones smoothly."""
    qimage = array_to_qimage(image)
    height, width = qimage.height(), qimage.width()
    mode = Qt.TransformationMode.FastTransformation if max(height, width) < size else Qt.TransformationMode.SmoothTransformation
    return QPixmap.fromImage(qimage.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, mode))
