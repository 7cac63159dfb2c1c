"""The pre-flight before Qt starts: a missing system library or no display gives one plain
paragraph, the exact install command for this distribution and exit code 2, never Qt's abort."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import preflight as pf
from desktop_app.system_check import run_check

ROOT = Path(__file__).resolve().parent.parent
DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
MANJARO = 'NAME="Manjaro Linux"\nID=manjaro\nID_LIKE=arch\n'
LDD_XCB = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f98)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f98)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""
SONAME = b"libxcb-cursor.so.0"
RENAMED = b"libxcb-cursxr.so.0"  # same length, so the ELF file stays valid; no system has it


def computer(release: str = DEBIAN, *, missing_ldd: str = LDD_XCB, loads: bool = False, root: bool = False,
             display_answers: bool = True, **env: str) -> pf.Computer:
    """A Linux computer whose xcb plugin does not load and whose ldd prints `missing_ldd`."""
    calls = []

    def ldd(path: Path) -> str:
        calls.append(path)
        return missing_ldd

    plugins = Path(pf.__file__)  # any existing file stands for the plugins
    found = pf.Computer(platform="linux", env=env, os_release=release, is_root=root, plugin_dir=plugins.parent,
                        ldd=ldd, loads=lambda path: loads, display_answers=lambda name, display: display_answers)
    found.ldd_calls = calls
    return found


@pytest.fixture
def fake_plugins(tmp_path, monkeypatch):
    """A platforms/ folder with an xcb and a wayland plugin file (their contents do not matter to
    the fakes), used as Qt's plugin folder."""
    folder = tmp_path / "platforms"
    folder.mkdir()
    (folder / "libqxcb.so").write_bytes(b"")
    (folder / "libqwayland.so").write_bytes(b"")
    return folder


def test_missing_xcb_libraries_give_the_apt_command_and_a_plain_paragraph(fake_plugins):
    here = computer(DISPLAY=":0")
    here.plugin_dir = fake_plugins
    verdict = pf.preflight(here)
    assert not verdict.can_start
    message = verdict.message()
    assert message.startswith("ModelDesk cannot open its window. Qt's X11 window support needs 3 system libraries "
                              "that are not installed: libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1.")
    assert "\n    sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "modeldesk-cli --help" in message
    assert "Traceback" not in message and "qt.qpa" not in message
    assert here.ldd_calls == [fake_plugins / "libqxcb.so"]


