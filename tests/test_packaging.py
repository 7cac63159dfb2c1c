"""`--self-test` (what an installed or packaged ModelDesk runs to prove it works) and the
packaged build itself, when `make package` has made one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGED = ROOT / "dist" / "ModelDesk" / ("ModelDesk.exe" if sys.platform == "win32" else "ModelDesk")


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MODELDESK_HOME=str(tmp_path / "home"))
    return env


def test_self_test_trains_through_the_window_and_exits_0(tmp_path):
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT, env=_env(tmp_path),
                            capture_output=True, text=True, timeout=280)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("Self-test passed: trained cnn-small on the bundled digits for 1 epoch"), line
    assert not (tmp_path / "home" / "runs").exists()  # it ran in a throwaway folder, not the user's


@pytest.mark.slow
@pytest.mark.skipif(not PACKAGED.exists(), reason="no packaged build: run `make package` first")
def test_the_packaged_app_passes_its_self_test(tmp_path):
    result = subprocess.run([str(PACKAGED), "--self-test"], env=_env(tmp_path), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    assert "Self-test passed" in result.stdout
    cli = subprocess.run([str(PACKAGED), "--cli", "datasets"], env=_env(tmp_path), capture_output=True, text=True,
                         timeout=120)
    assert cli.returncode == 0 and "digits" in cli.stdout
