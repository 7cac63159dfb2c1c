"""Before Qt starts: can the window open on this computer, and if not, what to install.

Qt aborts the whole process when its platform plugin cannot load ("Could not load the Qt
platform plugin "xcb" ... Aborted"), which tells a person nothing they can act on. This module
finds the same problems first, without loading Qt's GUI libraries into a state it cannot back
out of: the platform plugin Qt will use (the `QT_QPA_PLATFORM` list, or on Linux Wayland then
X11), each system library it lacks (as `ldd` reports them), and whether a display answers. It
turns them into one paragraph naming the libraries and the exact command that installs them on
this distribution (apt, dnf or pacman).

It imports nothing from Qt; `desktop_app.app` runs it before the first Qt import.
"""

from __future__ import annotations

import ctypes
import importlib.util
import logging
import os
import re
import shlex
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

log = logging.getLogger(__name__)

# Platforms that need no display and no window-system libraries: left alone (tests, benchmarks).
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"})
PLUGIN_FILES = {"xcb": ("libqxcb.so",), "wayland": ("libqwayland.so", "libqwayland-generic.so", "libqwayland-egl.so")}
DISPLAY_WORDS = {"xcb": "X11", "wayland": "Wayland"}


@dataclass(frozen=True)
class Package:
    """The package that provides one library, on each family of distributions."""

    apt: str
    dnf: str
    pacman: str


