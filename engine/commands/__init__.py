"""Sub-commands of `modeldesk-cli`, one module each.

Each module defines COMMANDS: tuples of (name, help, add_arguments(parser), run(args) -> int). `run` raises
`ModelDeskError` for anything the user can fix; `engine.cli` turns that into one sentence on
stderr and exit code 2. Progress goes to stderr; results to stdout; with `--json` the last
line of stdout is one JSON object.
"""

COMMAND_MODULES = (
    "engine.commands.train",
    "engine.commands.predict",
    "engine.commands.sample",
    "engine.commands.translate",
    "engine.commands.generate",
    "engine.commands.listing",
)
