"""Adversarial inputs (issue 7, point 2): each parses to a `Report` (or a typed
error) within a stated time and memory bound.

Every case runs in a child interpreter (`conftest.run_child`), so a crash cannot
take pytest down and the child's peak RSS can be read. The time bound is the
child's whole wall time (interpreter start, building the input, parsing); the
memory bound is its peak RSS, including the ~30 MB interpreter and the input
itself. Time bounds are 4-30x what the release build took on a busy 2-core
machine, memory bounds about twice its peak (each docstring gives both), so CI's
2 cores pass with room while a quadratic step or a copy per line would not.
"""

from conftest import REAL, run_child

import gongkai

REPORT = REAL / "pingtan-czj-2019.txt"
SHANGHAI = REAL / "shanghai-bgt-2019.html"



def test_fact_dense_input_stays_near_its_size():
    """200,000 lines that each state a number (200,000 facts from 11.6 MB). The dict
    handed to Python was built through a JSON value of the whole report, three times
    the memory (737 MB). Measured 5.6 s, 263 MB. Bound: 40 s, 500 MB."""
    out = run_child(
        """
        import gongkai
        data = "\\n".join(f"第{i}行 本年度主动公开政府信息{i}条。" for i in range(200_000)).encode()
        r = gongkai.parse(data)
        RESULT = [len(r.facts), list(gongkai.extract(data[:2000]).keys())]
        """,
        timeout=40,
    )
    n, keys = out["result"]
    assert n == 200_000
    assert keys == list(gongkai.Report.__dataclass_fields__)
    assert out["peak_mb"] < 500

