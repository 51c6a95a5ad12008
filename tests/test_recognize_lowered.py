"""Rules scanned on lower-cased text must match exactly where their patterns match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.recognize import recognize, scan_everything
from timeline.recognize.lowered import lowered_variant, matches_via_lowered
from timeline.recognize.rules import LOWER_CASE_RULES, rules
from timeline.text import lowered_in_place
from timeline.timeml import read_timeml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq-cleaned"


@pytest.mark.parametrize(
    ("pattern", "has_variant"),
    [
        (r"(?i:may|june)\s(?P<d>\d{1,2})", True),
        (r"(?<![\w-])(?i:and\s{1,3}a\s{1,3}half)(?![\w])", True),
        (r"[^\W\d_]+\s[.,;:]", True),
        (r"(?i:May)", False),  # a capital inside (?i:) would not match lower-cased text
        (r"and a half", False),  # case-sensitive letters: "AND A HALF" must not match
        (r"Q[1-4]", False),
        (r"[A-Z][a-z]+", False),
        (r"(?i:[a-z]+)", True),
        (r"(?i:[A-Z]+)", False),
        (r"(?i:x)[^a]", False),  # a negated letter outside (?i:) reads the case
        (r"(?P<w>(?i:ab))(?P=w)", False),  # a back-reference: not worth the risk
        (r"(?i:ς)", False),  # folds onto "σ" and "Σ", whose lower cases differ
    ],
)
def test_only_case_free_patterns_get_a_lowered_variant(pattern: str, has_variant: bool) -> None:
    assert (lowered_variant(re.compile(pattern)) is not None) == has_variant


def test_a_case_insensitive_pattern_gets_no_variant() -> None:
    assert lowered_variant(re.compile(r"may", re.IGNORECASE)) is None


def test_the_rules_that_scan_lower_cased_text_are_exactly_the_case_free_ones() -> None:
    case_free = {rule.name for rule in rules() if lowered_variant(rule.pattern) is not None}
    assert case_free == LOWER_CASE_RULES
    assert {rule.name for rule in rules() if rule.lowered is not None} == LOWER_CASE_RULES
    # the fast path is easy to lose with one capital letter in a pattern
    assert {"counted", "relative_unit", "unit_long", "holiday", "vague_units"} <= case_free


def _cased_texts() -> list[str]:
    texts = [(ROOT / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt").read_text("utf-8")]
    if CORPUS.is_dir():
        texts += [read_timeml(path).text for path in sorted(CORPUS.glob("*/*.tml"))[::16]]
    joined = "\n\n".join(texts)
    return [joined, joined.upper(), joined.title(), joined.swapcase()]


@pytest.mark.parametrize("casing", ["as written", "upper", "title", "swapped"])
def test_every_lowered_rule_matches_what_its_pattern_matches(casing: str) -> None:
    text = _cased_texts()[["as written", "upper", "title", "swapped"].index(casing)]
    lowered = lowered_in_place(text)
    assert lowered is not None
    window = [(0, len(text))]
    for rule in rules():
        if rule.lowered is None:
            continue
        expected = [(m.span(), m.groupdict()) for m in rule.pattern.finditer(text)]
        found = matches_via_lowered(rule.pattern, rule.lowered, text, lowered, window)
        assert [(m.span(), m.groupdict()) for m in found] == expected, rule.name


# fmt: off
_WORDS = st.sampled_from(
    [
        "and a half", "two", "Years", "YEAR'S", "End", "the past", "Three Days", "ago",
        "Christmas", "EVE", "last", "Quarter", "every", "MONDAY", "a", "few", "Weeks",
        "mid-", "1990", "ſ", "İ", "K", " ", "  ", "\n", ".", ",", "-", "'", "’",
    ]
)
# fmt: on


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(_WORDS, st.characters()), max_size=30).map(" ".join))
def test_recognition_on_lowered_text_equals_the_plain_full_scan(text: str) -> None:
    assert recognize(text) == scan_everything(text)
