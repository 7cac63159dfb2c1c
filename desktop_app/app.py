"""ModelDesk's front door: `modeldesk` and `python -m desktop_app`.

    modeldesk              open the window (after the pre-flight: exit code 2 and the install
                           command when this computer cannot show it)
    modeldesk --check      what this computer has for ModelDesk: the window, the camera, the GPU;
                           exit 0 when the window can open, 2 when it cannot
    modeldesk --self-test  train one epoch offscreen to prove the installation works

Nothing from Qt is imported here before the pre-flight has passed: a missing system library
must give a sentence and a command, not Qt's abort.
"""

from __future__ import annotations

import logging
import os
import sys

from engine.logsetup import setup_logging

log = logging.getLogger(__name__)

# The cold-start benchmark's hook (see desktop_app.startup.report_shown_and_exit).
EXIT_WHEN_SHOWN = "MODELDESK_EXIT_WHEN_SHOWN"
CANNOT_START = 2
USAGE = __doc__.split("\n\n")[1]


def main(argv: list[str] | None = None) -> int:
    """Run what the command line asks for and return the process exit code."""
    args = list(argv if argv is not None else sys.argv)
    options = args[1:]
    if "--help" in options or "-h" in options:
        print("Usage:\n" + USAGE)
        return 0
    if "--self-test" in options:
        from desktop_app.self_test import run_self_test

        return run_self_test()
    setup_logging()
    if "--check" in options:
        from desktop_app.system_check import run_check

        return run_check()
    from desktop_app.preflight import preflight

    verdict = preflight()
    if not verdict.can_start:
        log.warning("the window cannot open: %s", verdict.message())
        print(verdict.message(), file=sys.stderr)
        return CANNOT_START
    if verdict.platform_override:
        log.info("Qt's first choice of platform cannot work here; asking for %s", verdict.platform_override)
        os.environ["QT_QPA_PLATFORM"] = verdict.platform_override
    from desktop_app.startup import open_window

    return open_window(args)
