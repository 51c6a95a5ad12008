"""Reading TimeML gold and writing the library's output as TimeML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.errors import TimeMLError
from timeline.timeml import GoldTimex, TimeMLDocument, read_timeml, write_timeml
from timeline.types import Event, TimeExpression

FIXTURES = Path(__file__).parents[1] / "fixtures" / "timeml"
CORPUS = Path(__file__).parents[1].parent / "shared/corpora/tbaq-cleaned"


def _offsets_hold(doc: TimeMLDocument) -> bool:
    return all(doc.text[t.span[0] : t.span[1]] == t.text for t in doc.timexes)


# --------------------------------------------------------------------------- reading


def test_entities_are_unescaped_and_tags_stripped() -> None:
    doc = read_timeml(FIXTURES / "entities.tml")
    assert doc.doc_id == "FIXTURE.entities"
    assert 'AT&T said Friday that "profits rose <5%>"' in doc.text
    assert "<EVENT" not in doc.text
    assert "since early 1997" in doc.text  # the SIGNAL tag is gone, its text kept
    assert [t.text for t in doc.timexes] == [
        "Friday",
        "third quarter",
        "early 1997",
        "Friday evening",
    ]
    assert _offsets_hold(doc)


def test_attributes_are_kept() -> None:
    doc = read_timeml(FIXTURES / "entities.tml")
    by_tid = {t.tid: t for t in doc.timexes}
    assert by_tid["t2"].type == "DATE"
    assert by_tid["t2"].value == "1998-Q3"
    assert by_tid["t2"].mod is None
    assert by_tid["t3"].mod == "START"
    assert by_tid["t4"].type == "TIME"


def test_dct_with_a_time_of_day() -> None:
    doc = read_timeml(FIXTURES / "entities.tml")
    assert doc.dct == date(1998, 11, 20)
    assert doc.dct_value == "1998-11-20T19:30"
    assert all(t.tid != "t0" for t in doc.timexes)


def test_tags_nested_inside_timex3() -> None:
    doc = read_timeml(FIXTURES / "nested.tml")
    assert (
        doc.text == "The talks ended two long weeks before Christmas 2021, and resume every week."
    )
    assert [(t.tid, t.text) for t in doc.timexes] == [
        ("t1", "two long weeks"),
        ("t2", "Christmas 2021"),
        ("t3", "2021"),
        ("t4", "every week"),
    ]
    assert _offsets_hold(doc)
    assert doc.dct == date(2021, 3, 30)


def test_reads_xml_text_as_well_as_paths() -> None:
    xml = (FIXTURES / "nested.tml").read_text(encoding="utf-8")
    assert read_timeml(xml) == read_timeml(str(FIXTURES / "nested.tml"))


def test_bad_xml_raises_timeml_error_naming_the_file() -> None:
    path = FIXTURES / "bad_xml.tml"
    with pytest.raises(TimeMLError, match=r"bad_xml\.tml.*not well-formed"):
        read_timeml(path)


def test_missing_text_element_raises() -> None:
    with pytest.raises(TimeMLError, match=r"no_text\.tml.*no <TEXT>"):
        read_timeml(FIXTURES / "no_text.tml")


def test_missing_file_raises_timeml_error() -> None:
    with pytest.raises(TimeMLError, match="cannot be read"):
        read_timeml(FIXTURES / "does-not-exist.tml")


def test_a_broken_offset_raises() -> None:
    bad = GoldTimex(tid="t1", text="Friday", span=(0, 6), type="DATE", value="1998-11-20")
    with pytest.raises(TimeMLError, match=r"DOC1: TIMEX3 t1 has span \(0, 6\)"):
        TimeMLDocument(doc_id="DOC1", text="Sales Friday", dct=None, dct_value=None, timexes=(bad,))


def test_an_offset_past_the_end_raises() -> None:
    bad = GoldTimex(tid="t9", text="x", span=(40, 41), type="DATE", value="2020")
    with pytest.raises(TimeMLError, match="t9"):
        TimeMLDocument(doc_id="", text="short", dct=None, dct_value=None, timexes=(bad,))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="TBAQ-cleaned corpus not present")
def test_whole_tbaq_cleaned_corpus() -> None:
    docs = [read_timeml(path) for path in sorted(CORPUS.rglob("*.tml"))]
    assert len(docs) == 256
    assert sum(len(doc.timexes) for doc in docs) == 1822
    assert all(_offsets_hold(doc) for doc in docs)
    assert all(doc.dct is not None for doc in docs)


# --------------------------------------------------------------------------- writing

TEXT = (
    'Since January, cartels & "gangs" <sic> grew. On March 30, 2021 officials met;\r\n'
    "they will meet again every month until December 2021."
)


def _expr(text: str, type_: str, value: str, *, mod: str | None = None) -> TimeExpression:
    start = TEXT.index(text)
    return TimeExpression(
        text=text,
        span=(start, start + len(text)),
        type=type_,  # type: ignore[arg-type]
        value=value,
        mod=mod,
    )


EXPRESSIONS = [
    _expr("January", "DATE", "2021-01"),
    _expr("March 30, 2021", "DATE", "2021-03-30"),
    _expr("March", "DATE", "2021-03"),  # nested in the previous one
    _expr("every month", "SET", "P1M"),
    _expr("December 2021", "DATE", "2021-12", mod="END"),
]


def _event(
    trigger: str,
    relation: str,
    expr: TimeExpression | None,
    start: date | None,
    end: date | None,
) -> Event:
    begin = TEXT.index(trigger)
    return Event(
        description=trigger,
        trigger=trigger,
        trigger_span=(begin, begin + len(trigger)),
        relation=relation,  # type: ignore[arg-type]
        start=start,
        end=end,
        granularity="day",
        sentence="",
        sentence_index=0,
        span=(begin, begin + len(trigger)),
        anchor="expression",
        expression=expr,
        tense="past",
    )


EVENTS = [
    _event("grew", "since", EXPRESSIONS[0], date(2021, 1, 1), date(2021, 3, 30)),
    _event("met", "on", EXPRESSIONS[1], date(2021, 3, 30), date(2021, 3, 30)),
    _event("meet", "until", EXPRESSIONS[4], None, date(2021, 12, 31)),
    # overlaps the TIMEX3 "March 30, 2021": must be left out
    _event("March", "in", EXPRESSIONS[2], date(2021, 3, 1), date(2021, 3, 31)),
]


def test_round_trip_keeps_text_and_every_expression() -> None:
    xml = write_timeml(EXPRESSIONS, TEXT, dct=date(2021, 3, 30), doc_id="rt&1")
    doc = read_timeml(xml)
    assert doc.text == TEXT
    assert doc.doc_id == "rt&1"
    assert doc.dct == date(2021, 3, 30)
    got = sorted((t.span, t.text, t.type, t.value, t.mod) for t in doc.timexes)
    want = sorted((e.span, e.text, e.type, e.value, e.mod) for e in EXPRESSIONS)
    assert got == want


def test_round_trip_with_events_keeps_every_expression() -> None:
    xml = write_timeml(EXPRESSIONS, TEXT, dct=date(2021, 3, 30), events=EVENTS)
    doc = read_timeml(xml)
    assert doc.text == TEXT
    assert len(doc.timexes) == len(EXPRESSIONS)


def test_events_makeinstances_and_tlinks() -> None:
    root = ET.fromstring(write_timeml(EXPRESSIONS, TEXT, dct=date(2021, 3, 30), events=EVENTS))
    events = root.findall(".//EVENT")
    assert [e.text for e in events] == ["grew", "met", "meet"]  # "March" overlaps a TIMEX3
    assert len(root.findall("MAKEINSTANCE")) == 3
    tid_of = {"".join(t.itertext()): t.get("tid") for t in root.iter("TIMEX3")}
    links = {
        (link.get("relType"), link.get("eventInstanceID"), link.get("relatedToTime") or "")
        for link in root.findall("TLINK")
    }
    assert ("BEGUN_BY", "ei1", tid_of["January"]) in links
    assert ("IS_INCLUDED", "ei2", tid_of["March 30, 2021"]) in links
    assert ("ENDED_BY", "ei3", tid_of["December 2021"]) in links
    before = [
        (link.get("eventInstanceID"), link.get("relatedToEventInstance"))
        for link in root.findall("TLINK")
        if link.get("relType") == "BEFORE"
    ]
    # "grew" ends on 2021-03-30, the day "met" starts: they overlap, so no BEFORE link;
    # "meet" has no start, so it cannot be ordered after "met" either.
    assert before == []


def test_before_link_between_disjoint_consecutive_events() -> None:
    first = _event("grew", "in", EXPRESSIONS[0], date(2021, 1, 1), date(2021, 1, 31))
    second = _event("met", "on", EXPRESSIONS[1], date(2021, 3, 30), date(2021, 3, 30))
    root = ET.fromstring(write_timeml(EXPRESSIONS, TEXT, dct=None, events=[first, second]))
    before = [
        (link.get("eventInstanceID"), link.get("relatedToEventInstance"))
        for link in root.findall("TLINK")
        if link.get("relType") == "BEFORE"
    ]
    assert before == [("ei1", "ei2")]
    assert root.find("DCT") is None


def test_without_tlinks() -> None:
    root = ET.fromstring(
        write_timeml(EXPRESSIONS, TEXT, dct=date(2021, 3, 30), events=EVENTS, tlinks=False)
    )
    assert root.findall("TLINK") == []
    assert len(root.findall("MAKEINSTANCE")) == 3


def test_a_set_writes_its_quant_and_freq() -> None:
    text = "The store is open seven days a week."
    start = text.index("seven")
    rate = TimeExpression(
        "seven days a week", (start, start + 17), "SET", "P1W", quant="EACH", freq="7D"
    )
    root = ET.fromstring(write_timeml([rate], text, dct=None))
    timex = root.find("TEXT/TIMEX3")
    assert timex is not None
    assert timex.attrib == {
        "tid": "t1",
        "type": "SET",
        "value": "P1W",
        "quant": "EACH",
        "freq": "7D",
    }


def test_dct_element() -> None:
    root = ET.fromstring(write_timeml([], "Nothing here.", dct=date(2021, 3, 30)))
    dct = root.find("DCT/TIMEX3")
    assert dct is not None
    assert dct.attrib == {
        "tid": "t0",
        "type": "DATE",
        "value": "2021-03-30",
        "temporalFunction": "false",
        "functionInDocument": "CREATION_TIME",
    }


def test_crossing_expressions_raise() -> None:
    text = "from May to June"
    a = TimeExpression(text="May to", span=(5, 11), type="DATE", value="2021-05")
    b = TimeExpression(text="to June", span=(9, 16), type="DATE", value="2021-06")
    with pytest.raises(TimeMLError, match="cross"):
        write_timeml([a, b], text, dct=None)


def test_expression_not_matching_text_raises() -> None:
    bad = TimeExpression(text="June", span=(0, 4), type="DATE", value="2021-06")
    with pytest.raises(TimeMLError, match="June"):
        write_timeml([bad], "from May", dct=None)


def test_control_characters_raise() -> None:
    with pytest.raises(TimeMLError, match="U\\+0001"):
        write_timeml([], "bad \x01 text", dct=None)


@st.composite
def _text_and_expressions(draw: st.DrawFn) -> tuple[str, list[TimeExpression]]:
    # utf-8 excludes lone surrogates; the filter drops what XML 1.0 cannot hold.
    alphabet = st.characters(codec="utf-8").filter(lambda c: not _is_xml_invalid(c))
    text = draw(st.text(alphabet=alphabet | st.sampled_from("&<>\"'\r\n\t"), max_size=80))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    expressions = [
        TimeExpression(text=text[a:b], span=(a, b), type="DATE", value=f'v&<{a}">')
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    return text, expressions


def _is_xml_invalid(char: str) -> bool:
    code = ord(char)
    return (code < 0x20 and char not in "\t\n\r") or code in (0xFFFE, 0xFFFF)


@given(_text_and_expressions())
def test_round_trip_property(case: tuple[str, list[TimeExpression]]) -> None:
    text, expressions = case
    doc = read_timeml(write_timeml(expressions, text, dct=None))
    assert doc.text == text
    assert [(t.span, t.value) for t in doc.timexes] == [(e.span, e.value) for e in expressions]


def test_round_trip_of_a_long_document() -> None:
    unit = "On May 5, 2020 & again <later>, "
    text = unit * 5000
    expressions = [
        TimeExpression(
            text="May 5, 2020",
            span=(i * len(unit) + 3, i * len(unit) + 14),
            type="DATE",
            value="2020-05-05",
        )
        for i in range(5000)
    ]
    doc = read_timeml(write_timeml(expressions, text, dct=date(2020, 5, 6)))
    assert doc.text == text
    assert len(doc.timexes) == 5000
