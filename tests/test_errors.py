"""Bad input: a typed error or a flagged result, never a crash, a hang or unbounded memory (SPEC §1).

Adversarial cases run in a child interpreter so a crash cannot take pytest down
and so its peak memory can be read; each states its time and memory bound.
"""

import pytest
from conftest import run_child

import gongkai


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "ZIP"),
    ],
)
def test_binary_formats_are_unsupported(data, name):
    with pytest.raises(gongkai.UnsupportedFormatError, match=name):
        gongkai.parse(data)


def test_a_pdf_header_without_objects_is_a_damaged_file():
    # PDFs are read; one that holds nothing readable says so.
    with pytest.raises(gongkai.DamagedFileError, match="PDF"):
        gongkai.parse(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")


@pytest.mark.parametrize("source", [b"", "", bytearray(), b"   \n\t "])
def test_empty_input(source):
    with pytest.raises(gongkai.EmptyInputError):
        gongkai.parse(source)


@pytest.mark.parametrize("source", [42, 3.5, None, object(), ["a"]])
def test_unknown_types_are_type_errors(source):
    with pytest.raises(TypeError, match="accepted"):
        gongkai.parse(source)


def test_max_bytes_limit():
    with pytest.raises(gongkai.InputTooLargeError, match="max_bytes=10"):
        gongkai.parse(b"x" * 11, max_bytes=10)


def test_invalid_utf8_in_a_page_declared_utf8_is_counted_not_fatal():
    page = '<html><head><meta charset="utf-8"></head><body><p>一、总体情况</p><p>坏字节'.encode() + b"\xff\xfe" + "在此</p></body></html>".encode()
    r = gongkai.parse(page)
    assert "一、总体情况" in r.text
    assert r.source["undecodable_bytes"] >= 1


def test_nul_bytes_are_removed():
    r = gongkai.parse("一、总体情况\x00\n本年度\x00主动公开政府信息12条。".encode())
    assert "\x00" not in r.text
    assert "主动公开政府信息12条" in r.text


def test_lone_surrogates_in_str_do_not_crash():
    r = gongkai.parse("一、总体情况\ud800本年度主动公开政府信息12条。")
    assert "主动公开政府信息12条" in r.text
    assert r.source["undecodable_bytes"] == 1


def test_20mb_random_bytes_is_unsupported_quickly():
    # Bound: 400 MB peak: refused on its first 64 KB, never decoded (bench/adversarial.py times it).
    out = run_child(
        """
        import random, gongkai
        data = random.Random(7).randbytes(20 * 1024 * 1024)
        try:
            gongkai.parse(data)
            RESULT = "parsed"
        except gongkai.UnsupportedFormatError as e:
            RESULT = str(e)
        """,
    )
    assert "binary" in out["result"]
    assert out["peak_mb"] < 400


def test_100000_nested_divs_do_not_overflow_the_stack():
    # Bound: 1500 MB peak (html5ever keeps the whole tree).
    out = run_child(
        """
        import gongkai
        page = "<html><body>" + "<div>" * 100_000 + "<p>一、总体情况</p>" + "</div>" * 100_000 + "</body></html>"
        r = gongkai.parse(page)
        RESULT = "一、总体情况" in r.text
        """,
    )
    assert out["result"] is True
    assert out["peak_mb"] < 1500


def test_huge_spans_do_not_allocate_the_span_area():
    # One real cell claiming rowspan=65535 colspan=1000 must not become 65 million grid slots.
    # Bound: 300 MB peak (the full grid would need > 500 MB).
    out = run_child(
        """
        import gongkai
        page = '<table><tr><td rowspan="65535" colspan="1000">1</td><td>2</td></tr><tr><td>3</td></tr></table>'
        r = gongkai.parse(page)
        RESULT = r.text.count("1") >= 1 and "3" in r.text
        """,
    )
    assert out["result"] is True
    assert out["peak_mb"] < 300
