"""The input size limit: `max_bytes` (default `DEFAULT_MAX_BYTES`, 64 MiB)
holds on every entry (bytes, str, path, response objects, `extract`,
`parse_many`, `read`) and raises `InputTooLargeError`, or gives an error row
in batches; an invalid `max_bytes` is an `OptionError`.
"""

import os
from pathlib import Path

import pandas as pd
import pytest
from conftest import REAL, run_child

import gongkai

DOC = (REAL / "pingtan-czj-2019.txt").read_bytes()
SIZE = len(DOC)


class Response:
    """What requests/httpx hand over."""

    def __init__(self, content: bytes):
        self.content = content
        self.headers = {"Content-Type": "text/plain; charset=utf-8"}
        self.url = "https://example.gov.cn/report.txt"


@pytest.fixture
def doc_path(tmp_path) -> Path:
    p = tmp_path / "report.txt"
    p.write_bytes(DOC)
    return p


def entries(doc_path: Path):
    """Every way into the parser, each taking max_bytes."""
    text = DOC.decode("utf-8")
    return {
        "bytes": lambda m: gongkai.parse(DOC, max_bytes=m),
        "bytearray": lambda m: gongkai.parse(bytearray(DOC), max_bytes=m),
        "memoryview": lambda m: gongkai.parse(memoryview(DOC), max_bytes=m),
        "str": lambda m: gongkai.parse(text, max_bytes=m),
        "path": lambda m: gongkai.parse(doc_path, max_bytes=m),
        "path str": lambda m: gongkai.parse(str(doc_path), max_bytes=m),
        "response": lambda m: gongkai.parse(Response(DOC), max_bytes=m),
        "extract": lambda m: gongkai.extract(DOC, max_bytes=m),
    }


def test_default_is_64_mib():
    assert gongkai.DEFAULT_MAX_BYTES == 64 * 1024 * 1024


@pytest.mark.parametrize("entry", ["bytes", "bytearray", "memoryview", "str", "path", "path str", "response", "extract"])
def test_every_single_entry_obeys_max_bytes(doc_path, entry):
    call = entries(doc_path)[entry]
    # The limit is inclusive and counts bytes (UTF-8 bytes for a str).
    assert call(SIZE) is not None
    with pytest.raises(gongkai.InputTooLargeError, match=f"{SIZE} bytes exceeds max_bytes={SIZE - 1}"):
        call(SIZE - 1)
    with pytest.raises(gongkai.GongkaiError):  # InputTooLargeError is a GongkaiError
        call(0)


def test_batches_give_an_error_row_per_input_over_the_limit(doc_path):
    sources = [DOC, DOC.decode("utf-8"), doc_path, Response(DOC), DOC[: SIZE // 2]]
    for threads in (1, 2):
        got = gongkai.parse_many(sources, errors="collect", max_bytes=SIZE - 1, threads=threads)
        assert [r.error if isinstance(r, gongkai.Failure) else "ok" for r in got] == ["InputTooLargeError"] * 4 + [
            "ok"
        ]
        assert isinstance(got[0].exception(), gongkai.InputTooLargeError)
        with pytest.raises(gongkai.InputTooLargeError):
            gongkai.parse_many(sources, max_bytes=SIZE - 1, threads=threads)
        assert len(gongkai.parse_many(sources, errors="skip", max_bytes=SIZE - 1, threads=threads)) == 1
        assert all(isinstance(r, gongkai.Report) for r in gongkai.parse_many(sources, max_bytes=SIZE))


def test_read_obeys_max_bytes(doc_path, tmp_path):
    small = tmp_path / "small.txt"
    small.write_bytes(DOC[: SIZE // 2])
    df = gongkai.read(tmp_path, max_bytes=SIZE - 1)
    rows = dict(zip(df["file"].map(lambda f: Path(f).name), df["error"]))
    assert rows["report.txt"] == "InputTooLargeError"
    assert pd.isna(rows["small.txt"])
    assert gongkai.read(tmp_path, max_bytes=SIZE)["error"].isna().all()


@pytest.mark.parametrize("bad", [-1, -(2**70), 1.5, "10", True, [10]])
def test_an_invalid_max_bytes_is_an_option_error(doc_path, bad):
    for name, call in entries(doc_path).items():
        with pytest.raises(gongkai.OptionError, match="max_bytes"):
            call(bad)
    with pytest.raises(gongkai.OptionError, match="max_bytes"):
        gongkai.parse_many([DOC], max_bytes=bad, errors="collect")


def test_a_limit_beyond_memory_means_no_limit():
    assert gongkai.parse(DOC, max_bytes=2**70).year == 2019


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_files_are_refused_not_read_to_the_end():
    """/dev/zero reports size 0; it must be cut at max_bytes+1. Bound: 300 MB."""
    out = run_child(
        """
        import pathlib, gongkai
        try:
            gongkai.parse(pathlib.Path("/dev/zero"), max_bytes=50_000_000)
            RESULT = "parsed"
        except gongkai.InputTooLargeError as e:
            RESULT = str(e)
        """,
    )
    assert out["result"] == "/dev/zero: input too large: 50000001 bytes exceeds max_bytes=50000000"
    assert out["peak_mb"] < 300


def test_default_limit_refuses_a_64_mib_plus_one_input_without_parsing_it():
    """Bound: 400 MB for a 64 MiB + 1 byte input. It is refused before decoding: it opens
    with a JPEG's magic bytes, which decoding would refuse as `UnsupportedFormatError`."""
    out = run_child(
        """
        import gongkai
        data = b"\\xff\\xd8\\xff" + b"a" * (gongkai.DEFAULT_MAX_BYTES - 2)
        try:
            gongkai.parse(data)
            RESULT = "parsed"
        except gongkai.GongkaiError as e:
            RESULT = [type(e).__name__, str(e)]
        """,
    )
    assert out["result"] == ["InputTooLargeError", "input too large: 67108865 bytes exceeds max_bytes=67108864"]
    assert out["peak_mb"] < 400
