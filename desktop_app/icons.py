"""The ModelDesk icon, crisp at every size and screen scale.

The SVG (`resources/icons/modeldesk.svg`) is drawn at whatever size a window manager, task bar
or high-DPI screen asks for; the PNGs beside it are used where Qt has no SVG support (the
`iconengines/qsvgicon` and `imageformats/qsvg` plugins missing from a stripped build).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImageReader

from engine.paths import resources_dir

ICON_NAME = "modeldesk"
PNG_SIZES = (64, 256)


def svg_supported() -> bool:
    """Whether Qt here can read SVG files (the QtSvg image format plugin)."""
    return b"svg" in {bytes(name).lower() for name in QImageReader.supportedImageFormats()}


def app_icon() -> QIcon:
    """The application and window icon: the SVG where Qt can draw it, with the PNGs added for
    their exact sizes (and as the only source where it cannot). Null only if the files are gone."""
    folder = resources_dir() / "icons"
    svg = folder / f"{ICON_NAME}.svg"
    icon = QIcon(str(svg)) if svg.is_file() and svg_supported() else QIcon()
    if not icon.isNull() and icon.availableSizes() == [] and icon.pixmap(QSize(16, 16)).isNull():
        icon = QIcon()  # the SVG could not be drawn after all
    for size in PNG_SIZES:
        png = folder / f"{ICON_NAME}-{size}.png"
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return icon
