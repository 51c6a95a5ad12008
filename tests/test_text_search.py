"""The fast paths of text.py equal the plain computations they replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.anchoring import _CLAUSE_SIGNALS, _SIGNAL_WORD_ANY_CASE, _whole_word_starts
from timeline.text import _TOKEN, Token, _breaks_between, _nearest_in_clause, tokenize

_WORDS = ["said", "will", "the", ",", ";", "and", "when", "(", "x", "Friday", "’s", "U.S."]


def _exhaustive(tokens: list[Token], center: int, values: dict[int, str]) -> str | None:
    """Every token's distance computed, the nearest kept (ties: the earlier token)."""
    best: tuple[float, str] | None = None
    for i in range(len(tokens)):
        if i not in values:
            continue
        distance = float(abs(i - center)) + 6.0 * _breaks_between(tokens, i, center)
        if i > center:
            distance += 0.5
        if best is None or distance < best[0]:
            best = (distance, values[i])
    return best[1] if best is not None else None


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40),
    marked=st.sets(st.integers(min_value=0, max_value=39)),
    center=st.integers(min_value=0, max_value=40),
)
def test_outward_search_finds_what_a_full_scan_finds(
    words: list[str], marked: set[int], center: int
) -> None:
    tokens = list(tokenize(" ".join(words)))
    center = min(center, len(tokens))
    values = {i: f"v{i}" for i in marked if i < len(tokens)}
    assert _nearest_in_clause(tokens, center, values.get) == _exhaustive(tokens, center, values)


# one token per match of the token pattern: what tokenize computes without a Python loop
_ONE_BY_ONE = re.compile(_TOKEN.pattern)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), offset=st.integers(min_value=0, max_value=10_000))
def test_tokens_built_in_c_equal_one_token_per_match(text: str, offset: int) -> None:
    expected = tuple(
        Token(m.group(), m.start() + offset, m.end() + offset) for m in _ONE_BY_ONE.finditer(text)
    )
    assert tokenize(text, offset) == expected


_TOKEN_PIECES = ["U", "S", "a", "é", ".", "3", "15", ":", ",", "-", "'", "’", " ", "_", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=40))
def test_tokens_of_initialisms_numbers_and_hyphens_equal_one_token_per_match(
    pieces: list[str],
) -> None:
    # "U.S.", "3:15", "1,000", "re-elect", "don't": the pieces random text rarely forms
    text = "".join(pieces)
    expected = tuple(Token(m.group(), m.start(), m.end()) for m in _ONE_BY_ONE.finditer(text))
    assert tokenize(text) == expected


_SIGNAL_PIECES = ["after", "when", "while", "since", "until", "before", "following", "x", "_"]
_SIGNAL_PIECES += [" ", ".", "é", "2", "afterward", "whenever", "\n", "ſ", "bsince"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SIGNAL_PIECES), max_size=30))
def test_signal_words_found_with_find_are_the_regex_matches(pieces: list[str]) -> None:
    # the whole-word test by hand must agree with \b, whatever stands around the word
    text = "".join(pieces)
    lowered = text.lower()
    found = sorted(at for word in _CLAUSE_SIGNALS for at in _whole_word_starts(lowered, word))
    by_regex = [m.start() for m in _SIGNAL_WORD_ANY_CASE.finditer(lowered)]
    assert found == by_regex
