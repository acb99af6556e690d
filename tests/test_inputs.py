"""What a `str` means, folder scans that say what they skip, and errors that name
their input."""

import io
import os
import subprocess
import sys
import warnings

import pytest

import gongkai
from conftest import HANG_GUARD, REAL, SEEDS

SYQ = REAL / "pingtan-syq-2021.txt"


def cli(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args], capture_output=True, text=True, timeout=HANG_GUARD, cwd=cwd
    )


# --- 1. a mistyped path is an error, not a document --------------------------


@pytest.mark.parametrize(
    "typo",
    ["reports/2019年报告.pdf", "report.html", "typo-folder/", "C:\\reports\\2019.txt", "~/no/such/年报.txt", "2019年报告.docx"],
)
def test_a_str_that_looks_like_a_missing_path_raises_file_not_found(typo):
    with pytest.raises(FileNotFoundError) as err:
        gongkai.parse(typo)
    assert err.value.filename == typo
    assert "text=" in str(err.value)  # says how to pass text
    with pytest.raises(FileNotFoundError):
        gongkai.extract(typo)


def test_a_directory_raises_is_a_directory_pointing_to_read(tmp_path):
    for source in (str(tmp_path), str(tmp_path) + "/", tmp_path):
        with pytest.raises(IsADirectoryError) as err:
            gongkai.parse(source)
        assert "gongkai.read" in str(err.value)


def test_a_url_says_to_fetch_it_first():
    with pytest.raises(ValueError) as err:
        gongkai.parse("https://www.gov.cn/zhengce/2020-01/31/content_1.htm")
    message = str(err.value)
    assert "does not download" in message and "requests.get(url)" in message and "resp.content" in message


def test_text_that_is_no_path_still_parses():
    # One line with no separator or extension is text, as is anything on several lines or with markup.
    assert gongkai.parse("本年度主动公开政府信息12条").facts[0]["value"] == 12
    assert gongkai.parse("一、总体情况\n本机关/本单位主动公开政府信息12条。").facts[0]["value"] == 12
    assert gongkai.parse("<p>主动公开政府信息12条/件</p>").facts[0]["value"] == 12
    assert gongkai.parse("| （一）予以公开 | 1/2 |").kind == "other"
    # A report flattened to one line (selectolax's `.text()`, a crawler's cleaned field) holds
    # `本年增/减` and sentences: text, not a missing path.
    flat = "某某局2019年政府信息公开工作年度报告 一、总体情况 本年度主动公开政府信息12条。 信息内容 本年增/减 处理决定数量"
    assert gongkai.parse(flat).facts[0]["value"] == 12
    assert gongkai.parse("本机关/本单位主动公开政府信息 " * 300 + "12条").kind is not None


def test_text_keyword_and_file_objects_are_unambiguous():
    looks_like_a_path = "主动公开政府信息12条/件.txt"
    with pytest.raises(FileNotFoundError):
        gongkai.parse(looks_like_a_path)
    assert gongkai.parse(text=looks_like_a_path).facts[0]["value"] == 12
    assert gongkai.parse(io.StringIO(looks_like_a_path)).facts[0]["value"] == 12
    data = SYQ.read_bytes()
    assert gongkai.parse(io.BytesIO(data)) == gongkai.parse(SYQ)
    with open(SYQ, "rb") as fh:
        assert gongkai.parse(fh).year == 2021
    with pytest.raises(TypeError):
        gongkai.parse(SYQ, text="x")
    with pytest.raises(TypeError):
        gongkai.parse()


def test_an_existing_file_named_by_a_str_is_read():
    assert gongkai.parse(str(SYQ)) == gongkai.parse(SYQ.read_bytes())


def test_read_of_a_typo_is_an_error_row_not_a_document():
    with pytest.warns(gongkai.GongkaiWarning, match="no file matches"):
        assert len(gongkai.read("typo-folder/*.html")) == 0
    frame = gongkai.read("typo-folder")
    assert list(frame["error"]) == ["FileNotFoundError"]
    assert frame["kind"].isna().all()
    with pytest.raises(FileNotFoundError):
        gongkai.read("typo-folder", errors="raise")


