"""The public Python surface: inputs accepted, Report shape, batch calls (SPEC §1, §2, §7)."""

import dataclasses
import json
import pathlib
import sys

import pytest

import gongkai
from conftest import REAL, SEEDS, documents

SEED0 = SEEDS / "000_cc707d8ae19cac44.txt"
SPEC_KEYS = [
    "schema_version", "kind", "template", "title", "year", "agency", "admin_level", "region",
    "published", "written", "index_number", "credit_code", "source", "sections", "tables",
    "facts", "issues", "parts", "text",
]


def test_report_dict_has_exactly_the_spec_keys_in_order():
    d = gongkai.extract(SEED0)
    assert list(d) == SPEC_KEYS
    assert d["schema_version"] == 1
    assert set(d["tables"]) == {"proactive", "requests", "review_litigation"}
    assert set(d["source"]) == {"format", "encoding", "encoding_from", "undecodable_bytes", "script", "url"}


def test_report_is_a_frozen_dataclass_that_round_trips():
    r = gongkai.parse(SEED0)
    assert dataclasses.is_dataclass(r)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.year = 1999  # type: ignore[misc]
    d = r.to_dict()
    assert list(d) == SPEC_KEYS
    assert gongkai.Report.from_dict(d) == r
    assert json.loads(r.to_json())["index_number"] == "11330702731527164G/2014-32225"


def test_seed0_panel_metadata():
    r = gongkai.parse(SEED0)
    assert r.index_number == "11330702731527164G/2014-32225"
    assert r.written == "2014-08-13"
    assert r.title == "金华市婺城区琅琊镇2010年政府信息公开工作年度报告"
    assert "全年我镇未收到政府信息公开申请的请求。" in r.text


def test_shanghai_title_and_published(shanghai_bytes):
    r = gongkai.parse(shanghai_bytes)
    assert r.source["format"] == "html"
    assert r.published == "2020-01-31"
    assert r.title == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert "一、总体情况" in r.text


@pytest.mark.parametrize("make", [bytes, bytearray, memoryview], ids=["bytes", "bytearray", "memoryview"])
def test_binary_inputs(make):
    data = SEED0.read_bytes()
    r = gongkai.parse(make(data))
    assert r.index_number == "11330702731527164G/2014-32225"
    assert r.source["encoding"] == "UTF-8"


def test_str_path_pathlike_and_text_give_the_same_text():
    by_path = gongkai.parse(str(SEED0))
    by_pathlike = gongkai.parse(pathlib.Path(SEED0))
    by_text = gongkai.parse(SEED0.read_text(encoding="utf-8"))
    assert by_path.text == by_pathlike.text == by_text.text
    assert by_text.source["encoding_from"] == "str"
    assert by_path.source["encoding_from"] != "str"


def test_missing_file_is_file_not_found():
    with pytest.raises(FileNotFoundError):
        gongkai.parse("no/such/report.html")
    with pytest.raises(FileNotFoundError):
        gongkai.parse(pathlib.Path("no/such/file"))


class RequestsLike:
    def __init__(self, content, content_type, url="https://www.example.gov.cn/a.html"):
        self.content = content
        self.headers = {"Content-Type": content_type}
        self.url = url


class ScrapyHeaders(dict):
    def get(self, key, default=None):  # Scrapy headers: bytes keys and values
        if isinstance(key, str):
            key = key.encode()
        return super().get(key, default)


class ScrapyLike:
    def __init__(self, body, content_type, url="https://www.example.gov.cn/b.html"):
        self.body = body
        self.headers = ScrapyHeaders({b"Content-Type": content_type.encode()})
        self.url = url


def gbk_page() -> bytes:
    html = "<html><body><p>2019年某局政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度主动公开政府信息120条。</p></body></html>"
    return html.encode("gb18030")


def test_requests_like_response_uses_http_charset_and_url():
    r = gongkai.parse(RequestsLike(gbk_page(), "text/html; charset=GBK"))
    assert "主动公开政府信息120条" in r.text
    assert r.source["encoding_from"] == "http"
    assert r.source["url"] == "https://www.example.gov.cn/a.html"


def test_scrapy_like_response():
    r = gongkai.parse(ScrapyLike(gbk_page(), "text/html; charset=gb2312"))
    assert "一、总体情况" in r.text
    assert r.source["encoding"] == "GB18030"
    assert r.source["url"] == "https://www.example.gov.cn/b.html"


def test_url_option_is_kept():
    r = gongkai.parse(b"<p>report</p>", url="https://www.gov.cn/x.html")
    assert r.source["url"] == "https://www.gov.cn/x.html"


def test_format_option_forces_text():
    r = gongkai.parse("<p>一、总体情况</p>", format="text")
    assert r.source["format"] == "text"
    assert "<p>" in r.text
    with pytest.raises(gongkai.OptionError):
        gongkai.parse("x", format="pdf")


