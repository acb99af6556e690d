"""`parse` and `parse_many` under threads and processes: concurrent calls give the serial
answers, a batch with bad files still returns every good one, and a `fork()`
after a parallel batch leaves a child that can parse.
"""

import os
import random
import threading

import pytest
from conftest import HANG_GUARD, REAL, SEEDS, documents, run_child

import gongkai

DOCS = documents(SEEDS) + documents(REAL)


def variants() -> list[bytes]:
    """Different inputs: every corpus document, plus each with its lines shuffled (other tables, other facts)."""
    out = [p.read_bytes() for p in DOCS]
    rng = random.Random(7)
    for data in list(out):
        lines = data.split(b"\n")
        rng.shuffle(lines)
        out.append(b"\n".join(lines))
    return out


def test_16_threads_return_what_serial_calls_return():
    inputs = variants()
    serial = [gongkai.parse(d).to_dict() for d in inputs]
    n_threads = 16
    results: dict[int, dict] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(n_threads)

    def work(k: int) -> None:
        try:
            start.wait()
            # Each thread walks the inputs from its own offset, three times round, so
            # different documents are in flight together.
            for rep in range(3):
                for j in range(len(inputs)):
                    i = (k * 5 + j) % len(inputs)
                    got = gongkai.parse(inputs[i]).to_dict()
                    if rep == 0 and k == i % n_threads:
                        results[i] = got
                    assert got == serial[i], f"thread {k}: input {i} differs from the serial parse"
        except BaseException as e:  # noqa: BLE001 - handed to the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=HANG_GUARD)
    assert not any(t.is_alive() for t in threads), "a parsing thread did not finish in 300 s"
    assert not errors, errors[0]
    assert len(results) == len(inputs)


def test_16_threads_calling_parse_many_return_what_serial_calls_return():
    inputs = variants()
    serial = [gongkai.parse(d).to_dict() for d in inputs]
    out: dict[int, list] = {}

    def work(k: int) -> None:
        order = inputs[k:] + inputs[:k]
        out[k] = [r.to_dict() for r in gongkai.parse_many(order, threads=1 + k % 3)]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=HANG_GUARD)
    assert len(out) == 16
    for k, got in out.items():
        assert got == serial[k:] + serial[:k]


@pytest.fixture
def mixed_folder(tmp_path):
    """Good documents and bad files side by side; returns (folder, {name: expected error type or None})."""
    expect: dict[str, str | None] = {}
    for p in DOCS:
        (tmp_path / p.name).write_bytes(p.read_bytes())
        expect[p.name] = None
    bad = {
        "00-empty.txt": (b"", "EmptyInputError"),
        "01-blank.html": (b"  \n\t \n", "EmptyInputError"),
        "02-scan.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "DamagedFileError"),
        "03-image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "UnsupportedFormatError"),
        "04-noise.html": (random.Random(3).randbytes(50_000), "UnsupportedFormatError"),
        "05-big.txt": ("一、总体情况\n".encode() * 20_000, "InputTooLargeError"),
    }
    for name, (data, err) in bad.items():
        (tmp_path / name).write_bytes(data)
        expect[name] = err
    return tmp_path, expect


@pytest.mark.parametrize("threads", [1, 2, 4, None])
def test_parse_many_collect_returns_every_good_document_and_a_typed_error_per_bad_one(mixed_folder, threads):
    folder, expect = mixed_folder
    paths = sorted(folder.iterdir())
    # A file that vanished between listing and parsing, in the middle of the batch.
    gone = folder / "zz-gone.txt"
    paths.insert(len(paths) // 2, gone)
    expect[gone.name] = "FileNotFoundError"
    limit = 100_000  # the 20,000-line file is 200 KB; every corpus document is under 40 KB
    got = gongkai.parse_many(paths, errors="collect", threads=threads, max_bytes=limit, chunk_size=7)
    assert len(got) == len(paths)
    for i, (path, result) in enumerate(zip(paths, got)):
        want = expect[path.name]
        if want is None:
            assert isinstance(result, gongkai.Report), (path.name, result)
            assert result == gongkai.parse(path, max_bytes=limit), path.name
        else:
            assert isinstance(result, gongkai.Failure), path.name
            assert (result.index, result.error) == (i, want), path.name
            exc = result.exception()
            assert type(exc).__name__ == want
            if want != "FileNotFoundError":
                assert isinstance(exc, gongkai.GongkaiError)
    good = [r for r in got if isinstance(r, gongkai.Report)]
    assert len(good) == len(DOCS)
    assert len(gongkai.parse_many(paths, errors="skip", threads=threads, max_bytes=limit)) == len(DOCS)


def test_fork_after_a_parallel_batch_leaves_a_child_that_parses():
    """After parse_many on rayon pools (threads=2 and the global pool), fork; the child's
    parse_many, read and parse must finish: bound 60 s for the child, 120 s overall."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork() here")
    out = run_child(
        f"""
        import os, sys, warnings
        warnings.simplefilter("ignore", DeprecationWarning)  # fork() in a threaded process
        import gongkai
        from gongkai import _api
        docs = {[str(p) for p in DOCS]!r}
        parent = gongkai.parse_many(docs, threads=2)
        parent_default = gongkai.parse_many(docs)  # rayon's global pool
        assert parent == parent_default
        pid = os.fork()
        if pid == 0:
            try:
                ok = _api._FORKED
                ok = ok and gongkai.parse_many(docs, threads=2) == parent
                ok = ok and gongkai.parse_many(docs) == parent
                ok = ok and gongkai.parse(docs[0]) == parent[0]
                ok = ok and len(gongkai.read(docs[:3])) == 3
            except BaseException as e:
                print("child failed:", repr(e), file=sys.stderr)
                ok = False
            os._exit(0 if ok else 1)
        # A child that hangs keeps this waitpid, and the whole run, past conftest.HANG_GUARD.
        status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        # The parent's own pools still work after the fork.
        assert gongkai.parse_many(docs, threads=2) == parent
        RESULT = status
        """,
    )
    assert out["result"] == 0
