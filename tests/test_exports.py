"""JSON, TimeML and TimelineJS exports of the seed timeline (`timeline.exports`)."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from timeline import Timeline, extract_timeline
from timeline.exports import to_json, to_timelinejs, to_timeml
from timeline.timeline import COLUMNS
from timeline.timeml import read_timeml

SEED = Path(__file__).parents[1] / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"
PUBLISHED = date(2021, 3, 30)


@pytest.fixture(scope="module")
def seed() -> Timeline:
    return extract_timeline(SEED.read_text(encoding="utf-8"), published=PUBLISHED)


# ----------------------------------------------------------------------- TimelineJS schema

# The TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format.html), as rules:
# the top level needs "events", a list of slides; "title" is a slide that may lack a
# start date.  A slide needs "start_date"; "end_date", "text", "media", "group",
# "display_date", "background", "autolink" and "unique_id" are optional.  A date object
# needs a numeric "year"; "month" is 1-12, "hour" 0-23, "minute"/"second" 0-59, and
# "display_date" is a string.  A text object has optional string "headline" and "text".
_TOP_KEYS = {"events", "title", "eras", "scale"}
_SLIDE_KEYS = {
    "start_date", "end_date", "text", "media", "group",
    "display_date", "background", "autolink", "unique_id",
}  # fmt: skip
_DATE_RANGES = {
    "month": (1, 12), "day": (1, 31), "hour": (0, 23), "minute": (0, 59), "second": (0, 59),
}  # fmt: skip


def timelinejs_problems(data: Any) -> list[str]:
    """Every way ``data`` breaks the TimelineJS JSON format; empty when it is valid."""
    if not isinstance(data, dict):
        return ["top level: not an object"]
    problems = [f"top level: unknown key {k!r}" for k in data if k not in _TOP_KEYS]
    events = data.get("events")
    if not isinstance(events, list):
        return [*problems, "top level: 'events' (required) is not a list"]
    if "title" in data:
        problems += _slide_problems(data["title"], "title", title=True)
    if data.get("scale", "human") not in ("human", "cosmological"):
        problems.append("top level: 'scale' is neither 'human' nor 'cosmological'")
    for i, slide in enumerate(events):
        problems += _slide_problems(slide, f"events[{i}]", title=False)
    return problems


def _slide_problems(slide: Any, where: str, *, title: bool) -> list[str]:
    if not isinstance(slide, dict):
        return [f"{where}: not an object"]
    problems = [f"{where}: unknown key {k!r}" for k in slide if k not in _SLIDE_KEYS]
    if "start_date" not in slide and not title:
        problems.append(f"{where}: 'start_date' is required")
    for key in ("start_date", "end_date"):
        if key in slide:
            problems += _date_problems(slide[key], f"{where}.{key}")
    text = slide.get("text", {})
    if not isinstance(text, dict) or any(
        not isinstance(text.get(k, ""), str) for k in ("headline", "text")
    ):
        problems.append(f"{where}.text: not an object of strings 'headline'/'text'")
    for key in ("group", "display_date"):
        if key in slide and not isinstance(slide[key], str):
            problems.append(f"{where}.{key}: not a string")
    both = not problems and "start_date" in slide and "end_date" in slide
    if both and _as_tuple(slide["end_date"]) < _as_tuple(slide["start_date"]):
        problems.append(f"{where}: end_date is before start_date")
    return problems


def _date_problems(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where}: not an object"]
    year = value.get("year")
    if isinstance(year, bool) or not isinstance(year, int | float):
        return [f"{where}: 'year' (required) is not a number"]
    problems = []
    for key, (low, high) in _DATE_RANGES.items():
        part = value.get(key)
        if part is not None and (not isinstance(part, int) or not low <= part <= high):
            problems.append(f"{where}.{key}: {part!r} is not a number in {low}-{high}")
    if "display_date" in value and not isinstance(value["display_date"], str):
        problems.append(f"{where}.display_date: not a string")
    return problems


def _as_tuple(value: dict[str, int]) -> tuple[int, ...]:
    return tuple(value.get(k, 0) for k in ("year", "month", "day", "hour", "minute", "second"))


def test_the_validator_rejects_what_timelinejs_rejects() -> None:
    assert timelinejs_problems({"events": [{"start_date": {"year": 2020}}]}) == []
    assert timelinejs_problems({"title": {}}) == ["top level: 'events' (required) is not a list"]
    assert timelinejs_problems({"events": [{"text": {}}]}) == [
        "events[0]: 'start_date' is required"
    ]
    assert timelinejs_problems({"events": [{"start_date": {"month": 3}}]}) == [
        "events[0].start_date: 'year' (required) is not a number"
    ]
    assert timelinejs_problems({"events": [{"start_date": {"year": 2020, "month": 13}}]}) == [
        "events[0].start_date.month: 13 is not a number in 1-12"
    ]


# ----------------------------------------------------------------------- TimelineJS


def test_seed_timelinejs_validates(seed: Timeline) -> None:
    data = to_timelinejs(seed, headline="U.S.-Mexico cooperation")
    # It must survive a JSON round trip unchanged, as a web page would load it.
    assert json.loads(json.dumps(data)) == data
    assert timelinejs_problems(data) == []
    assert len(data["events"]) == len(seed.events) >= 9
    assert data["title"]["text"]["headline"] == "U.S.-Mexico cooperation"


def test_seed_dates_keep_only_the_parts_they_know(seed: Timeline) -> None:
    slides = {s["display_date"]: s for s in to_timelinejs(seed)["events"]}
    years = slides["2012 – 2018"]
    assert years["start_date"] == {"year": 2012}
    assert years["end_date"] == {"year": 2018}
    december = slides["December 2020"]
    assert december["start_date"] == {"year": 2020, "month": 12}
    assert "end_date" not in december  # one month: the end says nothing more
    # "since January" runs to the publication date, which is day-precise
    since = slides["January 2021 – 30 March 2021"]
    assert since["start_date"] == {"year": 2021, "month": 1}
    assert since["end_date"] == {"year": 2021, "month": 3, "day": 30}


def test_open_start_is_placed_at_its_end(seed: Timeline) -> None:
    slides = {s["display_date"]: s for s in to_timelinejs(seed)["events"]}
    until = slides["until October 2020"]
    assert until["start_date"] == {"year": 2020, "month": 10}
    assert "end_date" not in until
    assert "kept the charges secret" in until["text"]["headline"]


def test_event_placed_through_another_event(seed: Timeline) -> None:
    december = next(e for e in seed.events if e.expression and e.expression.text == "December")
    placed = replace(december, expression=None, relation="before", start=None, anchor="event 'x'")
    slide = to_timelinejs(replace(seed, events=[placed]))["events"][0]
    assert slide["display_date"] == "December 2020 or earlier"
    assert slide["start_date"] == {"year": 2020, "month": 12}
    assert "Placed before event &#x27;x&#x27;" in slide["text"]["text"]


def test_group_is_the_document_or_its_sources(seed: Timeline) -> None:
    assert all("group" not in s for s in to_timelinejs(seed)["events"])
    tagged = replace(seed, events=[replace(e, doc_id="reuters") for e in seed.events])
    assert {s["group"] for s in to_timelinejs(tagged)["events"]} == {"reuters"}
    merged = replace(seed, events=[replace(e, sources=("a", "b")) for e in seed.events])
    data = to_timelinejs(merged)
    assert {s["group"] for s in data["events"]} == {"a; b"}
    assert timelinejs_problems(data) == []


def test_html_in_the_text_is_escaped() -> None:
    text = "The <script>x()</script> board approved it in December 2020."
    tl = extract_timeline(text, published=PUBLISHED)
    data = to_timelinejs(tl, headline="<b>t</b>")
    assert "<script>" not in json.dumps(data)
    assert "&lt;script&gt;" in data["events"][0]["text"]["text"]
    assert data["title"]["text"]["headline"] == "&lt;b&gt;t&lt;/b&gt;"


def test_timelinejs_without_publication_date() -> None:
    tl = extract_timeline("The abbey was founded in 1066.")
    data = to_timelinejs(tl)
    assert timelinejs_problems(data) == []
    assert data["events"][0]["start_date"] == {"year": 1066}
    assert data["title"]["text"] == {"headline": "Timeline", "text": ""}


# ----------------------------------------------------------------------- TimeML


def test_timeml_round_trip_keeps_every_expression(seed: Timeline) -> None:
    doc = read_timeml(to_timeml(seed, doc_id="reuters-cartels"))
    assert doc.doc_id == "reuters-cartels"
    assert doc.dct == PUBLISHED
    assert doc.text == seed.text
    written = [(e.text, e.span, e.type, e.value, e.mod) for e in seed.expressions]
    read = [(t.text, t.span, t.type, t.value, t.mod) for t in doc.timexes]
    assert read == written
    assert len(read) >= 9  # at least the expressions of the seed's nine events


def test_timeml_method_delegates(seed: Timeline) -> None:
    assert seed.to_timeml(doc_id="x") == to_timeml(seed, doc_id="x")
    written = seed.to_timeml()
    assert "<EVENT" in written
    assert "<TLINK" in written


# ----------------------------------------------------------------------- JSON


def test_json_has_every_column(seed: Timeline) -> None:
    text = to_json(seed)
    assert text is not None
    data = json.loads(text)
    assert data["columns"] == list(COLUMNS)
    assert data["published"] == "2021-03-30"
    assert [list(e) for e in data["events"]] == [list(COLUMNS)] * len(seed.events)
    first = data["events"][0]
    assert (first["start"], first["end"]) == ("2012-01-01", "2018-12-31")
    assert first["relation"] == "from…to"
    open_start = next(e for e in data["events"] if e["relation"] == "until")
    assert open_start["start"] is None


def test_json_has_the_expressions(seed: Timeline) -> None:
    data = json.loads(seed.to_json() or "")
    assert [e["text"] for e in data["expressions"]] == [e.text for e in seed.expressions]
    december = next(e for e in data["expressions"] if e["text"] == "December")
    assert december["span"] == list(next(e.span for e in seed.expressions if e.text == "December"))
    assert december["value"] == "2020-12"
    assert (december["start"], december["end"]) == ("2020-12-01", "2020-12-31")
    assert december["reference"] == "published 2021-03-30"


def test_json_writes_to_a_path_or_a_buffer(seed: Timeline, tmp_path: Path) -> None:
    path = tmp_path / "seed.json"
    assert to_json(seed, path) is None
    buffer = io.StringIO()
    assert to_json(seed, buffer) is None
    assert path.read_text(encoding="utf-8") == buffer.getvalue() == to_json(seed)
    assert "Mexico’s" in buffer.getvalue()  # kept readable, not \u2019