@pytest.mark.parametrize("release, command", [
    (UBUNTU, "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"),
    (FEDORA, "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
    (MANJARO, "sudo pacman -S --needed xcb-util-cursor xcb-util-wm xcb-util-keysyms"),
])
def test_the_command_is_the_one_of_this_distribution(fake_plugins, release, command):
    here = computer(release, DISPLAY=":0")
    here.plugin_dir = fake_plugins
    assert pf.preflight(here).findings[0].command == command


def test_root_is_not_told_to_sudo_and_an_unknown_system_gets_the_library_names(fake_plugins):
    here = computer(DEBIAN, root=True, DISPLAY=":0")
    here.plugin_dir = fake_plugins
    assert pf.preflight(here).findings[0].command == "apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    elsewhere = computer('ID=gentoo\n', DISPLAY=":0")
    elsewhere.plugin_dir = fake_plugins
    verdict = pf.preflight(elsewhere)
    assert verdict.findings[0].command == ""
    assert "libxcb-icccm.so.4" in verdict.message()
    assert "with your system's package manager" in verdict.message()


def test_a_library_outside_the_table_gets_debians_name_for_it():
    here = computer(missing_ldd="\tlibfoo-bar.so.2 => not found\n\tlibgtk4.so.1 => not found\n")
    assert pf.install_command(["libfoo-bar.so.2", "libgtk4.so.1"], here) == "sudo apt install libfoo-bar2 libgtk4-1"
    assert pf.install_command(["libfoo-bar.so.2"], computer(FEDORA)) == ""  # no guess where the rule differs


def test_no_display_is_named_even_when_every_library_is_there(fake_plugins):
    here = computer(loads=True)  # no DISPLAY, no WAYLAND_DISPLAY
    here.plugin_dir = fake_plugins
    verdict = pf.preflight(here)
    assert not verdict.can_start
    assert here.ldd_calls == []  # the plugin loads: ldd is not asked
    message = verdict.message()
    assert "No X11 display was found (the DISPLAY variable is empty)." in message
    assert "ssh -X" in message and "Install" not in message


def test_a_display_nobody_answers_at_cannot_start(fake_plugins):
    here = computer(loads=True, display_answers=False, DISPLAY=":9")
    here.plugin_dir = fake_plugins
    verdict = pf.preflight(here)
    assert not verdict.can_start
    assert "No X11 display answers at ':9' (DISPLAY)." in verdict.message()


def test_offscreen_and_other_systems_are_left_alone(fake_plugins):
    here = computer(QT_QPA_PLATFORM="offscreen")
    here.plugin_dir = fake_plugins
    verdict = pf.preflight(here)
    assert verdict.can_start and verdict.findings == () and verdict.platform_override is None
    assert here.ldd_calls == []
    for system in ("darwin", "win32"):
        other = computer()
        other.platform = system
        assert pf.preflight(other).can_start


def test_wayland_without_its_libraries_falls_back_to_x11_unless_wayland_was_asked_for(fake_plugins):
    def loads(path: Path) -> bool:
        return path.name == "libqxcb.so"

    wayland_ldd = "\tlibwayland-cursor.so.0 => not found\n"
    here = computer(missing_ldd=wayland_ldd, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0")
    here.plugin_dir, here.loads = fake_plugins, loads
    verdict = pf.preflight(here)
    assert verdict.can_start and verdict.platform_override == "xcb"
    assert [f.blocking for f in verdict.findings] == [False]
    assert verdict.findings[0].command == "sudo apt install libwayland-cursor0"

    asked = computer(missing_ldd=wayland_ldd, WAYLAND_DISPLAY="wayland-0", DISPLAY=":0", QT_QPA_PLATFORM="wayland")
    asked.plugin_dir, asked.loads = fake_plugins, loads
    verdict = pf.preflight(asked)
    assert not verdict.can_start and verdict.platform_override is None
    assert "Qt's Wayland window support needs 1 system library that is not installed: libwayland-cursor.so.0." \
        in verdict.message()


def test_displays_are_found_where_they_listen(tmp_path):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        number = server.getsockname()[1] - 6000
        assert pf.display_reachable("xcb", f"127.0.0.1:{number}.0")
    assert not pf.display_reachable("xcb", f"127.0.0.1:{number}")
    (tmp_path / "wayland-7").touch()
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert pf.display_reachable("wayland", "wayland-7", env)
    assert not pf.display_reachable("wayland", "wayland-8", env)


def _patched_plugin_folder(tmp_path: Path) -> Path:
    """A copy of PySide6's real xcb plugin that links to a library no system has (its name is
    changed inside the ELF file), with Qt's own libraries where its RUNPATH looks for them."""
    real = pf.qt_plugin_dir({})
    if real is None or not (real / "libqxcb.so").exists():
        pytest.skip("PySide6 has no xcb plugin here")
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    data = (real / "libqxcb.so").read_bytes()
    assert SONAME in data
    (folder / "libqxcb.so").write_bytes(data.replace(SONAME, RENAMED))
    (tmp_path / "lib").symlink_to(real.parent.parent / "lib")  # RUNPATH $ORIGIN/../../lib
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux with ldd")
def test_a_real_plugin_with_a_missing_library_is_caught_by_the_loader_and_ldd(tmp_path):
    folder = _patched_plugin_folder(tmp_path)
    here = pf.Computer(platform="linux", env={"DISPLAY": ":0"}, os_release=UBUNTU, is_root=False,
                       plugin_dir=folder, display_answers=lambda name, display: True)
    verdict = pf.preflight(here)
    assert not verdict.can_start
    assert RENAMED.decode() in verdict.findings[0].libraries
    assert verdict.findings[0].command.startswith("sudo apt install ")
    assert "libxcb-cursxr0" in verdict.findings[0].command.split()


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux with ldd")
def test_modeldesk_exits_with_code_2_and_the_command_instead_of_qts_abort(tmp_path):
    folder = _patched_plugin_folder(tmp_path)
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(QT_QPA_PLATFORM_PLUGIN_PATH=str(folder), MODELDESK_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "desktop_app"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("ModelDesk cannot open its window. Qt's X11 window support needs")
    assert RENAMED.decode() in done.stderr
    assert "No X11 display was found (the DISPLAY variable is empty)." in done.stderr
    assert "install libxcb-cursxr0" in done.stderr or "libxcb-cursxr0" in done.stderr
    assert "qt.qpa" not in done.stderr and "Aborted" not in done.stderr and "Traceback" not in done.stderr

    check = subprocess.run([sys.executable, "-m", "desktop_app", "--check"], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert check.returncode == 2, check.stderr
    assert "[missing] Window (X11)" in check.stdout and "Camera support" in check.stdout
    assert "Training device" in check.stdout and "ONNX Runtime on the GPU" in check.stdout


def test_check_says_the_window_can_open_and_exits_0(capsys, fake_plugins):
    here = computer(loads=True, DISPLAY=":0")
    here.plugin_dir = fake_plugins
    assert run_check(here, with_gpu=False) == 0
    out = capsys.readouterr().out
    assert "[  ok   ] Window (X11)" in out and "ready, display ':0'" in out
    assert out.rstrip().endswith("The window can open.")


def test_ldd_output_is_read_once_per_library():
    assert pf.missing_from_ldd(LDD_XCB) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert pf.missing_from_ldd("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_a_plugin_that_fails_to_load_for_another_reason_is_left_to_qt(fake_plugins):
    """dlopen resolves every symbol at once, Qt lazily: a load failure with no missing library must not keep the
    window shut (only Qt can tell), and the display is still checked."""
    here = computer(missing_ldd="\tlibc.so.6 => /lib/libc.so.6 (0x1)\n", DISPLAY=":0")
    here.plugin_dir = fake_plugins
    verdict = pf.preflight(here)
    assert verdict.can_start and verdict.findings == ()
