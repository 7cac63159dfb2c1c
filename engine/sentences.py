"""Sentences for people that a front end can say in another language.

The engine speaks English and has no Qt, yet the window may be in Chinese. Every sentence the
engine makes for a person (an error, a warning, a status line, a log line) is a `Sentence`: an
ordinary `str` holding the English text, which also remembers the template it was made from
and the values put into it. The command line and the log file print it as the string it is;
the window looks the template up in its translation and fills in the same values.

    raise DataError(Sentence("The file {name} is empty.", name=path.name))

Templates are literal strings written where the sentence is made, so a tool can list them all
(`desktop_app/engine_words.py`) for the translators. Values that are words themselves ("the
training set") are Sentences too, so they are translated with the sentence around them.
"""

from __future__ import annotations

from typing import Any, Iterable


class Sentence(str):
    """English text made from `template.format(**args)`, remembering `template` and `args`.

    It is equal to, hashes like and prints like its English text; adding two sentences (or a
    sentence and a string) keeps both parts translatable.
    """

    template: str
    args: dict[str, Any]

    def __new__(cls, template: str, /, **args: Any) -> "Sentence":
        self = super().__new__(cls, template.format(**args))
        self.template = template
        self.args = args
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.args))

    def __add__(self, other: str) -> "Sentence":
        if not isinstance(other, str):
            return NotImplemented
        return Sentence("{first}{second}", first=self, second=other)

    def __radd__(self, other: str) -> "Sentence":
        if not isinstance(other, str):
            return NotImplemented
        return Sentence("{first}{second}", first=other, second=self)

    def __repr__(self) -> str:
        return f"Sentence({str.__repr__(self)})"


def _rebuild(template: str, args: dict[str, Any]) -> Sentence:
    return Sentence(template, **args)


def joined(parts: Iterable[str], separator: str = " ") -> Sentence:
    """The parts one after another with `separator` between them, each still translatable.

    `separator` is punctuation or white space, never words: it is not translated.
    """
    parts = list(parts)
    names = [f"part{i}" for i in range(len(parts))]
    escaped = separator.replace("{", "{{").replace("}", "}}")
    return Sentence(escaped.join("{" + name + "}" for name in names), **dict(zip(names, parts)))
