"""gongkai.dask.read on a local distributed cluster, and the optional extras missing."""

import subprocess
import sys

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import gongkai  # noqa: E402
import gongkai.dask  # noqa: E402
from conftest import HANG_GUARD, REAL, SEEDS  # noqa: E402


@pytest.fixture(scope="module")
def expected():
    return gongkai.read(REAL)


def test_same_columns_and_dtypes_without_computing(expected):
    ddf = gongkai.dask.read(REAL, files_per_partition=4)
    assert list(ddf.columns) == list(expected.columns)
    assert (ddf.dtypes == expected.dtypes).all()
    assert ddf.npartitions == 4
    assert not ddf.known_divisions  # a compilation may give several rows
    whole = gongkai.dask.read(REAL, files_per_partition=4, parts=False)
    assert whole.divisions == (0, 4, 8, 12, len(expected) - 1)
    assert whole.loc[11].compute(scheduler="sync")["file"].iloc[0].endswith("pingtan-syq-2021.txt")


def test_on_a_local_cluster_of_two_worker_processes(expected):
    """Two worker processes, one thread each: partitions are parsed in the workers."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    ) as cluster, distributed.Client(cluster) as client:
        ddf = gongkai.dask.read(REAL, files_per_partition=4)
        got = client.compute(ddf).result(timeout=HANG_GUARD)
        # Partitions ran in the workers, not here.
        assert set(client.run(lambda: "gongkai" in sys.modules).values()) == {True}
    pd.testing.assert_frame_equal(
        got.sort_values("file").reset_index(drop=True), expected.sort_values("file").reset_index(drop=True)
    )
    # One row per file here, so the rows keep read()'s numbering: no sorting needed either.
    pd.testing.assert_frame_equal(got, expected)
    row = got[got["file"].str.endswith("pingtan-syq-2021.txt")].iloc[0]
    assert row["requests.new_received.total"] == 70


def test_options_reach_the_partitions(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really text")
    paths = [str(SEEDS / "001_f30eff389d3d77a8.txt"), str(bad), str(REAL / "shanghai-bgt-2019.html")]
    got = gongkai.dask.read(paths, npartitions=2, blank_as_zero=True).compute(scheduler="sync")
    pd.testing.assert_frame_equal(got, gongkai.read(paths, blank_as_zero=True))
    assert got.set_index("file").loc[str(bad), "error"] == "UnsupportedFormatError"
    skipped = gongkai.dask.read(paths, npartitions=2, errors="skip").compute(scheduler="sync")
    assert len(skipped) == 2 and skipped["error"].isna().all()


def test_a_compilation_gives_one_row_per_part():
    paths = [str(SEEDS / "004_e4ca24f9fb34d657.txt"), str(SEEDS / "001_f30eff389d3d77a8.txt")]
    got = gongkai.dask.read(paths, npartitions=2).compute(scheduler="sync")
    expected = gongkai.read(paths)
    assert len(got) == 6
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))


def test_an_empty_glob_gives_an_empty_frame(expected):
    got = gongkai.dask.read(str(REAL / "*.nothing")).compute(scheduler="sync")
    assert got.empty and list(got.columns) == list(expected.columns)


# --- optional extras ---------------------------------------------------------


def test_missing_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'gongkai\[pandas\]'"):
        gongkai.read(REAL)
    report = gongkai.parse(REAL / "pingtan-syq-2021.txt")
    assert report.year == 2021  # the core works without pandas
    with pytest.raises(ImportError, match=r"gongkai\[pandas\]"):
        report.requests_frame()
    with pytest.raises(ImportError, match=r"gongkai\[pandas\]"):
        gongkai.compare([report])
    assert gongkai.compare_records([report]) == []  # the plain-data form needs no pandas
    assert "<table" in report._repr_html_()  # nor does the notebook view


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(ImportError, match=r"pip install 'gongkai\[dask\]'"):
        gongkai.dask.read(REAL)


def test_import_gongkai_loads_no_optional_module():
    code = (
        "import sys\n"
        "for name in ('pandas', 'pyarrow', 'dask', 'numpy'):\n"
        "    sys.modules[name] = None\n"
        "import gongkai, gongkai.frames, gongkai.display\n"
        "r = gongkai.parse(sys.argv[1])\n"
        "print(r.year, len(r._repr_html_()) > 1000)\n"
        "import gongkai.cli\n"
        "print(gongkai.cli.show_text(r).count('|') > 100)\n"
        "try:\n"
        "    gongkai.read(sys.argv[1])\n"
        "except ImportError as e:\n"
        "    print('ImportError', e)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(REAL / "pingtan-syq-2021.txt")], capture_output=True,
                          text=True, timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "2021 True"
    assert lines[1] == "True"
    assert lines[2].startswith("ImportError") and "gongkai[pandas]" in lines[2]
