"""Work and memory bounded by the input, on adversarial inputs: each parses to a `Report` (or a typed
error) within a stated memory bound, with the readings checked.

Every case runs in a child interpreter (`conftest.run_child`), so a crash cannot
take pytest down and the child's peak RSS can be read. The memory bound is its
peak RSS, including the ~30 MB interpreter and the input itself, about twice
what the release build took (each docstring gives both), so a copy per line
would not pass. No test asserts time (a busy machine or a debug build would
fail it): `bench/adversarial.py` times these inputs against the bounds the
docstrings quote, on a release build.
"""

import pytest
from conftest import REAL, run_child

import gongkai

REPORT = REAL / "pingtan-czj-2019.txt"
SHANGHAI = REAL / "shanghai-bgt-2019.html"


def test_50_mb_of_text():
    """A real report repeated to 50 MB (4,600 copies, 19 million characters).
    Measured 6.9 s, 561 MB (release). Bound: 1200 MB (24x the input)."""
    out = run_child(
        f"""
        import gongkai
        one = open({str(REPORT)!r}, "rb").read()
        data = (one * (50_000_000 // len(one) + 1))[:50_000_000]
        r = gongkai.parse(data)
        RESULT = [len(data), len(r.text), r.tables["requests"] is not None]
        """,
    )
    size, chars, table = out["result"]
    assert size == 50_000_000 and chars > 15_000_000 and table
    assert out["peak_mb"] < 1200


def test_50_mb_html_page():
    """A 50 MB page: a real report page repeated (tables, panel, paragraphs).
    Measured 5.9 s, 538 MB (release). Bound: 1200 MB (24x the input)."""
    out = run_child(
        f"""
        import gongkai
        body = b"<div>" + open({str(SHANGHAI)!r}, "rb").read() + b"</div>"
        head = '<html><head><meta charset="utf-8"><title>年报</title></head><body>'.encode()
        data = head + body * (50_000_000 // len(body)) + b"</body></html>"
        r = gongkai.parse(data)
        RESULT = [len(data), len(r.text), r.source["format"]]
        """,
    )
    size, chars, fmt = out["result"]
    assert 45_000_000 < size <= 50_100_000 and chars > 5_000_000 and fmt == "html"
    assert out["peak_mb"] < 1200


def test_a_million_lines():
    """A million short lines of every kind the readers look at: headings, table
    rows, number sentences, panel-like lines, page furniture (40 MB).
    Measured 10.5 s, 651 MB (333,334 facts) (release). Bound: 1500 MB."""
    out = run_child(
        """
        import gongkai
        kinds = [
            "{i}、标题第{i}项",
            "（一）予以公开 {i} 0 0 0 0 0 {i}",
            "本年度主动公开政府信息{i}条，同比增长{i}%。",
            "发布日期：2020-01-{d:02d}",
            "- {i} -",
            "| 0 | {i} | | 1 |",
        ]
        lines = [kinds[i % len(kinds)].format(i=i, d=1 + i % 28) for i in range(1_000_000)]
        data = "\\n".join(lines).encode()
        r = gongkai.parse(data)
        RESULT = [len(data), r.text.count("\\n") + 1, len(r.facts)]
        """,
    )
    size, lines, facts = out["result"]
    assert size > 20_000_000 and lines > 100_000 and facts > 1000
    assert out["peak_mb"] < 1500


def test_200000_pages_each_opening_with_a_running_header():
    """200,000 form-feed pages, each opening with the same header line (plain text's running
    headers are counted in one pass). The header stays once, on the first page; no page's
    header joins the sentences around it. Bound: 700 MB."""
    out = run_child(
        """
        import gongkai
        r = gongkai.parse("政府信息公开工作年度报告\\n本年度主动公开政府信息12条\\n\\x0c" * 200_000)
        RESULT = [r.text.count("政府信息公开工作年度报告"), r.text.count("本年度主动公开政府信息12条")]
        """,
    )
    assert out["result"] == [1, 200_000]
    assert out["peak_mb"] < 700


