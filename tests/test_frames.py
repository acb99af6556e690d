"""gongkai.read, the Report.*_frame() methods and gongkai.frames.long (SPEC §7); the Shanghai 2019
HTML report through them, its values from its gold file."""

import gc
import json
import os
import sys
import tracemalloc

import pytest

pd = pytest.importorskip("pandas")

import gongkai  # noqa: E402
from conftest import REAL, SEEDS, documents  # noqa: E402
from gongkai import frames  # noqa: E402
from gongkai._schema import REQUESTS_COLS, REQUESTS_ROWS  # noqa: E402

SYQ_2021 = str(REAL / "pingtan-syq-2021.txt")
CZJ_2019 = str(REAL / "pingtan-czj-2019.txt")
SHANGHAI = str(REAL / "shanghai-bgt-2019.html")


@pytest.fixture(scope="module")
def real() -> "pd.DataFrame":
    return gongkai.read(REAL)


@pytest.fixture(scope="module")
def real_zero() -> "pd.DataFrame":
    return gongkai.read(REAL, blank_as_zero=True)


def row(frame, path):
    hits = frame[frame["file"] == str(path)]
    assert len(hits) == 1, path
    return hits.iloc[0]


def test_columns_follow_the_spec_order(real):
    cols = list(real.columns)
    assert cols[:15] == [
        "file", "kind", "template", "year", "agency", "admin_level",
        "region_code", "province", "city", "county", "published", "written", "index_number", "title", "part",
    ]
    requests = [c for c in cols if c.startswith("requests.")]
    assert requests == [f"requests.{r}.{c}" for r in REQUESTS_ROWS for c in REQUESTS_COLS]
    assert cols.index("requests.carried_forward.total") < cols.index("review_litigation.review.upheld")
    assert cols.index("review_litigation.litigation_after_review.total") < cols.index("proactive.rules.issued")
    # Both formats' table 2 keys, so a mixed corpus has one set of columns.
    for c in ("proactive.rules.issued", "proactive.rules.new_made", "proactive.other_services.prev_items",
              "proactive.fees.amount_10k_yuan", "proactive.procurement.amount", "proactive.licensing.decisions"):
        assert c in cols
    assert [c for c in cols if c.startswith("facts.")][:3] == [
        "facts.proactive_total", "facts.proactive_cumulative", "facts.requests_received"]
    assert cols[-4:] == ["n_errors", "n_warnings", "error", "message"]
    assert [name for name, _k in frames.columns()] == cols


def test_dtypes_are_nullable_and_fixed(real):
    assert str(real["year"].dtype) == "Int64"
    assert str(real["requests.new_received.total"].dtype) == "Int64"
    assert str(real["proactive.fees.amount_10k_yuan"].dtype) == "Float64"
    assert str(real["proactive.procurement.amount"].dtype) == "Float64"
    assert str(real["facts.fees_yuan"].dtype) == "Float64"
    assert str(real["facts.requests_received"].dtype) == "Int64"
    assert str(real["published"].dtype) == "datetime64[ns]"
    assert isinstance(real["agency"].dtype, pd.StringDtype)
    assert (real.dtypes == frames.empty().dtypes).all()


def test_one_row_per_document_in_sorted_order(real):
    expected = sorted(str(p) for p in documents(REAL))
    assert list(real["file"]) == expected
    assert list(real.index) == list(range(len(expected)))


def test_values_from_a_2021_text_report(real):
    r = row(real, SYQ_2021)
    assert (r["kind"], r["template"], r["year"], r["agency"]) == ("annual_report", "2021", 2021, "平潭综合实验区")
    assert r["published"] == pd.Timestamp("2022-02-08")
    assert r["requests.new_received.natural_person"] == 64
    assert r["requests.new_received.other_org"] == 4
    assert r["requests.new_received.total"] == 70
    assert r["requests.carried_forward.total"] == 1
    assert r["requests.other_other.total"] == 1
    assert r["review_litigation.review.total"] == 3
    assert r["review_litigation.litigation_direct.upheld"] == 12
    assert r["proactive.licensing.decisions"] == 2293
    assert r["proactive.fees.amount_10k_yuan"] == pytest.approx(24252.311082)
    assert r["facts.proactive_total"] == 2645
    # A 2019 row or column does not exist in a 2021 report: <NA>, never 0.
    assert r["requests.other.total"] is pd.NA
    assert r["proactive.licensing.prev_items"] is pd.NA
    issues = gongkai.parse(SYQ_2021).issues
    assert r["n_errors"] == sum(i["severity"] == "error" for i in issues) == 0
    assert r["n_warnings"] == sum(i["severity"] == "warning" for i in issues) >= 1
    assert r["error"] is pd.NA


