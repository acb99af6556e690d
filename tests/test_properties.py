"""Property tests of `parse` and `parse_many`: whatever bytes or str
`parse` is handed, it returns a `Report` or raises a `GongkaiError` subclass;
no other exception, no crash. Kept fast: 200 examples each, no deadline.
"""

import os

from conftest import REAL, SEEDS, documents
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gongkai
from gongkai._sources import is_url, looks_like_path

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Real documents to mutate: random edits of a real report reach the table and fact readers.
CORPUS = [p.read_bytes() for p in documents(SEEDS) + documents(REAL)]

#: Characters the readers care about: digits, Chinese numerals, table and heading
#: punctuation, units, zero-width and bidi controls, HTML metacharacters.
ALPHABET = st.sampled_from(
    list("0123456789０１２３４５６７８９.,-+%/|　 \t\n")
    + list("一二三四五六七八九十百千万亿零〇两（）()、．.：:；。，")
    + list("条件项个份次人元万年月日总计合本年度主动公开政府信息申请予以部分不")
    + ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2069", "\u00a0"]
    + list("<>&\"'=")
    + ["<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", '<td rowspan="3">', '<td colspan="9">', "<p>", "<br>"]
)


def check(result_or_call):
    """Call; a Report or a GongkaiError is fine, anything else fails the test."""
    try:
        report = result_or_call()
    except gongkai.GongkaiError:
        return None
    assert isinstance(report, gongkai.Report)
    assert isinstance(report.text, str)
    return report


@FAST
@given(st.binary(max_size=4096))
def test_any_bytes(data):
    check(lambda: gongkai.parse(data))


@FAST
@given(st.text(max_size=2048))
@example("~\x00")  # expanduser raised ValueError on it
def test_any_str(text):
    # text= is always the document's text.
    check(lambda: gongkai.parse(text=text))
    # A bare str is a path when it names a file, or looks like one (docs/inputs.md).
    if "\n" not in text and "\x00" not in text and os.path.isfile(text):
        return
    try:
        check(lambda: gongkai.parse(text))
    except IsADirectoryError:
        assert os.path.isdir(os.path.expanduser(text))
    except FileNotFoundError:
        assert looks_like_path(text)
    except ValueError:
        assert is_url(text)


@FAST
@given(st.lists(ALPHABET, max_size=400).map("".join), st.sampled_from([None, "html", "text"]))
def test_table_and_number_like_text(text, fmt):
    check(lambda: gongkai.parse(text=text, format=fmt))


@FAST
@given(
    st.sampled_from(range(len(CORPUS))),
    st.lists(st.tuples(st.floats(0, 1), st.integers(0, 64), st.binary(max_size=16)), min_size=1, max_size=8),
)
def test_real_documents_with_random_edits(which, edits):
    data = bytearray(CORPUS[which])
    for where, cut, insert in edits:
        at = int(where * len(data))
        data[at : at + cut] = insert
    check(lambda: gongkai.parse(bytes(data)))


@FAST
@given(
    st.binary(max_size=1024),
    st.sampled_from([None, "gbk", "utf-8", "big5", "utf-16le", "shift_jis", "iso-8859-1"]),
    st.sampled_from([None, "text/html; charset=gbk", "text/plain; charset=utf-8", "text/html; charset=bogus"]),
)
def test_any_bytes_with_encoding_hints(data, encoding, content_type):
    check(lambda: gongkai.parse(data, encoding=encoding, content_type=content_type))


@FAST
@given(st.text(max_size=512))
def test_lone_surrogates_anywhere_in_str(text):
    # Sprinkle lone surrogates (which no UTF-8 can hold) between the characters.
    spiked = "\ud800".join(text) + "\udfff"
    report = check(lambda: gongkai.parse("一、总体情况\n" + spiked, format="text"))
    assert report is not None
    assert report.source["undecodable_bytes"] >= 1


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.binary(max_size=512), st.text(min_size=5, max_size=512).map(lambda s: "\n" + s)), max_size=12))
def test_parse_many_collect_gives_a_row_per_input(sources):
    got = gongkai.parse_many(sources, errors="collect", threads=2)
    assert len(got) == len(sources)
    for i, (source, row) in enumerate(zip(sources, got)):
        if isinstance(row, gongkai.Failure):
            assert row.index == i
            assert isinstance(row.exception(), gongkai.GongkaiError)
        else:
            assert row == check(lambda: gongkai.parse(source))
