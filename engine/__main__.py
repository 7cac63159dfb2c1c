"""`python -m engine` runs the command line, the same as `modeldesk-cli`."""

from engine.cli import main

raise SystemExit(main())