def test_values_from_a_2019_text_report(real):
    r = row(real, CZJ_2019)
    assert r["template"] == "2019"
    assert r["proactive.licensing.prev_items"] == 3
    assert r["proactive.rules.issued"] is pd.NA
    assert r["requests.other_other.total"] is pd.NA


@pytest.mark.parametrize(
    "name, cells",
    [("pingtan-czj-2021.txt", 200), ("pingtan-czj-2023.txt", 200), ("pingtan-czj-2025.txt", 200),
     ("pingtan-jjf-2021.txt", 200), ("shanghai-bgt-2019.html", 198)],
)
def test_every_gold_cell_lands_in_its_column(real_zero, name, cells):
    """The hand-checked gold values (blanks read as 0 in gold) against the columns; a total the
    report left out while its parts are not all zero stays <NA> under blank_as_zero."""
    g = json.loads((REAL / name).with_suffix(".gold.json").read_text(encoding="utf-8"))
    r = row(real_zero, REAL / name)
    omitted = gongkai.frames.omitted_totals(gongkai.parse(REAL / name).issues)
    checked = 0
    for key, prefix in (("table2", "proactive"), ("table3", "requests"), ("table4", "review_litigation")):
        for row_key, cols in g[key].items():
            if isinstance(cols, list):
                cols = dict(zip(("upheld", "corrected", "other", "pending", "total"), cols))
            for col, value in cols.items():
                if isinstance(value, str):  # a cell with its unit, e.g. 采购总金额 "251000元": value in yuan
                    value = float(value.rstrip("元"))
                path = f"{prefix}.{row_key}.{col}"
                if path in omitted:
                    assert value == 0 and r[path] is pd.NA, path
                else:
                    assert r[path] == pytest.approx(value), (prefix, row_key, col)
                checked += 1
    assert checked == cells


def test_pre2019_reports_have_no_table_values(real):
    r = row(real, REAL / "pingtan-czj-2009.txt")
    assert r["template"] == "pre2019"
    cells = [c for c in real.columns if c.startswith(("requests.", "review_litigation.", "proactive."))]
    assert r[cells].isna().all()


def test_blank_stays_na_unless_blank_as_zero(real, real_zero):
    # Shanghai's row 二 (上年结转): 18 natural persons, the organisation cells left empty.
    assert row(real, SHANGHAI)["requests.carried_over.legal_services"] is pd.NA
    assert row(real_zero, SHANGHAI)["requests.carried_over.legal_services"] == 0
    assert row(real, SHANGHAI)["requests.carried_over.total"] == 18
    assert row(real, SHANGHAI)["requests.new_received.total"] == 859
    # blank_as_zero does not invent cells a template lacks.
    assert row(real_zero, SYQ_2021)["requests.other.total"] is pd.NA


def test_na_cells_follow_na_as_zero():
    report = gongkai.parse(SHANGHAI)
    cells = report.tables["requests"]["cells"]
    blank = {"value": None, "raw": "", "state": "blank", "span": [0, 0], "inferred": False}
    na = {"value": None, "raw": "/", "state": "na", "span": [0, 0], "inferred": False}
    assert frames.cell_value(blank) is None and frames.cell_value(na) is None
    assert frames.cell_value(blank, blank_as_zero=True) == 0
    assert frames.cell_value(na, blank_as_zero=True) == 0
    assert frames.cell_value(na, blank_as_zero=True, na_as_zero=False) is None
    assert frames.cell_value(na, na_as_zero=True) == 0
    assert frames.cell_value(cells["carried_over"]["total"]) == 18


