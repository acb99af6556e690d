"""Table 4's row printed among the pieces of its header: plain `pdftotext` puts each group's
values between the header's words (`结果` / `维持` / `结果` / `纠正` / `2` / `0` / `行政复议` / `其他` …),
camelot glues each value to the header word above it (`"维持\\n0"`). Read in text order only
where the header names every column and group, there are 15 whole numbers and every group adds up."""

from __future__ import annotations

import pytest

from gongkai import parse

from conftest import DATA, gold_beside

PDF_TEXT = DATA / "pdf-text"
CAMELOT = DATA / "layouts" / "txt-camelot-lattice"


def _t4(report) -> list[object] | None:
    t = report.tables["review_litigation"]
    return None if t is None else [c["value"] for row in t["cells"].values() for c in row.values()]


def _gold(path) -> list[object]:
    return [v for group in gold_beside(path)["table4"].values() for v in group]


@pytest.mark.parametrize(
    "path",
    [PDF_TEXT / "r1.raw.txt", PDF_TEXT / "r4.raw.txt", CAMELOT / "huaian-shi-2024.txt", CAMELOT / "syn-14.docx.txt"],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_the_row_among_its_headers_words(path) -> None:
    assert _t4(parse(path)) == _gold(path)


def test_not_read_where_a_group_does_not_add_up_or_a_value_is_lost() -> None:
    text = (PDF_TEXT / "r1.raw.txt").read_text(encoding="utf-8")
    # r1's review group `2 0 1 2 5`: its total printed 6 instead.
    head, tail = text.split("行政诉讼\n总计\n\n5\n", 1)
    broken = head + "行政诉讼\n总计\n\n6\n" + tail
    assert _t4(parse(broken.encode())) is None
    # r5's text lost the last group's total (14 values): nothing is read.
    assert _t4(parse(PDF_TEXT / "r5.raw.txt")) is None
