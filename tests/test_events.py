"""Events: one per dated trigger, described in whole words."""

from __future__ import annotations

from datetime import date

from timeline import extract_timeline


def test_a_day_and_a_time_dating_one_trigger_make_one_event_at_the_time() -> None:
    for text in (
        "On Saturday at 3 p.m., the attack began.",
        "The attack began at 3 p.m. on Saturday.",
    ):
        events = extract_timeline(text, published="2021-03-30").events
        assert len(events) == 1, events
        assert events[0].trigger == "began"
        assert events[0].start == date(2021, 3, 27)
        assert events[0].expression is not None
        assert events[0].expression.value == "2021-03-27T15:00"


def test_one_trigger_dated_twice_apart_keeps_both_events() -> None:
    events = extract_timeline(
        "He was elected in 2010 and again in 2014.", published="2021-03-30"
    ).events
    assert [(e.trigger, e.start) for e in events] == [
        ("elected", date(2010, 1, 1)),
        ("elected", date(2014, 1, 1)),
    ]


def test_a_year_and_a_month_of_it_date_one_event_by_the_month() -> None:
    events = extract_timeline(
        "The plant was shut in 2020, in December of that year, after the flood.",
        published="2021-03-30",
    ).events
    assert len(events) == 1, events
    assert (events[0].start, events[0].end) == (date(2020, 12, 1), date(2020, 12, 31))


def test_descriptions_keep_clock_times_and_numbers_whole() -> None:
    timeline = extract_timeline(
        "The company sold 1,000 shares at 3:15 p.m. on Monday, it said.",
        published="2021-03-30",
    )
    sold = [e for e in timeline.events if e.trigger == "sold"]
    assert sold, timeline.events
    assert sold[0].description.startswith("The company sold 1,000 shares")


def test_before_the_end_of_a_year_ends_before_its_last_third() -> None:
    (event,) = extract_timeline(
        "The plant will close before the end of the year.", published="2021-03-30"
    ).events
    assert (event.relation, event.start, event.end) == ("before", None, date(2021, 8, 31))


def test_a_day_named_with_a_possessive_leaves_no_stray_s_in_the_description() -> None:
    events = extract_timeline(
        "Friday's jobs report showed 272,000 new jobs in May.", published="2021-06-09"
    ).events
    assert events
    assert not any(e.description.startswith(("'s", "’s")) for e in events), events


def test_a_dateline_dash_typed_as_a_hyphen_ends_the_dateline() -> None:
    for text in (
        "WASHINGTON, June 12 (Reuters) - The Federal Reserve held rates steady.",
        "The company - which was founded in 1998 - went public in 2004.",
    ):
        events = extract_timeline(text, published="2024-06-12").events
        assert events, text
        assert not any(e.description.startswith("-") for e in events), events
        assert not any(" - " in e.description for e in events), events


def test_a_present_verb_after_its_subject_is_the_trigger_not_a_place_after_it() -> None:
    for text, trigger in (
        ("The G7 summit opens in Italy on Thursday.", "opens"),
        ("The Olympics open in Paris on July 26.", "open"),
        ("The Yankees play the Red Sox on Friday night.", "play"),
    ):
        events = extract_timeline(text, published="2024-06-12").events
        assert [e.trigger for e in events] == [trigger], text


def test_a_plural_subject_before_its_auxiliary_is_no_trigger() -> None:
    events = extract_timeline(
        "The tax rates were lower a year ago.", published="2024-06-12"
    ).events
    assert all(e.trigger != "rates" for e in events), events


def test_no_earlier_than_a_day_starts_on_that_day() -> None:
    (event,) = extract_timeline(
        "The spacecraft will launch no earlier than Sept. 24.", published="2024-06-12"
    ).events
    assert (event.relation, event.start, event.end) == ("after", date(2024, 9, 24), None)
    assert event.description == "The spacecraft will launch"


def test_before_or_after_a_clock_time_is_on_its_day() -> None:
    for text, start, end in (
        ("The quake struck shortly before 8 a.m. on Friday.", None, date(2024, 6, 7)),
        ("Police arrived shortly after 3 p.m. on Friday.", date(2024, 6, 7), None),
    ):
        events = extract_timeline(text, published="2024-06-12").events
        placed = [(e.start, e.end) for e in events if e.relation in ("before", "after")]
        assert placed == [(start, end)], (text, events)


def test_common_news_verbs_missing_from_the_lexicon_trigger_their_events() -> None:
    for text, trigger in (
        ("The Celtics can clinch the title on Monday.", "clinch"),
        ("Temperatures will peak on Thursday.", "peak"),
        ("The offer is scheduled to expire on Friday.", "expire"),
    ):
        events = extract_timeline(text, published="2024-06-12").events
        assert [e.trigger for e in events] == [trigger], (text, events)
