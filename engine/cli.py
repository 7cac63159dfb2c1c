"""The headless front door: `modeldesk-cli` and `python -m engine`.

Exit codes: 0 success, 2 a problem the user can fix (one plain sentence on stderr, no
traceback), 1 an internal error (the traceback goes to the log file), 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from engine import __version__
from engine.commands import COMMAND_MODULES
from engine.errors import ModelDeskError
from engine.logsetup import setup_logging

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(prog="modeldesk-cli", description="Train, export and run image models without writing code.")
    parser.add_argument("--version", action="version", version=f"ModelDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        for name, help_text, add_arguments, run in module.COMMANDS:
            command = sub.add_parser(name, help=help_text, description=help_text)
            add_arguments(command)
            command.set_defaults(handler=run)
    return parser




def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default: sys.argv[1:]) and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    log_file = setup_logging()
    try:
        return int(args.handler(args) or 0)
    except ModelDeskError as exc:
        log.info("user error: %s", exc, exc_info=True)
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception:  # noqa: BLE001 - last line of defence; details go to the log
        log.exception("internal error")
        print(f"Internal error: something went wrong inside ModelDesk. Details are in {log_file}.", file=sys.stderr)
        return 1
