"""Narratives and events dated through other events (issue 4).

The Apollo fixture is a history written for these tests; every expected value below was
checked by hand against the text (and the history).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline import Event, extract_timeline
from timeline.resolve import add_duration


def _by_trigger(text: str, published: str) -> dict[str, Event]:
    """The events of ``text`` by their trigger word."""
    return {e.trigger: e for e in extract_timeline(text, published=published).events}


FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "narrative-apollo.txt"

# (expression, TIMEX3 value, trigger of the event it dates)
APOLLO: list[tuple[str, str, str]] = [
    ("October 1957", "1957-10", "began"),
    ("April 1961", "1961-04", "became"),
    ("May 25, 1961", "1961-05-25", "asked"),
    ("February 1962", "1962-02", "orbited"),
    ("September", "1962-09", "selected"),
    ("that month", "1962-09", "spoke"),
    ("November 1963", "1963-11", "assassinated"),
    ("March 1965", "1965-03", "flew"),
    ("January 27, 1967", "1967-01-27", "killed"),
    ("October 1968", "1968-10", "launched"),
    ("Two months later", "1968-12", "carried"),
    ("December 24", "1968-12-24", "read"),
    ("March 1969", "1969-03", "tested"),
    ("May", "1969-05", "rehearsed"),
    ("July 16, 1969", "1969-07-16", "lifted"),
    ("Four days later", "1969-07-20", "landed"),
    ("July 24", "1969-07-24", "returned"),
    ("November", "1969-11", "landed"),
    ("April 1970", "1970-04", "exploded"),
    ("April 17", "1970-04-17", "returned"),
    ("September 1970", "1970-09", "cancelled"),
    ("February 1971", "1971-02", "reached"),
    ("February 6", "1971-02-06", "hit"),
    ("July", "1971-07", "carried"),
    ("April 1972", "1972-04", "explored"),
    ("December 7", "1972-12-07", "launched"),
    ("December 14, 1972", "1972-12-14", "left"),
    ("1973", "1973", "launched"),
    ("February 1974", "1974-02", "hosted"),
    ("The following year", "1975", "docked"),
    ("July", "1975-07", "flew"),
    ("July 1979", "1979-07", "fell"),
    ("April 1981", "1981-04", "flew"),
    ("the 1990s", "199X", "helped"),
]


@pytest.fixture(scope="module")
def apollo() -> list[Event]:
    timeline = extract_timeline(FIXTURE.read_text(encoding="utf-8"))
    assert timeline.domain == "narrative"  # no publication date: the documented auto choice
    return timeline.events


def test_the_apollo_narrative_resolves_fully(apollo: list[Event]) -> None:
    dated = [(e.expression.text, e.expression.value, e.trigger) for e in apollo if e.expression]
    for row in APOLLO:
        assert row in dated, row
    assert len(APOLLO) >= 30
    assert all("X" not in value or value == "199X" for _, value, _ in dated)


def test_the_apollo_events_are_in_time_order(apollo: list[Event]) -> None:
    starts = [e.start or e.end for e in apollo]
    assert starts == sorted(s for s in starts if s is not None)


def test_yearless_names_take_the_year_the_story_is_in() -> None:
    tl = extract_timeline("In 1939 Germany invaded Poland. In September, Britain declared war.")
    assert [(e.text, e.value) for e in tl.expressions] == [
        ("1939", "1939"),
        ("September", "1939-09"),
    ]


def test_news_still_uses_the_publication_date() -> None:
    tl = extract_timeline(
        "In 1939 Germany invaded Poland. In September, Britain declared war.",
        published="2021-03-30",
    )
    assert tl.domain == "news"
    assert tl.expressions[1].value == "2020-09"


def test_narrative_can_be_asked_for_with_a_publication_date() -> None:
    tl = extract_timeline(
        "In 1939 Germany invaded Poland. In September, Britain declared war.",
        published="2021-03-30",
        domain="narrative",
    )
    assert tl.expressions[1].value == "1939-09"
    assert tl.expressions[1].reference == "expression '1939'"


def test_a_narrative_without_any_date_stays_underspecified() -> None:
    tl = extract_timeline("In September, Britain declared war.")
    assert tl.expressions[0].value == "XXXX-09"


# ------------------------------------------------------------- anchored events


def test_within_a_month_counts_from_the_last_dated_event() -> None:
    text = (
        "Police arrested the mayor in October 2020. Within a month, prosecutors "
        "dropped the charges."
    )
    tl = extract_timeline(text, published="2021-03-30")
    dropped = next(e for e in tl.events if e.trigger == "dropped")
    assert (dropped.start, dropped.end) == (date(2020, 10, 1), date(2020, 11, 30))
    assert dropped.placement == "anchored"
    assert dropped.anchor.startswith("event 'arrested'")


def test_within_in_a_clause_looking_ahead_counts_from_publication() -> None:
    text = (
        "The merger was completed on Feb. 28. The storm will make landfall within 48 "
        "hours. The firm expects to finish the work within a year."
    )
    tl = extract_timeline(text, published="2021-03-30")
    landfall = next(e for e in tl.events if e.trigger == "make")
    assert (landfall.start, landfall.end) == (date(2021, 3, 30), date(2021, 4, 1))
    assert (landfall.relation, landfall.anchor) == ("within", "published 2021-03-30")
    finish = next(e for e in tl.events if e.trigger == "finish")
    assert (finish.start, finish.end) == (date(2021, 3, 30), date(2022, 3, 30))


def test_a_past_form_after_a_base_verb_is_an_adjective_not_the_clause_past() -> None:
    # "treated water": the plan looks ahead, counted from publication, not from the
    # decade told before it; and the event is the release
    text = (
        "A decade later, some residents have still not returned home. The government "
        "plans to release treated water into the sea within two years."
    )
    release = next(
        e for e in extract_timeline(text, published="2021-03-30").events if e.relation == "within"
    )
    assert (release.start, release.end, release.trigger) == (
        date(2021, 3, 30),
        date(2023, 3, 30),
        "release",
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # "in" a whole length ahead: the unit it counts, that many on from publication
        ("The board will meet in two weeks.", date(2021, 4, 12), date(2021, 4, 18)),
        ("The results will be published in three months.", date(2021, 6, 1), date(2021, 6, 30)),
        ("The bridge will reopen in 10 days.", date(2021, 4, 9), date(2021, 4, 9)),
        ("The plant will close in two years.", date(2023, 1, 1), date(2023, 12, 31)),
        # a period with bounds of its own is no distance
        ("The firm will cut jobs in the next two years.", date(2021, 3, 30), date(2023, 3, 30)),
    ],
)  # fmt: skip
def test_in_a_length_ahead_counts_from_publication(text: str, start: date, end: date) -> None:
    (event,) = extract_timeline(text, published="2021-03-30").events
    assert (event.start, event.end) == (start, end)


def test_in_a_length_told_in_the_past_is_no_distance_from_publication() -> None:
    # "finished the work in two weeks": how long it took
    tl = extract_timeline("They finished the work in two weeks.", published="2021-03-30")
    assert tl.events == []


def test_within_after_would_counts_from_the_reported_day() -> None:
    text = "The agency said on March 15 that it would review the case within 90 days."
    tl = extract_timeline(text, published="2021-03-30")
    review = next(e for e in tl.events if e.trigger == "review")
    assert (review.start, review.end) == (date(2021, 3, 15), date(2021, 6, 13))


def test_hours_after_an_event_fall_on_its_day_or_the_next() -> None:
    text = "A blast hit the market on March 3, 2020. Two hours after the blast, police arrived."
    tl = extract_timeline(text, published="2021-03-30")
    arrived = next(e for e in tl.events if e.trigger == "arrived")
    assert (arrived.start, arrived.end) == (date(2020, 3, 3), date(2020, 3, 4))


def test_a_duration_after_an_event_noun_shifts_that_event() -> None:
    text = (
        "The attack happened on June 3, 2020. Two weeks after the attack, the government resigned."
    )
    tl = extract_timeline(text, published="2021-03-30")
    resigned = next(e for e in tl.events if e.trigger == "resigned")
    assert (resigned.start, resigned.end) == (date(2020, 6, 17), date(2020, 6, 17))


def test_a_month_later_hangs_on_the_date_before_it() -> None:
    tl = extract_timeline(
        "The bank failed in March 2008. A month later, regulators met.", published="2021-03-30"
    )
    later = next(e for e in tl.expressions if e.text == "A month later")
    assert later.value == "2008-04"
    assert later.reference == "expression 'March 2008'"


def test_signals_place_undated_clauses_after_a_dated_event() -> None:
    text = (
        "Police arrested the mayor in October 2020. The council resigned shortly after "
        "police arrested the mayor."
    )
    tl = extract_timeline(text, published="2021-03-30")
    resigned = next(e for e in tl.events if e.trigger == "resigned")
    assert resigned.placement == "signal"
    assert resigned.relation == "after"
    assert (resigned.start, resigned.end) == (date(2020, 10, 1), None)
    arrested = next(e for e in tl.events if e.trigger == "arrested")
    assert tl.events.index(arrested) < tl.events.index(resigned)


def test_before_gives_an_upper_bound() -> None:
    tl = extract_timeline(
        "Officials weighed the risks before a jury indicted him in 2019.", published="2021-03-30"
    )
    weighed = next(e for e in tl.events if e.trigger == "weighed")
    assert (weighed.start, weighed.end, weighed.relation) == (None, date(2019, 12, 31), "before")


def test_events_without_any_date_are_counted_not_ordered() -> None:
    tl = extract_timeline(
        "The minister resigned. Protesters gathered outside. It rained.", published="2021-03-30"
    )
    assert tl.events == []
    assert [e.trigger for e in tl.undated] == ["resigned", "gathered", "rained"]
    assert all(e.start is None and e.end is None and e.placement == "undated" for e in tl.undated)


@pytest.mark.parametrize(
    ("day", "duration", "sign", "expected"),
    [
        (date(2020, 10, 31), "P1M", 1, date(2020, 11, 30)),
        (date(2020, 1, 31), "P1M", 1, date(2020, 2, 29)),
        (date(2020, 3, 15), "P2W", -1, date(2020, 3, 1)),
        (date(2020, 3, 15), "P1Y2M", 1, date(2021, 5, 15)),
        (date(9999, 12, 1), "P1M", 1, None),
        (date(2020, 3, 15), "PXM", 1, None),
    ],
)
def test_add_duration(day: date, duration: str, sign: int, expected: date | None) -> None:
    assert add_duration(day, duration, sign) == expected


def test_a_month_or_day_of_a_relative_year_keeps_its_month_without_a_reference() -> None:
    for text, value in (
        ("The plant closed in June last year.", "XXXX-06"),
        ("The plant closed on March 3 last year.", "XXXX-03-03"),
    ):
        tl = extract_timeline(text)
        assert [e.value for e in tl.expressions] == [value], text


def test_a_history_told_with_following_and_anchored_lengths() -> None:
    text = (
        "The Berlin Wall was built in August 1961. For the next 28 years it divided the "
        "city. On the night of November 9, 1989, border guards opened the gates. "
        "Demolition began the following June. Germany was reunified on October 3, 1990, "
        "less than a year after the wall fell."
    )
    timeline = extract_timeline(text)
    got = [(e.description, e.start, e.end) for e in timeline.events]
    assert got == [
        ("The Berlin Wall was built", date(1961, 8, 1), date(1961, 8, 31)),
        ("it divided the city", date(1961, 8, 1), date(1989, 8, 1)),
        ("border guards opened the gates", date(1989, 11, 9), date(1989, 11, 9)),
        ("Demolition began", date(1990, 6, 1), date(1990, 6, 30)),
        # "less than a year after the wall fell": some time before the reunification
        ("the wall fell", None, date(1990, 10, 3)),
        ("Germany was reunified", date(1990, 10, 3), date(1990, 10, 3)),
    ]


def test_a_length_counted_back_from_an_event_is_before_it() -> None:
    text = "Police arrested him on March 3. Two days before his arrest, he fled."
    events = _by_trigger(text, "2021-03-30")
    fled = events["fled"]
    assert (fled.relation, fled.placement, fled.start) == ("before", "anchored", date(2021, 3, 1))


def test_a_length_later_than_something_compares_and_places_nothing() -> None:
    # "a week later than planned" says by how much the date slipped: the plan is no event
    # a week after the report
    text = "The company will report results on Oct. 28, a week later than planned."
    events = extract_timeline(text, published="2021-09-15").events
    assert [(e.trigger, e.start) for e in events] == [("report", date(2021, 10, 28))]


def test_a_count_before_a_clause_signal_places_the_other_clause_at_that_distance() -> None:
    text = (
        "The governor signed the bill into law on Tuesday, two weeks after it passed the "
        "legislature."
    )
    events = _by_trigger(text, "2021-03-30")
    passed = events["passed"]
    # on the day two weeks back, not any time before it
    assert (passed.relation, passed.placement) == ("in", "anchored")
    assert (passed.start, passed.end) == (date(2021, 3, 16), date(2021, 3, 16))


def test_within_minutes_counts_from_the_day_of_an_event_bounded_before_a_time() -> None:
    text = (
        "Cameras recorded a figure near the building shortly before 11 p.m. on Friday. "
        "Firefighters arrived within minutes."
    )
    events = _by_trigger(text, "2021-11-04")
    arrived = events["arrived"]
    assert (arrived.placement, arrived.start, arrived.end) == (
        "anchored",
        date(2021, 10, 29),
        date(2021, 10, 30),
    )


def test_after_a_noun_names_the_event_its_subject_names_not_a_noun_of_its_phrases() -> None:
    named = (
        "The bombing killed 12 people on Monday. "
        "Two days after the bombing, police arrested a suspect."
    )
    events = _by_trigger(named, "2021-03-30")
    assert events["arrested"].start == date(2021, 3, 31)
    # the shooting is only in a phrase of the man who pleaded guilty: no anchor
    unnamed = (
        "A man accused of killing three people in a shooting pleaded guilty on Wednesday. "
        "He was arrested minutes after the shooting."
    )
    events = _by_trigger(unnamed, "2021-03-30")
    assert "arrested" not in events


def test_the_next_decades_of_a_past_clause_follow_the_date_told() -> None:
    text = (
        "In 1968 she helped organize the Poor People's Campaign, and for the next three "
        "decades she ran a health clinic in rural Mississippi."
    )
    events = _by_trigger(text, "2021-07-21")
    ran = events["ran"]
    assert (ran.start, ran.end) == (date(1968, 1, 1), date(1998, 1, 1))
    # what is said of the years ahead still counts from publication
    ahead = "He said he would hire 500 people over the next two years."
    (hire,) = extract_timeline(ahead, published="2021-07-21").events
    assert (hire.start, hire.end) == (date(2021, 7, 21), date(2023, 7, 21))


def test_within_a_length_of_a_noun_counts_from_the_event_it_names_or_not_at_all() -> None:
    named = "Police arrested him on March 3. He was charged within a week of his arrest."
    events = _by_trigger(named, "2021-03-30")
    charged = events["charged"]
    assert (charged.start, charged.end, charged.description) == (
        date(2021, 3, 3),
        date(2021, 3, 10),
        "He was charged",
    )
    # no dated event is the shooting: the last one told (the Thanksgiving ahead) is not it
    unnamed = (
        "The judge hopes to send the case to the jury before Thanksgiving. Two of the "
        "defendants were arrested within a week of the shooting."
    )
    events = _by_trigger(unnamed, "2021-03-03")
    assert "arrested" not in events
    # looking ahead, the noun still names the anchor: not the publication date
    ahead = "Passengers must show a negative test taken within 72 hours of departure."
    assert extract_timeline(ahead, published="2021-03-30").events == []
    filed = (
        "The merger closed on Monday. The company must file a report within 30 days of the merger."
    )
    report = _by_trigger(filed, "2021-03-30")["file"]
    assert (report.start, report.end) == (date(2021, 3, 29), date(2021, 4, 28))


def test_a_year_counted_from_a_century_is_unknown_but_a_decade_from_a_decade_is_not() -> None:
    text = (
        "By the late 18th century the population had reached 600,000. The following "
        "year, riots broke out. During the 1930s the old town was rebuilt, and a decade "
        "later much of it was destroyed."
    )
    values = {e.text: e.value for e in extract_timeline(text).expressions}
    assert values["The following year"] == "XXXX"
    assert values["a decade later"] == "1940"


def test_a_noun_after_since_that_has_its_own_verb_is_that_clause_subject() -> None:
    text = "The agency has received 1,200 complaints since the rule took effect on Jan. 1."
    received = _by_trigger(text, "2022-03-15")["received"]
    assert (received.relation, received.start, received.end) == (
        "since",
        date(2022, 1, 1),
        date(2022, 3, 15),
    )


def test_a_length_after_that_counts_from_the_date_last_told() -> None:
    text = (
        "In 1903 the couple shared the Nobel Prize. Pierre died in a street accident three"
        " years after that."
    )
    died = next(e for e in extract_timeline(text).events if e.trigger == "died")
    assert (died.start, died.end) == (date(1906, 1, 1), date(1906, 12, 31))


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        # the last month and the last week of year 9999: no day after Dec. 31, 9999
        ("The board will meet in six months.", "9999-06-01", date(9999, 12, 1), date(9999, 12, 31)),
        ("The board will meet in two weeks.", "9999-12-16", date(9999, 12, 27), date(9999, 12, 31)),
    ],
)  # fmt: skip
def test_in_a_length_ahead_stops_at_the_last_day_there_is(
    text: str, published: str, start: date, end: date
) -> None:
    (event,) = extract_timeline(text, published=published).events
    assert (event.start, event.end) == (start, end)


def test_a_length_of_days_or_hours_later_counts_from_the_last_day_told() -> None:
    # the trial "in 1998" is told last, but "hours later" counts from a day: the ruling's
    text = (
        "An appeals court on Monday overturned the conviction of a man jailed for a "
        "1997 murder. The judges ruled that evidence had been withheld at his trial in "
        "1998. He was released hours later."
    )
    released = _by_trigger(text, "2021-03-30")["released"]
    assert (released.start, released.end) == (date(2021, 3, 29), date(2021, 3, 30))
    # and "within 30 days" after a range of years told last counts from the sentencing
    text = (
        "A former treasurer was sentenced on Friday for embezzling funds between 2014 "
        "and 2019. The judge ordered him to surrender to authorities within 30 days."
    )
    surrender = _by_trigger(text, "2021-03-30")["surrender"]
    assert (surrender.start, surrender.end) == (date(2021, 3, 26), date(2021, 4, 25))
    # a length of years still counts from the year
    text = "The plant opened in 1998. Two years later, it closed."
    assert _by_trigger(text, "2021-03-30")["closed"].start == date(2000, 1, 1)


def test_a_length_since_an_event_counts_back_from_the_day_that_marks_it() -> None:
    # "10 years since the earthquake": the earthquake ten years before Friday, not
    # something going on since Friday
    text = "Friday marks 10 years since the earthquake that killed 18,000 people."
    killed = _by_trigger(text, "2021-03-30")["killed"]
    assert (killed.start, killed.end, killed.relation) == (
        date(2011, 4, 2),
        date(2011, 4, 2),
        "in",
    )
    assert killed.placement == "anchored"


@pytest.mark.parametrize(
    ("text", "trigger", "start", "end"),
    [
        # a signal that opens the sentence governs the clause past its comma
        (
            "After the fire started on Monday, residents were evacuated.",
            "evacuated",
            date(2021, 3, 29),
            None,
        ),
        (
            "Since taking office in January, the president has signed 40 executive orders.",
            "signed",
            date(2021, 1, 1),
            date(2021, 3, 30),
        ),
        (
            "When the storm hit on Monday, thousands lost power.",
            "lost",
            date(2021, 3, 29),
            date(2021, 3, 29),
        ),
        # after its count: that far from the other side
        (
            "The fire started on Monday. Two days after the fire started, residents were "
            "evacuated.",
            "evacuated",
            date(2021, 3, 31),
            date(2021, 3, 31),
        ),
    ],
)
def test_a_fronted_signal_places_the_main_clause(
    text: str, trigger: str, start: date, end: date | None
) -> None:
    event = _by_trigger(text, "2021-03-30")[trigger]
    assert (event.start, event.end) == (start, end)


def test_the_end_of_a_range_is_no_clause_signal() -> None:
    # "until mid-2014" closes the range: "until" introduces the date, not "then served"
    text = "She ran its tanker division from 2008 until mid-2014 and then served as finance chief."
    events = extract_timeline(text, published="2021-03-30").events
    assert [(e.trigger, e.start, e.end) for e in events] == [
        ("ran", date(2008, 1, 1), date(2014, 8, 31))
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "relation", "start", "end"),
    [
        (
            "The rule was invoked in March 2020 and has been used 1.9 million times since then.",
            "used",
            "since",
            date(2020, 3, 1),
            date(2022, 5, 20),
        ),
        (
            "He joined the company in 2010. Since then, he has run three divisions.",
            "run",
            "since",
            date(2010, 1, 1),
            date(2022, 5, 20),
        ),
        (
            "The plant will close in June. By then, most workers will have retired.",
            "retired",
            "by",
            None,
            date(2022, 6, 30),
        ),
        (
            "He was elected in 2016. Until that time, he had never held office.",
            "held",
            "until",
            None,
            date(2016, 12, 31),
        ),
        (
            "The talks collapsed on Monday. After that, both sides left the city.",
            "left",
            "after",
            date(2022, 5, 16),
            None,
        ),
    ],
)
def test_a_signal_and_an_anaphor_place_a_clause_against_the_date_last_told(
    text: str, trigger: str, relation: str, start: date | None, end: date | None
) -> None:
    event = _by_trigger(text, "2022-05-20")[trigger]
    assert (event.relation, event.start, event.end, event.placement) == (
        relation,
        start,
        end,
        "signal",
    )


@pytest.mark.parametrize(
    "text",
    [
        "He was elected in 2016. He was appointed by then-President Obama.",
        "The talks collapsed on Monday. After that meeting, both sides left.",
    ],
)
def test_a_then_or_that_modifying_a_noun_places_nothing(text: str) -> None:
    assert [e.trigger for e in extract_timeline(text, published="2022-05-20").events] == [
        "collapsed" if "talks" in text else "elected"
    ]


def test_a_signal_after_a_comma_and_and_has_no_verb_of_the_clause_before() -> None:
    # the second "after" shares "came"; "passed" is the first signal's own clause
    text = (
        "The vote came a week after the Senate passed its version, and three months after "
        "the president sent his proposal to Congress in early July."
    )
    assert "passed" not in _by_trigger(text, "2024-09-27")


def test_since_then_after_a_range_counts_from_its_end() -> None:
    text = (
        "Between 2000 and 2015, malaria deaths fell by nearly half. "
        "Since then, funding has flattened."
    )
    flattened = _by_trigger(text, "2023-11-30")["flattened"]
    assert (flattened.relation, flattened.start, flattened.end) == (
        "since",
        date(2015, 1, 1),
        date(2023, 11, 30),
    )


def test_the_signal_of_a_hedged_date_is_no_clause_signal() -> None:
    # "until at least 2030" is the date's: no clause after "until" to place
    text = "The agency said it would take until at least 2030 to reach the targets set in 2016."
    events = extract_timeline(text, published="2023-11-30").events
    assert sorted(e.expression.text for e in events if e.expression is not None) == ["2016", "2030"]
    assert len(events) == 2


def test_a_verb_after_and_past_the_signals_noun_is_not_the_signalled_clause() -> None:
    # "remained" is the teacher's second verb, not what came "until" the retirement
    text = (
        "He taught at Emory University until his retirement in 2005 and remained active "
        "in civic life afterward."
    )
    assert "remained" not in _by_trigger(text, "2023-06-04")
    # "he and his wife returned": the clause goes on past the subject's "and"
    text = "He was shot on Oct. 23, shortly after he and his wife returned home."
    assert _by_trigger(text, "1998-11-21")["returned"].relation == "before"