@pytest.mark.parametrize("command", [["parse", "-o", "x.csv"], ["check"], ["show"]])
def test_the_cli_exits_non_zero_on_a_missing_path(tmp_path, command):
    args = [command[0], "typo", *command[1:]]
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"gongkai {command[0]}: FileNotFoundError: typo: no such file or directory"]
    assert not (tmp_path / "x.csv").exists()


# --- 2. folder scans say what they skip --------------------------------------


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(SYQ.read_bytes())
    (tmp_path / "sub" / "b.md").write_bytes(SYQ.read_bytes())
    (tmp_path / "sub" / "c.markdown").write_bytes(SYQ.read_bytes())
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (tmp_path / "form.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40)
    (tmp_path / "old.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40)
    (tmp_path / "page.shtml").write_bytes((REAL / "shanghai-bgt-2019.html").read_bytes())
    for name in ("data.xlsx", "list.xlsx", "archive.zip", "README.md", "notes"):
        (tmp_path / name).write_bytes(b"x")
    return tmp_path


def test_files_lists_documents_and_what_it_skipped(folder):
    found = gongkai.files(folder)
    names = [os.path.relpath(p, folder) for p in found]
    assert names == ["a.txt", "form.docx", "old.doc", "old.wps", "page.shtml", "scan.pdf", "sub/b.md", "sub/c.markdown"]
    assert sorted(os.path.basename(p) for p in found.skipped) == ["README.md", "archive.zip", "data.xlsx", "list.xlsx", "notes"]
    assert found.skipped_summary() == "5 files that are not documents: 2 .xlsx, 1 (no extension), 1 .zip, 1 README"


def test_read_warns_about_skipped_files_and_fails_the_unreadable_ones_loudly(folder):
    with pytest.warns(gongkai.GongkaiWarning, match=r"skipped 5 files that are not documents: 2 \.xlsx"):
        frame = gongkai.read(folder)
    assert sorted(os.path.basename(p) for p in frame.attrs["skipped"])[:2] == ["README.md", "archive.zip"]
    errors = dict(zip(frame["file"].map(os.path.basename), frame["error"].fillna("")))
    # PDF, Word and WPS files are read (an error row when the core cannot), never silently dropped.
    assert set(errors) == {"a.txt", "b.md", "c.markdown", "form.docx", "old.doc", "old.wps", "page.shtml", "scan.pdf"}
    assert errors["a.txt"] == errors["b.md"] == errors["page.shtml"] == ""


def test_parse_many_over_a_folder_reads_its_documents_and_warns(folder):
    with pytest.warns(gongkai.GongkaiWarning, match="skipped 5 files"):
        reports = gongkai.parse_many([folder], errors="collect")
    files = gongkai.files(folder)
    assert len(reports) == len(files)
    by_name = dict(zip((os.path.basename(f) for f in files), reports))
    assert by_name["a.txt"].year == 2021 and by_name["page.shtml"].year == 2019
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gongkai.parse_many([SYQ])  # no folder, no warning


def test_the_cli_prints_one_line_for_skipped_files(folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    proc = cli("parse", str(folder), "-o", str(out))
    lines = proc.stderr.splitlines()
    assert "gongkai parse: skipped 5 files that are not documents: 2 .xlsx, 1 (no extension), 1 .zip, 1 README" in lines
    proc = cli("check", str(folder))
    assert "gongkai check: skipped 5 files" in proc.stderr


# --- 3. errors name their input -----------------------------------------------


def test_errors_raise_names_the_failing_input(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # an image named .txt
    good = SEEDS / "001_f30eff389d3d77a8.txt"
    with pytest.raises(gongkai.UnsupportedFormatError) as err:
        gongkai.parse_many([good, good, bad], errors="raise")
    assert (err.value.source, err.value.index) == (str(bad), 2)
    assert str(err.value).startswith(f"input 2 ({bad}): unsupported input")
    with pytest.raises(gongkai.UnsupportedFormatError) as err:
        gongkai.read([good, bad], errors="raise")
    assert err.value.source == str(bad) and str(bad) in str(err.value)
    missing = tmp_path / "gone.html"
    with pytest.raises(FileNotFoundError) as err:
        gongkai.parse_many([good, missing], errors="raise")
    assert (err.value.source, err.value.index) == (str(missing), 1)
    assert str(missing) in str(err.value)
    with pytest.raises(gongkai.EmptyInputError) as err:
        gongkai.parse_many([b"abc", b"  "], errors="raise")
    assert (err.value.source, err.value.index) == ("<2 bytes>", 1)


def test_a_failure_row_rebuilds_the_named_exception(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # an image named .txt
    failure = gongkai.parse_many([SYQ, bad], errors="collect")[1]
    assert isinstance(failure, gongkai.Failure)
    exc = failure.exception()
    assert isinstance(exc, gongkai.UnsupportedFormatError)
    assert (exc.source, exc.index) == (str(bad), 1)


def test_parse_of_a_file_names_it_in_the_error(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"   ")
    with pytest.raises(gongkai.EmptyInputError) as err:
        gongkai.parse(bad)
    assert str(err.value) == f"{bad}: empty input: there is no text to parse"
    assert err.value.source == str(bad)


# --- 4. web archives: the page inside --------------------------------------------

LAYOUTS = REAL.parent / "layouts"


def _cells(report) -> dict:
    return {(t, r, c): x["value"] for t, tab in report.tables.items() if tab for r, row in tab["cells"].items() for c, x in row.items()}


def test_a_web_archive_is_read_as_the_page_it_holds():
    # Word's single file web page (.mht, quoted-printable GB2312) and Chromium's saved page
    # (.mhtml): the same cells as the page itself, from a path, bytes or a str, and a folder
    # scan picks them up.
    word = LAYOUTS / "mht-word" / "pingtan-syq-2023.html-spans.mht"
    blink = LAYOUTS / "mhtml-chromium" / "pingtan-syq-2023.html-spans.mhtml"
    page = gongkai.parse(LAYOUTS / "md-html2text" / "pingtan-syq-2023.html-spans.md")
    want = {k: v for k, v in _cells(page).items() if v is not None}
    assert len(want) > 150
    for report in (gongkai.parse(word), gongkai.parse(word.read_bytes()), gongkai.parse(word.read_text("ascii")), gongkai.parse(blink)):
        assert report.source["format"] == "html" and report.year == 2023
        got = _cells(report)
        assert {k: got.get(k) for k in want} == want
    assert gongkai.parse(word).source["encoding"] == "GB18030"
    assert {str(word), str(blink)} <= set(map(str, gongkai.files([word.parent, blink.parent])))


def test_a_web_archive_gives_the_address_it_was_saved_from():
    blink = (LAYOUTS / "mhtml-chromium" / "pingtan-syq-2023.html-spans.mhtml").read_bytes()
    saved = blink.replace(b"Snapshot-Content-Location: file:///", b"Snapshot-Content-Location: https://www.pingtan.gov.cn/", 1)
    assert gongkai.parse(blink).source["url"] is None
    assert gongkai.parse(saved).source["url"].startswith("https://www.pingtan.gov.cn/")
    assert gongkai.parse(saved, url="https://example.gov.cn/x.html").source["url"] == "https://example.gov.cn/x.html"
    # Not an archive: a page that quotes MIME headers, an e-mail of plain text.
    mail = b"MIME-Version: 1.0\nContent-Type: text/plain\n\n2023\xe5\xb9\xb4\xe6\x94\xbf\xe5\xba\x9c\xe4\xbf\xa1\xe6\x81\xaf\xe5\x85\xac\xe5\xbc\x80"
    assert gongkai.parse(mail).source["format"] == "text"
