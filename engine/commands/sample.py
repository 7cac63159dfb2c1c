"""`modeldesk-cli sample`: draw pictures with an exported GAN generator and save them as a grid."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from engine.errors import ConfigError
from engine.sentences import Sentence

AUTO_SCALE_TARGET = 32  # pixels: an 8x8 digit saved 1:1 is too small to see


def auto_scale(height: int, width: int) -> int:
    """The whole-number enlargement that makes a picture of this size at least AUTO_SCALE_TARGET pixels."""
    return max(1, -(-AUTO_SCALE_TARGET // max(1, height, width)))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("model", type=Path, metavar="MODEL.onnx", help="a generator exported by ModelDesk (generator.onnx)")
    parser.add_argument("--n", type=int, default=64, help="how many pictures to draw (default: 64)")
    parser.add_argument("--seed", type=int, default=0, help="the same seed always gives the same pictures (default: 0)")
    parser.add_argument("--class", dest="class_name", metavar="K",
                        help="conditional models: the class to draw, by name or number (default: every class in turn)")
    parser.add_argument("--columns", type=int, help="pictures per row (default: about square)")
    parser.add_argument("--scale", type=int, metavar="S",
                        help="enlarge every pixel S times (default: 1, or enough to make pictures smaller than "
                             f"{AUTO_SCALE_TARGET} pixels at least that big)")
    parser.add_argument("--out", type=Path, default=Path("grid.png"), help="where to save the grid (default: grid.png)")
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
    parser.add_argument("--json", action="store_true", help="print one JSON object describing the result")


def run(args: argparse.Namespace) -> int:
    """Draw `--n` samples for `--seed` (and `--class`) and write them to `--out` as one PNG."""
    from engine.imaging import save_png
    from engine.infer.generator import ImageGenerator, parse_class, sample_grid

    if args.out.suffix.lower() != ".png":
        raise ConfigError(Sentence("The grid is saved as PNG: give --out a name ending in .png."))
    if not args.out.parent.exists():
        raise ConfigError(Sentence("The folder '{path}' for the grid does not exist.", path=args.out.parent))
    if args.columns is not None and args.columns < 1:
        raise ConfigError(Sentence("--columns must be at least 1."))
    if args.scale is not None and not 1 <= args.scale <= 64:
        raise ConfigError(Sentence("--scale must be between 1 and 64."))
    generator = ImageGenerator.open(args.model, args.device)
    class_index = None
    if args.class_name is not None:
        if not generator.conditional:
            raise ConfigError(Sentence("This generator cannot be asked for a class: it was trained without classes "
                                       "(train dcgan-conditional for that)."))
        class_index = parse_class(generator.classes, args.class_name)
    for warning in generator.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    grid = sample_grid(generator, args.n, args.seed, class_index, args.columns)
    scale = args.scale or auto_scale(*generator.metadata.image_size)
    if scale > 1:
        grid = grid.repeat(scale, axis=0).repeat(scale, axis=1)
    save_png(grid, args.out)
    drawn = generator.classes[class_index] if class_index is not None else None
    if args.json:
        print(json.dumps(dict(out=str(args.out), n=args.n, seed=args.seed, class_index=class_index, class_name=drawn,
                              width=int(grid.shape[1]), height=int(grid.shape[0]), scale=scale, provider=generator.provider)))
    else:
        what = f" of class '{drawn}'" if drawn is not None else ""
        print(f"Saved {args.n} pictures{what} (seed {args.seed}) to {args.out}.")
    return 0


COMMANDS = [("sample", "Draw new pictures with a GAN generator (.onnx) and save them as a grid.", add_arguments, run)]
