"""`modeldesk-cli generate`: write text with an exported text generator, printed as it is written."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", type=Path, metavar="MODEL.onnx", help="a text generator exported by ModelDesk (textgen.onnx)")
    parser.add_argument("--prompt", default="", metavar="TEXT",
                        help="the text to continue (default: none, the model starts a new paragraph)")
    parser.add_argument("--length", type=int, default=300, metavar="N", help="characters to write (default: 300)")
    parser.add_argument("--temperature", type=float, default=0.8, metavar="T",
                        help="0 always takes the likeliest character; higher values take more chances (default: 0.8)")
    parser.add_argument("--top-k", type=int, default=0, metavar="K",
                        help="choose only among the K likeliest characters (default: 0, no limit)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed always gives the same text (default: 0)")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object with the prompt and the text instead of streaming")


def run(args: argparse.Namespace) -> int:
    """Print the prompt and what the model writes after it, character by character (with
    --json, one object at the end); notes about the prompt go to stderr."""
    from engine.infer.text_generator import TextGenerator

    generator = TextGenerator.open(args.model, args.device)
    pieces = generator.stream(args.prompt, args.length, args.temperature, args.top_k, args.seed)  # checks the settings
    unknown = generator.unknown_characters(args.prompt)
    if unknown:
        shown = " ".join(repr(c) for c in unknown[:20]) + (" …" if len(unknown) > 20 else "")
        print(f"Note: the model never saw {shown} in its training text, so it skipped "
              f"{'that character' if len(unknown) == 1 else 'those characters'} of the prompt.", file=sys.stderr)
    if args.json:
        text = "".join(pieces)
        print(json.dumps(dict(prompt=args.prompt, text=text, length=args.length, temperature=args.temperature,
                              top_k=args.top_k, seed=args.seed, provider=generator.provider), ensure_ascii=False))
        return 0
    sys.stdout.write(args.prompt)
    sys.stdout.flush()
    for piece in pieces:
        sys.stdout.write(piece)
        sys.stdout.flush()
    sys.stdout.write("\n")
    return 0


COMMANDS = [("generate", "Write text with a text generator (.onnx) trained in ModelDesk.", add_arguments, run)]
