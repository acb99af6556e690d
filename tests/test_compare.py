"""gongkai.compare: carry-over between consecutive years (DOMAIN §7.3 X1) and repeated text."""

import dataclasses

import pytest

pd = pytest.importorskip("pandas")

import gongkai  # noqa: E402
from conftest import REAL  # noqa: E402
from gongkai._compare import sentences  # noqa: E402

CZJ = "平潭综合实验区财政金融局"
SYQ = "平潭综合实验区"


@pytest.fixture(scope="module")
def reports():
    return {p.stem: gongkai.parse(p) for p in sorted(REAL.glob("pingtan-*.txt"))}


def test_sentences_split_on_chinese_stops_and_drop_whitespace_and_tables(reports):
    r = reports["pingtan-czj-2020"]
    s = sentences(r)
    assert "本报告的电子版在平潭综合实验区门户网站(www.pingtan.gov.cn)公布。" in s
    assert "一是突出抓好财政预决算公开。" in s
    assert all(not any(ch.isspace() for ch in x) for x in s)
    # Table 3's template text is not prose.
    assert not any("本列数据的勾稽关系" in x for x in s)
    assert any("本列数据的勾稽关系" in x for x in sentences(r, exclude_tables=False))


def test_pairs_per_agency_in_year_order(reports):
    records = gongkai.compare_records(list(reports.values()))
    pairs = [(r["agency"], r["year_prev"], r["year"]) for r in records]
    assert (CZJ, 2019, 2020) in pairs and (CZJ, 2020, 2021) in pairs and (CZJ, 2021, 2023) in pairs
    assert (SYQ, 2021, 2023) in pairs
    # The 2017 self-inspection is not an annual report.
    assert not any(2017 in (a, b) for _g, a, b in pairs)
    assert all(a < b for _g, a, b in pairs)


def test_consecutive_years_with_matching_carry_over(reports):
    df = gongkai.compare([reports["pingtan-czj-2019"], reports["pingtan-czj-2020"], reports["pingtan-czj-2021"]])
    assert list(df["year"]) == [2020, 2021]
    assert df["consecutive"].all()
    assert not df["carry_mismatch"].any()
    assert (df["carried_forward_prev.total"] == 0).all() and (df["carried_over.total"] == 0).all()
    assert df["carry_match.natural_person"].all()


def test_a_carry_over_mismatch_is_flagged(reports):
    # 平潭综合实验区 2021 carried 1 request (a natural person's) into the next year;
    # its 2023 report carried over none. Read as the following year's report, they disagree.
    last = reports["pingtan-syq-2021"]
    following = dataclasses.replace(reports["pingtan-syq-2023"], year=2022)
    df = gongkai.compare([last, following], files=["syq-2021", "syq-2023-as-2022"])
    row = df.iloc[0]
    assert (row["year_prev"], row["year"], row["file_prev"], row["file"]) == (2021, 2022, "syq-2021", "syq-2023-as-2022")
    assert row["carried_forward_prev.natural_person"] == 1 and row["carried_over.natural_person"] == 0
    assert row["carry_match.natural_person"] is not pd.NA and not row["carry_match.natural_person"]
    assert row["carry_match.commercial"] is not pd.NA and row["carry_match.commercial"]
    assert row["carry_mismatch"] is not pd.NA and row["carry_mismatch"]
    assert row["carry_mismatch_columns"] == "natural_person,total"


def test_years_apart_are_not_checked_for_carry_over(reports):
    df = gongkai.compare([reports["pingtan-syq-2021"], reports["pingtan-syq-2023"]])
    row = df.iloc[0]
    assert not row["consecutive"]
    assert row["carried_forward_prev.total"] == 1 and row["carried_over.total"] == 0
    assert df["carry_match.total"].isna().all() and df["carry_mismatch"].isna().all()


def test_repeated_sentence_share(reports):
    df = gongkai.compare([reports["pingtan-czj-2019"], reports["pingtan-czj-2020"]])
    row = df.iloc[0]
    # 14 of the 2020 report's 39 sentences appear word for word in 2019's
    # (e.g. 一是突出抓好财政预决算公开。).
    assert (row["sentences"], row["sentences_repeated"]) == (39, 14)
    assert row["repeated_share"] == pytest.approx(14 / 39)
    assert row["repeated_over_50"] is not pd.NA and not row["repeated_over_50"]


def test_a_copied_report_is_over_50_percent(reports):
    last = reports["pingtan-czj-2020"]
    copy = dataclasses.replace(last, year=2021)
    row = gongkai.compare([last, copy]).iloc[0]
    assert row["repeated_share"] == 1.0
    assert row["repeated_over_50"] is not pd.NA and row["repeated_over_50"]


def test_compare_over_a_folder_and_dtypes():
    df = gongkai.compare(REAL)
    assert set(df["agency"]) == {CZJ, SYQ}
    assert str(df["year"].dtype) == "Int64"
    assert str(df["carry_mismatch"].dtype) == "boolean"
    assert str(df["repeated_share"].dtype) == "Float64"
    assert list(df.columns[:6]) == ["agency", "year_prev", "year", "file_prev", "file", "consecutive"]
    assert df["file"].str.startswith(str(REAL)).all()
