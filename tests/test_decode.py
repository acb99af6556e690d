"""Encoding resolution through the public API (docs/encodings.md): what was used and why is recorded."""

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
    # 政府資訊 is the Taiwan phrase for 政府信息: converted as a phrase, not character by character.
    assert "本机关主动公开政府信息一百二十条" in r.text
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
    # Each label's own codec (Big5 holds the Traditional text); decoded under its WHATWG name.
    codec, name = {"utf-8": ("utf-8", "UTF-8"), "UTF8": ("utf-8", "UTF-8"), "gb2312": ("gb2312", "GB18030"),
                   "GBK": ("gbk", "GB18030"), "big5": ("big5", "Big5"), "gb18030": ("gb18030", "GB18030")}[label]
    data = (TRAD if label == "big5" else REPORT).encode(codec)
    r = gongkai.parse(data, encoding=label)
    assert r.source["encoding_from"] == "argument"
    assert (r.source["encoding"], r.source["undecodable_bytes"]) == (name, 0)
    assert "本机关主动公开政府信息一百二十条，收到政府信息公开申请3件" in r.text


def test_traditional_panel_labels_are_read():
    text = (
        "標題: 平潭綜合實驗區財政金融局2021年度政府資訊公開工作年度報告\n發布時間: 2022-01-13 08:38\n"
        "發布機構: 平潭綜合實驗區人民政府\n一、總體情況\n2021年，主動公開政府資訊198條。"
    )
    r = gongkai.parse(text.encode("big5"))
    assert r.title == "平潭综合实验区财政金融局2021年度政府信息公开工作年度报告"
    assert r.published == "2022-01-13"
    assert r.agency == "平潭综合实验区财政金融局"


# --- mojibake -------------------------------------------------------------------

SYQ = open(__import__("conftest").REAL / "pingtan-syq-2021.txt", encoding="utf-8").read()


class Response:
    """What requests gives for a page whose server names no charset: .text is Latin-1."""

    def __init__(self, content: bytes, content_type: str = "text/html"):
        self.content = content
        self.headers = {"Content-Type": content_type}
        self.url = "http://www.pingtan.gov.cn/report.htm"

    @property
    def text(self) -> str:
        return self.content.decode("iso-8859-1")


def mojibake(report):
    return [(i["severity"], i["message"]) for i in report.issues if i["code"] == "MOJIBAKE"]


@pytest.mark.parametrize("codec, name", [("gbk", "GB18030"), ("utf-8", "UTF-8"), ("big5", "Big5")])
def test_text_read_as_latin1_is_repaired_when_the_round_trip_is_exact(codec, name):
    source = SYQ if codec != "big5" else TRAD * 20
    honest = gongkai.parse(text=source)
    scraped = Response(source.encode(codec)).text
    assert "Æ½Ì¶" in scraped if codec == "gbk" else scraped.isascii() is False
    r = gongkai.parse(scraped)
    assert r.text == honest.text and r.tables == honest.tables and r.facts == honest.facts
    assert r.source["encoding"] == name
    [(severity, message)] = mojibake(r)
    assert severity == "info" and f"{name} read as Latin-1" in message and "not response.text" in message


def test_windows_1252_mojibake_is_repaired_too():
    data = SYQ.encode("gbk")
    scraped = data.decode("cp1252", errors="strict") if all(b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in data) else None
    if scraped is None:  # the five holes of cp1252 read as C1 controls, as WHATWG decoders do
        scraped = "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)
    assert any(c in scraped for c in "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    assert gongkai.parse(scraped).text == gongkai.parse(text=SYQ).text


def test_mojibake_that_does_not_round_trip_is_flagged():
    scraped = SYQ.encode("gbk")[:-1].decode("iso-8859-1")  # cut in the middle of a character
    r = gongkai.parse(scraped)
    [(severity, message)] = mojibake(r)
    assert severity == "warning" and "does not re-encode exactly" in message


def test_the_response_itself_is_read_right():
    r = gongkai.parse(Response(SYQ.encode("gbk")))
    assert r.source["encoding"] == "GB18030" and mojibake(r) == []


def test_latin_text_is_not_mojibake():
    french = "Le rapport annuel a été publié à Montréal : café, résumé, naïve, déjà, façade, où, très élevé. " * 5
    for r in (gongkai.parse(text=french), gongkai.parse(french.encode("latin-1")), gongkai.parse(french.encode())):
        assert mojibake(r) == []


BIG5_PAGE = "<p>政府資訊公開工作年度報告。本機關主動公開政府資訊十二條。</p>" * 20


def test_a_big5_page_served_as_gbk_follows_its_meta():
    page_ = f'<html><head><meta charset="big5"><title>report</title></head><body>{BIG5_PAGE}</body></html>'
    r = gongkai.parse(page_.encode("big5"), content_type="text/html; charset=gbk")
    assert (r.source["encoding"], r.source["encoding_from"]) == ("Big5", "meta")
    assert "政府信息公开" in r.text and mojibake(r) == []


def test_a_gbk_page_served_as_big5_follows_its_meta():
    page_ = page(REPORT * 10, '<meta charset="gbk">')
    r = gongkai.parse(page_.encode("gbk"), content_type="text/html; charset=big5")
    assert (r.source["encoding"], r.source["encoding_from"]) == ("GB18030", "meta")
    assert "主动公开" in r.text


def test_a_wrong_label_with_no_better_one_is_flagged():
    page_ = f'<html><head><title>report</title></head><body>{BIG5_PAGE}</body></html>'
    r = gongkai.parse(page_.encode("big5"), content_type="text/html; charset=gbk")
    [(severity, message)] = mojibake(r)
    assert severity == "warning" and 'pass encoding="big5"' in message
    assert "政府信息公开" in gongkai.parse(page_.encode("big5"), encoding="big5").text


def test_honest_labels_raise_nothing():
    for data, ctype in [
        (page(REPORT * 10, '<meta charset="gbk">').encode("gbk"), None),
        (page(REPORT * 10).encode("gbk"), "text/html; charset=gb2312"),
        (f'<html><head><meta charset="big5"></head><body>{BIG5_PAGE}</body></html>'.encode("big5"), None),
        (page(REPORT * 10, '<meta charset="utf-8">').encode(), "text/html; charset=utf-8"),
    ]:
        assert mojibake(gongkai.parse(data, content_type=ctype)) == []


def test_traditional_text_in_gbk_is_no_wrong_label():
    # GBK holds the Traditional forms outside GB2312's block, so a Traditional page written in
    # GBK reads as few common GB2312 characters; it was flagged as mojibake (on every such page of
    # the benchmark corpus) though it reads right.
    for data, ctype in [
        (f'<html><head><meta charset="gbk"></head><body>{BIG5_PAGE}</body></html>'.encode("gbk"), None),
        (f"<html><body>{BIG5_PAGE}</body></html>".encode("gbk"), "text/html; charset=gbk"),
    ]:
        r = gongkai.parse(data, content_type=ctype)
        assert r.source["encoding"] == "GB18030" and r.source["script"] == "traditional"
        assert "政府信息公开" in r.text and mojibake(r) == []
    # The same characters as Big5 bytes under that label stay flagged.
    assert mojibake(gongkai.parse(f"<html><body>{BIG5_PAGE}</body></html>".encode("big5"), content_type="text/html; charset=gbk"))
