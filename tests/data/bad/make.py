#!/usr/bin/env python3
"""Bad PDF and Word files for the readers (issue 12), made from the committed tests/data/layouts files.

Writes every file named in ``expect.json`` (what a reader must do with it; README.md says the same
in words). Deterministic except where noted; the files are committed, the tests need no tool.

Tools: Python with pikepdf 10.18.0 and reportlab 5.1.0 (tests/data/layouts/requirements-make.txt),
qpdf 11.3.0 and pdftoppm (poppler-utils 22.12.0) from Debian. Run from the repository root::

    python tests/data/bad/make.py
"""

from __future__ import annotations

import io
import json
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAYOUTS = HERE.parent / "layouts"
PDF = LAYOUTS / "pdf-libreoffice" / "pingtan-syq-2023.pdf"  # LibreOffice: Type 1 CJK subsets, xref table
CHROMIUM = LAYOUTS / "pdf-chromium" / "pingtan-syq-2023.pdf"  # Skia: CID TrueType Identity-H + ToUnicode
DOCX = LAYOUTS / "docx" / "pingtan-syq-2023.docx"
DOC = LAYOUTS / "doc" / "pingtan-syq-2023.doc"
GOLD = LAYOUTS / "pdf-libreoffice" / "pingtan-syq-2023.gold.json"

#: file → what the reader must do: "read" (a report whose tables match the gold beside it), an
#: error class name (a typed gongkai error), or "read-or-<Error>" (repair if the engine can).
EXPECT: dict[str, str] = {}
WHY: dict[str, str] = {}