def test_10000_headings():
    """10,000 headings of every numbering style, nested, each with a line of prose.
    Measured 0.5 s, 40 MB (release). Bound: 300 MB."""
    out = run_child(
        """
        import gongkai
        cn = "一二三四五六七八九十"
        styles = ["{c}、总体情况{i}", "（{c}）主动公开{i}", "{n}. 依申请公开{i}", "（{n}）政府信息{i}", "第{c}章 其他{i}"]
        lines = []
        for i in range(10_000):
            lines.append(styles[i % 5].format(c=cn[i % 10], n=1 + i % 99, i=i))
            lines.append(f"本年度主动公开政府信息{i}条。")
        r = gongkai.parse("\\n".join(lines).encode())
        def count(sections):
            return sum(1 + count(s["children"]) for s in sections)
        RESULT = count(r.sections)
        """,
    )
    assert out["result"] > 1000
    assert out["peak_mb"] < 300


def test_digit_runs_of_100000_characters():
    """Runs of 100,000 digits where the glued-digit splitter and the number readers
    look: in every glued row of tables 2, 3 and 4 of a real report, in a pipe row, in prose,
    in an HTML grid cell, and a thousand 1,000-digit rows (3.3 million digits in all).
    Measured 0.4 s (slowest page 0.2 s), 101 MB (release). Bound: 400 MB;
    the splitter is bounded per row."""
    out = run_child(
        f"""
        import re, gongkai
        text = open({str(REPORT)!r}, encoding="utf-8").read()
        run = "1" * 100_000
        # The report's tables are flattened into glued runs (`（一）予以公开0000000`): each becomes 100,000 digits.
        spiked = re.sub(r"[0-9]{{6,}}", run, text)
        pages = [
            spiked,
            "| （一）予以公开 | " + run + " | 0 | 0 |",
            "本年度主动公开政府信息" + run + "条，同比增长" + run + "%。",
            "<table><tr><td>（一）予以公开</td><td>" + run + "</td><td>" + run + "</td></tr></table>",
            "\\n".join("（一）予以公开 " + "7" * 1000 for _ in range(1000)),
        ]
        RESULT = [spiked.count(run), [len(gongkai.parse(p).text) > 0 for p in pages]]
        """,
    )
    runs, parsed = out["result"]
    assert runs > 20
    assert parsed == [True] * 5
    assert out["peak_mb"] < 400


def test_deeply_nested_and_unclosed_tables():
    """20,000 nested tables never closed; 5,000 nested and closed, each cell a table-3
    label; one table of 100,000 unclosed rows; cells opened in no table at all.
    Measured 1.6 s, 179 MB (release). Bound: 600 MB."""
    out = run_child(
        """
        import gongkai
        pages = [
            "<html><body>" + "<table><tr><td>" * 20_000 + "一、总体情况",
            "<table><tr><td>（一）予以公开 1" * 5_000 + "</td></tr></table>" * 5_000,
            "<table>" + "<tr><td>（一）予以公开<td>1<td>2" * 100_000,
            "<td>" * 50_000 + "<tr>" * 50_000 + "1",
            "<table><tr><td colspan=1000 rowspan=1000>" * 2_000,
        ]
        RESULT = [len(gongkai.parse(p).text) >= 0 for p in pages]
        """,
    )
    assert out["result"] == [True] * 5
    assert out["peak_mb"] < 600


def test_zero_width_and_bidi_characters():
    """A real report with a zero-width or bidi character after every character (19
    kinds in turn), then one with 2 million of them: the readings equal the clean
    report's. Measured 0.3 s, 46 MB (release). Bound: 300 MB."""
    out = run_child(
        f"""
        import gongkai
        text = open({str(REPORT)!r}, encoding="utf-8").read()
        clean = gongkai.parse(text)
        same = []
        marks = "\\u00ad\\u061c\\u180e\\u200b\\u200c\\u200d\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2060\\u2066\\u2067\\u2068\\u2069\\ufeff"
        for c in marks:
            r = gongkai.parse(c.join(text))
            same.append((r.text, r.tables, r.facts, r.year, r.agency) == (clean.text, clean.tables, clean.facts, clean.year, clean.agency))
        big = gongkai.parse(text + "\\n" + "\\u202e\\u200b" * 1_000_000 + "\\n" + text)
        RESULT = [all(same), len(big.text) < 3 * len(clean.text)]
        """,
    )
    assert out["result"] == [True, True]
    assert out["peak_mb"] < 300


def test_lone_surrogates_in_str():
    """A str of 10 million characters, every other one a lone surrogate (which no
    UTF-8 can hold): each becomes U+FFFD and is counted. Measured 3.6 s, 375 MB (release).
    Bound: 900 MB."""
    out = run_child(
        """
        import gongkai
        text = "一、总体情况\\n" + "数\\ud800" * 2_500_000 + "\\n" + "\\udfff据" * 2_500_000
        r = gongkai.parse(text)
        RESULT = [r.source["undecodable_bytes"], r.text.count("\\ufffd")]
        """,
    )
    assert out["result"] == [5_000_000, 5_000_000]
    assert out["peak_mb"] < 900


