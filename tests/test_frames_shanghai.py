"""The Shanghai 2019 HTML report through gongkai.read and the frames (values from its gold file)."""

import pytest

pd = pytest.importorskip("pandas")

import gongkai  # noqa: E402
from conftest import REAL  # noqa: E402

SHANGHAI = REAL / "shanghai-bgt-2019.html"



class Row:
    """A frame row whose <NA> reads as None, so a wrong value fails an assert rather than raising."""

    def __init__(self, series):
        self.series = series

    def __getitem__(self, key):
        value = self.series[key]
        return None if value is pd.NA else value


@pytest.fixture(scope="module")
def rows():
    return Row(gongkai.read(SHANGHAI).iloc[0]), Row(gongkai.read(SHANGHAI, blank_as_zero=True).iloc[0])


def test_table3_cells(rows):
    row, zero = rows
    assert row["requests.new_received.natural_person"] == 821
    assert row["requests.new_received.commercial"] == 35
    assert row["requests.new_received.legal_services"] == 2
    assert row["requests.new_received.other_org"] == 1
    assert row["requests.new_received.total"] == 859
    assert row["requests.new_received.research"] is None and zero["requests.new_received.research"] == 0
    # （一）予以公开's 总计 is left blank in the published table (it should be 272).
    assert row["requests.granted.natural_person"] == 258
    assert row["requests.granted.total"] is None
    # blank_as_zero does not make a left-out total 0: its parts add up to 272 (issue 14, point 6).
    assert zero["requests.granted.total"] is None
    assert row["requests.results_total.natural_person"] == 767
    assert row["requests.results_total.total"] == 805
    assert row["requests.carried_forward.total"] == 72
    assert row["requests.other_other.total"] is None and zero["requests.other_other.total"] is None


def test_table3_2019_other_row(rows):
    row, zero = rows
    # The 2019 single （六）其他处理 row, left blank in the published table.
    assert row["requests.other.total"] is None and zero["requests.other.total"] == 0
    assert len(gongkai.parse(SHANGHAI).requests_frame()) == 23


def test_table4_and_table2_cells(rows):
    row, zero = rows
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


def test_requests_frame_and_view():
    report = gongkai.parse(SHANGHAI)
    frame = report.requests_frame()
    assert frame.loc["new_received"].tolist()[:2] == [821, 35]
    assert frame.loc["granted"].isna().tolist() == [False, False, True, True, False, False, True]
    assert report.requests_frame(blank_as_zero=True).loc["granted", "total"] is pd.NA
    html = report._repr_html_()
    assert 'data-cell="requests.granted.total" class="gk-blank' in html
    assert 'data-cell="requests.new_received.natural_person">821</td>' in html


def test_blank_as_zero_never_zeroes_a_left_out_total():
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
