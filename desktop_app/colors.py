"""Colours shared by the pages' plots."""

from __future__ import annotations

from desktop_app.plotting import pg

# White for zero, quickly to light blue so a single mistake stands out, dark blue for the most.
_HEAT_POSITIONS = [0.0, 0.04, 0.25, 0.6, 1.0]
_HEAT_COLORS = [(255, 255, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]


def confusion_colormap() -> pg.ColorMap:
    """The colour map of every confusion-matrix heatmap."""
    return pg.ColorMap(_HEAT_POSITIONS, _HEAT_COLORS)
