"""The package's layers: what `import gongkai` loads, and which module imports which.

From the bottom: the core, `_schema` (the template's keys and labels) and `_sources`
(inputs, paths); `report`; `_api` (parsing); `frames`, `display` and `_render` (parsed
reports to frames, HTML and text); `_read` (files to frames); the CLI and eval on top.
A module-level import goes down only. `report` reaches `frames` and `display` lazily (its
``*_frame()`` and ``_repr_html_`` methods), `frames.long` reaches `_read` lazily when
given paths; pandas, pyarrow, openpyxl and dask are imported only by the functions that
need them.
"""

import ast
import subprocess
import sys
from pathlib import Path

import gongkai
from conftest import HANG_GUARD

PACKAGE = Path(gongkai.__file__).parent
HEAVY = {"pandas", "pyarrow", "openpyxl", "dask", "distributed", "numpy"}


def module_level_imports() -> dict[str, set[str]]:
    """Module → the package modules (and heavy libraries) it imports when it is imported:
    not inside a function, not under ``if TYPE_CHECKING``."""
    modules = {p.stem for p in PACKAGE.glob("*.py")} | {"_core"}
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.glob("*.py"):
        found: set[str] = set()

        def visit(node: ast.AST) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                    continue
                if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                    continue
                if isinstance(child, ast.ImportFrom) and child.level == 1:
                    names = [child.module.split(".")[0]] if child.module else [a.name for a in child.names]
                    found.update(n for n in names if n in modules)
                elif isinstance(child, ast.ImportFrom) and child.module:
                    found.add(child.module.split(".")[0])
                elif isinstance(child, ast.Import):
                    found.update(a.name.split(".")[0] for a in child.names)
                visit(child)

        visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[path.stem] = {m for m in found if m in modules or m in HEAVY} - {path.stem}
    return graph


def test_module_level_imports_go_down_only():
    graph = module_level_imports()
    assert not {m: deps & HEAVY for m, deps in graph.items() if deps & HEAVY}
    # Reading files is _read's: frames converts parsed reports, the result types import no frames.
    assert {"_api", "_sources", "_read", "cli"} & graph["frames"] == set()
    assert {"frames", "display", "_api", "cli"} & graph["report"] == set()
    assert graph["_schema"] == {"_core"} and graph["display"] == {"_schema"}
    assert "display" not in graph["_render"]
    # No cycle: a depth-first walk never meets a module on its own path.
    done: set[str] = set()

    def walk(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module not in done:
            for dep in sorted(graph.get(module, ())):
                walk(dep, (*path, module))
            done.add(module)

    for module in sorted(graph):
        walk(module, ())


def test_importing_gongkai_loads_no_heavy_library_nor_the_views():
    code = "import sys, gongkai; print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in sys.argv[1:] or m in sys.argv[1:])))"
    names = [*sorted(HEAVY), "gongkai.cli", "gongkai.display", "gongkai._render", "gongkai.eval", "gongkai.dask"]
    proc = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == []
