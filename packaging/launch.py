"""The packaged application's entry point: the window, or with `--cli` the command line.

    ModelDesk                      open the window
    ModelDesk --self-test          check the installation (offscreen, one epoch), exit 0 when fine
    ModelDesk --cli train ...      the same as `modeldesk-cli train ...`
"""

import multiprocessing
import sys


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--cli"]:
        from engine.cli import main as cli_main

        return cli_main(args[1:])
    from desktop_app.app import main as app_main

    return app_main(sys.argv)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # frozen apps re-enter here in worker processes
    sys.exit(main())
