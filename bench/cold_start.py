"""Cold start: time from process start to ModelDesk's main window shown and painted, against a
bare PySide6 window in the same run (target: within 0.5 s of the bare window; torch must not be
on the start path).

Both are started as fresh processes, interleaved round by round, and both print a marker with
`time.time()` right after their window's first paint; a start's time is that marker minus the
time taken just before spawning the process, so interpreter start-up counts for both alike.
ModelDesk is started the way `modeldesk` and `python -m desktop_app` start it, with
MODELDESK_EXIT_WHEN_SHOWN=1 (see `desktop_app/startup.py`), which also reports whether torch was
imported by the time the window was painted.

Run: `.venv/bin/python bench/cold_start.py [--rounds 5] [--quick] [--json PATH]`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report import Measure, arguments, finish, interleaved, median  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH = "cold start"
TARGET_S = 0.5

# The baseline: a PySide6 window and nothing else, reporting its first paint the same way.
BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.report)
        return False

    def report(self):
        print(f"MODELDESK_SHOWN time={time.time():.6f} torch={'torch' in sys.modules}", flush=True)
        os._exit(0)

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1180, 780)
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _environment(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["MODELDESK_HOME"] = home  # a private home: no user settings, runs or logs are touched
    env["MODELDESK_EXIT_WHEN_SHOWN"] = "1"
    # compiled modules are cached as an installed app's are, so the uncounted first start writes them
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def start_time(command: list[str], env: dict[str, str]) -> tuple[float, bool]:
    """Seconds from just before spawning `command` to its window's first paint, and whether
    torch was imported by then (read from the marker line it prints)."""
    started = time.time()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    marker = next((line for line in done.stdout.splitlines() if line.startswith("MODELDESK_SHOWN ")), None)
    if marker is None:
        raise RuntimeError(f"{command} printed no marker (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    fields = dict(item.split("=", 1) for item in marker.split()[1:])
    return float(fields["time"]) - started, fields["torch"] == "True"


def main() -> None:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="starts of each, interleaved (default 5)")
    args = parser.parse_args()
    rounds = 2 if args.quick else args.rounds
    torch_seen: list[bool] = []
    with tempfile.TemporaryDirectory() as home:
        env = _environment(home)
        # one start of each first, not counted: fills the OS file cache like a user's second start
        start_time([sys.executable, "-c", BARE_WINDOW], env)
        start_time([sys.executable, "-m", "desktop_app"], env)

        def bare() -> float:
            return start_time([sys.executable, "-c", BARE_WINDOW], env)[0]

        def app() -> float:
            seconds, torch_loaded = start_time([sys.executable, "-m", "desktop_app"], env)
            torch_seen.append(torch_loaded)
            return seconds

        apps, bares = interleaved(app, bare, rounds)
    for index, (a, b) in enumerate(zip(apps, bares), 1):
        print(f"round {index}: bare window {b:.3f} s, ModelDesk {a:.3f} s", flush=True)
    app_s, bare_s = median(apps), median(bares)
    difference = app_s - bare_s
    measures = [
        Measure(BENCH, "main window shown (process start to first paint)", app_s, "s", baseline=bare_s,
                baseline_what="bare PySide6 window", ratio=app_s / bare_s, target="within 0.5 s of the bare window",
                met=difference <= TARGET_S,
                note=f"median of {rounds} interleaved starts; {difference:+.3f} s; ratio ModelDesk / bare"),
        Measure(BENCH, "starts with torch imported at first paint", float(sum(torch_seen)), "starts",
                target="0 (torch not on the start path)", met=not any(torch_seen),
                note=f"of {len(torch_seen)} starts"),
    ]
    finish(BENCH, measures, args)


if __name__ == "__main__":
    main()
