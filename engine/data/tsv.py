"""The user's own parallel corpus for translation: `tsv:PATH` or `tsv:PATH_A|PATH_B`.

One file holds a sentence, a tab and its translation on each line (plain TSV, or the Tatoeba /
Anki export whose third column, the attribution, is ignored). Two files joined by `|` hold one
sentence a line each, line i of the first pairing with line i of the second. Files are read as
bytes, line by line, so one damaged line is skipped and counted instead of stopping the load.
"""

from __future__ import annotations

import logging
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

from engine.data.registry import LoadOptions, register_dataset
from engine.data.text import Pair, ParallelData
from engine.errors import DataError, LoadCancelled
from engine.sentences import Sentence, joined

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 2 * 1024 ** 3  # larger files are refused
MAX_LINE_CHARS = 10_000  # longer lines are skipped as damaged
_MAX_LINE_BYTES = 4 * MAX_LINE_CHARS + 3  # a line with more bytes surely has too many characters
_REPORT_BYTES = 1 << 20  # report progress and poll for cancelling about every MB
_CHUNK = 1 << 20
_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_NOT_LANGUAGES = {"txt", "tsv", "csv", "dat", "log", "tmp", "bak", "out", "tok", "raw"}
_REASONS = {  # why lines were left out, worded to follow "N lines were left out because they ..."
    "columns": Sentence("did not have a sentence and its translation separated by a tab"),
    "empty": Sentence("had an empty sentence or translation"),
    "encoding": Sentence("could not be read as UTF-8 text"),
    "binary": Sentence("held NUL bytes (binary data, not text)"),
    "huge": Sentence("had more than {count:,} characters", count=MAX_LINE_CHARS),
}


@dataclass
class _Tally:
    nonempty: int = 0  # non-blank lines read (in both files for the two-file form)
    not_text: int = 0  # of those, lines that are not UTF-8 text (undecodable or holding NUL)
    too_long: int = 0  # pairs left out for options.max_length
    reasons: Counter = field(default_factory=Counter)  # malformed lines (pairs) by reason


class _Watch:
    """Reports progress about every MB (and at the end) and polls for cancelling."""

    def __init__(self, options: LoadOptions, total: int) -> None:
        self.options, self.total, self.readers, self.next_at = options, total, [], 0

    def __call__(self) -> None:
        done = sum(reader.done for reader in self.readers)
        if done < self.next_at:
            return
        self.next_at = done + _REPORT_BYTES
        if self.options.should_cancel is not None and self.options.should_cancel():
            raise LoadCancelled(Sentence("Loading was cancelled."))
        if self.options.progress is not None:
            self.options.progress(min(done, self.total), self.total)

    def finish(self) -> None:
        if self.options.progress is not None:
            self.options.progress(self.total, self.total)


