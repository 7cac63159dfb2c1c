"""The engine's sentences in the window's language.

The engine makes its errors, warnings, status and log lines as `engine.sentences.Sentence`:
English text that remembers its template and values. `say()` looks the template up in the
translation (context "Engine") and fills in the same values, so a Chinese window shows Chinese
where the command line prints English. Anything that is not a Sentence (a file name, a
message from outside ModelDesk) is shown as it is.

`templates()` lists every template written in the engine's source. `make translations` turns
that list into a file that pyside6-lupdate reads (`python -m desktop_app.engine_words FILE`),
and a test checks that each one is translated.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import logging
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

from PySide6.QtCore import QCoreApplication

from desktop_app.i18n import _INSTALLED
from engine.paths import resources_dir
from engine.sentences import Sentence

log = logging.getLogger(__name__)

CONTEXT = "Engine"
ENGINE_DIR = Path(__file__).resolve().parent.parent / "engine"
TRANSLATION_SOURCE = resources_dir() / "translations" / "modeldesk_zh_CN.ts"  # read for sentences without a template


def say(text: Any) -> str:
    """`text` in the window's language.

    A Sentence is said through its template's translation with the same values. Plain text that
    reads exactly like one of the engine's sentences (a reason read back from a run folder) is
    recognised and said the same way; anything else is `str(text)` unchanged. Never raises: a
    translation that does not fit its values falls back to English (and is logged)."""
    if not isinstance(text, Sentence):
        plain = "" if text is None else str(text)
        return _say_plain(plain) if plain and _translated() else plain
    values = {name: say(value) if isinstance(value, Sentence) else value for name, value in text.args.items()}
    template = text.template
    if _has_words(template):
        template = QCoreApplication.translate(CONTEXT, template)
    if template == text.template and not any(isinstance(value, Sentence) for value in text.args.values()):
        return str.__str__(text)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        log.warning("The translation of %r does not fit its values (%s); showing English.", text.template, exc)
        return text.template.format(**values)


def say_all(lines: Iterable[Any]) -> list[str]:
    """`say()` for each line."""
    return [say(line) for line in lines]


def _translated() -> bool:
    """True when a translation is installed (the window is not in English)."""
    app = QCoreApplication.instance()
    return bool(app is not None and getattr(app, _INSTALLED, None))


def _say_plain(text: str, depth: int = 0) -> str:
    """`text` translated when it reads exactly like an engine template filled in."""
    for template, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is None:
            continue
        translated = QCoreApplication.translate(CONTEXT, template)
        if translated == template:
            return text
        # a value may be a sentence of its own ("The file '…'"); a file name that happens to
        # read like one of the engine's words is not, hence only templates of two words or more
        values = {name: _say_plain(value, depth + 1) if depth < 3 else value for name, value in match.groupdict().items()}
        try:
            return _without_specs(translated).format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(template, regular expression) for every engine template in the translation source, the
    templates with the most words first, so the most specific one matches."""
    try:
        sources = [message.findtext("source") or "" for context in ET.parse(TRANSLATION_SOURCE).iter("context")
                   if context.findtext("name") == CONTEXT for message in context.iter("message")]
    except (OSError, ET.ParseError):
        log.warning("could not read %s; sentences read back from files stay in English", TRANSLATION_SOURCE)
        return ()
    patterns = []
    for template in sources:
        if not _recognisable(template):
            continue
        try:
            patterns.append((template, _pattern(template)))
        except (ValueError, re.error):
            continue
    literal = lambda template: sum(len(text) for text, *_ in string.Formatter().parse(template))  # noqa: E731
    return tuple(sorted(patterns, key=lambda pair: -literal(pair[0])))


def _recognisable(template: str) -> bool:
    """True for templates with enough fixed wording to be told from a file name or a message
    from outside: two words or more ("{first} or {second}" and a lone "images" are not)."""
    literal = "".join(text for text, *_ in string.Formatter().parse(template))
    return len(re.findall(r"[A-Za-z]{2,}", literal)) >= 2


def _pattern(template: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(text))
        if name is None:
            continue
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
    return re.compile("".join(parts), re.DOTALL)


def _without_specs(template: str) -> str:
    """`template` with its format specs taken off: the values read back are already text."""
    out = []
    for text, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(text.replace("{", "{{").replace("}", "}}"))
        if name is not None:
            out.append("{" + name + "}")
    return "".join(out)


def _has_words(template: str) -> bool:
    """True unless the template is only fields, spaces and punctuation (as `joined` makes)."""
    literal = "".join(text for text, *_ in string.Formatter().parse(template))
    return any(ch.isalpha() for ch in literal)


def templates(files: Iterable[Path] | None = None) -> list[str]:
    """Every literal template passed to `Sentence(...)` in `files` (all of the engine's source
    when None), without repeats and without the ones that hold no words."""
    seen: dict[str, None] = {}
    for path in sorted(ENGINE_DIR.rglob("*.py") if files is None else map(Path, files)):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            template = _template_of(node)
            if template is not None and _has_words(template):
                seen.setdefault(template, None)
    return list(seen)


def _template_of(node: ast.AST) -> str | None:
    if not (isinstance(node, ast.Call) and _calls_sentence(node) and node.args):
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def _calls_sentence(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "Sentence") or (
        isinstance(func, ast.Attribute) and func.attr == "Sentence")


def write_lupdate_source(path: Path) -> int:
    """Write a Python file that marks every engine template for pyside6-lupdate (context
    "Engine"); returns how many it marks."""
    found = templates()
    lines = ['"""Made by `python -m desktop_app.engine_words`: the engine\'s sentences, for pyside6-lupdate."""',
             "from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({json.dumps(CONTEXT)}, {json.dumps(template, ensure_ascii=False)})" for template in found]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the engine's sentences as a source file for pyside6-lupdate.")
    parser.add_argument("output", type=Path)
    count = write_lupdate_source(parser.parse_args(argv).output)
    print(f"{count} engine sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
