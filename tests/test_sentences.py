"""Sentence splitting: abbreviations and clock times do not end a sentence, others do."""

from __future__ import annotations

import pytest

from timeline.text import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Voting ends at 8 p.m. Results are due the next morning.", 2),
        ("It ended at 2 a.m. Officials said little.", 2),
        ("The talks ended at 2 a.m. GMT. No deal was reached.", 2),
        ("The attack began at 3 a.m. Friday and lasted hours.", 1),
        ("It starts at 9 p.m. EST on Monday.", 1),
        ("Voting ended at 8 p.m. Central time on Friday.", 1),
        ("It opens at 9 a.m. Tokyo time.", 1),
        ("The vote is at 10 a.m. Jan. 5, officials said.", 1),
        ("U.S. officials met at 4 p.m. on Tuesday.", 1),
        ("He met Dr. Smith on Monday. They talked.", 2),
        ("The store opens at 9 a.m. The deadline is Friday.", 2),
    ],
)
def test_a_clock_time_ends_a_sentence_only_before_a_new_one(text: str, sentences: int) -> None:
    found = split_sentences(text)
    assert len(found) == sentences, [s.text for s in found]
    assert all(text[s.start : s.end] == s.text for s in found)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a name's abbreviation written in lower case is a word that ends its sentence
        ("Campaigning stopped after a candidate fell ill. The winner takes office in July.", 2),
        ("They wed. The party lasted until Sunday.", 2),
        # the same abbreviations capitalized, and those written in lower case, go on
        ("He lives in Springfield, Ill. and works in Chicago.", 1),
        ("Sen. Smith voted on Monday.", 1),
        ("The fee rose approx. 5% in May.", 1),
        ("It was Smith vs. Jones on Friday.", 1),
    ],
)
def test_an_abbreviation_ends_a_sentence_only_where_its_case_allows(
    text: str, sentences: int
) -> None:
    found = split_sentences(text)
    assert len(found) == sentences, [s.text for s in found]
