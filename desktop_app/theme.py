"""Light and dark themes: the Qt palette, a few named text tones and the colours of the plots.

The user chooses "system", "light" or "dark" (Preferences; remembered in the settings). "system"
follows the operating system's colour scheme, also when it changes while ModelDesk runs
(`QStyleHints.colorSchemeChanged`, Qt 6.5+). Both themes use the Fusion style, which draws the
same on every platform and honours a dark palette everywhere; light is Fusion's own palette.

How widgets take the theme's colours, so nothing is unreadable in either theme:

- plain widgets get them from the palette;
- labels and boxes that need a meaning (secondary text, an error, a warning box) are given a tone
  with `set_tone(widget, "muted")`; the application style sheet, rewritten on every switch,
  colours each tone for the current theme (a style sheet naming `palette(...)` roles also follows);
- plots are styled with `style_plot(plot)` when they are made (the shared plot helpers do it),
  and every plot alive is styled again when the theme changes; colours read while painting
  come from `colors()`;
- anything else listens to `manager().changed`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget


SYSTEM, LIGHT, DARK = "system", "light", "dark"
CHOICES = (SYSTEM, LIGHT, DARK)
# marked for translation; shown through QCoreApplication.translate("PreferencesDialog", ...)
CHOICE_TITLES = {SYSTEM: QT_TRANSLATE_NOOP("PreferencesDialog", "Same as the system"),
                 LIGHT: QT_TRANSLATE_NOOP("PreferencesDialog", "Light"), DARK: QT_TRANSLATE_NOOP("PreferencesDialog", "Dark")}
SETTINGS_KEY = "appearance/theme"
STYLE = "Fusion"
TONES = ("muted", "error", "success", "warning", "output")


@dataclass(frozen=True)
class ThemeColors:
    """The colours of one theme that the palette does not hold."""

    dark: bool
    plot_background: str
    plot_text: str  # titles, axis labels, tick labels, legend
    plot_axis: str  # axis lines, ticks and (faded) grid lines
    legend_background: tuple[int, int, int, int]
    muted: str  # secondary text (hints, times, notes)
    error: str
    success: str
    warning_background: str
    warning_text: str
    warning_border: str
    output_background: str  # a read-only box of results (a translation)
    right_background: str  # a table cell that is right (a translation exactly right)
    wrong_background: str  # a table cell that is not quite right
    error_background: str  # a table row that is wrong (a picture classified wrongly)


LIGHT_COLORS = ThemeColors(
    dark=False, plot_background="#ffffff", plot_text="#333333", plot_axis="#444444",
    legend_background=(255, 255, 255, 200), muted="#5c5c5c", error="#a1001a", success="#2d6a2d",
    warning_background="#fff4ce", warning_text="#5c4400", warning_border="#e8c66a", output_background="#f5f8fb",
    right_background="#d6f0d6", wrong_background="#ffeccc", error_background="#fde0dc")
DARK_COLORS = ThemeColors(
    dark=True, plot_background="#1e1e1e", plot_text="#dddddd", plot_axis="#a0a0a0",
    legend_background=(40, 40, 40, 200), muted="#ababab", error="#ff8a80", success="#8fd18f",
    warning_background="#4a3c12", warning_text="#ffe7a3", warning_border="#8a6d1f", output_background="#262b31",
    right_background="#1f4a26", wrong_background="#4d3516", error_background="#5a2626")


def dark_palette() -> QPalette:
    """A dark palette for Fusion: light text on dark grey, readable when disabled too."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#272727",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a", QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c", QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535", QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        # Light, Midlight, Mid, Dark and Shadow draw bevels and lines; a few style sheets also use
        # palette(dark) for secondary text, so Dark stays readable on the window colour.
        QPalette.ColorRole.Light: "#505050", QPalette.ColorRole.Midlight: "#424242",
        QPalette.ColorRole.Mid: "#4a4a4a", QPalette.ColorRole.Dark: "#9a9a9a", QPalette.ColorRole.Shadow: "#141414",
        QPalette.ColorRole.Highlight: "#2f7bd6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6cb4ff", QPalette.ColorRole.LinkVisited: "#b99cff",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    if hasattr(QPalette.ColorRole, "Accent"):  # Qt 6.6+
        palette.setColor(QPalette.ColorRole.Accent, QColor("#2f7bd6"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#7d7d7d"))
    palette.setColor(disabled, QPalette.ColorRole.Button, QColor("#303030"))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor("#242424"))
    palette.setColor(disabled, QPalette.ColorRole.Highlight, QColor("#505050"))
    palette.setColor(disabled, QPalette.ColorRole.HighlightedText, QColor("#bdbdbd"))
    return palette


def light_palette() -> QPalette:
    """Fusion's own light palette (not the platform's, which may be dark)."""
    style = QStyleFactory.create(STYLE)
    return style.standardPalette() if style is not None else QPalette()


def style_sheet(colors: ThemeColors) -> str:
    """The application style sheet: one rule per tone (see `set_tone`)."""
    return "\n".join((
        f'*[tone="muted"] {{ color: {colors.muted}; }}',
        f'*[tone="error"] {{ color: {colors.error}; }}',
        f'*[tone="success"] {{ color: {colors.success}; }}',
        f'*[tone="warning"] {{ background: {colors.warning_background}; color: {colors.warning_text}; '
        f'border: 1px solid {colors.warning_border}; border-radius: 4px; padding: 6px; }}',
        f'QPlainTextEdit[tone="output"], QTextEdit[tone="output"] {{ background: {colors.output_background}; }}',
    ))


def set_tone(widget: QWidget, tone: str) -> None:
    """Give `widget` one of TONES ("muted", "error", "success", "warning", "output"): its
    colours then come from the current theme and follow a switch. An empty tone removes it."""
    if tone and tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}; use one of {', '.join(TONES)}")
    if widget.property("tone") == (tone or None):
        return
    widget.setProperty("tone", tone or None)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def tone_of(widget: QWidget) -> str:
    """The tone given to `widget` with `set_tone` ("" when none)."""
    return str(widget.property("tone") or "")


