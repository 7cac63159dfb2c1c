"""`tsv:PATH` and `tsv:A|B` on tiny real files: formats, encodings, damaged lines, options and errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine.data.tsv  # noqa: F401 - registers tsv even where the registry does not list it yet
from engine.data.registry import LoadOptions, load_dataset
from engine.data.text import ParallelData
from engine.data.tsv import language_names, load_tsv, tsv_paths
from engine.errors import DataError, LoadCancelled

ANKI = (
    "Go.\tVa !\tCC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) & #1158250 (Wittydev)\n"
    "Hi.\tSalut !\tCC-BY 2.0 (France) Attribution: tatoeba.org #538123 (CM) & #509819 (Aiji)\n"
    "Run!\tCours !\tCC-BY 2.0 (France) Attribution: tatoeba.org #906328 (papabear) & #906331 (sacredceltic)\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def load(spec_argument: str | Path, **options) -> ParallelData:
    data = load_dataset(f"tsv:{spec_argument}", LoadOptions(**options))
    assert isinstance(data, ParallelData)
    return data


def test_anki_export_ignores_the_attribution_column(tmp_path):
    path = write(tmp_path / "fra.txt", ANKI)
    data = load(path)
    assert data.train == [("Go.", "Va !"), ("Hi.", "Salut !"), ("Run!", "Cours !")]
    assert data.val == [] and data.test == []
    assert data.name == f"tsv:{path}"
    assert (data.source_language, data.target_language) == ("source", "target")
    assert data.skipped == 0 and data.warnings == [] and data.exact_match is False


def test_plain_two_column_tsv_strips_whitespace(tmp_path):
    path = write(tmp_path / "pairs.tsv", "  the cat \t le chat  \nthe dog\tle chien\n")
    assert load(path).train == [("the cat", "le chat"), ("the dog", "le chien")]


def test_bom_and_crlf(tmp_path):
    path = write(tmp_path / "pairs.tsv", b"\xef\xbb\xbfone\tun\r\ntwo\tdeux\r\n\r\nthree\ttrois")
    data = load(path)
    assert data.train == [("one", "un"), ("two", "deux"), ("three", "trois")]
    assert data.skipped == 0


def test_two_aligned_files_with_language_suffixes(tmp_path):
    english = write(tmp_path / "train.en", "\ufeffHello.\r\nThank you.\n\nGood night.\n")
    french = write(tmp_path / "train.fr", "Bonjour.\nMerci.\n\nBonne nuit.\n\n")
    data = load(f"{english}|{french}")
    assert data.train == [("Hello.", "Bonjour."), ("Thank you.", "Merci."), ("Good night.", "Bonne nuit.")]
    assert (data.source_language, data.target_language) == ("en", "fr")
    reverse = load(f"{english} | {french}", reverse=True)
    assert reverse.train[0] == ("Bonjour.", "Hello.")
    assert (reverse.source_language, reverse.target_language) == ("fr", "en")


def test_two_files_with_different_line_counts_are_refused(tmp_path):
    a = write(tmp_path / "a.txt", "one\ntwo\nthree\n")
    b = write(tmp_path / "b.txt", "un\ndeux\n")
    with pytest.raises(DataError, match=r"3 lines.*2"):
        load(f"{a}|{b}")
    with pytest.raises(DataError, match=r"3 lines.*2"):  # also found when max_pairs stops reading early
        load(f"{a}|{b}", max_pairs=1)


def test_messy_file_skips_and_counts_damaged_lines(tmp_path):
    lines = [
        b"good one\tbon un",
        b"no tab here",  # missing tab
        b"\t",  # blank after stripping: ignored
        b"empty side\t   ",  # empty side
        b"good two\tbon deux",
        b"nul\x00byte\tnul",  # NUL byte
        b"",
        b"caf\xe9\tcaf\xe9 latin-1",  # not UTF-8
        b"good three\tbon trois",
        ("x" * 20_000 + "\ty").encode(),  # enormous line
        b"   ",
        b"good four\tbon quatre",
        "good five \u00e9\tbon cinq \u00e9".encode(),
    ]
    data = load(write(tmp_path / "messy.tsv", b"\n".join(lines) + b"\n"))
    assert [pair[0] for pair in data.train] == ["good one", "good two", "good three", "good four", "good five \u00e9"]
    assert data.skipped == 5
    text = " ".join(data.warnings)
    assert "1 line was left out because it did not have a sentence and its translation separated by a tab." in text
    assert "UTF-8" in text and "NUL" in text and "10,000" in text and "empty" in text


def test_reverse_and_lowercase(tmp_path):
    path = write(tmp_path / "pairs.tsv", "The Cat\tLe Chat\n")
    assert load(path, reverse=True).train == [("Le Chat", "The Cat")]
    assert load(path, lowercase=True).train == [("the cat", "le chat")]


def test_max_length_leaves_out_long_pairs_and_says_so(tmp_path):
    path = write(tmp_path / "pairs.tsv", "short\tcourt\na much longer sentence\tune phrase\nok\tune bien plus longue phrase\n")
    data = load(path, max_length=10)
    assert data.train == [("short", "court")]
    assert data.skipped == 0
    assert any("2 sentence pairs were left out" in message and "10 characters" in message for message in data.warnings)
    with pytest.raises(DataError, match="longer than 2 characters"):
        load(path, max_length=2)


def test_max_pairs_keeps_the_first_valid_pairs(tmp_path):
    path = write(tmp_path / "pairs.tsv", "bad line\n" + "".join(f"s{i}\tt{i}\n" for i in range(10)))
    data = load(path, max_pairs=3)
    assert data.train == [("s0", "t0"), ("s1", "t1"), ("s2", "t2")]
    assert data.skipped == 1


def test_mostly_latin1_file_is_refused_as_not_utf8(tmp_path):
    path = write(tmp_path / "latin1.tsv", "café\tcafé\nthé\tthé\nété\tété\nok\tok\n".encode("latin-1"))
    with pytest.raises(DataError, match="UTF-8"):
        load(path)


def test_utf16_file_is_refused_with_advice(tmp_path):
    path = write(tmp_path / "utf16.tsv", "one\tun\n".encode("utf-16"))
    with pytest.raises(DataError, match="UTF-16.*UTF-8"):
        load(path)


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\r\n  \n"])
def test_empty_file_is_refused(tmp_path, content):
    with pytest.raises(DataError, match="empty|blank"):
        load(write(tmp_path / "empty.tsv", content))


def test_missing_file_and_folder_are_refused(tmp_path):
    with pytest.raises(DataError, match="does not exist"):
        load(tmp_path / "nope.tsv")
    with pytest.raises(DataError, match="folder"):
        load(tmp_path)
    with pytest.raises(DataError, match="does not exist"):
        load(f"{write(tmp_path / 'a.en', 'hi')}|{tmp_path / 'missing.fr'}")


def test_file_without_any_tab_is_refused(tmp_path):
    with pytest.raises(DataError, match="separated by a tab"):
        load(write(tmp_path / "prose.txt", "Just some prose.\nNo tabs at all.\n"))


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(engine.data.tsv, "MAX_FILE_BYTES", 10)
    with pytest.raises(DataError, match="too large"):
        load(write(tmp_path / "big.tsv", ANKI))


def test_cancelling_raises_load_cancelled(tmp_path):
    path = write(tmp_path / "pairs.tsv", ANKI)
    with pytest.raises(LoadCancelled, match="cancelled"):
        load(path, should_cancel=lambda: True)


def test_progress_ends_with_the_file_size(tmp_path):
    path = write(tmp_path / "pairs.tsv", ANKI * 20_000)  # a few MB: several reports on the way
    calls: list[tuple[int, int]] = []
    data = load(path, progress=lambda done, total: calls.append((done, total)))
    size = path.stat().st_size
    assert data.size == 60_000
    assert calls[-1] == (size, size)
    assert len(calls) >= 3 and all(total == size and 0 <= done <= size for done, total in calls)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_spec_helpers():
    assert tsv_paths("a.tsv") == [Path("a.tsv")]
    assert tsv_paths("x.de | y.en") == [Path("x.de"), Path("y.en")]
    with pytest.raises(DataError):
        tsv_paths("a|b|c")
    assert language_names([Path("train.en"), Path("train.fr")]) == ("en", "fr")
    assert language_names([Path("a.txt"), Path("b.tsv")]) == ("source", "target")
    assert language_names([Path("fra.txt")]) == ("source", "target")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.lists(st.one_of(st.binary(max_size=40), st.sampled_from([b"\t", b"\n", b"\r\n", b"a\tb", b"\xef\xbb\xbf"])),
                        max_size=20).map(b"".join))
def test_random_bytes_give_data_or_a_data_error(tmp_path, content):
    path = write(tmp_path / "random.tsv", content)
    try:
        result = load_tsv(str(path), LoadOptions())
    except DataError:
        return
    assert isinstance(result, ParallelData) and result.train
