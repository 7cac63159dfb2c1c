"""The engine's sentences for people are `Sentence`s, so the window can say them in its language.

`Sentence` behaves as the English string everywhere (command line, log, JSON, SQLite, pickle)
and keeps its template and values; `desktop_app.engine_words.say` renders it in the window's
language. A source check keeps new errors, warnings and status lines from slipping back to
plain f-strings, which could only ever be English.
"""

from __future__ import annotations

import ast
import json
import pickle
import sqlite3
from pathlib import Path

import pytest

from engine import errors
from engine.sentences import Sentence, joined

ENGINE = Path(__file__).resolve().parent.parent / "engine"
ERROR_NAMES = {name for name, value in vars(errors).items()
               if isinstance(value, type) and issubclass(value, errors.ModelDeskError)}


def test_a_sentence_is_its_english_text_and_keeps_its_template():
    sentence = Sentence("The file '{name}' holds only {count:,} characters.", name="a.txt", count=1234)
    assert sentence == "The file 'a.txt' holds only 1,234 characters." and isinstance(sentence, str)
    assert hash(sentence) == hash(str(sentence)) and f"{sentence}" == sentence
    assert sentence.template == "The file '{name}' holds only {count:,} characters."
    assert sentence.args == {"name": "a.txt", "count": 1234}
    assert Sentence("Braces {{like this}} stay.") == "Braces {like this} stay."


def test_a_sentence_survives_pickle_json_sqlite_and_adding():
    sentence = Sentence("Epoch {epoch} of {epochs}.", epoch=3, epochs=10)
    copy = pickle.loads(pickle.dumps(sentence))
    assert copy == sentence and copy.template == sentence.template and copy.args == sentence.args
    assert json.loads(json.dumps({"reason": sentence})) == {"reason": "Epoch 3 of 10."}
    with sqlite3.connect(":memory:") as db:
        assert db.execute("select ?", (sentence,)).fetchone() == ("Epoch 3 of 10.",)
    more = sentence + " " + Sentence("Stopped.")
    assert more == "Epoch 3 of 10. Stopped." and isinstance(more, Sentence)
    assert "Note: " + sentence == "Note: Epoch 3 of 10." and isinstance("Note: " + sentence, Sentence)
    both = joined([Sentence("One."), Sentence("Two {n}.", n=2)])
    assert both == "One. Two 2." and both.args["part1"].template == "Two {n}."
    assert pickle.loads(pickle.dumps(errors.DataError(sentence))).message == sentence


def _plain_text(node: ast.AST | None) -> bool:
    """True for an f-string, a string literal or a sum of strings: text that can only be English."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp):
        return _plain_text(node.left) or _plain_text(node.right)
    if isinstance(node, ast.IfExp):
        return _plain_text(node.body) or _plain_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _plain_text(node.func.value)
    return False


def _name(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def english_only_sentences(path: Path) -> list[str]:
    """Places in `path` where an error, a warning or a status line is made of plain English text."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _name(node.func)
        target = node.func.value if isinstance(node.func, ast.Attribute) else None
        about_people = (name in ERROR_NAMES or name == "Status"
                        or (name == "append" and "warning" in _name(target or ast.Name(id="")).lower()))
        if about_people and _plain_text(node.args[0]):
            found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno}: {name}(...)")
        if name == "Sentence" and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append(f"{path.relative_to(ENGINE.parent)}:{node.lineno}: Sentence needs a literal template")
    return found


def test_the_engine_makes_its_errors_warnings_and_status_lines_as_sentences():
    found = [place for path in sorted(ENGINE.rglob("*.py")) if path.name != "sentences.py"
             for place in english_only_sentences(path)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("template", ["{where} holds {count:,} characters.", "Epoch {epoch}/{epochs}  loss {loss:.3f}"])
def test_templates_format_with_their_own_values(template):
    values = {"where": "x", "count": 5, "epoch": 1, "epochs": 2, "loss": 0.5}
    assert Sentence(template, **{k: v for k, v in values.items() if "{" + k in template})
