"""A long PDF written from scratch (no tools): pages of prose and a ruled table in the
non-embedded STSong-Light font (UniGB-UCS2-H), each page's numbers different, contents
Flate-compressed. For the memory bound of issue 12 (100 pages)."""

from __future__ import annotations

import zlib
from pathlib import Path

PROSE = "本机关认真贯彻落实政府信息公开条例，依法做好政府信息公开工作，主动公开各类政府信息，回应社会关切。"


def _hex(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def _page(n: int) -> bytes:
    ops = ["BT /F1 16 Tf 150 740 Td " + _hex(f"某某局2021年政府信息公开工作年度报告第{n}部分") + " Tj ET"]
    y = 710
    for i in range(8):
        ops.append(f"BT /F1 10.5 Tf 40 {y} Td " + _hex(PROSE[i:] + PROSE[:i]) + " Tj ET")
        y -= 16
    x0, widths, top, h = 40, [200] + [45] * 7, 560, 18
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ops.append("0.5 w")
    for r in range(21):
        ops.append(f"{xs[0]} {top - r * h} m {xs[-1]} {top - r * h} l S")
    for x in xs:
        ops.append(f"{x} {top} m {x} {top - 20 * h} l S")
    for r in range(20):
        ops.append(f"BT /F1 9 Tf {xs[0] + 3} {top - r * h - 13} Td " + _hex(f"第{r + 1}项统计指标名称") + " Tj ET")
        for c in range(7):
            ops.append(f"BT /F1 9 Tf {xs[c + 1] + 8} {top - r * h - 13} Td " + _hex(str((n * 131 + r * 17 + c * 7) % 1000)) + " Tj ET")
    ops.append("BT /F1 9 Tf 290 40 Td " + _hex(f"- {n} -") + " Tj ET")
    return zlib.compress("\n".join(ops).encode("ascii"))


def write_long_pdf(path: Path, pages: int) -> None:
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [0 0 R] >>")
    desc = add(
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (GB1) /Supplement 4 >> /DW 1000 /W [1 95 500] >>"
    )
    objs[font - 1] = objs[font - 1].replace(b"[0 0 R]", f"[{desc} 0 R]".encode())
    kids = []
    for n in range(1, pages + 1):
        data = _page(n)
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
            )
        )
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objs[pages_id - 1] = f"<< /Type /Pages /Count {pages} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