# The libraries Qt's window plugins and Qt's GUI library link to, and what provides them. A
# library not listed gets Debian's naming rule (see `_debian_guess`) and a search hint elsewhere.
PACKAGES: dict[str, Package] = {
    "libxcb-cursor.so.0": Package("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": Package("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": Package("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": Package("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": Package("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": Package("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb.so.1": Package("libxcb1", "libxcb", "libxcb"),
    "libxcb-randr.so.0": Package("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render.so.0": Package("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape.so.0": Package("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": Package("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": Package("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes.so.0": Package("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": Package("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-xinerama.so.0": Package("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput.so.0": Package("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-glx.so.0": Package("libxcb-glx0", "libxcb", "libxcb"),
    "libX11.so.6": Package("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": Package("libx11-xcb1", "libX11-xcb", "libx11"),
    "libxkbcommon.so.0": Package("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": Package("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libEGL.so.1": Package("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": Package("libgl1", "libglvnd-glx", "libglvnd"),
    "libGLX.so.0": Package("libglx0", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": Package("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libGLdispatch.so.0": Package("libglvnd0", "libglvnd", "libglvnd"),
    "libfontconfig.so.1": Package("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": Package("libfreetype6", "freetype", "freetype2"),
    "libglib-2.0.so.0": Package("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0.so.0": Package("libglib2.0-0", "glib2", "glib2"),
    "libdbus-1.so.3": Package("libdbus-1-3", "dbus-libs", "dbus"),
    "libz.so.1": Package("zlib1g", "zlib", "zlib"),
    "libSM.so.6": Package("libsm6", "libSM", "libsm"),
    "libICE.so.6": Package("libice6", "libICE", "libice"),
    "libwayland-client.so.0": Package("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor.so.0": Package("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl.so.1": Package("libwayland-egl1", "libwayland-egl", "wayland"),
    "libpulse.so.0": Package("libpulse0", "pulseaudio-libs", "libpulse"),
}

# /etc/os-release ID and ID_LIKE words, and the package manager of that family.
FAMILIES = {
    "apt": ("debian", "ubuntu", "linuxmint", "pop", "raspbian", "elementary", "zorin", "kali", "neon"),
    "dnf": ("fedora", "rhel", "centos", "rocky", "almalinux", "nobara"),
    "pacman": ("arch", "manjaro", "endeavouros", "garuda", "cachyos"),
}
INSTALL = {"apt": "apt install", "dnf": "dnf install", "pacman": "pacman -S --needed"}


@dataclass(frozen=True)
class Finding:
    """One thing found: a plain sentence, the libraries it is about, the command that fixes it
    (empty when none is known) and whether it stops the window from opening."""

    sentence: str
    libraries: tuple[str, ...] = ()
    command: str = ""
    blocking: bool = True


@dataclass
class Computer:
    """What the pre-flight reads about this computer; tests hand in their own."""

    platform: str = field(default_factory=lambda: sys.platform)
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    os_release: str | None = None  # /etc/os-release's text; read when None
    is_root: bool = field(default_factory=lambda: hasattr(os, "geteuid") and os.geteuid() == 0)
    plugin_dir: Path | None = None  # Qt's platforms/ plugin folder; found when None
    ldd: Callable[[Path], str] | None = None  # `ldd` output for a file; the real ldd when None
    loads: Callable[[Path], bool] | None = None  # whether a library loads; dlopen when None
    display_answers: Callable[[str, str], bool] | None = None  # (platform, display) -> reachable

    def release(self) -> str:
        if self.os_release is None:
            try:
                self.os_release = Path("/etc/os-release").read_text(encoding="utf-8", errors="replace")
            except OSError:
                self.os_release = ""
        return self.os_release


@dataclass(frozen=True)
class Verdict:
    """The pre-flight's answer: whether the window can open, what was found, and the platform to
    ask Qt for when the one it would pick by itself cannot work (None: leave Qt's choice alone)."""

    can_start: bool
    findings: tuple[Finding, ...]
    platform_override: str | None = None
    platforms: tuple[tuple[str, tuple[Finding, ...]], ...] = ()  # each platform checked, with its findings

    def message(self) -> str:
        """One plain paragraph (and the commands, each on its own line) for the terminal."""
        return window_message(self.findings)


# ----- what Qt will try ------------------------------------------------------------------------
def platform_candidates(computer: Computer) -> list[str] | None:
    """The platform plugins Qt will try, in order; None when there is nothing to check (macOS,
    Windows, or a QT_QPA_PLATFORM that needs no display, such as offscreen)."""
    if not computer.platform.startswith("linux"):
        return None
    chosen = computer.env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        names = [name.split(":", 1)[0].strip().lower() for name in chosen.split(";") if name.strip()]
        if not names or names[0] in HEADLESS_PLATFORMS:
            return None
        return [name for name in names if name in PLUGIN_FILES] or None
    if _wayland_session(computer.env):
        return ["wayland", "xcb"]
    return ["xcb"]


def _wayland_session(env: Mapping[str, str]) -> bool:
    return bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE", "").lower() == "wayland"


def pyside_dir() -> Path | None:
    """PySide6's package folder (Qt's libraries and plugins are under its `Qt/`), found without
    importing it; None when PySide6 is not installed."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def qt_plugin_dir(env: Mapping[str, str]) -> Path | None:
    """Qt's `platforms` plugin folder, found without importing Qt (None when it cannot be found)."""
    override = env.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if override:
        return Path(override)
    base = pyside_dir()
    folder = base / "Qt" / "plugins" / "platforms" if base is not None else None
    return folder if folder is not None and folder.is_dir() else None


def plugin_path(name: str, folder: Path | None) -> Path | None:
    """The plugin file for platform `name` in `folder`, or None."""
    if folder is None:
        return None
    return next((folder / file for file in PLUGIN_FILES.get(name, ()) if (folder / file).exists()), None)


# ----- libraries ---------------------------------------------------------------------------------
def library_loads(path: Path) -> bool:
    """True when the dynamic loader can load `path` with everything it links to. A plugin that
    loads stays loaded, as Qt would load it a moment later anyway."""
    try:
        ctypes.CDLL(str(path))
        return True
    except OSError as exc:
        log.info("%s does not load: %s", path, exc)
        return False


def run_ldd(path: Path) -> str:
    """`ldd path`'s output, or '' when ldd is not there or fails."""
    try:
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("ldd %s failed: %s", path, exc)
        return ""
    return done.stdout + done.stderr


def missing_from_ldd(output: str) -> list[str]:
    """The library names `ldd` reports as 'not found', each once, in order."""
    names: list[str] = []
    for line in output.splitlines():
        match = re.match(r"\s*(\S+)\s*=>\s*not found", line)
        if match and match.group(1) not in names:
            names.append(match.group(1))
    return names


def missing_libraries(path: Path, computer: Computer) -> list[str]:
    """The system libraries `path` needs and cannot find; empty when it loads. Loading is tried
    first (cheap, and the answer that counts); `ldd` is asked only when that fails, to name every
    missing library at once rather than the first."""
    loads = computer.loads or library_loads
    if loads(path):
        return []
    missing = missing_from_ldd((computer.ldd or run_ldd)(path))
    return missing or ["?"]  # it does not load, and ldd names no missing library


# ----- packages ----------------------------------------------------------------------------------
def package_family(os_release: str) -> str | None:
    """'apt', 'dnf' or 'pacman' for the distribution described by /etc/os-release's text."""
    fields = dict(re.findall(r'^(\w+)=["\']?([^"\'\n]*)', os_release, flags=re.MULTILINE))
    words = (fields.get("ID", "") + " " + fields.get("ID_LIKE", "")).lower().split()
    for word in words:
        for family, ids in FAMILIES.items():
            if word in ids:
                return family
    return None


def _debian_guess(library: str) -> str:
    """Debian's package naming rule for a library: its name and major version, e.g.
    'libfoo-bar.so.2' -> 'libfoo-bar2', 'libfoo2.so.1' -> 'libfoo2-1'."""
    match = re.match(r"(.+?)\.so\.(\d+)", library)
    if not match:
        return library
    stem, major = match.group(1).lower(), match.group(2)
    return f"{stem}-{major}" if stem[-1].isdigit() else f"{stem}{major}"


def install_command(libraries: list[str], computer: Computer) -> str:
    """The command that installs the packages providing `libraries` on this distribution, or
    '' when the distribution is not one we know (the libraries are named in the sentence)."""
    family = package_family(computer.release())
    if family is None or not libraries:
        return ""
    packages: list[str] = []
    for library in libraries:
        known = PACKAGES.get(library)
        if known is not None:
            name = getattr(known, family)
        elif family == "apt":
            name = _debian_guess(library)
        else:
            return ""  # no reliable name; the sentence names the library
        if name not in packages:
            packages.append(name)
    sudo = "" if computer.is_root else "sudo "
    return f"{sudo}{INSTALL[family]} {' '.join(shlex.quote(p) for p in packages)}"


# ----- displays ------------------------------------------------------------------------------------
def display_of(name: str, env: Mapping[str, str]) -> str:
    """The display platform `name` would connect to ('' when none is set)."""
    if name == "xcb":
        return env.get("DISPLAY", "")
    if name == "wayland":
        return env.get("WAYLAND_DISPLAY", "") or ("wayland-0" if env.get("XDG_SESSION_TYPE") == "wayland" else "")
    return ""


def display_reachable(name: str, display: str, env: Mapping[str, str] | None = None) -> bool:
    """True when something listens where `display` points: an X server's socket (local, abstract
    or TCP) or the Wayland compositor's socket. Nothing is sent to it."""
    env = os.environ if env is None else env
    if name == "wayland":
        runtime = env.get("XDG_RUNTIME_DIR", "")
        path = Path(display) if display.startswith("/") else Path(runtime) / display
        return path.exists()
    match = re.match(r"^(?:unix/)?([^:]*):(\d+)(?:\.\d+)?$", display)
    if not match:
        return True  # a form we do not parse (launchd paths...): let Qt try
    host, number = match.group(1), int(match.group(2))
    if host in ("", "unix"):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return True
        return _connects(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}")
    return _connects(socket.AF_INET, (host, 6000 + number))


def _connects(family: int, address) -> bool:
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.settimeout(1.0)
            probe.connect(address)
        return True
    except OSError:
        return False


# ----- the verdict ---------------------------------------------------------------------------------
def check_platform(name: str, computer: Computer) -> list[Finding]:
    """What stops platform `name` from working here (empty when nothing does)."""
    findings: list[Finding] = []
    folder = computer.plugin_dir or qt_plugin_dir(computer.env)
    plugin = plugin_path(name, folder)
    words = DISPLAY_WORDS[name]
    if plugin is None:
        log.info("no %s plugin file found in %s; not checked", name, folder)
    else:
        missing = missing_libraries(plugin, computer)
        if missing == ["?"]:
            # no library is missing, so something else (a symbol, a version) failed the load: Qt
            # may still manage (it loads lazily), and only Qt can say more
            log.warning("%s does not load, and ldd names no missing library; leaving it to Qt", plugin)
        elif missing:
            count = len(missing)
            findings.append(Finding(
                f"Qt's {words} window support needs {count} system {'library' if count == 1 else 'libraries'} "
                f"that {'is' if count == 1 else 'are'} not installed: {', '.join(missing)}.",
                tuple(missing), install_command(missing, computer)))
    display = display_of(name, computer.env)
    if not display:
        findings.append(Finding(f"No {words} display was found (the {_display_variable(name)} variable is empty)."))
    elif not (computer.display_answers or display_reachable)(name, display):
        findings.append(Finding(f"No {words} display answers at '{display}' ({_display_variable(name)})."))
    return findings


def _display_variable(name: str) -> str:
    return "DISPLAY" if name == "xcb" else "WAYLAND_DISPLAY"


def preflight(computer: Computer | None = None) -> Verdict:
    """Whether the Qt window can open here. The window can open when any platform Qt will try
    works; the findings of the ones that do not are kept (blocking only when none works). When Qt
    would pick Wayland first and only X11 works, the verdict asks for 'xcb' so Qt does not abort
    on its first choice."""
    computer = computer or Computer()
    candidates = platform_candidates(computer)
    if not candidates:
        return Verdict(True, ())
    results = {name: tuple(check_platform(name, computer)) for name in candidates}
    checked = tuple(results.items())
    working = [name for name in candidates if not results[name]]
    if working:
        notes = tuple(Finding(f.sentence, f.libraries, f.command, blocking=False)
                      for name in candidates if name not in working for f in results[name])
        chose_itself = not computer.env.get("QT_QPA_PLATFORM")
        override = working[0] if chose_itself and working[0] != candidates[0] else None
        return Verdict(True, notes, override, checked)
    return Verdict(False, tuple(f for name in candidates for f in results[name]), None, checked)


def window_message(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """The paragraph a person reads when the window cannot open: what is missing, the exact
    commands that install it, and what still works without a window."""
    blocking = [f for f in findings if f.blocking]
    if not blocking:
        return ""
    sentences = " ".join(f.sentence for f in blocking)
    commands = [f.command for f in blocking if f.command]
    lines = [f"ModelDesk cannot open its window. {sentences}"]
    if commands:
        lines += ["Install what is missing with:", ""] + [f"    {c}" for c in dict.fromkeys(commands)] + [""]
        lines.append("then start ModelDesk again.")
    elif any(f.libraries for f in blocking):
        lines.append("Install the packages that provide these libraries with your system's package manager, "
                     "then start ModelDesk again.")
    if any(not f.libraries for f in blocking):
        lines.append("Start ModelDesk from a desktop session (over SSH, connect with 'ssh -X').")
    lines.append("Training without a window works already: see 'modeldesk-cli --help'.")
    return "\n".join(lines)
