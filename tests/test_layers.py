"""The layer order of pyproject.toml's [tool.importlinter] holds: site over domain apps over
foundation over base, and the matching engine imports no Django. CI runs only the tests, so the
contracts are checked here as well as in `make lint`."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0
