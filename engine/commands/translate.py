"""`modeldesk-cli translate`: translate sentences with an exported translator."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from engine.errors import ConfigError, DataError
from engine.sentences import Sentence


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", type=Path, metavar="MODEL.onnx", help="a translator exported by ModelDesk (translator.onnx)")
    parser.add_argument("text", nargs="*", metavar="TEXT", help="sentences to translate (quote each one)")
    parser.add_argument("--input", type=Path, metavar="FILE",
                        help="also translate every non-empty line of this UTF-8 file ('-' reads standard input)")
    parser.add_argument("--beam", type=int, default=1, metavar="K", help="beam search width; 1 is greedy (default: 1)")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per sentence, with `source` and `translation`")


def _read_lines(path: Path) -> list[str]:
    if str(path) == "-":
        return [line.strip() for line in sys.stdin if line.strip()]
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DataError(Sentence("The file '{path}' does not exist.", path=path)) from None
    except UnicodeDecodeError:
        raise DataError(Sentence("'{name}' is not UTF-8 text; save it as UTF-8 and try again.", name=path.name)) from None
    except OSError as exc:
        raise DataError(Sentence("'{path}' could not be read ({reason}).", path=path, reason=exc.strerror or exc)) from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def run(args: argparse.Namespace) -> int:
    """Translate each TEXT (and each line of --input) and print one line per sentence."""
    from engine.infer.translator import Translator

    sentences = list(args.text)
    if args.input is not None:
        sentences += _read_lines(args.input)
    if not sentences:
        raise ConfigError(Sentence("Give something to translate: sentences after the model file, or --input FILE."))
    translator = Translator.open(args.model, args.device)
    for sentence in sentences:
        result = translator.translate(sentence, args.beam)
        if args.json:
            print(json.dumps(dict(source=sentence, translation=result.text, score=round(result.score, 6)),
                              ensure_ascii=False), flush=True)
        else:
            print(result.text, flush=True)
    return 0


COMMANDS = [("translate", "Translate sentences with a translator (.onnx) trained in ModelDesk.", add_arguments, run)]