# ----- plots ----------------------------------------------------------------------------------
AXES = ("left", "bottom", "right", "top")


def style_plot(plot) -> None:
    """Colour a pyqtgraph PlotWidget (or PlotItem) for the current theme: background, axes,
    grid, axis labels, title and legend. Curves keep their colours (chosen to read on both)."""
    from desktop_app.plotting import pg

    colors = current_colors()
    if isinstance(plot, pg.GraphicsView):
        plot.setBackground(colors.plot_background)
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    if not isinstance(item, pg.PlotItem):
        return
    axis_pen, text_pen = pg.mkPen(colors.plot_axis), pg.mkPen(colors.plot_text)
    for name in AXES:
        axis = item.getAxis(name)
        axis.setPen(axis_pen)  # also the grid lines, faded by the plot's grid alpha
        axis.setTextPen(text_pen)  # also the axis label
    title = item.titleLabel
    title.opts["color"] = colors.plot_text
    if title.text:
        title.setText(title.text)
    legend = item.legend
    if legend is not None:
        legend.setLabelTextColor(colors.plot_text)
        for _sample, label in legend.items:
            label.setText(label.text)
        if legend.brush().style() != Qt.BrushStyle.NoBrush:
            legend.setBrush(pg.mkBrush(*colors.legend_background))


def restyle_plots(root: QWidget | None = None) -> int:
    """Style every plot under `root` (every plot alive when None) for the current theme, for
    plots made before a switch or by code that set fixed colours; returns how many."""
    if "pyqtgraph" not in sys.modules:
        return 0  # no plot was made yet (pyqtgraph is imported with the first one)
    from desktop_app.plotting import pg

    widgets = root.findChildren(pg.PlotWidget) if root is not None else [
        widget for widget in QApplication.allWidgets() if isinstance(widget, pg.PlotWidget)]
    for widget in widgets:
        style_plot(widget)
    return len(widgets)


def plot_options() -> dict:
    """pyqtgraph's default colours for new plots in the theme in effect."""
    colors = current_colors()
    return {"background": colors.plot_background, "foreground": colors.plot_text}


