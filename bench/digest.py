"""A digest of every report over a folder, to prove a speed change changed no output.

    python bench/digest.py DIR > before.txt      # with the old build installed
    python bench/digest.py DIR > after.txt       # with the new one
    diff before.txt after.txt                     # empty: the same reports, byte for byte

Prints one line per file: its name, the SHA-256 of ``gongkai.extract(path)`` as
canonical JSON (or of the error's type and message), the encoding and the
number of issues. Runs with whichever gongkai is installed.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import gongkai


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for path in sorted(p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".htm")):
        try:
            report = gongkai.extract(path)
            blob = json.dumps(report, ensure_ascii=False, sort_keys=True)
            extra = f"{report['source']['encoding']}\t{len(report['issues'])}"
        except gongkai.GongkaiError as e:
            blob = f"{type(e).__name__}: {e}"
            extra = type(e).__name__
        print(f"{path.name}\t{hashlib.sha256(blob.encode()).hexdigest()[:16]}\t{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
