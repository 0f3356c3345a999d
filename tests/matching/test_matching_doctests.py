"""The examples in the docstrings of the pure matching package run, so they cannot go stale."""

import doctest
import importlib
import pkgutil

import pytest

import naober.matching

MODULES = sorted(
    f"naober.matching.{info.name}" for info in pkgutil.iter_modules(naober.matching.__path__)
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_the_examples_are_found():
    finder = doctest.DocTestFinder()
    examples = sum(
        len(test.examples)
        for name in MODULES
        for test in finder.find(importlib.import_module(name))
    )
    assert examples > 0