def plot_title(plot, text: str, size: str = "11pt") -> None:
    """Set a plot's title in the theme's text colour."""
    plot.setTitle(text, color=current_colors().plot_text, size=size)


# ----- the choice and its application ----------------------------------------------------------
def system_is_dark(scheme: Qt.ColorScheme | None = None) -> bool:
    """Whether the operating system asks for a dark look (`scheme` as reported by Qt; read from
    the style hints when None). Unknown counts as light."""
    if scheme is None:
        app = QGuiApplication.instance()
        scheme = app.styleHints().colorScheme() if app is not None else Qt.ColorScheme.Unknown
    return scheme == Qt.ColorScheme.Dark


class ThemeManager(QObject):
    """Applies the chosen theme to the application and follows the system while the choice is
    "system". One per application: use `manager()`."""

    changed = Signal(bool)  # after a switch: whether the theme is now dark

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._choice = SYSTEM
        self._system_dark = system_is_dark()
        self._dark: bool | None = None  # what is applied (None: nothing yet)
        self._style_set = False
        app.styleHints().colorSchemeChanged.connect(self.on_system_scheme_changed)

    def choice(self) -> str:
        return self._choice

    def is_dark(self) -> bool:
        """Whether the theme applied is dark."""
        return bool(self._dark)

    def colors(self) -> ThemeColors:
        return DARK_COLORS if self._dark else LIGHT_COLORS

    def set_choice(self, choice: str) -> None:
        """Use `choice` ("system", "light", "dark"; anything else means "system") from now on."""
        self._choice = choice if choice in CHOICES else SYSTEM
        self.apply()

    def on_system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The operating system switched between light and dark (QStyleHints.colorSchemeChanged)."""
        self._system_dark = scheme == Qt.ColorScheme.Dark
        if self._choice == SYSTEM:
            self.apply()

    def wanted_dark(self) -> bool:
        return self._choice == DARK or (self._choice == SYSTEM and self._system_dark)

    def apply(self, force: bool = False) -> None:
        """Put the theme in effect: style, palette, plot defaults, tones, plots alive."""
        dark = self.wanted_dark()
        if dark == self._dark and not force:
            return
        self._dark = dark
        app = self._app
        if not self._style_set:  # once: with a style sheet in force, app.style() no longer names the style
            app.setStyle(STYLE)
            self._style_set = True
        app.setPalette(dark_palette() if dark else light_palette())
        colors = self.colors()
        if "pyqtgraph" in sys.modules:  # else desktop_app.plotting sets them when it imports pyqtgraph
            sys.modules["pyqtgraph"].setConfigOptions(**plot_options())
        app.setStyleSheet(style_sheet(colors))  # also re-polishes style sheets that name palette roles
        restyle_plots()
        self.changed.emit(dark)


_manager: ThemeManager | None = None


def manager() -> ThemeManager:
    """The application's ThemeManager (made on first use; needs a QApplication)."""
    global _manager
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("The theme needs a QApplication.")
    try:
        alive = _manager is not None and _manager.parent() is app
    except RuntimeError:  # its application was deleted (a new one was made since)
        alive = False
    if not alive:
        _manager = ThemeManager(app)
    return _manager


def current_colors() -> ThemeColors:
    """The colours of the theme in effect (light before any is applied)."""
    if _manager is None or QApplication.instance() is None:
        return LIGHT_COLORS
    return _manager.colors()


def is_dark() -> bool:
    """Whether the theme in effect is dark."""
    return current_colors().dark


def saved_choice(settings) -> str:
    """The theme remembered in `settings` ("system" when missing or damaged)."""
    from desktop_app.settings import choice_setting

    return choice_setting(settings, SETTINGS_KEY, CHOICES, SYSTEM)


def apply_saved_theme() -> ThemeManager:
    """Apply the theme remembered in the settings; returns the manager."""
    from desktop_app.settings import app_settings

    theme = manager()
    theme.set_choice(saved_choice(app_settings()))
    return theme


def choose_theme(choice: str) -> None:
    """Apply `choice` now and remember it (the Preferences dialog)."""
    from desktop_app.settings import app_settings

    choice = choice if choice in CHOICES else SYSTEM
    manager().set_choice(choice)
    settings = app_settings()
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()