class _Reader:
    """The lines of one open file as bytes, counting bytes and lines read so far."""

    def __init__(self, stack: ExitStack, path: Path, watch: _Watch) -> None:
        self.handle: BinaryIO = stack.enter_context(open(path, "rb"))
        if self.handle.read(2) in _UTF16_BOMS:
            raise DataError(Sentence("The file '{path}' is saved as UTF-16; open it in a text editor and save it as "
                                      "UTF-8.", path=path))
        self.handle.seek(0)
        self.watch = watch
        self.done = self.lines = self.last_text = 0  # last_text: number of the last non-blank line
        watch.readers.append(self)

    def _read(self, limit: int) -> bytes:
        raw = self.handle.readline(limit)
        self.done += len(raw)
        self.watch()
        return raw

    def __iter__(self) -> Iterator[bytes | None]:
        """Each line without its line end (and without a leading BOM); None for an enormous line."""
        while raw := self._read(_MAX_LINE_BYTES):
            self.lines += 1
            if not raw.endswith(b"\n") and len(raw) == _MAX_LINE_BYTES:
                while (rest := self._read(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                self.last_text = self.lines
                yield None
                continue
            if self.lines == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
            if raw.strip():
                self.last_text = self.lines
            yield raw.rstrip(b"\r\n")

    def drain(self) -> None:
        """Count the lines left in the file without decoding them."""
        while chunk := self.handle.read(_CHUNK):
            self.done += len(chunk)
            text = chunk.rstrip()
            if text:
                self.last_text = self.lines + text.count(b"\n") + 1
            self.lines += chunk.count(b"\n")
            self.watch()


def tsv_paths(argument: str | None) -> list[Path]:
    """The file(s) named by a `tsv:` argument: `PATH`, or `PATH_A|PATH_B` for two aligned files.

    A path that itself contains `|` and exists is read as a single file."""
    text = (argument or "").strip()
    if not text:
        raise DataError(Sentence("No file was given; choose the text file that holds your sentence pairs (tsv:PATH)."))
    if "|" in text and not Path(text).expanduser().is_file():
        parts = [part.strip() for part in text.split("|")]
        if len(parts) != 2 or not all(parts):
            raise DataError(Sentence("'{text}' should name two files joined by one '|', for example tsv:train.en|train.fr.",
                                      text=text))
        return [Path(part).expanduser() for part in parts]
    return [Path(text).expanduser()]


def language_names(paths: list[Path]) -> tuple[str, str]:
    """("en", "fr") for two files with language-like suffixes (`train.en|train.fr`), else ("source", "target")."""
    if len(paths) == 2:
        codes = [path.suffix[1:].lower() for path in paths]
        if codes[0] != codes[1] and all(2 <= len(code) <= 3 and code.isascii() and code.isalpha()
                                        and code not in _NOT_LANGUAGES for code in codes):
            return codes[0], codes[1]
    return "source", "target"


def _check_file(path: Path) -> int:
    """The size of `path` in bytes; DataError when it is missing, a folder, empty or too large."""
    try:
        if not path.exists():
            raise DataError(Sentence("The file '{path}' does not exist; check the path.", path=path))
        if path.is_dir():
            raise DataError(Sentence("'{path}' is a folder, not a file; choose the text file that holds your sentence "
                                     "pairs.", path=path))
        size = path.stat().st_size
    except (OSError, ValueError) as exc:
        raise DataError(Sentence("The file '{path}' could not be opened ({reason}); check the path and that you may read "
                                 "it.", path=path, reason=exc)) from exc
    if size == 0:
        raise DataError(Sentence("The file '{path}' is empty; it should hold one sentence pair per line.", path=path))
    if size > MAX_FILE_BYTES:
        raise DataError(Sentence("The file '{path}' is too large ({size:.1f} GB; ModelDesk reads up to {limit:.1f} GB, "
                                 "even when only some pairs are kept); save a part of it as a smaller file and load "
                                 "that.", path=path, size=size / 1e9, limit=MAX_FILE_BYTES / 1e9))
    return size


def _decode(raw: bytes | None, tally: _Tally) -> tuple[str | None, str | None]:
    """(text, None) for a usable line ("" when blank), (None, reason) for a damaged one."""
    if raw is None:
        tally.nonempty += 1
        return None, "huge"
    if not raw.strip():
        return "", None
    tally.nonempty += 1
    if b"\0" in raw:
        tally.not_text += 1
        return None, "binary"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        tally.not_text += 1
        return None, "encoding"
    return (None, "huge") if len(text) > MAX_LINE_CHARS else (text, None)


def _add(source: str, target: str, options: LoadOptions, tally: _Tally, pairs: list[Pair]) -> str | None:
    """Append the cleaned pair; the reason when it is malformed, None otherwise (also when too long)."""
    source, target = source.strip(), target.strip()
    if not source or not target:
        return "empty"
    if options.reverse:
        source, target = target, source
    if options.lowercase:
        source, target = source.lower(), target.lower()
    if options.max_length and max(len(source), len(target)) > options.max_length:
        tally.too_long += 1
        return None
    pairs.append((source, target))
    return None


def _read_one(reader: _Reader, options: LoadOptions, tally: _Tally) -> list[Pair]:
    pairs: list[Pair] = []
    for raw in reader:
        text, reason = _decode(raw, tally)
        if text:
            columns = text.split("\t")
            reason = "columns" if len(columns) < 2 else _add(columns[0], columns[1], options, tally, pairs)
        if reason:
            tally.reasons[reason] += 1
        elif options.max_pairs and len(pairs) >= options.max_pairs:
            break
    return pairs


def _read_two(readers: list[_Reader], paths: list[Path], options: LoadOptions, tally: _Tally) -> list[Pair]:
    pairs: list[Pair] = []
    for raw_a, raw_b in zip(*readers):
        (text_a, reason_a), (text_b, reason_b) = _decode(raw_a, tally), _decode(raw_b, tally)
        reason = reason_a or reason_b
        if not reason and (text_a or text_b):
            reason = _add(text_a or "", text_b or "", options, tally, pairs)
        if reason:
            tally.reasons[reason] += 1
        elif options.max_pairs and len(pairs) >= options.max_pairs:
            break
    for reader in readers:
        reader.drain()
    (a, b), (lines_a, lines_b) = paths, (reader.last_text for reader in readers)
    if lines_a != lines_b:
        raise DataError(Sentence("'{first}' has {count:,} lines but '{second}' has {other:,}; the two files must hold "
                                 "one sentence per line, in the same order, so that line by line they translate each "
                                 "other.", first=a.name, count=lines_a, second=b.name, other=lines_b))
    return pairs


def _left_out(count: int, reason: Sentence, pairs_of_lines: bool) -> Sentence:
    """"N lines (line pairs) were left out because they REASON." for `count` lines."""
    if pairs_of_lines:
        return (Sentence("1 line pair was left out because it {reason}.", reason=reason) if count == 1 else
                Sentence("{count:,} line pairs were left out because they {reason}.", count=count, reason=reason))
    return (Sentence("1 line was left out because it {reason}.", reason=reason) if count == 1 else
            Sentence("{count:,} lines were left out because they {reason}.", count=count, reason=reason))


def _warnings(tally: _Tally, options: LoadOptions, pairs_of_lines: bool) -> list[str]:
    messages: list[str] = []
    for reason, count in tally.reasons.items():
        messages.append(_left_out(count, _REASONS[reason], pairs_of_lines))
    if tally.too_long == 1:
        messages.append(Sentence("1 sentence pair was left out because a side was longer than {limit:,} characters (the "
                                 "maximum length).", limit=options.max_length))
    elif tally.too_long:
        messages.append(Sentence("{count:,} sentence pairs were left out because a side was longer than {limit:,} "
                                 "characters (the maximum length).", count=tally.too_long, limit=options.max_length))
    return messages


@register_dataset("tsv", "Your own sentence pairs for translation: a text file with a sentence, a tab and its "
                  "translation on each line (like the Tatoeba/Anki downloads), or two files with one sentence a "
                  "line (tsv:train.en|train.fr).", tasks=("translate",), takes_argument=True)
def load_tsv(argument: str | None, options: LoadOptions) -> ParallelData:
    """Read the pairs of `tsv:PATH` (tab-separated) or `tsv:PATH_A|PATH_B` (aligned files) into train.

    Promises: UTF-8 with or without BOM, LF or CRLF; columns after the second ignored; each side
    stripped; blank lines ignored; malformed lines skipped, counted in `skipped` and explained in
    `warnings`; options.reverse/lowercase/max_length/max_pairs honoured; val and test empty.
    Raises DataError with a plain sentence for any file it cannot use, LoadCancelled on cancel."""
    paths = tsv_paths(argument)
    sizes = [_check_file(path) for path in paths]
    tally, watch = _Tally(), _Watch(options, sum(sizes))
    try:
        with ExitStack() as stack:
            readers = [_Reader(stack, path, watch) for path in paths]
            pairs = _read_one(readers[0], options, tally) if len(paths) == 1 else _read_two(readers, paths, options, tally)
    except OSError as exc:
        raise DataError(Sentence("The file '{path}' could not be read ({reason}); check that it is still there and "
                                 "that you may read it.", path=exc.filename or paths[0],
                                 reason=exc.strerror or exc)) from exc
    two = len(paths) == 2
    if tally.nonempty == 0:
        raise DataError(Sentence("'{first}' and '{second}' hold no sentences, only blank lines; write one sentence pair "
                                 "per line.", first=paths[0], second=paths[1]) if two else
                        Sentence("'{path}' holds no sentences, only blank lines; write one sentence pair per line.",
                                 path=paths[0]))
    if 2 * tally.not_text > tally.nonempty:
        raise DataError(Sentence("'{first}' and '{second}' are not UTF-8 text; open them in a text editor and save with "
                                 "the UTF-8 encoding.", first=paths[0], second=paths[1]) if two else
                        Sentence("'{path}' is not UTF-8 text; open it in a text editor and save with the UTF-8 "
                                 "encoding.", path=paths[0]))
    warnings = _warnings(tally, options, pairs_of_lines=two)
    if not pairs:
        if not two and set(tally.reasons) <= {"columns"} and not tally.too_long:
            raise DataError(Sentence("No line of '{path}' has a sentence and its translation separated by a tab; write "
                                     "one pair per line as: sentence, tab, translation (or give two files as tsv:A|B).",
                                     path=paths[0]))
        where = (Sentence("'{first}' and '{second}'", first=paths[0], second=paths[1]) if two else
                 Sentence("'{path}'", path=paths[0]))
        raise DataError(Sentence("No usable sentence pairs were found in {where}. {warnings}", where=where,
                                 warnings=joined(warnings, " ")))
    watch.finish()
    source, target = language_names(paths)
    if options.reverse:
        source, target = target, source
    for message in warnings:
        log.warning("tsv:%s: %s", argument, message)
    return ParallelData(f"tsv:{argument}", source, target, pairs, skipped=sum(tally.reasons.values()),
                        warnings=warnings, exact_match=False)
