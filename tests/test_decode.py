"""Encoding resolution through the public API (SPEC §1): what was used and why is recorded."""

import pytest

import gongkai

REPORT = "一、总体情况\n本年度本机关主动公开政府信息一百二十条，收到政府信息公开申请3件。"
TRAD = "一、總體情況\n本年度本機關主動公開政府資訊一百二十條，收到政府資訊公開申請3件。"


def page(body: str, meta: str = "", title: str = "年度报告") -> str:
    return f"<html><head>{meta}<title>{title}</title></head><body><p>{body.replace(chr(10), '</p><p>')}</p></body></html>"


def test_undeclared_gb18030_is_detected():
    r = gongkai.parse(page(REPORT).encode("gb18030"))
    assert r.source["encoding"] == "GB18030"
    assert r.source["encoding_from"] == "detected"
    assert "收到政府信息公开申请3件" in r.text


def test_meta_gb2312_decodes_as_gb18030():
    r = gongkai.parse(page(REPORT, '<meta charset="gb2312">').encode("gbk"))
    assert (r.source["encoding"], r.source["encoding_from"]) == ("GB18030", "meta")


def test_big5_traditional_page_comes_out_simplified():
    r = gongkai.parse(page(TRAD, title="年度報告").encode("big5"))
    assert r.source["encoding"] == "Big5"
    assert r.source["script"] == "traditional"
    assert "本机关主动公开政府资讯一百二十条" in r.text or "本机关主动公开政府信息一百二十条" in r.text
    assert "機關" not in r.text


def test_t2s_false_keeps_traditional():
    r = gongkai.parse(page(TRAD, title="年度報告").encode("big5"), t2s=False)
    assert "機關" in r.text
    assert r.source["script"] == "traditional"


def test_utf16_with_bom():
    r = gongkai.parse(b"\xff\xfe" + REPORT.encode("utf-16-le"))
    assert r.source["encoding"] == "UTF-16LE"
    assert r.source["encoding_from"] == "bom"
    assert "一、总体情况" in r.text


def test_bom_beats_the_encoding_argument():
    r = gongkai.parse(b"\xef\xbb\xbf" + REPORT.encode(), encoding="gbk")
    assert (r.source["encoding"], r.source["encoding_from"]) == ("UTF-8", "bom")


def test_encoding_argument_is_obeyed():
    r = gongkai.parse(REPORT.encode("gb18030"), encoding="gbk")
    assert (r.source["encoding"], r.source["encoding_from"]) == ("GB18030", "argument")
    assert "主动公开" in r.text


def test_http_charset_beats_meta():
    data = page(REPORT, '<meta charset="utf-8">').encode("gb18030")
    r = gongkai.parse(data, content_type="text/html; charset=GBK")
    assert r.source["encoding_from"] == "http"
    assert "主动公开" in r.text


def test_lying_meta_is_not_trusted():
    r = gongkai.parse(page(REPORT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">').encode())
    assert r.source["encoding"] == "UTF-8"
    assert "主动公开" in r.text


@pytest.mark.parametrize("label", ["utf-8", "UTF8", "gb2312", "GBK", "big5", "gb18030"])
def test_common_labels_are_accepted(label):
    data = REPORT.encode("big5" if label == "big5" else ("utf-8" if "8" in label and "18030" not in label else "gb18030"), errors="ignore")
    r = gongkai.parse(data, encoding=label)
    assert r.source["encoding_from"] == "argument"


def test_traditional_panel_labels_are_read():
    text = (
        "標題: 平潭綜合實驗區財政金融局2021年度政府資訊公開工作年度報告\n發布時間: 2022-01-13 08:38\n"
        "發布機構: 平潭綜合實驗區人民政府\n一、總體情況\n2021年，主動公開政府資訊198條。"
    )
    r = gongkai.parse(text.encode("big5"))
    assert r.title == "平潭综合实验区财政金融局2021年度政府信息公开工作年度报告"
    assert r.published == "2022-01-13"
    assert r.agency == "平潭综合实验区财政金融局"
