"""`python -m desktop_app`: the window (see desktop_app.app for the options)."""
from desktop_app.app import main

if __name__ == "__main__":  # a process spawned by multiprocessing imports this module again: it must not open a window
    raise SystemExit(main())
