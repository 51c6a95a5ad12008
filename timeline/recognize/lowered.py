"""Rule patterns that run on lower-cased text: the same matches, found faster.

A case-insensitive alternation is slow in Python's regex engine: each alternative's
first letter is compared through a case-folding call, at every position tried.  When a
pattern's letters are all lower case inside ``(?i:…)`` and none stands outside one, the
pattern without its ``(?i:`` flags matches the lower-cased text (`text.lowered_in_place`)
exactly where the original matches the original text, and rejects each alternative with
one plain comparison: "counted" runs about three times as fast on news.

Recognition scans the lower-cased text with that variant and matches the original
pattern once at each start it finds, so handlers still read the original's groups
("May" stays capitalized).  ``tests/test_recognize_lowered.py`` checks that both scans
find the same matches.

Checking a pattern (parsing it) costs twice what compiling its variant does, for every
rule at every start of a process.  So the check runs in the tests instead: the rules
name the ones that take a variant (``LOWER_CASE_RULES`` in ``rules.py``) and
``tests/test_recognize_lowered.py`` asserts that this list is exactly the set of rules
`lowered_variant` finds case-free.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["lowered_variant", "matches_via_lowered", "without_case_flags"]


def without_case_flags(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with each ``(?i:`` group made a plain ``(?:`` group: the variant of a
    pattern that `lowered_variant` finds case-free, compiled without checking again."""
    return re.compile(pattern.pattern.replace("(?i:", "(?:"))


def lowered_variant(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its ``(?i:`` flags, for lower-cased text; None unless every
    cased letter it names is lower case inside ``(?i:…)`` (then the two agree)."""
    if pattern.flags & re.IGNORECASE or not _is_case_free(pattern.pattern):
        return None
    return without_case_flags(pattern)


def matches_via_lowered(
    pattern: re.Pattern[str],
    lowered_pattern: re.Pattern[str],
    text: str,
    lowered: str,
    windows: Sequence[tuple[int, int]],
) -> Iterable[re.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)`` over each window, found
    with ``lowered_pattern`` in ``lowered`` and matched again in ``text``."""
    match_at = pattern.match
    for start, end in windows:
        for found in lowered_pattern.finditer(lowered, start, end):
            match = match_at(text, found.start(), end)
            if match is not None:  # always, since the two patterns agree
                yield match


def _is_case_free(source: str) -> bool:
    """True when no letter outside ``(?i:…)`` has a case and every letter inside is
    lower case.  The walk knows the node kinds of Python 3.11's regex parser; any other
    kind (or a parser that moved) makes the answer False: the plain scan, never a wrong
    one."""
    try:
        from re import _constants as sre  # type: ignore[attr-defined]
        from re import _parser as sre_parse  # type: ignore[attr-defined]

        return _walk(sre_parse.parse(source), False, sre)
    except Exception:  # a private module that changed: fall back to the plain scan
        return False


def _walk(nodes: Iterable[tuple[Any, Any]], folded: bool, sre: Any) -> bool:
    for op, arg in nodes:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _letter_fits(arg, folded):
                return False
        elif op is sre.IN:
            if not _set_fits(arg, folded, sre):
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            inner = (folded or bool(add_flags & sre.SRE_FLAG_IGNORECASE)) and not (
                del_flags & sre.SRE_FLAG_IGNORECASE
            )
            if not _walk(body, inner, sre):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _walk(arg[2], folded, sre):
                return False
        elif op is sre.BRANCH:
            if not all(_walk(branch, folded, sre) for branch in arg[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _walk(arg[1], folded, sre):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _walk(arg, folded, sre):
                return False
        elif op not in (sre.AT, sre.ANY):
            return False  # back-references, conditionals …: not worth the risk
    return True


def _set_fits(items: Iterable[tuple[Any, Any]], folded: bool, sre: Any) -> bool:
    for op, arg in items:
        if op is sre.LITERAL:
            if not _letter_fits(arg, folded):
                return False
        elif op is sre.RANGE:
            low, high = arg
            if not all(_letter_fits(code, folded) for code in range(low, high + 1)):
                return False
        elif op not in (sre.CATEGORY, sre.NEGATE):
            return False
    return True


def _letter_fits(code: int, folded: bool) -> bool:
    char = chr(code)
    if folded:
        # "(?i:may)" reads lower-cased text as it stands; a non-ASCII letter may fold
        # onto one whose lower case differs ("ς", "Σ", "σ")
        return char.lower() == char and (char.isascii() or char.upper() == char)
    return char.lower() == char == char.upper()  # "[A-Z]" outside (?i:) needs the case
