"""Recognition scans only windows around anchor words; it must find what a full scan finds."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.recognize import (
    _scanned_anchor_positions,
    anchor_positions,
    recognize,
    scan_everything,
)
from timeline.text import SPECIAL_FOLDS
from timeline.timeml import read_timeml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "tbaq-cleaned"


def _texts() -> list[tuple[str, str]]:
    texts = [
        (p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "fixtures").glob("*.txt"))
    ]
    examples = json.loads((ROOT / "tests" / "corpus" / "examples.json").read_text(encoding="utf-8"))
    phrases = [p["text"] for entry in examples["entries"] for p in entry["phrases"]]
    texts.append(("examples", " ".join(phrases)))
    texts.append(
        (
            "edges",
            "3:30 p.m. 3/5/2021 Q3 2020 H1 '90s 44 BC 1990-91 the nineteen-nineties "
            "nineteen ninety-four, at present, Mondays, every Monday, per year, daily, "
            "Christmas Eve 2020, the day after tomorrow, 35527.29 and 2,000 and 1.5",
        )
    )
    if CORPUS.is_dir():
        for path in sorted(CORPUS.glob("*/*.tml"))[::8]:
            texts.append((path.stem, read_timeml(path).text))
    return texts


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_windows_find_what_a_full_scan_finds(name: str, text: str) -> None:
    # scan_everything scans every rule the plain way; recognize scans lower-cased text
    # with the rules that allow it
    assert recognize(text) == scan_everything(text)


def test_lower_casing_hides_no_letter_the_case_insensitive_rules_read() -> None:
    # anchor_positions reads the lower-cased text unless it holds a letter the regex
    # engine folds onto an ASCII letter while str.lower() does not (or changes length)
    folds_elsewhere = []
    any_ascii_letter = re.compile(r"(?i)[a-z]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lowered = char.lower()
        if bool(any_ascii_letter.fullmatch(char)) != ("a" <= lowered <= "z" and len(lowered) == 1):
            folds_elsewhere.append(char)
    unsafe = [c for c in folds_elsewhere if len(c.lower()) == len(c)]
    assert sorted(unsafe) == sorted(SPECIAL_FOLDS)


@pytest.mark.parametrize(
    "text",
    [
        "ſince laſt ſeptember, two ſeconds",
        "İn March, the past four years",
        "Iı 3 ſeconds ago and 44 BC, 44 bc, the 90s",
    ],
)
def test_windows_equal_a_full_scan_on_unusual_case_folds(text: str) -> None:
    assert recognize(text) == scan_everything(text)


@pytest.mark.parametrize(
    "text",
    [
        "He served no less than the remaining two and a half consecutive years in prison.",
        "It will take more than the next two and a half years to finish.",
        "Profits fell in the comparable year-ago third fiscal quarter.",
    ],
)
def test_windows_reach_the_long_phrases_of_news(text: str) -> None:
    assert recognize(text) == scan_everything(text)


@pytest.mark.xfail(
    strict=True,
    reason="a match starting more than 40 characters (and the word there) before its "
    "anchor word: windows that wide cost 14% on news (see _MARGIN)",
)
def test_windows_cut_a_phrase_reaching_far_before_its_anchor() -> None:
    text = "Profit rose in last year's 1989 comparable year-ago fourth fiscal quarter."
    assert recognize(text) == scan_everything(text)


_PIECES = st.one_of(
    st.sampled_from([*"0123456789 .:/'’-\n", "May", "year", "BC", "a.m.", "ſ", "İ"]),
    st.characters(),
)


@settings(max_examples=400, deadline=None)
@given(text=st.lists(_PIECES, max_size=40).map("".join))
def test_split_anchor_words_equal_the_scanning_pattern(text: str) -> None:
    # the fast path (lower-cased text split into words, digits by their own pattern)
    # against the case-insensitive trie that scans the original text
    assert anchor_positions(text) == _scanned_anchor_positions(text)
