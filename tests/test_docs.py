"""The documentation runs: every ```python block of README.md and docs/*.md, and the site.

A block fenced as ```python is executed in a fresh namespace, in a temporary directory
that holds a link to the project's ``fixtures/``, so examples can read the seed article
by its project path and write files without touching the checkout.  Blocks of one file
do not share variables: each example stands alone, as a reader would copy it.

A block fenced as ```{.python .no-run} is shown but not executed; keep that for examples
that need the network or downloaded models.  A block that calls stanza (its download
or ``backend="stanza"``) but is not marked is skipped with a reminder to mark it.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# A fence at the start of a line: ```python (runs) or ```{.python .no-run} (shown only;
# Markdown's fences take a language or a {…} list, so "```python no-run" broke the page).
_FENCE = re.compile(
    r"^```(?:python|\{\.python(?P<options>[^}\n]*)\})[ \t]*\n(?P<code>.*?)^```[ \t]*$", re.M | re.S
)
# What Python-Markdown's fenced_code reads as an opening fence: a bare language word or
# an attribute list.  Anything else makes the rest of the page one code span.
_OPENING = re.compile(r"^```(?:[\w#.+-]*|\{[^}\n]*\})[ \t]*$")
# Code that needs stanza's models (a download, the network): never run by the tests.
_NEEDS_MODELS = re.compile(r"stanza\.download|backend=[\"']stanza[\"']|download_models\(")


def _blocks() -> list[Any]:
    params: list[Any] = []
    for document in DOCUMENTS:
        name = document.relative_to(ROOT).as_posix()
        for index, match in enumerate(_FENCE.finditer(document.read_text(encoding="utf-8"))):
            if "no-run" in (match["options"] or ""):
                continue
            line = document.read_text(encoding="utf-8").count("\n", 0, match.start()) + 2
            params.append(pytest.param(name, line, match["code"], id=f"{name}-{index}"))
    return params


@pytest.mark.parametrize(("document", "line", "code"), _blocks())
def test_python_block_runs(
    document: str, line: int, code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if _NEEDS_MODELS.search(code):
        pytest.skip(f"{document}:{line} needs stanza models; fence it as ```{{.python .no-run}}")
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    # Blank lines keep the block's line numbers, so a traceback points into the .md file.
    source = "\n" * (line - 1) + code
    compiled = compile(source, f"{ROOT / document}", "exec")
    try:
        exec(compiled, {"__name__": "__docs__"})
    finally:
        _close_figures()


def _close_figures() -> None:
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


def test_every_fence_opens_a_code_block() -> None:
    # "```python no-run" is not a fence to Markdown: the page ran on as one code span
    # up to the next fence, and its headings lost their anchors
    for document in DOCUMENTS:
        fences = re.findall(r"^```.*$", document.read_text(encoding="utf-8"), re.M)
        # every other fence closes a block: only the opening ones carry a language
        for fence in fences[::2]:
            assert _OPENING.match(fence), f"{document.name}: {fence!r}"


def test_every_document_has_been_collected() -> None:
    # A renamed docs folder must not silently turn this file into zero tests.
    assert len(_blocks()) >= 5


def test_mkdocs_build_is_strict_clean(tmp_path: Path) -> None:
    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "index.html").is_file()