def test_unknown_encoding_label_is_an_option_error():
    with pytest.raises(gongkai.OptionError):
        gongkai.parse(b"abc", encoding="no-such-codec")


def test_every_corpus_document_parses():
    for path in documents(SEEDS) + documents(REAL):
        r = gongkai.parse(path)
        assert len(r.text) > 1000, path.name
        assert r.source["undecodable_bytes"] == 0, path.name


def test_parse_many_keeps_order_and_matches_serial():
    paths = documents(SEEDS) + documents(REAL)
    batch = gongkai.parse_many(paths)
    assert [r.text for r in batch] == [gongkai.parse(p).text for p in paths]
    assert gongkai.parse_many(paths, threads=1) == batch


def test_parse_many_error_modes():
    sources = [SEED0, b"", b"%PDF-1.7\n1 0 obj", "no/such/file.txt", 42, SEED0.read_bytes()]
    with pytest.raises(gongkai.EmptyInputError):
        gongkai.parse_many(sources)
    skipped = gongkai.parse_many(sources, errors="skip")
    assert len(skipped) == 2 and all(isinstance(r, gongkai.Report) for r in skipped)
    collected = gongkai.parse_many(sources, errors="collect")
    assert [type(r).__name__ for r in collected] == ["Report", "Failure", "Failure", "Failure", "Failure", "Report"]
    assert [f.error for f in collected[1:5]] == [
        "EmptyInputError", "DamagedFileError", "FileNotFoundError", "TypeError",
    ]
    assert collected[2].index == 2 and "PDF" in collected[2].message
    with pytest.raises(gongkai.OptionError):
        gongkai.parse_many([SEED0], errors="ignore")


def test_parse_many_pauses_the_collector_and_restores_it(monkeypatch):
    import gc

    collections = []
    seen = []  # at each progress line (written after a chunk is converted): collector on, collections so far

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    class Probe:
        def write(self, _text):
            seen.append((gc.isenabled(), len(collections)))

        def flush(self):
            pass

    paths = documents(SEEDS) + documents(REAL)
    gc.callbacks.append(count)
    try:
        assert gc.isenabled()
        with monkeypatch.context() as m:
            m.setattr(sys, "stderr", Probe())
            reports = gongkai.parse_many(paths, threads=1, progress=True, chunk_size=4)
        # Hundreds of containers a report (dozens of collections' worth), yet none ran while the batch
        # converted: only the young generation's, of the caller's objects, on the way in.
        assert len(reports) == len(paths) and len(seen) > len(paths) // 4
        assert collections[:1] == [0]
        assert all(state == (False, 1) for state in seen), seen
        assert gc.isenabled()
        with pytest.raises(gongkai.EmptyInputError):
            gongkai.parse_many([SEED0, b""])
        assert gc.isenabled()  # back on after an error too
        gc.disable()
        try:
            gongkai.parse_many([SEED0])
            assert not gc.isenabled()  # a caller's choice is kept
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(count)


def test_parse_many_hands_its_reports_to_the_oldest_generation():
    import gc
    import weakref

    class Node:
        pass

    # A cycle the caller dropped before the batch: collected on the way in, not moved along.
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    reports = gongkai.parse_many(documents(REAL)[-3:], threads=1)
    assert gone() is None
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # The reports are in the oldest generation: no young collection scans them again.
    young = {id(o) for o in gc.get_objects(0)} | {id(o) for o in gc.get_objects(1)}
    cells = [r.tables["requests"]["cells"] for r in reports if r.tables.get("requests")]
    assert cells and all(gc.is_tracked(c) for c in cells)
    assert all(id(r) not in young for r in reports) and all(id(c) not in young for c in cells)
    old = {id(o) for o in gc.get_objects(2)}
    assert all(id(r) in old for r in reports) and all(id(c) in old for c in cells)
    # A process that froze objects itself (before a fork) keeps them frozen.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        gongkai.parse_many(documents(REAL)[:2], threads=1)
        assert gc.get_freeze_count() >= frozen and gc.isenabled()
    finally:
        gc.unfreeze()


def test_parse_many_progress_bar(capsys):
    gongkai.parse_many([SEED0] * 3, progress=True, chunk_size=2)
    err = capsys.readouterr().err
    assert "3/3" in err


def test_errors_share_a_root():
    for cls in (gongkai.UnsupportedFormatError, gongkai.EmptyInputError, gongkai.InputTooLargeError, gongkai.OptionError):
        assert issubclass(cls, gongkai.GongkaiError)
    assert gongkai.GongkaiError.__module__ == "gongkai"


def test_threads_calling_parse_match_serial_calls():
    from concurrent.futures import ThreadPoolExecutor

    paths = documents(SEEDS) + documents(REAL)
    serial = [gongkai.extract(p) for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(gongkai.extract, paths * 2))
    assert threaded == serial * 2