def test_meta_that_lies_about_the_encoding():
    """Pages whose `<meta charset>` (or HTTP header) names the wrong encoding read as
    the honest page does: UTF-8 declared GBK, GB18030 declared UTF-8, Big5 declared
    UTF-8, UTF-8 declared UTF-16 or ISO-8859-1; the same at 5 MB.
    Measured 0.9 s, 84 MB (release). Bound: 400 MB."""
    out = run_child(
        f"""
        import gongkai
        text = open({str(REPORT)!r}, encoding="utf-8").read()
        body = "<p>" + text.replace("\\n", "</p>\\n<p>") + "</p>"
        def page(charset, body=body):
            return f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={{charset}}"><title>report</title></head><body>{{body}}</body></html>'
        honest = gongkai.parse(page("utf-8").encode("utf-8"))
        ok = []
        for declared, actual in [("gbk", "utf-8"), ("utf-8", "gb18030"), ("utf-16", "utf-8"), ("iso-8859-1", "utf-8"), ("iso-8859-1", "gbk"), ("big5", "utf-8"), ("shift_jis", "gb18030")]:
            r = gongkai.parse(page(declared).encode(actual))
            ok.append((declared, actual, r.text == honest.text and r.tables == honest.tables))
            r = gongkai.parse(page("utf-8").encode(actual), content_type="text/html; charset=" + declared)
            ok.append(("header " + declared, actual, r.text == honest.text))
        # Traditional characters in Big5 under a UTF-8 label come out Simplified, like the honest page.
        trad = "<p>政府資訊公開工作年度報告。本機關主動公開政府資訊十二條。</p>" * 20
        big5 = gongkai.parse(page("utf-8", trad).encode("big5"))
        ok.append(("utf-8", "big5", "政府信息公开" in big5.text and big5.source["encoding"] == "Big5"))
        large = body * 450  # ~5 MB
        r = gongkai.parse(page("gbk", large).encode("utf-8"))
        ok.append(("gbk 5MB", "utf-8", r.source["encoding"] == "UTF-8" and r.source["undecodable_bytes"] == 0))
        RESULT = [x for x in ok if not x[2]]
        """,
    )
    assert out["result"] == []
    assert out["peak_mb"] < 400


def test_fact_dense_input_stays_near_its_size():
    """200,000 lines that each state a number (200,000 facts from 11.6 MB). The dict
    handed to Python was built through a JSON value of the whole report, three times
    the memory (737 MB). Measured 3.3 s, 282 MB (release). Bound: 500 MB."""
    out = run_child(
        """
        import gongkai
        data = "\\n".join(f"第{i}行 本年度主动公开政府信息{i}条。" for i in range(200_000)).encode()
        r = gongkai.parse(data)
        RESULT = [len(r.facts), list(gongkai.extract(data[:2000]).keys())]
        """,
    )
    n, keys = out["result"]
    assert n == 200_000
    assert keys == list(gongkai.Report.__dataclass_fields__)
    assert out["peak_mb"] < 500


def test_big5_page_declared_gbk_follows_the_declaration():
    """Documented limit (docs/encodings.md): Big5 bytes are all valid GBK, so a Big5 page
    whose `<meta>` says GBK (and nothing says otherwise) decodes without an error, and the
    declaration is believed as browsers believe it. Overruling it would misread real GBK
    pages; a `MOJIBAKE` warning says the bytes read as rare characters and names the
    encoding that fits, and `encoding="big5"` reads the page right."""
    trad = "<p>政府資訊公開工作年度報告。本機關主動公開政府資訊十二條。</p>" * 20
    page = f'<html><head><meta charset="gbk"><title>report</title></head><body>{trad}</body></html>'
    believed = gongkai.parse(page.encode("big5"))
    assert (believed.source["encoding"], believed.source["encoding_from"]) == ("GB18030", "meta")
    assert "政府信息公开" not in believed.text
    [warning] = [i for i in believed.issues if i["code"] == "MOJIBAKE"]
    assert warning["severity"] == "warning" and 'pass encoding="big5"' in warning["message"]
    forced = gongkai.parse(page.encode("big5"), encoding="big5")
    assert "政府信息公开" in forced.text
