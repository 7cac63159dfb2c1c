"""Plain text for a character-level text generator: `text:PATH` (any UTF-8 text file) and the
bundled `fables` (Aesop's Fables in G. F. Townsend's 1867 translation, public domain).

The whole text is read into memory as one string. Line ends become "\\n", a leading BOM is
dropped, and a few bytes that are not UTF-8 (a damaged character here and there) are left out
with a warning; a file that is mostly not UTF-8 text is refused with one plain sentence.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from engine.data.registry import LoadOptions, register_dataset
from engine.errors import DataError, LoadCancelled
from engine.paths import resources_dir
from engine.sentences import Sentence

log = logging.getLogger(__name__)

MIN_TEXT_CHARS = 1_000  # fewer characters cannot teach a model anything worth generating
MAX_TEXT_BYTES = 64 * 1024 ** 2  # larger files are refused (the whole text lives in memory)
MAX_BAD_SHARE = 0.01  # more undecodable bytes than this share means "not UTF-8 text"
FABLES_FILE = "fables.txt"
_CHUNK = 1 << 20  # read (and report progress, poll for cancelling) about every MB
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_BOM = "\ufeff"


@dataclass
class TextCorpus:
    """One text to learn from, whole, as a string (line ends normalised to "\\n").

    `title` says what it is for people; `warnings` are plain sentences about what was left out
    while reading."""

    name: str
    text: str
    title: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """The number of characters."""
        return len(self.text)

    def character_counts(self) -> list[tuple[str, int]]:
        """Every distinct character with how often it occurs, most frequent first."""
        return sorted(Counter(self.text).items(), key=lambda item: (-item[1], item[0]))


def _check_file(path: Path) -> int:
    """The size of `path` in bytes; DataError when it is missing, a folder, empty or too large."""
    try:
        if not path.exists():
            raise DataError(Sentence("The file '{path}' does not exist; check the path.", path=path))
        if path.is_dir():
            raise DataError(Sentence("'{path}' is a folder, not a file; choose a text file (.txt) saved as UTF-8.", path=path))
        size = path.stat().st_size
    except (OSError, ValueError) as exc:
        raise DataError(Sentence("The file '{path}' could not be opened ({reason}); check the path and that you may read "
                                  "it.", path=path, reason=exc)) from exc
    if size == 0:
        raise DataError(Sentence("The file '{path}' is empty; choose a text file with at least {count:,} characters.",
                                  path=path, count=MIN_TEXT_CHARS))
    if size > MAX_TEXT_BYTES:
        raise DataError(Sentence("The file '{path}' is too large ({size:.0f} MB; ModelDesk reads up to {limit} MB of text); "
                                  "save a part of it as a smaller file and load that.",
                                  path=path, size=size / 1024 ** 2, limit=MAX_TEXT_BYTES // 1024 ** 2))
    return size


def _read_bytes(path: Path, size: int, options: LoadOptions) -> bytes:
    """The file's bytes, read in chunks with progress reports and cancel checks."""
    parts: list[bytes] = []
    done = 0
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                parts.append(chunk)
                done += len(chunk)
                if options.should_cancel is not None and options.should_cancel():
                    raise LoadCancelled(Sentence("Loading was cancelled."))
                if options.progress is not None:
                    options.progress(min(done, size), size)
    except OSError as exc:
        raise DataError(Sentence("The file '{path}' could not be read ({reason}); check that it is still there and that "
                                  "you may read it.", path=path, reason=exc.strerror or exc)) from exc
    return b"".join(parts)


def decode_text(raw: bytes, where: str) -> tuple[str, list[str]]:
    """(text, warnings) of raw file bytes: UTF-8 with or without BOM, line ends made "\\n".

    A few undecodable bytes are left out and reported in a warning; DataError with a plain
    sentence for UTF-16 files, binary data (NUL bytes) and files that are mostly not UTF-8."""
    if raw[:2] in _UTF16_BOMS:
        raise DataError(Sentence("{where} is saved as UTF-16; open it in a text editor and save it as UTF-8.", where=where))
    if b"\0" in raw:
        raise DataError(Sentence("{where} holds binary data, not text; choose a plain text file (.txt) saved as UTF-8.",
                                  where=where))
    warnings: list[str] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        replaced = raw.decode("utf-8", errors="replace")
        bad = replaced.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
        if bad > MAX_BAD_SHARE * max(1, len(replaced)):
            raise DataError(Sentence("{where} is not UTF-8 text; open it in a text editor and save it with the UTF-8 "
                                      "encoding.", where=where)) from None
        text = raw.decode("utf-8", errors="ignore")
        warnings.append(Sentence("1 damaged character that could not be read as UTF-8 was left out.") if bad == 1 else
                        Sentence("{count:,} damaged characters that could not be read as UTF-8 were left out.", count=bad))
    if text.startswith(_BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


def _check_length(text: str, where: str) -> None:
    if not text.strip():
        raise DataError(Sentence("{where} holds only blank lines; choose a text file with at least {count:,} characters "
                                  "of text.", where=where, count=MIN_TEXT_CHARS))
    if len(text) < MIN_TEXT_CHARS:
        raise DataError(Sentence("{where} holds only {count:,} characters; a text generator needs at least {least:,} (a "
                                  "page or two) to learn from, and learns well from 50,000 or more.",
                                  where=where, count=len(text), least=MIN_TEXT_CHARS))


@register_dataset("fables", "Aesop's Fables (G. F. Townsend's 1867 translation, public domain), about 60 KB of "
                  "English prose, bundled: trains a text generator in half a minute, works offline.",
                  tasks=("textgen",))
def load_fables(argument: str | None, options: LoadOptions) -> TextCorpus:
    """The bundled fables, one after another, each a title line, a blank line and its text."""
    path = resources_dir() / "datasets" / FABLES_FILE
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(Sentence("The bundled fables file is missing or damaged ({path}); reinstall ModelDesk.",
                                  path=path)) from exc
    text, _ = decode_text(raw, Sentence("The bundled fables file"))
    if options.progress is not None:
        options.progress(len(raw), len(raw))
    return TextCorpus("fables", text, "Aesop's Fables, translated by George Fyler Townsend (1867)")


@register_dataset("text", "Your own text for a text generator: any UTF-8 text file (text:PATH), such as a book "
                  "from Project Gutenberg; a few hundred KB in one style works best.", tasks=("textgen",),
                  takes_argument=True)
def load_text(argument: str | None, options: LoadOptions) -> TextCorpus:
    """Read `text:PATH` whole. Promises: UTF-8 with or without BOM, any line ends; a few damaged
    bytes are left out with a warning. Raises DataError with a plain sentence when the file is
    missing, a folder, empty, too large, UTF-16, binary, not UTF-8, or shorter than
    MIN_TEXT_CHARS characters; LoadCancelled on cancel."""
    text = (argument or "").strip()
    if not text:
        raise DataError(Sentence("No file was given; choose the text file to learn from (text:PATH)."))
    path = Path(text).expanduser()
    size = _check_file(path)
    where = Sentence("The file '{path}'", path=path)
    decoded, warnings = decode_text(_read_bytes(path, size, options), where)
    _check_length(decoded, where)
    for message in warnings:
        log.warning("text:%s: %s", argument, message)
    return TextCorpus(f"text:{argument}", decoded, path.name, warnings)
