"""The compiled build of setup.py: the modules it names, and that a compiled test run
(``make unit-compiled``, part of ``make test``) really runs them compiled."""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _compiled_modules() -> list[str]:
    """``COMPILED_MODULES`` of setup.py, read without running it (it calls setup())."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "COMPILED_MODULES"
            for target in node.targets
        ):
            paths: list[str] = ast.literal_eval(node.value)
            return paths
    raise AssertionError("setup.py names no COMPILED_MODULES")


def _module_name(path: str) -> str:
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def test_the_compiled_modules_are_the_pipeline_stages() -> None:
    paths = _compiled_modules()
    assert paths, "nothing to compile"
    for path in paths:
        assert (ROOT / path).is_file(), path
    names = {_module_name(path) for path in paths}
    # the stages every document goes through; the stanza backend must stay
    # interpreted (it subclasses Analysis, which the build allows for that)
    assert {"timeline.api", "timeline.text", "timeline.recognize", "timeline.events"} <= names
    assert not any(name.startswith("timeline.nlp") for name in names)


@pytest.mark.skipif(
    os.environ.get("TIMELINE_EXPECT_COMPILED") != "1",
    reason="a compiled test run (make unit-compiled) sets TIMELINE_EXPECT_COMPILED=1",
)
def test_a_compiled_run_imports_the_compiled_modules() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for path in _compiled_modules():
        module = importlib.import_module(_module_name(path))
        assert str(module.__file__).endswith(suffixes), module.__file__


def test_an_interpreted_analysis_may_subclass_the_compiled_one() -> None:
    from timeline.text import Analysis, Sentence
    from timeline.types import Tense

    class Fixed(Analysis):
        def tense_at(self, span: tuple[int, int]) -> Tense:
            return "future"

    analysis = Fixed("It opens in May.", [Sentence(0, 0, 16, "It opens in May.")])
    assert analysis.tense_at((12, 15)) == "future"
    assert analysis.sentence_at(12).text == "It opens in May."
