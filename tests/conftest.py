import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
REAL = DATA / "real"


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))


def gold(path: Path) -> dict:
    return json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shanghai_bytes() -> bytes:
    return (REAL / "shanghai-bgt-2019.html").read_bytes()
