"""`alternation` builds a prefix tree; it must match exactly what the plain list does.

The reference is the alternation the rules used before: the words escaped, longest
first, joined by "|" (the regex engine then tries them in that order).  The tree must
give the same match at every position of every text, inside a larger pattern too, where
the engine backtracks into it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.recognize.lexicon import alternation, lexicon


def _flat(words: list[str], *, capitalized: bool = False) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if capitalized:
        forms: list[str] = []
        for word in ordered:
            forms.extend((re.escape(word[:1].upper() + word[1:]), re.escape(word.upper())))
        return "(?:" + "|".join(dict.fromkeys(forms)) + ")"
    return "(?i:" + "|".join(re.escape(w).replace(r"\ ", r"\s{1,3}") for w in ordered) + ")"


def _spans(pattern: str, text: str) -> list[tuple[int, int, str | None]]:
    """Where the pattern matches at each position, and what its group caught."""
    compiled = re.compile(pattern)
    found = []
    for i in range(len(text) + 1):
        match = compiled.match(text, i)
        found.append((i, match.end() if match else -1, match.group("g") if match else None))
    return found


def _assert_same(words: list[str], text: str, *, capitalized: bool = False) -> None:
    tree = alternation(words, capitalized=capitalized)
    flat = _flat(words, capitalized=capitalized)
    # alone, and followed by something that makes the engine give back characters
    for template in ("(?P<g>{})", r"(?P<g>{})(?=\W|$)", r"(?P<g>{})s?\s+(?:[a-z]+|\d)"):
        assert _spans(template.format(tree), text) == _spans(template.format(flat), text), (
            words,
            text,
            template,
        )


def test_words_that_prefix_others_match_longest_first() -> None:
    words = ["sep", "sept", "september", "a", "a few", "a couple of", "a couple", "few"]
    _assert_same(words, "september sept. sep a few a couple of years a couplet few")
    _assert_same(words, "Sept SEPTEMBER A Couple Of A  few", capitalized=False)
    _assert_same(["may", "march", "mar", "monday", "mon"], "May MAY Mar. March Mon Monday may")
    _assert_same(
        ["may", "march", "mar", "monday", "mon"], "May MAY Mar. March Mon mon", capitalized=True
    )


def test_the_language_data_lists_match_as_before() -> None:
    lex = lexicon()
    sample = (
        "In early March, about two and a half years ago, a few weeks after the Christmas "
        "holidays; SEPT. 3 and Sept 3rd, this past Monday evening, nearly ninety-nine days, "
        "a couple of months, twenty twenty, mid-decade, Q3 fiscal half-year"
    )
    for words in (lex.months, lex.weekdays, lex.units, lex.unit_plurals, lex.cardinals):
        _assert_same(list(words), sample)
        _assert_same(list(words), sample, capitalized=True)


_LETTERS = st.text(alphabet="abcAB .", min_size=1, max_size=5).filter(lambda w: w.strip() == w)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=8), st.text(alphabet="abcAB .\n", max_size=30))
def test_any_word_list_matches_as_the_flat_alternation(words: list[str], text: str) -> None:
    _assert_same(words, text)
    _assert_same(words, text, capitalized=True)
