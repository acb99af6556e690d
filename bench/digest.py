"""A digest of every report under a folder, to prove a change changed no output.

    python bench/digest.py DIR > before.txt      # with the old build installed
    python bench/digest.py DIR > after.txt       # with the new one
    diff before.txt after.txt                     # empty: the same reports, byte for byte

Walks DIR recursively and reads every input kind gongkai takes (web pages, text,
Markdown, PDF, DOCX, DOC and the odd extensions kept as bad inputs; README.md files
are documentation, not inputs). Prints one line per file: its path under DIR, the
SHA-256 of ``gongkai.extract(path)`` as canonical JSON (or of the error's type and
message), the format, the encoding and the number of issues. Runs with whichever
gongkai is installed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import gongkai

SUFFIXES = (".txt", ".html", ".htm", ".md", ".pdf", ".docx", ".doc", ".wps", ".bin")


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    paths = sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES and p.name != "README.md"
    )
    for path in paths:
        try:
            report = gongkai.extract(path)
            blob = json.dumps(report, ensure_ascii=False, sort_keys=True)
            source = report["source"]
            extra = f"{source['format']}\t{source['encoding']}\t{len(report['issues'])}"
        except Exception as e:  # the error is part of the output: its type and message
            blob = f"{type(e).__name__}: {e}"
            extra = type(e).__name__
        print(f"{path.relative_to(root).as_posix()}\t{hashlib.sha256(blob.encode()).hexdigest()[:16]}\t{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