def out(name: str, data: bytes, expect: str, why: str, gold: bool = False, source: Path = PDF) -> None:
    (HERE / name).write_bytes(data)
    EXPECT[name] = expect
    WHY[name] = why
    if gold:
        g = json.loads(GOLD.read_text(encoding="utf-8"))
        g["source"]["via"] = f"tests/data/bad/make.py: {why} (from {source.relative_to(HERE.parent)})"
        g["notes"] = f"Same document as {GOLD.relative_to(HERE.parent)}; {why}."
        (HERE / (name.rsplit(".", 1)[0] + ".gold.json")).write_text(
            json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def minimal_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (object i+1 = objects[i]) with a correct xref table."""
    buf = io.BytesIO()
    buf.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(buf.tell())
        buf.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = buf.tell()
    buf.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        buf.write(b"%010d 00000 n \n" % off)
    buf.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return buf.getvalue()


def page_objects(extra_page: bytes = b"", pages_kids: bytes = b"[3 0 R]") -> list[bytes]:
    content = b"BT /F1 12 Tf 72 720 Td (Annual report 2023: 12 requests) Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids " + pages_kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> " + extra_page + b">>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def main() -> int:
    import pikepdf
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    for p in HERE.iterdir():
        if p.name not in ("make.py", "README.md"):
            p.unlink()
    pdf = PDF.read_bytes()

    # A scan: page images only (pdftoppm of the LibreOffice pages, 60 dpi greyscale JPEG), no text.
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-jpeg", "-f", "1", "-l", "3", str(PDF), str(tmp / "p")], check=True)
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4, invariant=1)
        for img in sorted(tmp.glob("p-*.jpg")):
            c.drawImage(str(img), 0, 0, width=A4[0], height=A4[1])
            c.showPage()
        c.save()
    out("scanned.pdf", buf.getvalue(), "ScannedPdfError", "three page images and no text layer: OCR needed")

    # Fonts without ToUnicode: Chromium's Identity-H TrueType subsets keep their cmap tables.
    with pikepdf.open(CHROMIUM) as doc:
        for page in doc.pages:
            for _name, font in (page.Resources.get("/Font") or {}).items():
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
        b = io.BytesIO()
        doc.save(b, deterministic_id=True)
    out(
        "no-tounicode.pdf",
        b.getvalue(),
        "read",
        "CID TrueType Identity-H fonts with their ToUnicode maps removed: the text from the embedded fonts' own cmap tables",
        gold=True,
        source=CHROMIUM,
    )

    # Encrypted: empty user password (any reader opens it) and a real one.
    with pikepdf.open(PDF) as doc:
        for name, enc, expect, why, gold in (
            ("encrypted-empty-aes256.pdf", pikepdf.Encryption(user="", owner="owner", R=6), "read",
             "AES-256 (R6) with an empty user password: decrypt and read", True),
            ("encrypted-empty-rc4.pdf", pikepdf.Encryption(user="", owner="owner", R=3, aes=False, metadata=False), "read",
             "RC4 128-bit (R3) with an empty user password: decrypt and read", True),
            ("encrypted-password.pdf", pikepdf.Encryption(user="gongkai", owner="owner", R=6), "EncryptedPdfError",
             "AES-256 with the user password 'gongkai': say a password is needed", False),
        ):
            b = io.BytesIO()
            doc.save(b, encryption=enc)  # (encrypted files get a random /ID: not byte-reproducible)
            out(name, b.getvalue(), expect, why, gold)

    # Truncations.
    last_obj = pdf.rfind(b"endobj") + len(b"endobj\n")
    out("truncated-tail.pdf", pdf[:last_obj], "read",
        "cut after the last object: no xref table, trailer or startxref (rebuild the xref by scanning objects)", True)
    out("truncated-half.pdf", pdf[: len(pdf) // 2], "read-or-DamagedFileError",
        "the first half of the file: later pages, the xref and the trailer are gone (read what is left or fail; never a wrong number)",
        True)
    out("truncated-header.pdf", pdf[:1024], "DamagedFileError", "only the first 1024 bytes: a header and no page")

    # Bytes flipped all through the body (every 1009th byte XOR 0x5A after the header).
    flipped = bytearray(pdf)
    for i in range(64, len(flipped) - 64, 1009):
        flipped[i] ^= 0x5A
    out("bytes-flipped.pdf", bytes(flipped), "read-or-DamagedFileError",
        "one byte in 1009 XOR 0x5A (streams fail to inflate, dictionaries break): no panic, no wrong number", True)

    # Deep nesting: a 100,000-deep array in the page dictionary.
    deep = b"/Deep " + b"[" * 100_000 + b"]" * 100_000 + b" "
    out("deep-nesting.pdf", minimal_pdf(page_objects(extra_page=deep)), "read-or-DamagedFileError",
        "a one-page PDF whose page dictionary holds an array nested 100,000 deep: bound the recursion")

    # A page tree that cycles: the Pages node lists itself as a kid besides the page.
    out("cyclic-page-tree.pdf", minimal_pdf(page_objects(pages_kids=b"[2 0 R 3 0 R]")), "read-or-DamagedFileError",
        "the root Pages node lists itself among its Kids: no hang, no stack overflow")

    # Not a PDF at all under a .pdf name.
    out("not-a-pdf.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), "UnsupportedFormatError", "PNG bytes named .pdf: detect by content")

    # Word.
    docx = DOCX.read_bytes()
    out("truncated.docx", docx[: len(docx) * 6 // 10], "read-or-DamagedFileError",
        "the first 60% of the zip: no central directory (local headers may be scanned)")
    b = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info.filename))
    out("no-document.docx", b.getvalue(), "DamagedFileError", "a DOCX zip without word/document.xml (styles, rels and content types only)")
    doc = DOC.read_bytes()
    out("truncated.doc", doc[: len(doc) * 4 // 10], "DamagedFileError",
        "the first 40% of a Word 97 compound file: sectors of the directory and streams missing")

    (HERE / "expect.json").write_text(json.dumps(EXPECT, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = [
        "# Bad PDF and Word files",
        "",
        "Made by `make.py` from the committed files of `../layouts/` (our own renderings of gold files;",
        "see `../layouts/README.md` for their licence). `expect.json` says, per file, what a reader must do:",
        "`read` (parse it; where a `*.gold.json` sits beside it the tables must match it), a typed error",
        "(a `gongkai.GongkaiError` subclass named as in issue 12 and `src/python/errors.rs`), or",
        "`read-or-DamagedFileError` (repair if the engine can, else that error; a gold beside it then",
        "bounds what is read: no wrong number, misses allowed). Never a panic, a hang, a crash of the",
        "interpreter or a wrong number.",
        "",
        "| file | must | what it is |",
        "|---|---|---|",
    ]
    lines += [f"| `{name}` | {EXPECT[name]} | {WHY[name]} |" for name in EXPECT]
    (HERE / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in EXPECT:
        print(f"{name:<30} {EXPECT[name]:<26} {(HERE / name).stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
