"""Imports point one way: from the application (cli, compress, pii) down to the generic layers, with no cycle.

Lazy imports inside functions count: they run too. ``from a import b`` is an edge to the module ``a.b`` where
one exists, else to ``a``; the implicit import of a parent package's ``__init__`` is not an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, Path]:
    modules = {}
    for path in SRC.joinpath("pare").rglob("*.py"):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path], *, top_level_only: bool = False) -> set[str]:
    """The modules ``name`` imports (pare's own and third-party top-level names)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else ast.walk(tree)
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            subs = {f"{base}.{alias.name}" for alias in node.names} & modules.keys()
            found |= subs or {base}
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) & modules.keys() - {name} for name, path in modules.items()}


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph[todo.pop()] - seen:
            seen.add(nxt)
            todo.append(nxt)
    return seen


def test_no_import_cycle():
    graph = _graph()
    cycles = sorted(name for name in graph if name in _reachable(graph, name))
    assert not cycles, f"modules on an import cycle: {cycles}"


@pytest.mark.parametrize(
    "lower, upper",
    [
        ("pare.train", ("pare.pii", "pare.evaluate", "pare.compress", "pare.cli")),
        (
            "pare.data",
            ("pare.pii", "pare.evaluate", "pare.train", "pare.distill", "pare.compress", "pare.cli"),
        ),
        ("pare.decode", ("pare.pii", "pare.evaluate", "pare.train", "pare.compress", "pare.cli")),
        ("pare.distill", ("pare.pii", "pare.evaluate", "pare.compress", "pare.cli")),
        ("pare.trim", ("pare.pii", "pare.evaluate", "pare.compress", "pare.cli")),
        ("pare.quant", ("pare.compress", "pare.cli")),
        ("pare.loader", ("pare.quant.core",)),
    ],
)
def test_generic_layers_do_not_import_the_application(lower, upper):
    graph = _graph()
    starts = [name for name in graph if name == lower or name.startswith(lower + ".")]
    reached = set().union(*(_reachable(graph, s) | {s} for s in starts))
    wrong = sorted(m for m in reached if any(m == u or m.startswith(u + ".") for u in upper))
    assert not wrong, f"{lower} reaches {wrong}"


def test_writing_a_quantized_model_does_not_import_plotting():
    modules = _modules()
    for name, path in modules.items():
        if name.startswith("pare.quant") and name != "pare.quant.plot":
            top = _imports(name, path, modules, top_level_only=True)
            assert not {m for m in top if m.split(".")[0] == "matplotlib" or m == "pare.quant.plot"}, name
