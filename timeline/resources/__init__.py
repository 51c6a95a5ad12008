"""Language data lives here as JSON files; `load_lexicon` is the one loader.

``load_lexicon("months")`` reads ``resources/en/months.json``.  Every file is checked
by ``tests/test_resources.py`` so a typo in the data fails the tests, not a user.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["LEXICONS", "load_lexicon"]

#: Every lexicon the package ships, for the loader test.
LEXICONS: tuple[str, ...] = (
    "abbreviations",
    "tense",
    "verbs",
    "calendar",
    "numbers",
    "negatives",
    "holidays",
    "grammar",
    "context",
)


@cache
def load_lexicon(name: str, language: str = "en") -> Any:
    """Parsed JSON of ``resources/<language>/<name>.json`` (cached; treat as read-only)."""
    path = resources.files(__package__).joinpath(language, f"{name}.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)
