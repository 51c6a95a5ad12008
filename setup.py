"""Build hook: with ``TIMELINE_COMPILE=1`` the pipeline's modules are compiled by mypyc.

Everything else about the package is in ``setup.cfg``.  A plain install (editable or
not) is pure Python.  A compiled build runs the same source, type-checked by
``mypy --strict``, as C extensions, about 1.4 times as fast; ``docs/scaling.md`` ("A
compiled build") says how to build one and what changes (nothing a caller can see: the
results are the same, which ``make test`` checks by running the whole test suite on a
compiled build).

Compiling needs mypy (which ships mypyc) and a C compiler in the build environment::

    pip install mypy setuptools
    TIMELINE_COMPILE=1 pip install --no-build-isolation .

Asked for and impossible, the build fails with the reason rather than quietly
installing the slower package.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import setup

#: The stages that run on every document, from recognition to ordering.  The modules
#: around them (command line, TimeML, evaluation, exports, plots, the stanza backend)
#: spend their time in other libraries and stay interpreted.
COMPILED_MODULES = [
    "timeline/types.py",
    "timeline/text.py",
    "timeline/recognize/__init__.py",
    "timeline/recognize/lexicon.py",
    "timeline/recognize/lowered.py",
    "timeline/recognize/partial.py",
    "timeline/recognize/rules.py",
    "timeline/recognize/signals.py",
    "timeline/resolve.py",
    "timeline/api.py",
    "timeline/events.py",
    "timeline/anchoring.py",
    "timeline/order.py",
]


#: Where a compiled build keeps its C sources and objects: apart from the plain build's
#: build/lib, which would otherwise hand its compiled modules to a later pure install.
COMPILED_BUILD_BASE = "build/mypyc"


def _compiling() -> bool:
    return os.environ.get("TIMELINE_COMPILE", "0") == "1"


def _compiled_extensions() -> list[Any]:
    try:
        from mypyc.build import mypycify
    except ImportError as error:
        raise SystemExit(
            "TIMELINE_COMPILE=1 needs mypyc in the build environment: "
            "pip install mypy, then build with --no-build-isolation"
        ) from error
    # one shared library for all the modules, named after the package
    extensions: list[Any] = mypycify(
        COMPILED_MODULES, opt_level="3", group_name="timeline", target_dir=COMPILED_BUILD_BASE
    )
    return extensions


if _compiling():
    setup(
        ext_modules=_compiled_extensions(),
        options={"build": {"build_base": COMPILED_BUILD_BASE}},
    )
else:
    setup()