def test_errors_collect_skip_raise(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really text")
    good = SEEDS / "001_f30eff389d3d77a8.txt"
    missing = tmp_path / "gone.html"
    collected = gongkai.read([good, bad, missing])
    assert len(collected) == 3
    by_file = collected.set_index("file")
    assert by_file.loc[str(bad), "error"] == "UnsupportedFormatError"
    assert by_file.loc[str(missing), "error"] == "FileNotFoundError"
    assert by_file.loc[str(bad), "kind"] is pd.NA
    assert by_file.loc[str(good), "error"] is pd.NA
    assert by_file.loc[str(good), "n_errors"] == 0
    skipped = gongkai.read([good, bad], errors="skip")
    assert list(skipped["file"]) == [str(good)]
    with pytest.raises(gongkai.UnsupportedFormatError):
        gongkai.read([good, bad], errors="raise")
    assert gc.isenabled()  # the collector, paused while the batch converts, is back on after the error
    with pytest.raises(gongkai.OptionError):
        gongkai.read([good], errors="ignore")


def test_glob_dir_and_list_give_the_same_rows(real):
    txt = gongkai.read(str(REAL / "*.txt"))
    assert list(txt["file"]) == [f for f in real["file"] if f.endswith(".txt")]
    listed = gongkai.read([SHANGHAI, SYQ_2021])
    assert list(listed["file"]) == sorted([SHANGHAI, SYQ_2021])
    assert gongkai.read(str(REAL / "*.nothing")).shape == (0, real.shape[1])


def test_chunks_and_threads_do_not_change_the_frame(real):
    pd.testing.assert_frame_equal(gongkai.read(REAL, chunk_size=4, threads=1), real)


def test_frame_without_pyarrow_is_identical(real, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert frames._pyarrow() is None
    pd.testing.assert_frame_equal(gongkai.read(REAL), real)
    pd.testing.assert_frame_equal(frames.empty(), frames.empty())


def test_wide_from_reports_matches_read(real):
    paths = [str(p) for p in documents(REAL)]
    reports = gongkai.parse_many(paths)
    pd.testing.assert_frame_equal(frames.wide(reports, files=paths), real)


def test_read_streams_and_keeps_no_report(tmp_path):
    """Peak Python memory follows the chunk, not the corpus: report dicts are dropped as rows are made."""
    source = REAL / "pingtan-syq-2021.txt"
    for n in range(32):
        os.link(source, tmp_path / f"copy-{n:02}.txt")
    gongkai.read(source, threads=1)  # warm up imports and caches

    def peak(chunk_size):
        tracemalloc.start()
        try:
            frame = gongkai.read(tmp_path, chunk_size=chunk_size, threads=1)
            return tracemalloc.get_traced_memory()[1], frame
        finally:
            tracemalloc.stop()

    small, frame = peak(4)
    whole, _ = peak(32)
    assert len(frame) == 32 and (frame["requests.new_received.total"] == 70).all()
    # 32 report dicts alive at once cost several times what 4 do.
    assert small * 2.5 < whole, (small, whole)


# --- Report.*_frame() ------------------------------------------------------


@pytest.fixture(scope="module")
def syq():
    return gongkai.parse(SYQ_2021)


def test_requests_frame_rows_in_template_order(syq):
    f = syq.requests_frame()
    assert list(f.columns) == list(REQUESTS_COLS)
    assert f.index.name == "row"
    assert list(f.index)[:3] == ["new_received", "carried_over", "granted"]
    assert list(f.index)[-5:] == ["other_no_correction", "other_unpaid_fee", "other_other", "results_total", "carried_forward"]
    assert "other" not in f.index and len(f) == 25
    assert f.loc["new_received", "natural_person"] == 64
    assert f.loc["unavailable_not_held", "total"] == 25
    assert (f.dtypes == "Int64").all()
    # The 2019 template has one （六） row and 23 rows in all.
    f19 = gongkai.parse(CZJ_2019).requests_frame()
    assert len(f19) == 23 and "other" in f19.index and "other_other" not in f19.index


def test_requests_frame_blank_as_zero():
    report = gongkai.parse(SHANGHAI)
    assert report.requests_frame().loc["carried_over", "legal_services"] is pd.NA
    assert report.requests_frame(blank_as_zero=True).loc["carried_over", "legal_services"] == 0


def test_review_and_proactive_frames(syq):
    r = syq.review_frame()
    assert list(r.index) == ["review", "litigation_direct", "litigation_after_review"]
    assert list(r.columns) == ["upheld", "corrected", "other", "pending", "total"]
    assert r.loc["review"].tolist() == [1, 0, 2, 0, 3]
    p = syq.proactive_frame()
    assert list(p.index) == ["rules", "normative_documents", "licensing", "punishment", "coercion", "fees"]
    assert list(p.columns) == ["issued", "repealed", "in_force", "decisions", "amount_10k_yuan"]
    assert p.loc["punishment", "decisions"] == 1282
    assert p.loc["fees", "amount_10k_yuan"] == pytest.approx(24252.311082)
    assert p.loc["fees", "decisions"] is pd.NA
    assert str(p["amount_10k_yuan"].dtype) == "Float64"
    p19 = gongkai.parse(CZJ_2019).proactive_frame()
    assert "other_services" in p19.index and "procurement" in p19.index
    assert p19.loc["licensing", "prev_items"] == 3


def test_frames_of_a_report_without_tables():
    report = gongkai.parse(REAL / "pingtan-czj-2009.txt")
    assert report.requests_frame().shape == (0, 7)
    assert report.review_frame().empty


def test_facts_issues_sections_frames(syq):
    facts = syq.facts_frame()
    total = facts[facts["key"] == "proactive_total"].iloc[0]
    assert total["value"] == 2645 and total["unit"] == "条"
    assert syq.text[total["start"] : total["end"]].startswith("2645")
    issues = syq.issues_frame()
    assert list(issues["code"]) == [i["code"] for i in syq.issues]
    unreadable = issues[issues["code"] == "TABLE_UNREADABLE"].iloc[0]
    assert unreadable["cells"][0] == "proactive.normative_documents.issued"
    assert unreadable["severity"] == "warning" and unreadable["blame"] == "parser"
    sections = syq.sections_frame()
    assert list(sections.columns) == ["key", "number", "heading", "level", "start", "end", "parent"]
    problems = sections.index[sections["key"] == "problems"][0]
    children = sections[sections["parent"] == problems]
    assert list(children["heading"]) == ["存在的主要问题", "改进措施"]
    assert (children["level"] == 2).all()


# --- long ------------------------------------------------------------------


def test_long_has_one_row_per_cell(syq):
    df = frames.long([syq])
    assert list(df.columns)[:11] == [
        "report", "file", "part", "agency", "year", "template", "table", "format", "row", "col", "value"]
    assert len(df) == 25 * 7 + 15 + 10  # table 3, table 4, table 2 (the 2021 cells)
    cell = df[(df["table"] == "requests") & (df["row"] == "new_received") & (df["col"] == "total")].iloc[0]
    assert (cell["value"], cell["raw"], cell["state"], bool(cell["inferred"])) == (70, "70", "number", True)
    assert syq.text[cell["start"] : cell["end"]] == "70"


def test_long_over_a_folder_pivots_back_to_read(real):
    df = frames.long(REAL)
    assert set(df["file"]) <= set(real["file"])
    wide = df[(df["table"] == "requests") & (df["row"] == "new_received") & (df["col"] == "total")]
    by_file = dict(zip(wide["file"], wide["value"]))
    for _i, r in real.iterrows():
        if r["file"] in by_file and r["requests.new_received.total"] is not pd.NA:
            assert by_file[r["file"]] == r["requests.new_received.total"]
    counts = df.groupby("state").size()
    assert counts["zero"] > counts["number"] > 0


def test_a_compilation_gives_one_row_per_document():
    seed = SEEDS / "004_e4ca24f9fb34d657.txt"
    df = gongkai.read([seed, SYQ_2021])
    parts = df[df["file"] == str(seed)]
    assert list(parts["part"]) == [1, 2, 3, 4, 5]
    assert list(parts["kind"]) == ["work_summary"] * 5
    assert list(parts["year"].astype("object").where(parts["year"].notna(), None)) == [None, 2013, 2011, 2010, 2007]
    assert list(parts["title"])[1] == "第二篇:乡2013年政务公开总结"
    assert df[df["file"] == SYQ_2021]["part"].isna().all()
    assert list(df.index) == list(range(6))
    whole = gongkai.read([seed], parts=False)
    assert len(whole) == 1 and whole["kind"].iloc[0] == "compilation" and whole["part"].isna().all()
    # Its five documents are work summaries without the statistical tables: no cells to list.
    assert frames.long([seed]).empty


# --- the Shanghai 2019 HTML report (values from its gold file) -------------------------


class Row:
    """A frame row whose <NA> reads as None, so a wrong value fails an assert rather than raising."""

    def __init__(self, series):
        self.series = series

    def __getitem__(self, key):
        value = self.series[key]
        return None if value is pd.NA else value


@pytest.fixture(scope="module")
def shanghai_rows():
    return Row(gongkai.read(SHANGHAI).iloc[0]), Row(gongkai.read(SHANGHAI, blank_as_zero=True).iloc[0])


def test_shanghai_table3_cells(shanghai_rows):
    row, zero = shanghai_rows
    assert row["requests.new_received.natural_person"] == 821
    assert row["requests.new_received.commercial"] == 35
    assert row["requests.new_received.legal_services"] == 2
    assert row["requests.new_received.other_org"] == 1
    assert row["requests.new_received.total"] == 859
    assert row["requests.new_received.research"] is None and zero["requests.new_received.research"] == 0
    # （一）予以公开's 总计 is left blank in the published table (it should be 272).
    assert row["requests.granted.natural_person"] == 258
    assert row["requests.granted.total"] is None
    # blank_as_zero does not make a left-out total 0: its parts add up to 272.
    assert zero["requests.granted.total"] is None
    assert row["requests.results_total.natural_person"] == 767
    assert row["requests.results_total.total"] == 805
    assert row["requests.carried_forward.total"] == 72
    assert row["requests.other_other.total"] is None and zero["requests.other_other.total"] is None


def test_shanghai_table3_2019_other_row(shanghai_rows):
    row, zero = shanghai_rows
    # The 2019 single （六）其他处理 row, left blank in the published table.
    assert row["requests.other.total"] is None and zero["requests.other.total"] == 0
    assert len(gongkai.parse(SHANGHAI).requests_frame()) == 23


def test_shanghai_table4_and_table2_cells(shanghai_rows):
    row, zero = shanghai_rows
    assert row["review_litigation.review.upheld"] == 5
    assert row["review_litigation.review.total"] == 7
    assert row["review_litigation.litigation_direct.total"] == 9
    assert row["review_litigation.litigation_after_review.total"] is None
    assert zero["review_litigation.litigation_after_review.total"] == 0
    assert row["proactive.rules.new_made"] == 13
    assert row["proactive.rules.total_published"] == 524
    assert row["proactive.normative_documents.total_published"] == 368
    assert row["proactive.procurement.items"] == 6
    assert row["proactive.procurement.amount"] == 251000.0


def test_shanghai_requests_frame_and_view():
    report = gongkai.parse(SHANGHAI)
    frame = report.requests_frame()
    assert frame.loc["new_received"].tolist()[:2] == [821, 35]
    assert frame.loc["granted"].isna().tolist() == [False, False, True, True, False, False, True]
    assert report.requests_frame(blank_as_zero=True).loc["granted", "total"] is pd.NA
    html = report._repr_html_()
    assert 'data-cell="requests.granted.total" class="gk-blank' in html
    assert 'data-cell="requests.new_received.natural_person">821</td>' in html


def test_shanghai_blank_as_zero_never_zeroes_a_left_out_total():
    """The 11 totals Shanghai left blank while their parts are not all zero stay <NA> in every
    frame with blank_as_zero=True; T3_TOTAL_OMITTED gives their parts' sum. Blank cells that
    are no such total still read as 0."""
    report = gongkai.parse(SHANGHAI)
    omitted = {i["cells"][0]: i["expected"] for i in report.issues if i["code"] == "T3_TOTAL_OMITTED"}
    assert len(omitted) == 11 and omitted["requests.granted.total"] == 272
    wide = gongkai.read(SHANGHAI, blank_as_zero=True).iloc[0]
    assert all(wide[path] is pd.NA for path in omitted)
    assert wide["requests.new_received.research"] == 0
    frame = report.requests_frame(blank_as_zero=True)
    assert all(frame.loc[path.split(".")[1], "total"] is pd.NA for path in omitted)
    long = gongkai.frames.long([report], blank_as_zero=True)
    cells = long.set_index(["table", "row", "col"])["value"]
    assert all(cells[tuple(path.split("."))] is pd.NA for path in omitted)
    assert cells[("requests", "new_received", "research")] == 0
    same = gongkai.frames.wide([report], blank_as_zero=True).iloc[0]
    assert all(same[path] is pd.NA for path in omitted)
