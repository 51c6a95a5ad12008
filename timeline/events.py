"""Events: the trigger, a concise description and the relation for each dated clause.

For every expression with calendar bounds, the verb that governs it (from the analysis)
is the trigger; the description is the clause around the trigger with the temporal
expression and its signal cut out; the signal becomes the relation, and the relation
turns the expression's bounds into the event's interval.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .recognize.lexicon import lexicon
from .recognize.signals import LENGTH_END_GAP, OF_GAP, WHICH_BEFORE_END
from .resolve import add_duration, in_days, stretch_at_edge
from .text import (
    Analysis,
    Token,
    closes_abbreviation,
    delayed_from,
    delayed_until,
    grammar_words,
    is_aside,
    is_attribution,
    is_base_form,
    is_content_verb,
    is_ending_verb,
    is_hometown,
    is_intransitive,
    is_past_form,
    is_past_verb,
    opens_with_a_share_of_whom,
    past_kind,
    possessive_at,
    start_word_before,
    superlative_before,
    token_index,
    word_past_an_adverb,
)
from .types import Event, Granularity, Placement, Relation, Tense, TimeExpression

__all__ = [
    "CROWDED",
    "build_events",
    "crowded_sentences",
    "describe",
    "event_at",
    "event_interval",
    "is_count",
    "phrase_of",
    "relation_of",
    "relation_of_signal",
    "signal_start",
]

_RELATIONS: dict[str, Relation] = {
    "in": "in",
    "on": "on",
    "at": "at",
    "at about": "at",  # "at about 2:30 a.m."
    "at around": "at",
    "on or about": "on",
    "of": "in",
    "during": "during",
    "throughout": "during",
    "over": "during",
    "since": "since",
    "since at least": "since",  # "has operated since at least 2019"
    "since as early as": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    # "closed until at least Oct. 19": open beyond that day, but until it for sure
    "until at least": "until",
    "till at least": "until",
    "through at least": "until",
    "to": "until",
    "by": "by",
    "no later than": "by",
    "not later than": "by",
    "before": "before",
    "prior to": "before",
    "ahead of": "before",
    "earlier than": "before",
    "after": "after",
    "following": "after",
    "later than": "after",
    # "will launch no earlier than Sept. 24": on that day or after it; "after" is the
    # nearest relation ("earlier than" alone would make it "before")
    "no earlier than": "after",
    "not earlier than": "after",
    "no sooner than": "after",
    "within": "within",
    "for": "for",
    "as of": "on",
}

# ("-" and "_" alone are the dashes of wire copy: "WASHINGTON _ The economy …")
_BREAK_TOKENS = frozenset(
    {",", ";", ":", "“", "”", '"', "(", ")", "–", "—", "-", "_", ".", "!", "?"}
)
_MAX_LEFT, _MAX_RIGHT = 10, 10


def relation_of_signal(signal: str) -> Relation:
    """The event relation a signal word names ("till" → "until"; "in" when unknown)."""
    return _RELATIONS.get(signal, "in")


def relation_of(expression: TimeExpression, text: str) -> Relation:
    """The event relation named by the expression's signal ("in" when there is none)."""
    return _relation(expression, text, start_word_before(text, expression.span[0]))


def _relation(expression: TimeExpression, text: str, starts: int | None) -> Relation:
    """`relation_of`, given where a start word before the expression begins (``starts``,
    see `start_word_before`), which the event's trigger search needs too."""
    if expression.range_role == "start":
        return "from…to"
    signal = expression.signal or ""
    if expression.tense in ("future", "present") and (signal == "from" or starts is not None):
        # "restrictions will be eased from April 12", "starting on Monday": begun then,
        # with no end told; told in the past ("lived in London from 1968") it has
        # ended, when is not said, and the date is the one known
        return "since"
    if signal == "to" and _goes_back_to(text, expression.span[0]):
        return "since"  # "the feud dates back to 2016": begun then, going on
    if signal == "to" and possessive_at(text, expression.span[1]):
        return "in"  # "reacted to Friday's jobs report": to the thing of that day
    if signal == "through" and _a_period_with_its_article(expression):
        # "worked through the night", "Through the 1970s, volunteers hauled …": across
        # it, not up to it
        return "during"
    if not signal:
        # "Classes begin Aug. 19", "the 3 p.m. session": what the date's own
        # preposition would have been
        return _RELATION_WITHOUT_A_SIGNAL.get(expression.granularity, "in")
    return _RELATIONS.get(signal, "in")


_RELATION_WITHOUT_A_SIGNAL: dict[str, Relation] = {"day": "on", "minute": "at", "hour": "at"}


def _a_period_with_its_article(expression: TimeExpression) -> bool:
    """ "the night", "the 1970s", "the weekend": a part of a day or a period named by
    it alone, whole ("the end of March" is a point to go up to)."""
    return (
        expression.text[:4].lower() == "the "
        and expression.mod is None
        and (
            _PART_OF_DAY_VALUE.fullmatch(expression.value) is not None
            or expression.granularity in _PERIODS_GONE_THROUGH
        )
    )


_PERIODS_GONE_THROUGH = frozenset(
    {"century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend"}
)


# "2024-05-13TNI", "1998-XX-XXTNI" (a night of some day that year)
_PART_OF_DAY_VALUE = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T[A-Z]{2}")


def _goes_back_to(text: str, start: int) -> bool:
    """ "dates back to", "goes back to", "traced back to", "retroactive to" right before
    ``start``."""
    before = text[max(0, start - 30) : start].lower().split()
    if len(before) >= 2 and before[-2] in grammar_words().predicates_of_the_clause_before:
        return before[-1] == "to"  # "raised wages 3 percent, retroactive to January 1"
    return (
        len(before) >= 3
        and before[-2:] == ["back", "to"]
        and before[-3] in grammar_words().verbs_going_back
    )


def event_interval(
    relation: Relation,
    expression: TimeExpression,
    *,
    published: date | None,
    end_expression: TimeExpression | None = None,
) -> tuple[date | None, date | None]:
    """The event's interval that ``relation`` makes of the expression's bounds."""
    start, end = expression.start, expression.end
    if relation == "from…to":
        return _range_interval(expression, end_expression)
    if relation == "since":
        return start, published if published and start and published >= start else None
    if relation in ("until", "by"):
        return None, end
    within_a_day = expression.granularity in _WITHIN_A_DAY
    if relation == "before":
        # "shortly before 8 a.m.": earlier that same day, not by the day before; "before
        # the end of the year": by the year's end, not before its last months begin
        return None, end if within_a_day or expression.mod == "END" else _shift(start, -1)
    if relation == "after":
        # "after the start of the year" is any time after it began
        inclusive = (
            within_a_day
            or expression.signal in grammar_words().signals_on_or_after
            or expression.mod == "START"
        )
        return start if inclusive else _shift(end, 1), None
    # "in 2025 or later" (ON_OR_AFTER), "more than four decades ago" (BEFORE): open on
    # one side; a day's bound takes the day in ("just over an hour later" that day)
    day_or_finer = expression.granularity in _DAY_OR_FINER
    if expression.mod == "ON_OR_AFTER" or (expression.mod == "AFTER" and day_or_finer):
        return start, None
    if expression.mod == "AFTER":
        return _shift(end, 1), None
    if expression.mod == "ON_OR_BEFORE" or (expression.mod == "BEFORE" and day_or_finer):
        return None, end
    if expression.mod == "BEFORE":
        return None, _shift(start, -1)
    return start, end


# granularities finer than a day: "before 8 a.m." still falls on that day
_WITHIN_A_DAY = frozenset({"part_of_day", "hour", "minute", "second"})
_DAY_OR_FINER = _WITHIN_A_DAY | {"day"}
# signals of "after" that take the day itself in: "no earlier than Sept. 24"


def _range_interval(
    first: TimeExpression, second: TimeExpression | None
) -> tuple[date | None, date | None]:
    """ "from 2012 to 2018": the first's start to the second's end.  Ends named the other
    way round ("from 2018 to 2012") give the stretch that covers both, not an interval
    that ends before it starts."""
    if second is None:
        return first.start, first.end
    start, end = first.start, second.end
    if start is not None and end is not None and end < start:
        starts = [d for d in (first.start, second.start) if d is not None]
        ends = [d for d in (first.end, second.end) if d is not None]
        return min(starts), max(ends)
    return start, end


def _shift(day: date | None, days: int) -> date | None:
    if day is None:
        return None
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def build_events(
    expressions: Sequence[TimeExpression],
    analysis: Analysis,
    *,
    published: date | None,
    reference_text: str,
) -> list[Event]:
    """One event per dated expression (a "from … to" pair makes one), in text order.

    A sentence crowded with expressions (more than `CROWDED`: a table of dates, "May May
    May …") yields no events: it has no clause to describe, and looking for one per
    expression would make such text cost far more than prose.
    """
    events: list[Event] = []
    # events dated through a noun's date ("after a sharp drop in April"): dropped when
    # their clause has a date of its own
    through_a_noun: set[int] = set()
    skip_next = False
    crowded = crowded_sentences(expressions)
    modifiers = _subject_modifiers(expressions, analysis)
    # each expression's description leaves out the modifiers of its own sentence only:
    # handing every one of the document's to every event made long texts quadratic
    beside_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for expression in expressions:
        modifier = modifiers.get(expression.span[0])
        if modifier is not None:
            beside_by_sentence.setdefault(expression.sentence, []).append(modifier.phrase)
    for i, expression in enumerate(expressions):
        if skip_next:
            skip_next = False
            continue
        if not _dates_an_event(expression) or expression.sentence in crowded:
            continue
        if delayed_from(analysis.text, expression.span[0]):
            continue  # "postponed from May 5 to May 12": the vote is not on May 5 now
        previous = expressions[i - 1] if i else None
        if _dates_a_part_of_the_total(expression, analysis.text):
            # "300 dead, including 114 on Saturday": not when the 300 died (a when-clause
            # after the date is still its own)
            events.extend(_when_clause_events(expression, analysis, published, reference_text))
            continue
        if expression.range_role == "start" and _superlative_since_a_range(expression, analysis):
            skip_next = True  # "the worst since the 2014-2016 epidemic": when it last was
            continue
        if expression.range_role is None and _is_comparison_base(
            expression, analysis.text, previous
        ):
            # "6.8% from Oct. 13, when Wall Street's plunge helped spark …": the date
            # still dates its own when-clause
            # (a when-clause only: "their lowest since February, as traders worried"
            # tells why the figure moved now, not what happened in February)
            events.extend(
                _when_clause_events(
                    expression, analysis, published, reference_text, relative_only=True
                )
            )
            continue
        record = _record_date_event(expression, analysis, published)
        if record is not None:
            events.append(record)
            continue
        end_expression = None
        if expression.range_role == "start" and i + 1 < len(expressions):
            end_expression = expressions[i + 1]
            skip_next = True
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        if following is not None and _closes_length(expression, following, analysis.text):
            skip_next = True  # "the three months to June 30": the day dates nothing apart
        partner = end_expression
        if following is not None and _one_phrase(
            expression, expression.span[1], following, analysis.text
        ):
            partner = following
        stop = _next_date_start(expressions, i, partner, analysis)
        noun_signal = _signal_of_noun_phrase(expression, analysis.text, previous)
        event = _event_for(
            expression,
            end_expression,
            analysis,
            published,
            reference_text,
            following,
            stop,
            beside=_beside(
                beside_by_sentence.get(expression.sentence, ()), previous, expression, analysis.text
            ),
            lead=(
                previous
                if _leads_in(previous, expression, analysis.text)
                or (
                    noun_signal is not None
                    and _counts_up_to(previous, noun_signal.start, analysis.text)
                )
                else None
            ),
            noun_phrase=noun_signal,
        )
        if event is not None and _dates_its_object_only(expression, event, analysis.text):
            event = None
        if event is not None:
            if noun_signal is not None or _dates_a_thing_ahead(expression, analysis.text):
                through_a_noun.add(len(events))
            events.append(event)
        events.extend(_when_clause_events(expression, analysis, published, reference_text))
    if through_a_noun:
        events = _own_dates_first(events, through_a_noun)
    return _since_ended_by_the_clause(
        _stretched_until_a_clause(
            _one_per_trigger(
                _alternatives_described_alike(
                    _possessive_dates_on_their_nouns(
                        _without_side_dates(events, analysis.text, modifiers, published),
                        analysis,
                    ),
                    analysis.text,
                )
            ),
            analysis.text,
        ),
        analysis.text,
    )


def _possessive_dates_on_their_nouns(events: list[Event], analysis: Analysis) -> list[Event]:
    """ "Wednesday's ruling will be appealed on Friday": a day named with "'s" dates its
    noun, the ruling, when another date of the clause dates the verb; alone ("Last
    week's storm caused damage") it dates the verb too."""
    # the triggers some date other than a possessive day dates
    dated_otherwise = {
        event.trigger_span
        for event in events
        if event.expression is not None and not _is_possessive(event, analysis.text)
    }
    result: list[Event] = []
    for event in events:
        noun = (
            _noun_after_possessive(event, analysis)
            if event.trigger_span in dated_otherwise and _is_possessive(event, analysis.text)
            else None
        )
        if noun is None:
            result.append(event)
            continue
        words = analysis.text[noun[0].start : noun[-1].end]
        result.append(
            replace(
                event,
                description=f"the {words}",
                trigger=noun[-1].text,
                trigger_span=(noun[-1].start, noun[-1].end),
                span=(noun[0].start, noun[-1].end),
                lemma=analysis.lemma_of(noun[-1]),
            )
        )
    return result


def _is_possessive(event: Event, text: str) -> bool:
    return event.expression is not None and possessive_at(text, event.expression.span[1])


def _noun_after_possessive(event: Event, analysis: Analysis) -> list[Token] | None:
    """The words of the noun phrase after "Wednesday's": up to three lower-case words
    before a function word, a verb or a mark ("this week's policy meeting will")."""
    assert event.expression is not None
    end = event.expression.span[1]
    tokens = analysis.window(event.expression.span)
    grammar = grammar_words()
    first = next((i for i, t in enumerate(tokens) if t.start >= end + 2), None)
    if first is None:
        return None
    noun: list[Token] = []
    for i in range(first, min(len(tokens), first + _NOUN_WORDS + 1)):
        word = tokens[i].text
        if (
            word in grammar.function_words
            or word in grammar.sharable_auxiliaries
            or word in _MARKS_AFTER_A_NOUN
            or (noun and is_content_verb(tokens, i))
        ):
            return noun or None
        if not word.isalpha() or not word.islower() or len(noun) == _NOUN_WORDS:
            return None  # "last year's fully diluted $3.27 a share": no noun ends it
        noun.append(tokens[i])
    return None


_NOUN_WORDS = 3
_MARKS_AFTER_A_NOUN = frozenset({".", ",", ";", ":", "!", "?", ")", '"', "”"})


def _since_ended_by_the_clause(events: list[Event], text: str) -> list[Event]:
    """ "The ban, in place since 2019, was lifted on Monday": what an aside says held
    "since" a date lasted until the date of the clause that ends it, not up to now."""
    ended = events
    for i in range(len(events) - 1):
        aside, main = events[i], events[i + 1]
        expression = aside.expression
        if (
            aside.relation != "since"
            or expression is None
            or main.start is None
            or aside.start is None
            or main.start < aside.start
            or aside.sentence_index != main.sentence_index
            or not is_ending_verb(main.lemma)
            or not _CLOSES_AN_ASIDE.fullmatch(text, expression.span[1], main.trigger_span[0])
        ):
            continue
        if ended is events:
            ended = list(events)
        ended[i] = replace(aside, end=main.end or main.start)
    return ended


# from the end of the aside's date to the verb that ends what it says held: ", was ",
# ", were formally "
_CLOSES_AN_ASIDE = re.compile(r",(?:\s{1,3}[a-z]+){0,3}\s{1,3}")


def _stretched_until_a_clause(events: list[Event], text: str) -> list[Event]:
    """ "He ran the firm from 2001 until he retired in 2015": the event dated by a date
    after "from" lasts until the date of the "until" clause right after it (2001 …
    2015), which keeps its own event."""
    stretched = list(events)
    for i in range(len(events) - 1):
        event, until = events[i], events[i + 1]
        if (
            _starts_a_stretch(event)
            and until.placement == "expression"
            and until.relation == "in"
            and event.expression is not None
            and event.expression.span[1] < until.trigger_span[0]
            and _UNTIL_A_CLAUSE.fullmatch(text, event.expression.span[1], until.trigger_span[0])
        ):
            stretched[i] = _stretched_to(event, until)
    return stretched


# from the end of the "from" date to the verb of the until clause: "until he ",
# ", until the company "
_UNTIL_A_CLAUSE = re.compile(r",?\s{1,3}(?i:until|till)(?:\s{1,3}[\w'’]+){1,2}\s{1,3}")


class _NounPhrase(NamedTuple):
    """A noun phrase that "after", "before", "since" or "until" opens and a date dates."""

    relation: Relation
    start: int


def _signal_of_noun_phrase(
    expression: TimeExpression, text: str, previous: TimeExpression | None = None
) -> _NounPhrase | None:
    """ "rose in May after a sharp drop in April", "resigned after the election in
    November": the date dates a noun that "after" or "before" introduces, so the clause
    is after (before) that date, not in it."""
    if expression.signal is None:
        return _signal_before_a_noun_it_dates(expression, text)
    if expression.signal.lower() not in ("in", "on", "of", "at"):
        return None  # "after a federal court Thursday refused": a clause, its own date
    start = signal_start(text, expression.span[0], expression.signal)
    reach = max(0, start - _NOUN_PHRASE_REACH)
    window = text[reach:start].lower()
    if not any(word in window for word in _NOUN_PHRASE_SIGNALS):
        return None  # nearly every date: no regex search
    found = _NOUN_PHRASE_AFTER_SIGNAL.search(text, reach, start)
    if found is None:
        return None
    relation: Relation = (
        "before"
        if found["before"]
        else "since"
        if found["since"]
        else "until"
        if found["until"]
        else "after"
    )
    counted = _counts_up_to(previous, found.start(), text)
    owners = grammar_words().owners_of_a_dated_thing
    if relation == "before" and found["owner"].lower() not in owners and not counted:
        return None  # "testify before the committee on Feb. 10": a body, not a thing
    if relation in ("before", "after") and expression.granularity in _DAY_OR_FINER and not counted:
        # "will report after the bell on Thursday": that day still ("two days after the
        # shooting on March 22" counts from the shooting's day)
        return None
    return _NounPhrase(relation, found.start())


def _signal_before_a_noun_it_dates(expression: TimeExpression, text: str) -> _NounPhrase | None:
    """ "have doubled since the 2016 election", "tightened after the Jan. 6 riot": a date
    that modifies the noun a signal and its determiner open relates the clause to that
    thing, whatever its grain ("after a federal court Thursday refused" has no noun)."""
    start = expression.span[0]
    found = _SIGNAL_AND_DETERMINER_BEFORE.search(text, max(0, start - 24), start)
    if found is None:
        return None
    if _noun_after_date(text, expression.span[1]) is None:
        return None  # "after a federal court Thursday refused": the court's verb
    signal = found["signal"].lower()
    relation: Relation = (
        "since" if signal == "since" else "before" if signal == "before" else "after"
    )
    return _NounPhrase(relation, found.start())


_SIGNAL_AND_DETERMINER_BEFORE = re.compile(
    r"(?<![\w-])(?P<signal>(?i:after|following|since|before))\s{1,3}"
    r"(?i:the|a|an|its|their|his|her|this|that)\s{1,3}$"
)


def _counts_up_to(length: TimeExpression | None, start: int, text: str) -> bool:
    """A whole count of days, weeks … ends right before ``start``: "two days after"."""
    return (
        length is not None
        and length.type == "DURATION"
        and is_count(length)
        and text[length.span[1] : start].isspace()
    )


_NOUN_PHRASE_REACH = 60
_NOUN_PHRASE_SIGNALS = ("after", "following", "before", "since", "until", "till")
# "after a 0.2% fall ", "following its sharp drop ", "before his release ": a
# determiner and at most four words, no verb form among them the regex could tell.
# "before" takes a possessive only unless a count leads into it ("three days before the
# attack on Friday"): "testify before the committee on Feb. 10" stands before a body,
# and the date is the testimony's
_NOUN_PHRASE_AFTER_SIGNAL = re.compile(
    r"(?<![\w-])(?:(?P<outer>(?i:after|following))\s{1,3}(?i:a|an|the|its|their|his|her|this|that)"
    r"|(?P<since>(?i:since))\s{1,3}(?i:a|an|the|its|their|his|her|this|that)"
    r"|(?P<until>(?i:until|till))\s{1,3}(?i:a|an|the|its|their|his|her|this|that)"
    r"|(?P<before>(?i:before))\s{1,3}(?P<owner>(?i:a|an|the|its|their|his|her|this|that)))\s{1,3}"
    r"(?:(?!(?i:was|were|is|are|had|has|have)\s)[^\s,;:()]+\s{1,3}){1,4}$"
)


def _dates_a_thing_ahead(expression: TimeExpression, text: str) -> bool:
    """ "will meet next week, ahead of Thursday's vote", "after Monday's meeting": a
    signal before a day named for what happens on it relates the clause to that thing;
    the clause's own date, when it has one, says more."""
    return (
        expression.signal or ""
    ).lower() in grammar_words().signals_relating_to_a_thing and possessive_at(
        text, expression.span[1]
    )


def _dates_its_object_only(expression: TimeExpression, event: Event, text: str) -> bool:
    """ "Fund managers said Friday's profit-taking was natural", "expected sales to beat
    last year's record", "the move follows Tuesday's declaration": a day named for a
    thing, after the verb, dates that thing, not the verb; unless the thing is what the
    verb right before it does ("issued Thursday's ruling", "won Sunday's race").  As the
    subject ("Friday's trading volume totaled") it dates the clause."""
    if (
        expression.signal is not None
        or event.trigger_span[0] > expression.span[0]
        or not possessive_at(text, expression.span[1])
    ):
        return False
    between = text[event.trigger_span[1] : expression.span[0]].split()
    articles = grammar_words().articles
    if any(word.lower() not in articles for word in between):
        return True  # "arrested in connection with last year's blasts"
    return (
        is_attribution(event.trigger.lower())
        or event.lemma in grammar_words().lemmas_not_doing_their_object
    )


def _own_dates_first(events: list[Event], through_a_noun: set[int]) -> list[Event]:
    """The events of ``through_a_noun`` (indexes) whose trigger another event dates
    with a date of its clause's own are dropped: "Sales rose in May after a sharp drop
    in April" is the rise in May, not also a rise some time after April."""
    own = {e.trigger_span: i for i, e in enumerate(events) if i not in through_a_noun}
    kept: list[Event | None] = list(events)
    for i in sorted(through_a_noun):
        j = own.get(events[i].trigger_span)
        if j is None:
            continue
        kept[i] = None
        if _starts_a_stretch(events[j]) and events[i].relation == "until":
            # "led the company from 2005 until her retirement in 2019": 2005 … 2019
            kept[j] = _stretched_to(events[j], events[i])
    return [e for e in kept if e is not None]


def _starts_a_stretch(event: Event) -> bool:
    """Dated by a date after "from" that no end closes ("from 2005", told in the past)."""
    expression = event.expression
    return (
        expression is not None
        and event.end_expression is None
        and (expression.signal or "").lower() == "from"
        and event.relation in ("in", "since")
    )


def _stretched_to(event: Event, until: Event) -> Event:
    start, end = event.start, until.end
    if start is not None and end is not None and end < start:
        return event  # "from 2019 until his death in 2015": a misreading, not a stretch
    return replace(event, relation="from…to", end=end, end_expression=until.expression)


def _next_date_start(
    expressions: Sequence[TimeExpression],
    index: int,
    partner: TimeExpression | None,
    analysis: Analysis,
) -> int:
    """Where the next date of the sentence of ``expressions[index]`` starts (with its
    signal), which its event's description stops before: that date's event is another
    ("said on Monday it would cut jobs by the end of the year").  ``partner`` (the end
    of its range, the day that closes its length) is part of its own phrase.  A date
    before the trigger is no limit: it often stands between the subject and the verb
    ("The government on Saturday condemned …"); nor is a length ("has only 14 days to
    decide"), which is part of what happened, nor a date that modifies a noun ("reported
    third-quarter earnings")."""
    expression = expressions[index]
    after = index + 1 + (partner is not None)
    if after < len(expressions):
        following = expressions[after]
        if (
            following.sentence == expression.sentence
            and _dates_an_event(following)
            and not _before_a_noun(following, analysis.text)  # "reported third-quarter …"
        ):
            return _phrase_start(analysis.text, following.span, following.signal)
    return sys.maxsize


def _superlative_since_a_range(expression: TimeExpression, analysis: Analysis) -> bool:
    """A range opened by a superlative's "since" ("the worst since the 2014-2016
    epidemic"), which places no event of the clause."""
    _, before = _before_the_signal(expression, analysis.text)
    return not expression.signal and _superlative_since_a_noun(before)


def _before_the_signal(expression: TimeExpression, text: str) -> tuple[int, str]:
    """Where the expression's signal (or the expression) starts, and the text before it
    that a comparison may hold."""
    start = signal_start(text, expression.span[0], expression.signal)
    return start, text[max(0, start - _COMPARISON_REACH) : start]


def _is_comparison_base(
    expression: TimeExpression, text: str, previous: TimeExpression | None = None
) -> bool:
    """The date of the figure a change is measured from ("rose to $5 billion from $4
    billion in 2019", "up 2% from a year ago", "compared with $3 million a year
    earlier", "higher than in 2016"): it dates the earlier figure, not the event of the
    clause.  ``previous``: the expression before it, whose length may measure the gap."""
    start, before = _before_the_signal(expression, text)
    signal = (expression.signal or "").lower()
    if signal in grammar_words().signals_ending_a_delay and delayed_until(text, expression.span[0]):
        return False  # "postponed from 2020 to 2021": the new date, no figure's
    if signal == "from":
        # "rose 2% from a year ago": the date right after "from", a figure before it;
        # "were up from year-earlier levels", "fell from the year-ago quarter": a date
        # that is a year back is what a change is measured from
        return (
            _CHANGE_BEFORE_FROM.search(before) is not None
            or _A_YEAR_BACK.search(expression.text) is not None
        )
    if (
        signal in ("later than", "earlier than")
        and previous is not None
        and previous.type == "DURATION"
        and text[previous.span[1] : start].isspace()
    ):
        # "in September, roughly a month later than last year": by how much the dates
        # differ, measured from last year's; no event of the clause is after it
        return True
    if signal == "than" or before.endswith(("than ", "than\n")):
        # "higher than a year ago", "lower than in 2016", "than at this time last year":
        # the figure compared with, not when the clause happened ("earlier than" and
        # "later than" are signals of their own)
        return True
    if signal == "since" and superlative_before().search(before):
        return True  # "the weakest since April 2020": when it was last this weak
    if not signal and _superlative_since_a_noun(before):
        return True  # "its highest level since the 2008 financial crisis": through a noun
    if signal in ("in", "of", "at") and _level_before().search(before):
        return True  # "2.1% below its level in the fourth quarter of 2019"
    if _level_after().match(text, expression.span[1]):
        return True  # "recovered to 85 percent of its 2019 level": the figure then
    lowered = before.lower()
    if not any(word in lowered for word in grammar_words().comparison_words):
        return False  # nearly every date: no regex search
    if expression.tense == "future" and not lowered.rstrip().endswith(("than", "versus", "vs.")):
        # "will rise to 25% from 19% in April 2023": what is to come is dated by when it
        # comes; the figure it starts from is the one known now
        return False
    if _from_a_date(previous, start):
        return False  # "led it from 2005 until her retirement in 2019": a year, no figure
    return (
        _COMPARED_AMOUNT_BEFORE.search(before) is not None
        or _UP_OR_DOWN_FROM.search(before) is not None
    )


def _from_a_date(previous: TimeExpression | None, start: int) -> bool:
    """The expression told just before ``start``, within its reach, is a date after
    "from": the number a figure's "from" would stand before is that date."""
    return (
        previous is not None
        and (previous.signal or "").lower() == "from"
        and start - _COMPARISON_REACH <= previous.span[0]
        and previous.span[1] <= start
        and previous.type in ("DATE", "TIME")
    )


def _superlative_since_a_noun(before: str) -> bool:
    """``before`` ends in a superlative, "since" and a determiner: "its highest level
    since the "."""
    inside = _SIGNAL_AND_DETERMINER_BEFORE.search(before)
    return (
        inside is not None
        and inside["signal"].lower() == "since"
        and superlative_before().search(before, 0, inside.start()) is not None
    )


def _dates_a_part_of_the_total(expression: TimeExpression, text: str) -> bool:
    """ "The death toll rose to 300, including 114 on Saturday", "has cut 5,000 jobs this
    year, including 1,200 in March": the date of a part named in an aside after the
    clause dates that part only, not the clause's total."""
    if not expression.signal:
        return False  # "on several days, including Saturday": a date among dates
    start = signal_start(text, expression.span[0], expression.signal)
    before = text[max(0, start - _PART_REACH) : start]
    lowered = before.lower()  # the search reads ", Including 114 on Saturday" too
    if not any(opener.split()[0] in lowered for opener in grammar_words().openers_of_a_part):
        # most dates: no regex search ("of", the first word of "of which", stands before
        # about a quarter of tbaq-cleaned's, which then cost one search of 48 characters)
        return False
    found = _part_before_signal().search(before)
    if found is None:
        return False
    noun = (found["noun"] or "").lower()
    # "including 254,200 bought from Sept. 14": a verb of the part's own, which the date
    # dates
    return not (is_past_form(noun) or noun.endswith(("ed", "ing")))


_PART_REACH = 48


@lru_cache(maxsize=1)
def _part_before_signal() -> re.Pattern[str]:
    """A comma, the aside's opener and the part's count, with at most one word after it
    (its noun: "including 114", "including 1,200 jobs"), right before the signal.
    Anything but a count ("including a poster from 1989") makes a phrase the date may
    date on its own."""
    grammar = grammar_words()
    openers = _alternatives(sorted(grammar.openers_of_a_part, key=len, reverse=True))
    counts = _alternatives(
        sorted((w for w in lexicon().cardinals if w not in ("a", "an")), key=len, reverse=True)
    )
    return re.compile(
        rf",\s{{1,3}}(?i:{openers})\s{{1,3}}(?:\d[\d,.]*%?|(?i:{counts}))"
        rf"(?:\s{{1,3}}(?P<noun>[a-z]+))?\s{{1,3}}$"
    )


@lru_cache(maxsize=1)
def _level_before() -> re.Pattern[str]:
    """ "below its level ", "above pre-crisis levels ": a figure's standing set against
    another's, right before the signal."""
    grammar = grammar_words()
    prepositions = _alternatives(sorted(grammar.comparison_prepositions, key=len, reverse=True))
    nouns = _alternatives(sorted(grammar.level_nouns, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?i:{prepositions})(?:\s{{1,3}}[^\s,;:()]+){{0,3}}"
        rf"\s{{1,3}}(?i:{nouns})\s{{1,3}}$"
    )


@lru_cache(maxsize=1)
def _level_after() -> re.Pattern[str]:
    """ "its 2019 level", "pre-pandemic 2019 levels": a level noun right after a date,
    which names the figure of that time."""
    nouns = _alternatives(sorted(grammar_words().level_nouns, key=len, reverse=True))
    return re.compile(rf"(?:['’]s)?\s{{1,3}}(?i:{nouns})(?![\w-])")


_COMPARISON_REACH = 48
# a comparison and at most four words (an amount among them) right before the date or
# its signal: "from $4 billion ", "compared with $3 million ", "versus the same "
# (words without a period: the reach must not run back into the sentence before)
_COMPARED_AMOUNT_BEFORE = re.compile(
    r"(?:(?<![\w-])(?i:compared\s{1,3}(?:with|to)|versus|vs\.)(?:\s{1,3}[^\s,;:().]+){0,4}"
    # "from" and its amount: the date is not the amount itself ("from 2 a.m. Sunday")
    r"|(?<![\w-])(?i:from)\s{1,3}[$€£]?\d[\d,]*(?:\.\d+)?%?(?:\s{1,3}[^\s,;:().]+){0,3})"
    r"\s{1,3}$"
)
# "a year earlier", "a year ago", "year-earlier", "the year-ago period"
_A_YEAR_BACK = re.compile(r"(?<![\w-])(?i:year)[-\s](?i:earlier|ago)(?![\w-])")
# "up from", "down from" and the figure compared with, in words or digits, before the
# date: "down from nearly half a decade earlier", "up from 5% in 2019"
_UP_OR_DOWN_FROM = re.compile(
    r"(?<![\w-])(?i:up|down)\s{1,3}(?i:from)(?:\s{1,3}[^\s,;:().]+){0,4}\s{1,3}$"
)
# a figure, then "from" right before the date: "rose 2% from", "up 5 percent from",
# "down $2.5 billion from"
_CHANGE_BEFORE_FROM = re.compile(
    r"\d\s?(?:%|(?i:percent|per\s{1,3}cent|percentage\s{1,3}points?|points?|thousand"
    r"|million|billion|trillion)(?![\w-]))(?:\s{1,3}[^\s,;:().]+){0,2}\s{1,3}$"
)


def _alternatives_described_alike(events: list[Event], text: str) -> list[Event]:
    """ "Economists expect the first cut in June or August": the second date is an
    alternative for the same event, which its description says as the first's does
    (not "expect the first cut in June")."""
    for i in range(1, len(events)):
        first, second = events[i - 1], events[i]
        if (
            first.trigger_span == second.trigger_span
            and first.expression is not None
            and second.expression is not None
            and _ALTERNATIVE_LINK.fullmatch(
                text, first.expression.span[1], second.expression.span[0]
            )
        ):
            events[i] = replace(second, description=first.description, span=first.span)
    return events


# between two dates of one event: "June or August", "in 2019 and in 2021"
_ALTERNATIVE_LINK = re.compile(r",?\s{1,3}(?:or|and)\s{1,3}(?:[a-z]{2,5}\s{1,3})?")


def _without_side_dates(
    events: list[Event], text: str, modifiers: dict[int, _Modifier], published: date | None
) -> list[Event]:
    """Drop an event dated by a date that only stands beside its trigger when another
    date of the same trigger does not: a date that modifies a noun ("will report
    second-quarter results on July 25": the results are the quarter's, the report is on
    July 25), or the dateline ("LONDON, June 11 (Reuters) - Inflation fell to 2.3% in
    April": the story was filed on June 11, the fall is April's), or a date after "for"
    that modifies the subject (``modifiers``, see `_subject_modifiers`), which gives way
    to a date of the subject's verb whatever verb was taken for its own ("Results for
    the three months ended Dec. 31, 2020, were released on Feb. 10").  A lead with no
    date of its own keeps the dateline's.  A past year that modifies a noun in a clause
    not told in the past dates nothing even alone: "money to enforce a 1998 ordinance",
    "expects to report a third-quarter loss" (the law is 1998's and the loss the
    quarter's; the enforcing and the report are not)."""
    modifying = [_is_side_date(e, text, modifiers) for e in events]
    if not any(modifying):
        return events
    plain_triggers = {e.trigger_span for e, m in zip(events, modifying, strict=True) if not m}
    plain_starts = {start for start, _ in plain_triggers}
    return [
        e
        for e, m in zip(events, modifying, strict=True)
        if not (
            m
            and (
                e.trigger_span in plain_triggers
                or _subject_verb(e, modifiers) in plain_starts
                or _past_noun_of_a_clause_now(e, text, published)
            )
        )
    ]


_YEAR_OR_COARSER = frozenset({"millennium", "century", "decade", "year", "half", "quarter"})


def _past_noun_of_a_clause_now(event: Event, text: str, published: date | None) -> bool:
    """The event's date, a year or a part of one, modifies a noun and lies before
    publication, while its clause is not told in the past (an infinitive's has no tense
    of its own).  A finer date keeps its event: "to make the late-November trip", "is
    serving a life sentence for the November 1995 assassination" tell what happened
    then."""
    return (
        published is not None
        and event.expression is not None
        and event.expression.granularity in _YEAR_OR_COARSER
        and event.tense != "past"
        and event.end is not None
        and event.end < published
        and _modifies_a_noun(event, text)
    )


class _Modifier(NamedTuple):
    """The phrase of a date that modifies a subject, and where the subject's verb starts."""

    phrase: tuple[int, int]
    verb: int


def _subject_verb(event: Event, modifiers: dict[int, _Modifier]) -> int:
    """Where the verb of the subject that ``event``'s date modifies starts (or -1)."""
    modifier = modifiers.get(event.expression.span[0]) if event.expression else None
    return modifier.verb if modifier is not None else -1


def _is_side_date(event: Event, text: str, modifiers: dict[int, _Modifier]) -> bool:
    expression = event.expression
    return expression is not None and (
        expression.span[0] in modifiers
        or _modifies_a_noun(event, text)
        or is_dateline(text, expression)
    )


def _subject_modifiers(
    expressions: Sequence[TimeExpression], analysis: Analysis
) -> dict[int, _Modifier]:
    """The phrases of the dates that modify the noun before them, by where each
    expression starts: "Results for the three months ended Dec. 31 will be released on
    Feb. 10", "The budget for 2022 was approved in December".  After "for", between a
    noun and the verb that follows the phrase, such a date says which results or which
    budget, not when they were released or approved ("Sales rose 5% in the three months
    ended Dec. 31" is the rise's date)."""
    text = analysis.text
    modifiers: dict[int, _Modifier] = {}
    for i, expression in enumerate(expressions):
        if (expression.signal or "").lower() != "for" or not _dates_an_event(expression):
            continue
        end = expression.span[1]
        following = expressions[i + 1] if i + 1 < len(expressions) else None
        if following is not None and _closes_length(expression, following, text):
            end = following.span[1]  # "the three months ended Dec. 31"
        elif following is not None and expression.range_role == "start":
            end = following.span[1]  # "The budget for 2021-22 was approved": the range
        elif LENGTH_END_GAP.match(text, end):
            continue  # "for the quarter ended Sept. 29": a day not read as its end
        # "ended Dec. 31, 2020, will be": the comma that closes the year goes with it
        comma = _COMMA_AFTER_YEAR.match(text, end)
        if comma is not None:
            end = comma.end()
        start = signal_start(text, expression.span[0], expression.signal)
        verb = _verb_between_noun_and(analysis.window((start, end)), start, end)
        if verb is not None:
            modifiers[expression.span[0]] = _Modifier((start, end), verb)
    return modifiers


_COMMA_AFTER_YEAR = re.compile(r"(?<=, \d{4}),")


def _verb_between_noun_and(tokens: Sequence[Token], start: int, end: int) -> int | None:
    """Where the verb starts when a noun ends right before ``start`` and a verb group
    opens right at ``end`` ("Results … will be released": "released"), else None."""
    first = token_index(tokens, start)
    after = token_index(tokens, end)
    if first < 1 or after >= len(tokens):
        return None
    noun = first - 1
    if not _may_be_in_a_bare_subject(tokens[noun].text) or is_content_verb(tokens, noun):
        return None
    if tokens[after].text.lower() not in grammar_words().finite_auxiliaries:
        return tokens[after].start if is_content_verb(tokens, after) else None
    verb = _after_auxiliaries(tokens, after, min(after + _MAX_AUXILIARIES, len(tokens)))
    return tokens[verb].start if verb < len(tokens) else None


_MAX_AUXILIARIES = 3


def _modifies_a_noun(event: Event, text: str) -> bool:
    """The event's date, without a signal, stands right before a noun ("second-quarter
    results", "the October 1998 shooting"), not before a verb, an adverb or a function
    word ("Saturday strongly condemned", "yesterday trimmed", "this year through")."""
    expression = event.expression
    if expression is None or event.end_expression is not None:
        return False
    return _before_a_noun(expression, text, event.trigger_span[0])


def _before_a_noun(expression: TimeExpression, text: str, trigger_start: int = -1) -> bool:
    """See `_modifies_a_noun`; ``trigger_start``: where the event's verb starts."""
    return not expression.signal and _noun_follows(text, expression.span[1], trigger_start)


def _noun_follows(text: str, end: int, trigger_start: int = -1) -> bool:
    """The word after ``end`` reads as a noun the date before it modifies ("the 1996
    campaign", "its 11 a.m. advisory")."""
    return _noun_after_date(text, end, trigger_start) is not None


def _noun_after_date(text: str, end: int, trigger_start: int = -1) -> str | None:
    """The word after ``end`` when it reads as a noun the date before it modifies (see
    `_noun_follows`), else None; the trigger starting at ``trigger_start`` is none."""
    following = _NEXT_WORD.match(text, end)
    if following is None or following.start(1) == trigger_start:
        return None
    word = following.group(1)
    grammar = grammar_words()
    if (
        word.endswith(("ed", "ly"))
        or word in grammar.not_nouns_after_dates
        or word in grammar.clause_openers
        or is_past_form(word)
    ):
        return None
    return word


_NEXT_WORD = re.compile(r"[ \t]{1,3}([a-z]{3,20})\b")


def _one_per_trigger(events: list[Event]) -> list[Event]:
    """One event where two expressions date the same trigger and one's interval holds
    the other's ("On Saturday at 3 p.m., the attack began", "in 2019, in December"):
    the narrower, which says more.  Intervals apart ("elected in 2010 and in 2014")
    are two events."""
    kept: list[Event] = []
    by_trigger: dict[tuple[int, int], int] = {}
    for event in events:
        index = by_trigger.get(event.trigger_span)
        if index is None or not _nested(kept[index], event):
            by_trigger[event.trigger_span] = len(kept)
            kept.append(event)
        elif _narrower(event, kept[index]):
            kept[index] = event
    return kept


def _nested(one: Event, other: Event) -> bool:
    if _since_told(one) != _since_told(other):
        # "has raised rates 11 times since March 2022, most recently in July": a stretch
        # up to now and a time within it are two things told, not one date twice
        return False
    a, b = _interval(one), _interval(other)
    if a is None or b is None:
        return False
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _since_told(event: Event) -> bool:
    """The event is a stretch told with "since" ("since March 2022"), not one begun at
    a time ("starting at midnight on Friday", which the day narrows)."""
    signal = event.expression.signal if event.expression is not None else None
    return event.relation == "since" and (signal or "").lower().startswith("since")


def _narrower(one: Event, other: Event) -> bool:
    """``one`` is the shorter interval, or as short and of a finer grain ("3 p.m." on
    the day "Saturday" names)."""
    a, b = _interval(one), _interval(other)
    if a is None or b is None:
        return False
    if a[1] - a[0] != b[1] - b[0]:
        return a[1] - a[0] < b[1] - b[0]
    return _GRAIN_RANK.get(one.granularity, 0) > _GRAIN_RANK.get(other.granularity, 0)


def _interval(event: Event) -> tuple[date, date] | None:
    """The event's interval; for one open on a side ("shortly before midnight on
    Saturday"), the interval of the expression that dates it."""
    if event.start is not None and event.end is not None:
        return event.start, event.end
    expression = event.expression
    if expression is None or expression.start is None or expression.end is None:
        return None
    return expression.start, expression.end


_GRAIN_RANK = {"day": 1, "part_of_day": 2, "hour": 3, "minute": 4, "second": 5}


#: More expressions than this in one sentence make it a list of dates, not a clause.
CROWDED = 16


def crowded_sentences(expressions: Sequence[TimeExpression]) -> set[int]:
    """Indexes of the sentences holding more than `CROWDED` expressions."""
    counts: dict[int, int] = {}
    for expression in expressions:
        counts[expression.sentence] = counts.get(expression.sentence, 0) + 1
    return {sentence for sentence, count in counts.items() if count > CROWDED}


def _dates_an_event(expression: TimeExpression) -> bool:
    # Sets, PRESENT/PAST/FUTURE_REF and most durations do not place an event on the
    # calendar; a duration counted from the publication date does ("over the past two
    # years": the two years up to it).
    if expression.signal in grammar_words().signals_excluding:
        return False  # "risen every month this year except January": not in January
    if expression.type == "DURATION":
        return expression.start is not None and expression.end is not None
    return (
        expression.type in ("DATE", "TIME")
        and expression.granularity != "ref"
        and (expression.start is not None or expression.end is not None)
    )


def is_dateline(text: str, expression: TimeExpression) -> bool:
    """ "LONDON, June 11 (Reuters) -": the date a story was filed.  A place in capitals
    opens the line, a comma follows it, and after the date come the agency in
    parentheses, if any, and a dash."""
    start, end = expression.span
    line_start = text.rfind("\n", max(0, start - _DATELINE_REACH), start) + 1
    if line_start == 0 and start > _DATELINE_REACH:
        return False  # the line starts too far back to be a dateline
    return (
        _DATELINE_PLACE.fullmatch(text, line_start, start) is not None
        and _DATELINE_AGENCY.match(text, end) is not None
    )


_DATELINE_REACH = 60
_DATELINE_PLACE = re.compile(
    r"[ \t]*[A-Z][A-Z.'’ -]{1,30}(?:,[ \t]*[A-Z][A-Za-z.' ]{1,25})?,[ \t]*"
)
_DATELINE_AGENCY = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—_](?:\s|$)")


def _record_date_event(
    expression: TimeExpression, analysis: Analysis, published: date | None
) -> Event | None:
    """ "payable Dec. 15 to holders of record Nov. 30": the day that fixes who is paid,
    a fact of its own, not a second date of the payment."""
    if expression.range_role is not None or expression.granularity != "day":
        return None
    found = _OF_RECORD_BEFORE.search(
        analysis.text, max(0, expression.span[0] - _OF_RECORD_REACH), expression.span[0]
    )
    if found is None:
        return None
    tokens = analysis.window(expression.span)
    trigger = next((t for t in tokens if t.start == found.start("holders")), None)
    if trigger is None:
        return None
    start, end = event_interval("on", expression, published=published)
    span = (found.start("holders"), found.end("record"))
    return event_at(
        analysis,
        trigger,
        description=analysis.text[span[0] : span[1]],
        span=span,
        relation="on",
        start=start,
        end=end,
        granularity=expression.granularity,
        anchor=expression.text,
        placement="expression",
        expression=expression,
        tense=expression.tense,
    )


# "to holders of record Nov. 30", "shareholders of record as of the close of business on"
_OF_RECORD_BEFORE = re.compile(
    r"(?<![\w-])(?P<holders>(?i:stock|holders|shareholders|stockholders|unitholders|owners)"
    r"\s{1,3}of\s{1,3}(?P<record>record))"
    r"(?:\s{1,3}(?i:on|as\s{1,3}of|at\s{1,3}the\s{1,3}close\s{1,3}of\s{1,3}business(?:\s{1,3}on)?))?"
    r",?\s{1,3}$"
)
_OF_RECORD_REACH = 70


def _event_for(
    expression: TimeExpression,
    end_expression: TimeExpression | None,
    analysis: Analysis,
    published: date | None,
    reference_text: str,
    following: TimeExpression | None = None,
    stop: int = sys.maxsize,
    *,
    beside: Sequence[tuple[int, int]] = (),
    lead: TimeExpression | None = None,
    noun_phrase: _NounPhrase | None = None,
) -> Event | None:
    """``lead``: the expression that opens the date's phrase (see `_leads_in`); a whole
    count before "after"/"before" ("two days after May 3") places the event at a point
    instead of bounding it.  ``noun_phrase``: the phrase after "after"/"before" whose
    noun the date dates (see `_signal_of_noun_phrase`)."""
    span = (expression.span[0], (end_expression or expression).span[1])
    if following is not None and _one_phrase(expression, span[1], following, analysis.text):
        span = (span[0], following.span[1])
    phrase_start = _phrase_start(analysis.text, span, expression.signal)
    if phrase_start < signal_start(analysis.text, span[0], expression.signal):
        # "arrested him at the airport in the early hours of Thursday morning": the
        # phrase's lead-in words are the date's, and its verb is nearest to them
        trigger = _trigger_for((phrase_start, span[1]), expression, analysis)
    else:
        trigger = _trigger_for(span, expression, analysis)
    starts = start_word_before(analysis.text, span[0])
    if trigger is not None and starts is not None and starts <= trigger.start < span[0]:
        # "Masks will be required starting Monday": the word of the start is the date's,
        # the verb before it the event's ("with testimony beginning Monday" has none)
        verb = analysis.governor_of((starts, span[1]))
        if verb is not None and _same_segment(analysis.window(span), verb, span):
            trigger = verb
    if trigger is None:
        return None
    relation = _relation(expression, analysis.text, starts)
    if relation in ("after", "before", "since") and _owner_of_the_subject(
        analysis.text, span[1], trigger
    ):
        # "will return after last year's edition was cancelled": the day's thing is the
        # subject of the verb it dates; the signal relates the other clause to both
        relation = "in"
    through_noun = (
        noun_phrase is not None
        and not (noun_phrase.start <= trigger.start < span[0])
        # "since a blizzard in March 2003 shut the airport": the noun's own verb
        and not _SUBJECT_VERB_GAP.fullmatch(analysis.text, span[1], trigger.start)
    )  # "After the crash in 2008": the crash itself is in 2008
    if relation == "until" and trigger.end <= span[0] and _negated(analysis.window(span), trigger):
        # "did not leave until Monday": left on Monday ("Until Thursday, they had not
        # called him a suspect" stays a state that lasted up to Thursday); "would not
        # resume until at least 6 p.m. Monday": no sooner than that
        relation = "after" if (expression.signal or "").endswith("at least") else "in"
    start, end = event_interval(
        relation, expression, published=published, end_expression=end_expression
    )
    if through_noun:
        assert noun_phrase is not None
        # the noun's event lies somewhere in the date: the clause's after its start
        relation = noun_phrase.relation
        if relation == "since":
            # "have halved since the peak in mid-January": from that date up to now
            start, end = event_interval(relation, expression, published=published)
        else:
            start, end = (expression.start, None) if relation == "after" else (None, expression.end)
    if following is not None and relation not in ("since", "after"):
        start, end = _closed_by(expression, following, analysis.text, (start, end))
    counted = None
    if lead is not None:
        span = (lead.span[0], span[1])
        if lead.type == "DURATION" and relation == "since":
            start, end = _lasting_from(expression, lead.value)
            relation = "for"
            counted = lead
        elif lead.type == "DURATION" and is_count(lead):
            start, end = _counted_from(expression, lead.value, relation)
            relation = "in"  # on the day counted to, no longer merely after the other
            counted = lead
    return _make_event(
        expression,
        end_expression,
        trigger,
        relation,
        start,
        end,
        analysis,
        reference_text,
        span,
        stop,
        beside=beside,
        counted=counted,
        lead=lead,
    )


def _owner_of_the_subject(text: str, end: int, trigger: Token) -> bool:
    """The date ending at ``end`` owns the noun whose verb is ``trigger`` ("last year's
    edition was cancelled", "Thursday's report showed"), or is that noun ("Friday's
    purchases"): a possessive, then at most six words of one clause up to the trigger."""
    if trigger.start <= end or not possessive_at(text, end):
        return False
    between = text[end + 2 : trigger.start].split()
    openers = grammar_words().clause_openers
    return len(between) <= _SUBJECT_WORDS and not any(
        word.endswith(",") or word.lower() in openers for word in between
    )


_SUBJECT_WORDS = 6
# between a date closing a noun phrase and the noun's own verb right after it
_SUBJECT_VERB_GAP = re.compile(r"\s{1,3}")


def _leads_in(lead: TimeExpression | None, day: TimeExpression, text: str) -> bool:
    """``lead`` opens the phrase of ``day``: a length right before its "after" or
    "before" ("two days after May 3"; not "days before the 2020 vote on Nov. 3", whose
    "on" is no such signal), or the day of a clock time after it ("opens March 15 at
    10 a.m.", "on Friday at 5 p.m.")."""
    if lead is None or day.start is None:
        return False
    if lead.type == "DATE" and day.type == "TIME":
        return (
            lead.granularity == "day"
            and _AT_BETWEEN.fullmatch(text, lead.span[1], day.span[0]) is not None
        )
    if lead.type != "DURATION":
        return False
    relation = relation_of(day, text)
    if relation not in ("after", "before") and not (relation == "since" and lead.signal == "for"):
        return False  # (and "walk out for 48 hours from Thursday": the length from then)
    return text[lead.span[1] : signal_start(text, day.span[0], day.signal)].isspace()


_AT_BETWEEN = re.compile(r",?\s{1,3}(?i:at)\s{1,3}")


def is_count(length: TimeExpression) -> bool:
    """A whole number of calendar units ("two days", "three years"): a bound ("more than
    two days after") or a vague length ("days after") only bounds the event, as "after"
    alone does."""
    return (
        length.type == "DURATION"  # "every month since …" recurs: it counts nothing
        and length.mod is None
        and _CALENDAR_LENGTH.fullmatch(length.value) is not None
    )


# one whole number of years, months, weeks or days: clock lengths ("two hours after
# noon") would need the time of day the dates here do not keep
_CALENDAR_LENGTH = re.compile(r"P[1-9]\d{0,3}[YMWD]")


def _counted_from(
    day: TimeExpression, length: str, relation: Relation
) -> tuple[date | None, date | None]:
    """The interval ``length`` after (or before) ``day``: "two months after June 2020" is
    August 2020, "two days after May 3" is May 5."""
    sign = 1 if relation == "after" else -1
    assert day.start is not None
    start = add_duration(day.start, length, sign)
    end = add_duration(day.end or day.start, length, sign)
    return start, end


def _lasting_from(day: TimeExpression, length: str) -> tuple[date | None, date | None]:
    """The days ``length`` lasts from the first of ``day``: "for 48 hours from Thursday"
    is Thursday and Friday, "for two weeks from July 1" July 1 to 14; a vague length
    ("for weeks") leaves the end open."""
    if day.start is None:
        return None, None
    last = add_duration(day.start, in_days(length, up=True), 1)
    return day.start, (last - timedelta(days=1)) if last is not None and last > day.start else None


def _negated(tokens: Sequence[Token], trigger: Token) -> bool:
    """A "not", "n't" or "never" in the verb group before ``trigger`` ("did not leave",
    "won't be known", "was never seen")."""
    grammar = grammar_words()
    i = token_index(tokens, trigger.start) - 1
    for j in range(i, max(-1, i - _MAX_VERB_GROUP), -1):
        word = tokens[j].text.lower()
        if word in grammar.negations or word.endswith(("n't", "n’t")):
            return True  # "won't", "didn't": the built-in tokens keep the clitic
        if word not in grammar.sharable_auxiliaries and word not in grammar.do_forms:
            return False
    return False


_MAX_VERB_GROUP = 4


def _one_phrase(expression: TimeExpression, end: int, following: TimeExpression, text: str) -> bool:
    """``following`` completes the phrase of ``expression`` (ending at ``end``), so the
    event's description leaves both out: "the first nine months of 2023", "the three
    months to June 30", "shortly after midnight on Sunday" (the clock time's day)."""
    if _closes_length(expression, following, text):
        return True
    if expression.type == "DURATION":
        return OF_GAP.fullmatch(text, end, following.span[0]) is not None
    return (
        expression.type == "TIME"
        and following.type == "DATE"
        and _ON_BETWEEN.fullmatch(text, end, following.span[0]) is not None
    )


def _closes_length(length: TimeExpression, day: TimeExpression, text: str) -> bool:
    """``day`` closes the ``length`` just before it, which took its bounds from it ("the
    three months to June 30", "the six months ended Sept. 30": both end together), or
    the reported period that holds it ("the quarter ended Dec. 26", "the fiscal year
    ending June 30")."""
    if not 4 <= day.span[0] - length.span[1] <= 20:
        return False  # no room for " to ", ", which ended " (most pairs: no regex search)
    gap = LENGTH_END_GAP.fullmatch(text, length.span[1], day.span[0])
    if gap is None:
        return False
    if length.type == "DURATION":
        return length.end is not None and length.end == day.end
    if not (
        length.type == "DATE"
        and length.granularity in _REPORTED_PERIODS
        and day.granularity == "day"
        and length.start is not None
        and length.end is not None
        and day.end is not None
    ):
        return False
    if "end" in gap.group().lower() or "fiscal" in length.text.lower():
        # "its fourth quarter ended June 30", "its fiscal first quarter, which ended Dec.
        # 25": a company's year need not be the calendar's; the day said to end the
        # period closes it, within a year of its label
        return abs((day.end - length.end).days) < _A_YEAR
    return length.start <= day.end <= length.end


_REPORTED_PERIODS = frozenset({"quarter", "half", "year"})
_A_YEAR = 366


def _closed_by(
    period: TimeExpression,
    day: TimeExpression,
    text: str,
    interval: tuple[date | None, date | None],
) -> tuple[date | None, date | None]:
    """The event's ``interval`` ended at the day that closes its period: "the quarter
    ended July 31" is the three months to that day (May 1 to July 31), "fell 2% this
    year through Oct. 19" the year up to it (January 1 to October 19)."""
    start, end = interval
    if end is None or day.end is None or day.end == end:
        return interval
    if not _closes_length(period, day, text):
        return interval
    months = _PERIOD_MONTHS.get(period.granularity)
    if months is not None and _ENDED.match(text, period.span[1]):
        stretch = stretch_at_edge(date.min, day.end, f"P{months}M", "last")
        if stretch is not None:
            return stretch
    if start is not None and start > day.end:
        return interval  # a day before the period's start closes nothing of it
    return start, day.end


_PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12}
_ENDED = re.compile(WHICH_BEFORE_END + r"\s{1,3}(?i:ended|ending|ends)\s")


_ON_BETWEEN = re.compile(r",?\s{1,3}(?i:on)\s{1,3}")


def _make_event(
    expression: TimeExpression,
    end_expression: TimeExpression | None,
    trigger: Token,
    relation: Relation,
    start: date | None,
    end: date | None,
    analysis: Analysis,
    reference_text: str,
    cut: tuple[int, int],
    stop: int = sys.maxsize,
    *,
    beside: Sequence[tuple[int, int]] = (),
    counted: TimeExpression | None = None,
    lead: TimeExpression | None = None,
) -> Event:
    """``lead``: the expression that opens the date's phrase ("two days after May 3",
    "March 15 at 10 a.m."); ``counted``: the same when its count dates the event."""
    phrase = phrase_of(
        analysis.text, cut, lead.signal if lead else expression.signal, trigger.start
    )
    if phrase[0] <= trigger.start < phrase[1]:
        # "with testimony beginning Monday": the signal is the clause's verb too
        phrase = (trigger.end, phrase[1])
    description, span = describe(analysis, trigger, phrase, stop, beside=beside)
    return event_at(
        analysis,
        trigger,
        description=description,
        span=span,
        relation=relation,
        start=start,
        end=end,
        granularity=expression.granularity,
        anchor=_anchor_of(expression, counted),
        placement=(
            "anchored" if counted or expression.reference.startswith("expression") else "expression"
        ),
        expression=expression,
        end_expression=end_expression,
        tense=expression.tense,
    )


def _anchor_of(expression: TimeExpression, counted: TimeExpression | None) -> str:
    if counted is not None:
        return f"{counted.text} {expression.signal} {expression.text!r}"
    return expression.reference if expression.reference else "absolute date"


def _beside(
    modifiers: Sequence[tuple[int, int]],
    previous: TimeExpression | None,
    expression: TimeExpression,
    text: str,
) -> Sequence[tuple[int, int]]:
    """The phrases a description of ``expression``'s event leaves out besides its own:
    the dates that modify a noun, and the date just before it in its sentence ("meet on
    Thursday to decide whether to raise output from May": May's event leaves Thursday
    to the meeting)."""
    if (
        previous is None
        or previous.sentence != expression.sentence
        or previous.type not in ("DATE", "TIME")
        or previous.signal is None  # "first-quarter results": a noun's modifier stays
        or previous.range_role is not None
    ):
        return modifiers
    phrase = phrase_of(text, previous.span, previous.signal)
    if not _COMPLEMENT_OPENER.search(text, phrase[1], expression.span[0]):
        # "The strike that began on Sept. 15 ended", "The law enacted in December took
        # effect": the earlier date names the subject of this one's clause
        return modifiers
    return [*modifiers, phrase]


# what opens the clause of a verb's complement: "voted on Friday to phase out coal",
# "said on Friday that sales dropped", "meet on Thursday to decide whether to raise"
_COMPLEMENT_OPENER = re.compile(r"(?<![\w-])(?:to|that|whether)\s")


def phrase_of(
    text: str, span: tuple[int, int], signal: str | None, trigger_start: int = -1
) -> tuple[int, int]:
    """The phrase of the expression at ``span``, which its event's description leaves
    out: with its signal and the words that lead into it or close it ("for much of
    2020", "this month thus far", "ahead of Thursday's vote" unless the event's trigger,
    starting at ``trigger_start``, is that vote)."""
    end = _phrase_end(text, span[1])
    owned = _OWNED_NOUN.match(text, span[1])
    if (
        owned is not None
        and (signal or "").lower() in grammar_words().signals_relating_to_a_thing
        and not span[1] <= trigger_start < owned.end()
    ):
        # "ahead of Thursday's vote": the thing the day is named for goes with it (unless
        # that thing is the event: "before Friday's purchases")
        return _phrase_start(text, span, signal), owned.end()
    if owned is not None:
        # "rose on Friday's news", "reacted to Friday's report", "the location for
        # Friday's ceremony was chosen": the signal relates the clause to the thing,
        # which the description keeps ("rose on the news")
        return span[0], end
    article = _ARTICLE_OPENING.match(text, span[0], span[1])
    if article is not None and _head_noun_follows(text, span[1], trigger_start):
        # "before the summer recess": the date modifies the noun its article opens, which
        # keeps both and the signal ("voted before the recess", as "in the election")
        return article.end(), end
    return _phrase_start(text, span, signal), end


def _head_noun_follows(text: str, end: int, trigger_start: int) -> bool:
    """The word after ``end`` is the noun of the phrase the date opens ("the summer
    recess"): not a verb's -ing form ("the next six months mapping"), a pronoun or a
    preposition ("for the next 30 years she ran", "the weekend over the decision")."""
    word = _noun_after_date(text, end, trigger_start)
    if word is None:
        return False
    grammar = grammar_words()
    return not (
        word.endswith("ing")
        or word in grammar.function_words
        or word in grammar.subject_pronouns
        or word in grammar.articles
    )


_ARTICLE_OPENING = re.compile(r"(?i:the)\s{1,3}(?=[A-Za-z])")


def _phrase_start(text: str, span: tuple[int, int], signal: str | None) -> int:
    """Where the phrase of the expression at ``span`` begins: at its signal, or
    at the words that lead into it ("for much of 2020", "in each of the past three
    months", "so far this year", "thus far in 2021"), which are the date's, not the
    event's."""
    begin = signal_start(text, span[0], signal)
    if (
        signal is None
        and text[max(0, begin - 6) : begin].rstrip().lower().endswith(_owners())
        and not _noun_follows(text, span[1])
    ):
        # "reported earnings for its fourth quarter": the possessive and its preposition
        # are the date's phrase, though TimeML's extent leaves them out (not those of a
        # noun the date modifies: "in his 1996 campaign")
        owned = _owned_date().search(text, max(0, begin - 24), begin)
        if owned is not None:
            begin = owned.start()
    reach = max(0, begin - _LEAD_IN_REACH)
    lead = None
    if (signal or "").lower() == "of":
        lead = _lead_in().search(text, reach, begin)
    if lead is None and "ar" in text[max(0, begin - 8) : begin].lower():
        # most dates have no "far" before them: the regex scan of the reach is skipped
        lead = _SO_FAR_BEFORE.search(text, reach, begin)
    return lead.start() if lead is not None else begin


def _phrase_end(text: str, end: int) -> int:
    """Where the phrase of the expression ending at ``end`` ends: after a "so far" or
    "thus far" that cuts its period short ("this month thus far")."""
    after = _SO_FAR_AFTER.match(text, end)
    return after.end() if after is not None else end


_LEAD_IN_REACH = 40
# "'s" and the noun it ends on, at most three lower-case words: "'s closing price"
_OWNED_NOUN = re.compile(
    r"['’]s(?:\s{1,3}(?!(?:and|or|but|in|on|at|of|for|to|by|with)\b)[a-z]+){1,3}"
)


@lru_cache(maxsize=1)
def _owners() -> tuple[str, ...]:
    return tuple(sorted(grammar_words().possessive_owners))


@lru_cache(maxsize=1)
def _owned_date() -> re.Pattern[str]:
    """ "for its", "during their" right before a date: built at first use, its
    possessives are data."""
    owners = "|".join(_owners())
    return re.compile(
        rf"(?<![\w-])(?i:for|in|during|of|over|through)\s{{1,3}}(?i:{owners})\s{{1,3}}$"
    )


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    """A preposition and a part or share of the period before "of": "for much of", "in
    each of", "during the better part of" (the "of" is the expression's signal); without
    the preposition the words are a noun's ("Most of 2020 was lost", "took part of 2019
    off").  Built at first use: its words are data (`Grammar.lead_in`)."""
    words = grammar_words().lead_in
    return re.compile(
        rf"(?<![\w-])(?i:{_alternatives(words.prepositions)})\s{{1,3}}"
        rf"(?:(?i:{_alternatives(words.articles)})\s{{1,3}})?"
        rf"(?:(?i:{_alternatives(words.adjectives)})\s{{1,3}})?"
        rf"(?i:{_alternatives(words.parts)})"
        r"\s{1,3}$"
    )


def _alternatives(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` in their order (the data's: leftmost wins)."""
    return "|".join(map(re.escape, words))


_SO_FAR_BEFORE = re.compile(r"(?<![\w-])(?i:so|thus)\s{1,3}(?i:far),?\s{1,3}$")
_SO_FAR_AFTER = re.compile(r",?\s{1,3}(?i:so|thus)\s{1,3}(?i:far)(?![\w-])(?!\s{1,3}(?i:as)\b)")


def event_at(
    analysis: Analysis,
    trigger: Token,
    *,
    description: str,
    span: tuple[int, int],
    relation: Relation,
    start: date | None,
    end: date | None,
    granularity: Granularity,
    anchor: str,
    placement: Placement,
    expression: TimeExpression | None = None,
    end_expression: TimeExpression | None = None,
    tense: Tense | None = None,
    anchor_span: tuple[int, int] | None = None,
) -> Event:
    """The `Event` of ``trigger``: its sentence, lemma and tense come from the analysis."""
    sentence = analysis.sentence_at(trigger.start)
    if start is not None and end is not None and end < start:
        # every rule means start <= end; should two bounds still cross, the event keeps
        # the stretch both name rather than an interval no date falls in
        start, end = end, start
    return Event(
        description=description,
        trigger=trigger.text,
        trigger_span=(trigger.start, trigger.end),
        relation=relation,
        start=start,
        end=end,
        granularity=granularity,
        sentence=sentence.text,
        sentence_index=sentence.index,
        span=span,
        anchor=anchor,
        expression=expression,
        end_expression=end_expression,
        lemma=analysis.lemma_of(trigger),
        tense=tense if tense is not None else analysis.tense_at((trigger.start, trigger.end)),
        placement=placement,
        anchor_span=anchor_span,
    )


def describe(
    analysis: Analysis,
    trigger: Token,
    cut: tuple[int, int],
    stop: int = sys.maxsize,
    *,
    beside: Sequence[tuple[int, int]] = (),
) -> tuple[str, tuple[int, int]]:
    """A concise description of the trigger's clause, with the ``cut`` span left out and
    ending before ``stop`` when it lies after the trigger (where the next date starts:
    "said on Monday it would cut 500 jobs by the end of the year" describes each date's
    event apart).  The ``beside`` spans, other dates' phrases that modify a noun of the
    clause, are left out too ("Results for the three months ended Dec. 31 will be
    released on Feb. 10": "Results will be released")."""
    tokens = analysis.window((trigger.start, trigger.end), radius=_MAX_LEFT + _MAX_RIGHT + 8)
    beside = [b for b in beside if b[1] <= cut[0] or cut[1] <= b[0]]  # not its own date
    desc_start, desc_end = _clause_bounds(tokens, trigger, cut, stop, beside)
    gap = _gapped_conjunct(tokens, trigger, desc_end, cut)
    if gap is not None:
        # "discovered polonium in July 1898 and radium that December": the second date's
        # event is the verb with the words of its own conjunct; one with a subject of its
        # own ("One died at the scene and the other in hospital") reads whole
        text = analysis.text
        gap = _without_dangling_end(tokens, gap)
        if _opens_on_a_subject(tokens, gap[0]):
            head_end = desc_end
        else:
            head_end = _parallel_phrase_start(tokens, trigger, desc_end, gap) or trigger.end
        joint = " and " if head_end == desc_end else " "
        description = " ".join(f"{text[desc_start:head_end]}{joint}{text[gap[0] : gap[1]]}".split())
        desc_end = gap[1]
    else:
        inside = [b for b in beside if desc_start <= b[0] and b[1] <= desc_end]
        description = _describe(analysis.text, desc_start, desc_end, cut, inside, trigger)
    sentence_start = analysis.sentence_at(trigger.start).start
    first = _bare_conjunct_before(tokens, desc_start, trigger, sentence_start, cut)
    if first is not None:
        # "Two soldiers died and five were injured on Tuesday": both happened then
        text = analysis.text
        return " ".join(f"{text[first:desc_start]} {description}".split()), (first, desc_end)
    subject = _subject_of_clause(tokens, desc_start, trigger, sentence_start, cut)
    if subject is None and " " not in description:
        subject = _owner_of_a_lone_participle(tokens, desc_start)
    if subject:
        description = f"{subject} {description}"
    return description, (desc_start, desc_end)


def _owner_of_a_lone_participle(tokens: Sequence[Token], start: int) -> str | None:
    """ "said in the letter, dated Monday": a participle set off after a noun, with no
    word of its own but its date, is that noun's ("the letter, dated"), wherever the
    noun stands in the sentence."""
    index = _index_of(tokens, start)
    if (
        index is None
        or index < 2
        or tokens[index - 1].text != ","
        or not _opens_with_a_participle(tokens[index : index + 1])
    ):
        return None
    first = _noun_phrase_start(tokens, index - 1)
    if first is None:
        return None
    lead = first - 1
    # the noun of a prepositional phrase, a clause's or the sentence's first: not "10
    # cents a share, reported on March 3", whose "a share" is a figure's
    word = tokens[lead].text.lower() if lead >= 0 else ""
    grammar = grammar_words()
    if (
        lead >= 0
        and word not in grammar.prepositions_before_nouns
        and word not in (grammar.clause_openers | grammar.stop_before_noun)
    ):
        return None
    return f"{_as_written(tokens[first : index - 1])},"


def _bare_conjunct_before(
    tokens: Sequence[Token],
    start: int,
    trigger: Token,
    sentence_start: int,
    cut: tuple[int, int],
) -> int | None:
    """Where the sentence's first clause starts when it ends on its past verb and "and"
    joins it to the clause at ``start`` (with a subject of its own, before ``trigger``),
    which the date (``cut``) closes: "Three people were killed and 10 were wounded in
    the attack on Sunday".  A clause with no word after its verb has no adverbial of
    its own: the date at the end of the second is both's ("The company reported a loss
    and shares fell on Tuesday" keeps its object, and the date only the fall)."""
    index = _index_of(tokens, start)
    if index is None or index < 3 or tokens[index - 1].text != "and" or cut[0] < start:
        return None
    verb = index - 2
    if past_kind(tokens[verb].text.lower()) is None or not is_content_verb(tokens, verb):
        return None
    if _negated(tokens, tokens[verb]) or _verb_group_at(tokens, index, trigger):
        # "they never materialized and IMA completed …": what did not happen has no
        # date; "He was soon released and appeared healthy when …": one subject's two
        # verbs, each with its own words (see `_shared_subject`)
        return None
    openers = grammar_words().clause_openers
    first = verb
    while first > 0 and tokens[first - 1].start >= sentence_start:
        word = tokens[first - 1].text
        if _names_a_date(word):
            return None  # "In 2010 he joined and left on Tuesday": the first has its date
        if not _PLAIN_WORD.fullmatch(word) or word.lower() in openers or word.lower() == "that":
            break  # "Officials said (that) two people died and …": it starts after "said"
        if is_content_verb(tokens, first - 1):
            return None  # "The man who attacked them fled and …": no subject to be sure of
        if verb - first >= _MAX_CONJUNCT_SUBJECT:
            return None
        first -= 1
    return tokens[first].start if first < verb else None


# the subject and auxiliaries a bare first conjunct may have before its verb
_MAX_CONJUNCT_SUBJECT = 6
# a count written in digits: "10", "1,200"
_COUNT_DIGITS = r"\d{1,3}(?:,\d{3})*"
_PLAIN_WORD = re.compile(rf"[A-Za-z][a-z'’]*|{_COUNT_DIGITS}")
_YEAR_LIKE = re.compile(r"1\d{3}|20\d{2}")


def _gapped_conjunct(
    tokens: Sequence[Token], trigger: Token, clause_end: int, cut: tuple[int, int]
) -> tuple[int, int] | None:
    """The words of a verbless conjunct between the clause of ``trigger`` and the
    expression (``cut``) that the trigger governs across "and" ("… and radium that
    December"): their character span, or None."""
    if cut[0] <= clause_end or trigger.start > clause_end:
        return None
    between = [i for i, t in enumerate(tokens) if clause_end <= t.start < cut[0]]
    if len(between) < 2 or tokens[between[0]].text.lower() not in ("and", "but", "or"):
        return None
    words = between[1:]
    if len(words) > 5 or not all(_CONJUNCT_WORD.fullmatch(tokens[i].text) for i in words):
        return None
    if any(is_content_verb(tokens, i) for i in words):
        return None
    if any(past_kind(tokens[i].text.lower()) is not None for i in words):
        # "Two people were killed and five injured on Saturday": a conjunct that shares
        # the first's auxiliary, not its verb; the "and" stays
        return tokens[between[0]].start, tokens[words[-1]].end
    if not _dated_before(tokens, trigger.end, clause_end) and not _with_a_place_of_its_own(
        tokens, words
    ):
        # "devastated by a huge earthquake and tsunami in March 2011": two nouns, not a
        # second conjunct standing in for a first with a date of its own
        return None
    return tokens[words[0]].start, tokens[words[-1]].end


def _with_a_place_of_its_own(tokens: Sequence[Token], words: list[int]) -> bool:
    """The conjunct opens on a determiner and holds a phrase of its own
    after it ("and the other in hospital"): a clause that lacks only the verb, not a
    second noun ("research and development costs in half")."""
    if not _opens_on_a_subject(tokens, tokens[words[0]].start):
        return False
    grammar = grammar_words()
    return any(
        tokens[i].text.lower() in grammar.function_words
        and tokens[i].text.lower() not in ("of", "and", "or", "but", "nor")
        for i in words[1:]
    )


def _opens_on_a_subject(tokens: Sequence[Token], start: int) -> bool:
    """The gapped conjunct at ``start`` opens on a determiner ("the other in hospital"):
    the subject of a clause whose verb is left out."""
    index = _index_of(tokens, start)
    if index is None:
        return False
    return tokens[index].text.lower() in grammar_words().openers_of_noun_phrases


def _without_dangling_end(tokens: Sequence[Token], span: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the dangling words it ends on ("… in hospital shortly")."""
    dangling = grammar_words().dangling_words
    inside = [t for t in tokens if span[0] <= t.start < span[1]]
    while len(inside) > 1 and inside[-1].text.lower() in dangling:
        inside.pop()
    return span[0], inside[-1].end if inside else span[1]


def _dated_before(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A time word or a year stands between ``start`` and ``end``: the first conjunct of
    "discovered polonium in July 1898 and radium that December" has its date."""
    return any(_names_a_date(t.text) for t in tokens if start <= t.start < end)


def _names_a_date(word: str) -> bool:
    """``word`` is a time word ("March", "week") or a year."""
    return word.lower() in _calendar_words() or _YEAR_LIKE.fullmatch(word) is not None


def _parallel_phrase_start(
    tokens: Sequence[Token], trigger: Token, clause_end: int, gap: tuple[int, int]
) -> int | None:
    """Where the first clause's phrase that a gapped conjunct stands in for starts: its
    first phrase led by the preposition that leads the conjunct ("earned degrees in
    physics … and in mathematics": "earned degrees in mathematics"), or None."""
    first = _index_of(tokens, gap[0])
    word = tokens[first].text.lower() if first is not None else ""
    if word not in grammar_words().parallel_prepositions:
        return None
    return next(
        (t.start for t in tokens if trigger.end <= t.start < clause_end and t.text.lower() == word),
        None,
    )


# a word or an amount ("3%", "$5", "2.5") of a verbless conjunct
_CONJUNCT_WORD = re.compile(r"[\w$%.,']+|[$%]")


def _trigger_for(
    span: tuple[int, int], expression: TimeExpression, analysis: Analysis
) -> Token | None:
    """The governing verb; for a verbless appositive ("defense minister from 2012"), its noun."""
    tokens = analysis.window(span)
    verb = analysis.governor_of(span)
    if verb is not None and verb.start >= span[1]:
        verb = _saying_before(tokens, span, verb) or verb
    noun = _appositive_head(tokens, span, expression.signal)
    if (
        noun is not None
        and verb is not None
        and expression.signal in (None, "on")
        and _in_a_fronted_phrase(tokens, noun, span, analysis.sentence_at(span[0]).start)
    ):
        # "In New York Stock Exchange composite trading yesterday, Unisys closed at $15":
        # the phrase sets the scene of the main clause past its comma
        noun = None
    if noun is not None and (verb is None or not _same_segment(tokens, verb, span)):
        return noun
    return verb if verb is not None else noun


def _in_a_fronted_phrase(
    tokens: Sequence[Token], noun: Token, span: tuple[int, int], sentence_start: int
) -> bool:
    """``noun`` and the date at ``span`` close a prepositional phrase that opens the
    sentence (starting at ``sentence_start``) and a comma ends: "In over-the-counter
    trading Friday, …", "In a televised address on Monday, …"."""
    end = token_index(tokens, span[1])
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return False
    if tokens[end + 1].text.lower() in grammar_words().clause_openers:
        return False  # "In contrast to Thursday, when …": no main clause right after
    first = token_index(tokens, sentence_start)
    fronting = grammar_words().prepositions_fronting_a_scene
    if first >= len(tokens) or tokens[first].text.lower() not in fronting:
        return False
    last = token_index(tokens, noun.start)
    return not any(t.text in _BREAK_TOKENS for t in tokens[first:last])


def _saying_before(tokens: Sequence[Token], span: tuple[int, int], verb: Token) -> Token | None:
    """ "The ministry said in a statement on Friday that exports rose": a date right
    before the "that" of a reported clause is the saying's, not the date of the verb
    inside the clause (``verb``), however far back the saying verb stands."""
    that = token_index(tokens, span[1])
    if (
        that + 1 >= len(tokens)
        or tokens[that].text.lower() != "that"
        or tokens[that].start >= verb.start
        or not _reports_a_clause(tokens, that)
    ):
        return None
    start = token_index(tokens, span[0])
    for i in range(start - 1, max(-1, start - _SAYING_REACH), -1):
        if tokens[i].text in _BREAK_TOKENS:
            return None
        if is_attribution(tokens[i].text.lower()):
            return tokens[i]
    return None


_SAYING_REACH = 8


def _same_segment(tokens: Sequence[Token], token: Token, span: tuple[int, int]) -> bool:
    low, high = sorted((token.start, span[0]))
    return not any(
        t.text in (",", ";", ":", "(", ")", "—", "–")
        and not (t.text == "," and _in_a_place_name(tokens, i))
        for i, t in enumerate(tokens)
        if low <= t.start < high
    )


def _in_a_place_name(tokens: Sequence[Token], comma: int) -> bool:
    """The comma at ``comma`` sets off a place's state in "a Buffalo, N.Y., doctor" or
    "Bethesda, Md., hospital": it parts no clause."""
    first = comma
    if comma >= 2 and _state_abbreviation_ends(tokens, comma - 1):
        # the comma after the state: find the one before it
        first = comma - (3 if tokens[comma - 1].text == "." else 2)
    if first < 1 or first + 1 >= len(tokens) or tokens[first].text != ",":
        return False
    place = tokens[first - 1].text
    return (
        place.isalpha()
        and place[0].isupper()
        and _state_abbreviation_ends(
            tokens, first + (2 if first + 2 < len(tokens) and tokens[first + 2].text == "." else 1)
        )
    )


def _state_abbreviation_ends(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` ends a state's abbreviation: "N.Y.", or "Md" and its period."""
    word = tokens[i].text
    if word == "." and i > 0 and tokens[i - 1].end == tokens[i].start:
        word = tokens[i - 1].text + "."
    return word.lower() in grammar_words().state_abbreviations


_CAPITALIZED_OR_LOWER_WORD = re.compile(r"[A-Za-z][a-z]+")


def _appositive_head(
    tokens: Sequence[Token], span: tuple[int, int], signal: str | None
) -> Token | None:
    """The noun just before the signal when nothing verbal stands between a comma and it."""
    before = [t for t in tokens if t.end <= span[0]]
    if signal:
        before = before[: len(before) - len(signal.split())]
    if not before:
        return None
    last = before[-1]
    low = last.text.lower()
    grammar = grammar_words()
    if not _CAPITALIZED_OR_LOWER_WORD.fullmatch(last.text) or low in grammar.clause_openers:
        return None
    if low in grammar.noun_phrase_determiners or low in ("this", "that", "these"):
        return None  # "The 2024-25 season", "over the Labor Day weekend": a noun's modifier
    if low in _calendar_words():
        return None  # "May May", "most recently in 2020": a time word is no event
    if low in lexicon().ordinals:
        return None  # "The walkout, the third this year, follows": a count, no event
    if low in grammar.adverbs_before_dates:
        return None  # "fined in March and again in October": the verb's, again
    if low in grammar.predicates_of_the_clause_before:
        return None  # "raised wages 3 percent, retroactive to January 1": the raise's
    if low in grammar.hedges_before_anchors or low in lexicon().point_modifiers:
        return None  # "Shortly after midnight, …", "Early on Monday, …": the date's words
    if signal == "of" and _lead_in().search(" ".join(t.text for t in before[-5:]) + " "):
        return None  # "For much of 2020, offices stood empty": the date's own words
    if last.text[0].isupper() and len(before) > 1 and before[-2].text not in _SENTENCE_OPENING:
        return None  # "lived in Germany in 1955": a name inside a sentence is no event
    return last


# what may stand before a sentence's first word
_SENTENCE_OPENING = frozenset({".", "!", "?", '"', "“", "'", "‘", "(", "[", "-", "—", "–", ":"})


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(
        [
            *lex.months,
            *lex.weekdays,
            *lex.units,
            *lex.unit_plurals,
            *lex.seasons,
            *lex.day_words,
            *lex.parts_of_day,  # "On the night of November 9, border guards opened …"
            # "most recently in 2020", "currently in its third year": a time word
            *(w for w in (*lex.past_ref, *lex.present_ref) if " " not in w),
        ]
    )


def signal_start(text: str, start: int, signal: str | None) -> int:
    """Where the signal before an expression starting at ``start`` begins (or ``start``)."""
    if not signal:
        return start
    window_start = max(0, start - len(signal) - 8)
    # lower-case only the window: lowering the whole text per expression is quadratic
    index = text[window_start:start].lower().rfind(signal.split()[0])
    if index >= 0:
        return window_start + index
    # "after a disappointing first half": the signal stands before the noun phrase's
    # determiner and modifiers, as a whole word
    window_start = max(0, start - _MODIFIED_SIGNAL_REACH)
    window = text[window_start:start].lower()
    index = window.rfind(signal)
    while index >= 0 and not _whole_word_at(window, index, len(signal)):
        index = window.rfind(signal, 0, index)
    return window_start + index if index >= 0 else start


_MODIFIED_SIGNAL_REACH = 48  # as far back as recognition looks for one


def _whole_word_at(text: str, index: int, length: int) -> bool:
    before = text[index - 1 : index] if index else ""
    after = text[index + length : index + length + 1]
    return not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-")


def _clause_bounds(
    tokens: Sequence[Token],
    trigger: Token,
    cut: tuple[int, int],
    stop: int = sys.maxsize,
    beside: Sequence[tuple[int, int]] = (),
) -> tuple[int, int]:
    """Character bounds of the trigger's clause core: subject, trigger, a few words after,
    none at or past ``stop`` when it lies after the trigger.  The words of the ``beside``
    phrases, left out of the description, neither count nor end the clause."""
    index = _index_of(tokens, trigger.start)
    assert index is not None  # the trigger is one of the sentence's tokens
    high = stop if stop >= trigger.end else sys.maxsize
    # read once here, not per token in `_ends_clause`: the accessor call costs more
    # than the set lookup it serves
    openers = grammar_words().clause_openers
    left = index
    steps = 0
    while left > 0 and steps < _MAX_LEFT:
        aside = any(start <= tokens[left - 1].start < end for start, end in beside)
        if not aside and _opens_clause(tokens, left - 1, cut, openers):
            break
        left -= 1
        # the date's own words leave the description: they count for nothing
        steps += 0 if aside or cut[0] <= tokens[left].start < cut[1] else 1
    if tokens[left].text.lower() == "with" and trigger.text.endswith("ing") and left < index:
        left += 1  # "with testimony beginning Monday": the clause is "testimony beginning"
    if (
        0 < left < index
        and tokens[left].text.lower() in ("of", "to")
        and tokens[left - 1].text.lower() in openers
    ):
        left += 1  # "because of the wild swings seen", "according to": the opener's word
    while (
        0 < left < index
        and tokens[left].text in _WORD_ENDINGS
        and (tokens[left - 1].end == tokens[left].start)
    ):
        left -= 1  # "Corp.'s announcement": not from the period or the "'s" of a word
    while left < index and tokens[left].text in _QUOTES_AND_MARKS:
        left += 1  # "…,'' Albright said": not from the quotation's closing marks
    if left > 0 and _opens_on_possessive(tokens, left):
        left -= 1  # "Unisys Corp.'s announcement": the owner goes with its possessive
        if closes_abbreviation(tokens, left):
            left -= 1
    left = _past_a_hometown(tokens, left, index)
    left = _past_a_telling(tokens, left, index)
    left = _relative_clause_antecedent(tokens, left, index)
    dates_trigger = _dates_the_verb(tokens, index, cut)
    # "the targets set in 2016", not "a computer based on the chip early next year"
    reduced = _reduced_relative_start(tokens, left, index) if dates_trigger else None
    left = _contact_clause_start(tokens, left, index) or reduced or left
    right = index
    steps = 0
    relative = index > 1 and tokens[index - 1].text.lower() in grammar_words().relative_pronouns
    while right + 1 < len(tokens) and steps < _MAX_RIGHT:
        inside_cut = cut[0] <= tokens[right + 1].start < cut[1]
        if not inside_cut and (
            tokens[right + 1].start >= high
            or (_ends_clause(tokens, right + 1, openers) and not _role_after(tokens, right, index))
        ):
            break
        # a noun's participle and its date end the phrase ("a letter published Wednesday
        # that he wants …" goes on with the saying's clause)
        if (
            dates_trigger
            and tokens[right].end == cut[1]
            and (reduced is not None or _verb_after_date(tokens, right + 1, relative=relative))
        ):
            break
        right += 1
        steps += 0 if inside_cut else 1
    if steps == _MAX_RIGHT and right + 1 < len(tokens):
        whole = _clause_end_near(tokens, right, cut, high, openers)
        if whole == right:
            whole = _noun_phrase_end_near(tokens, right, cut, high)
        # a clause described to its end is no longer cut short: its last number stays
        right = whole if whole != right else _before_a_cut_number(tokens, index, right)
    return tokens[left].start, tokens[right].end


# what ends a word written against it: an abbreviation's period, a possessive
_WORD_ENDINGS = frozenset({".", "'s", "’s"})
_QUOTES_AND_MARKS = frozenset({"'", "''", "’", "”", '"', "`", "``", ",", ";", ":"})


def _relative_clause_antecedent(tokens: Sequence[Token], left: int, index: int) -> int:
    """Where the description starts when the trigger at ``index`` is the verb of a
    relative clause and the words from ``left`` are no subject of the sentence: at the
    noun phrase the clause is about ("won by 11 points in a race that polls had called
    a toss-up last week": "a race that polls had called a toss-up"), not in the middle
    of the main clause."""
    if tokens[left].text[:1].isupper():
        return left  # "Kopp fired the shots that killed …": the sentence's own subject
    pronoun = _relative_pronoun_before(tokens, left, index)
    # (the clause's pronoun first: the verb search after the trigger runs for few events)
    if pronoun is None or _verb_after_in_clause(tokens, index):
        return left  # "Little of the vitriol that the issue aroused remains": a subject
    start = _antecedent_start(tokens, left, pronoun)
    return left if start is None else start


def _relative_pronoun_before(tokens: Sequence[Token], left: int, index: int) -> int | None:
    """The relative pronoun after ``left`` whose clause has the trigger at ``index`` for
    its verb ("the revolution that brought Castro to power gathered": not "gathered")."""
    relative_pronouns = grammar_words().relative_pronouns
    for j in range(index - 1, left, -1):
        if tokens[j].text in _BREAK_TOKENS:
            return None
        if tokens[j].text.lower() in relative_pronouns:
            return None if any(is_content_verb(tokens, m) for m in range(j + 1, index)) else j
    return None


def _antecedent_start(tokens: Sequence[Token], left: int, pronoun: int) -> int | None:
    """The determiner opening the noun phrase right before the relative ``pronoun``: a
    few lower-case words after it, none a verb ("a race", "the consent decree")."""
    determiners = grammar_words().noun_phrase_determiners
    for k in range(pronoun - 2, max(left, pronoun - 1 - _MAX_ANTECEDENT_WORDS) - 1, -1):
        if tokens[k].text.lower() in determiners:
            return (
                k
                if all(
                    tokens[m].text.isalpha()
                    and tokens[m].text.islower()
                    and not is_content_verb(tokens, m)
                    for m in range(k + 1, pronoun)
                )
                else None
            )
    return None


def _verb_after_in_clause(tokens: Sequence[Token], index: int) -> bool:
    """A verb after the trigger at ``index`` before the clause breaks off: a content
    verb, a linking verb or a finite auxiliary ("aroused in 1987 remains", "expired in
    June was replaced"; "called a toss-up last week" has none)."""
    grammar = grammar_words()
    for m in range(index + 1, len(tokens)):
        if tokens[m].text in _BREAK_TOKENS:
            return False
        word = tokens[m].text.lower()
        if (
            word in grammar.linking_verbs
            or word in grammar.finite_auxiliaries
            or is_content_verb(tokens, m)
        ):
            return True
    return False


# the words of a noun phrase between its determiner and a relative pronoun: "a race",
# "the consent decree"
_MAX_ANTECEDENT_WORDS = 2


def _past_a_telling(tokens: Sequence[Token], left: int, index: int) -> int:
    """Where the reported clause starts when the words before the trigger at ``index``
    tell it to someone: "She told reporters she would present …", "told the council
    that the plan would …" (past the teller and the one told)."""
    grammar = grammar_words()
    for k in range(left, index):
        if tokens[k].text.lower() not in grammar.verbs_of_telling:
            continue
        for j in range(k + 2, min(index, k + 2 + _MAX_TOLD_WORDS)):
            word = tokens[j].text.lower()
            if word == "that" and j + 1 < index:
                return j + 1
            if word in grammar.contact_clause_subjects:
                return j
            if tokens[j].text in _BREAK_TOKENS:
                break
    return left


# the words of the one told ("the city council") before the reported clause
_MAX_TOLD_WORDS = 4


def _past_a_hometown(tokens: Sequence[Token], left: int, index: int) -> int:
    """Where the clause starts when its words open on a hometown set off after a name
    ("Kopp, 44, of St. Albans, Vt., became …"): past the hometown, whose subject
    `_subject_of_clause` reads before it."""
    if not (
        0 < left < index and tokens[left - 1].text == "," and is_hometown(tokens[left : left + 2])
    ):
        return left
    # the comma that closes it: the last before the verb (a state's comma parts no
    # clause: "of St. Albans, Vt.,")
    closing = [k for k in range(left + 2, index) if tokens[k].text == ","]
    return closing[-1] + 1 if closing else left


def _contact_clause_start(tokens: Sequence[Token], left: int, index: int) -> int | None:
    """Where a relative clause without its "that" starts when the trigger at ``index``
    is its verb: "repaid the money it borrowed in 2019" is about the money it borrowed,
    an object (after a verb) and a pronoun subject right before the verb group."""
    grammar = grammar_words()
    pronoun = index - 1
    while pronoun > left and tokens[pronoun].text.lower() in grammar.sharable_auxiliaries:
        pronoun -= 1  # "the money it had borrowed"
    if pronoun - 2 <= left or tokens[pronoun].text.lower() not in grammar.contact_clause_subjects:
        return None
    if tokens[pronoun - 1].text.lower() in grammar.function_words:
        return None  # "after the vote in May they left": no object before the pronoun
    start = _noun_phrase_start(tokens, pronoun)
    if start is None or start <= left or not is_content_verb(tokens, start - 1):
        return None
    return start


def _reduced_relative_start(tokens: Sequence[Token], left: int, index: int) -> int | None:
    """Where the noun phrase starts whose participle the trigger at ``index`` is, when
    that phrase is a verb's object: "to reach the targets set in 2016" is about the
    targets set then, not the reaching."""
    trigger = tokens[index].text
    if index - 2 <= left or not trigger.islower() or past_kind(trigger) not in _PARTICIPLES:
        return None
    noun = tokens[index - 1].text
    if (
        not (noun.isalpha() and noun.islower())
        or noun in grammar_words().function_words
        or noun in grammar_words().sharable_auxiliaries
        or is_content_verb(tokens, index - 1)
    ):
        return None
    start = _noun_phrase_start(tokens, index)
    if (
        start is None
        or start <= left
        or tokens[start].text.lower() not in grammar_words().openers_of_noun_phrases
    ):
        return None
    # a verb's object: "reach the targets set", or the object of the preposition the
    # clause would open on ("in a letter published Monday"); after a preposition inside
    # the clause the phrase may be the subject's own ("The first batch of evidence from
    # the bombing arrived")
    lead = start - 1
    if is_content_verb(tokens, lead) or (
        lead == left
        and tokens[lead].text.lower() in grammar_words().prepositions_opening_a_description
    ):
        return start
    return None


_PARTICIPLES = frozenset({"participle", "either"})


def _clause_end_near(
    tokens: Sequence[Token],
    right: int,
    cut: tuple[int, int],
    high: int,
    openers: frozenset[str],
) -> int:
    """The clause's last token when the word limit stopped at ``right`` a few words
    short of it ("in custody for questioning about" of "… about the bombing."), else
    ``right``: a clause that ends that soon is described whole."""
    for end in range(right + 1, min(len(tokens), right + 1 + _WORDS_PAST_LIMIT)):
        token = tokens[end]
        if token.start >= high or cut[0] <= token.start < cut[1]:
            return right
        if _ends_clause(tokens, end, openers):
            return end - 1 if tokens[end].text in _SENTENCE_ENDS else right
    return right


def _noun_phrase_end_near(
    tokens: Sequence[Token], right: int, cut: tuple[int, int], high: int
) -> int:
    """The head of the noun phrase the word limit stopped inside at ``right`` ("failing
    to report a separate" of "… a separate defect in a line of blankets", "a net loss
    of $17 million to $19" of "… $19 million") when it comes within a few words, before
    a function word or a mark, else ``right``."""
    grammar = grammar_words()
    if tokens[right].text.lower() in grammar.dangling_words:
        return right  # "… near his home in the": the phrase barely begun goes instead
    stops = grammar.function_words | grammar.clause_openers
    for end in range(right + 1, min(len(tokens), right + 1 + _WORDS_PAST_LIMIT)):
        token = tokens[end]
        if (
            token.start >= high
            or cut[0] <= token.start < cut[1]
            or not token.text.isalnum()
            or token.text.lower() in stops
            or is_content_verb(tokens, end)
        ):
            return right
        following = tokens[end + 1].text if end + 1 < len(tokens) else "."
        if following in _BREAK_TOKENS or following.lower() in stops:
            return end
    return right


# how many words past the limit a clause may end and still be described whole
_WORDS_PAST_LIMIT = 3
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


def _role_after(tokens: Sequence[Token], i: int, trigger: int) -> bool:
    """ "served as mayor", "resigned as chairman": the "as" right after the trigger
    (token ``i``) names a role, up to a break, with no verb that would make it a clause
    ("fell as investors worried")."""
    if i != trigger or i + 1 >= len(tokens) or tokens[i + 1].text.lower() != "as":
        return False
    finite = grammar_words().finite_auxiliaries
    for j in range(i + 2, min(len(tokens), i + 2 + _ROLE_WORDS)):
        if tokens[j].text in _BREAK_TOKENS:
            break
        word = tokens[j].text.lower()
        if word == "as" or word in finite or is_content_verb(tokens, j):
            return False  # (and "rose as much as 5%": a comparison, no role)
        if j == i + 2 and (past_kind(word) is not None or word.endswith("ly")):
            return False  # "began as scheduled", "as originally planned": a manner
    return True


_ROLE_WORDS = 5


def _before_a_cut_number(tokens: Sequence[Token], index: int, right: int) -> int:
    """The clause cut short by the word limit right after a number ("offered a 4% pay
    rise over two", of "over two years") or a currency sign ("for embezzling $", of
    "$4.2 million"): it counts what is cut off, so it and the words leading into it go
    too."""
    grammar = grammar_words()
    cardinals = grammar.cardinals_before_nouns
    end = right
    if tokens[end].text in _CURRENCY_SIGNS:
        return end - 1 if end - 1 > index and tokens[end - 1].text.isalpha() else right
    while end > index and (tokens[end].text.isdigit() or tokens[end].text.lower() in cardinals):
        end -= 1
    if end == right or not tokens[end].text.isalpha():
        return right  # "less than $10", "its PS/2": a figure or a name, not a count
    while end > index and (
        (word := tokens[end].text.lower()) in grammar.dangling_words
        or word in grammar.count_openers
    ):
        end -= 1
    return end


_CURRENCY_SIGNS = frozenset("$€£¥")


def _index_of(tokens: Sequence[Token], start: int) -> int | None:
    """The index of the token that starts at ``start``, if one does."""
    index = token_index(tokens, start)
    return index if index < len(tokens) and tokens[index].start == start else None


def _opens_on_possessive(tokens: Sequence[Token], i: int) -> bool:
    """Token ``i`` is a possessive "'s" (one token, or "'" and "s")."""
    word = tokens[i].text
    if word in ("'s", "’s"):
        return True
    return (
        word in ("'", "’")
        and i + 1 < len(tokens)
        and tokens[i + 1].text == "s"
        and tokens[i + 1].start == tokens[i].end
    )


def _dates_the_verb(tokens: Sequence[Token], index: int, cut: tuple[int, int]) -> bool:
    """The trigger at ``index`` is a verb and the date (``cut``) follows it within two
    words: "began on Sept. 15", "hit Florida in 2018"."""
    trigger = tokens[index]
    if trigger.end > cut[0] or is_attribution(trigger.text.lower()):
        return False  # "employees that Unisys said in May would be laid off" goes on
    between = token_index(tokens, cut[0]) - index - 1
    return between <= 2 and is_content_verb(tokens, index)


def _verb_after_date(tokens: Sequence[Token], i: int, *, relative: bool = False) -> bool:
    """ "The strike that began on Sept. 15 ended …", "A bridge built in 1932 collapsed":
    a finite verb right after the date closes the phrase the date was in; the main
    clause goes on from there.  Only an auxiliary or a past form that no noun follows:
    a present form there is as often the object ("announced Tuesday plans to …"), an
    -ed form before a noun its modifier ("released Monday revised figures").

    Not `text._verb_right_after`, which looks like it: that one judges a verb the
    governor search already found, so a present form is safe there ("The law enacted
    in December takes effect"); here any word after the date is judged, and taking
    the present would cut objects.  Either predicate in the other's place changes
    events on the TimeML corpus.

    After a ``relative`` clause's date ("The drought that lasted until March hurt
    farmers") the main clause still lacks its verb: any past form there is that verb."""
    word = tokens[i].text
    if word.lower() in grammar_words().finite_auxiliaries:
        return True
    if relative and word.isalpha() and word.islower() and past_kind(word) in ("past", "either"):
        return True
    return is_past_verb(tokens, i) and is_content_verb(tokens, i)


def _opens_clause(
    tokens: Sequence[Token], i: int, cut: tuple[int, int], openers: frozenset[str]
) -> bool:
    """Where a clause starts, reading leftwards from its trigger dated by ``cut``
    (``openers``: `Grammar.clause_openers`).

    A reported clause opens at its "that" only for a date inside it: a date before the
    "that" is the saying's ("signals Sunday that Israel wants …"), and where the verb
    after it was taken for the saying's, the words before keep the saying in view."""
    if tokens[i].text.lower() == "that" and 0 < i < len(tokens) - 1:
        return cut[0] > tokens[i].start and _reports_a_clause(tokens, i)
    if cut[0] > tokens[i].start and _ends_date_of_saying(tokens, i):
        return True
    return _ends_clause(tokens, i, openers)


def _ends_date_of_saying(tokens: Sequence[Token], i: int) -> bool:
    """ "Officials said Monday the bridge collapsed", "said on Tuesday sales fell": the
    date of a saying ends at ``i`` and the reported clause opens after it, without a
    "that"."""
    word = tokens[i].text.lower()
    if not (word[-1:].isdigit() or word in _calendar_words()) or i + 1 >= len(tokens):
        return False
    if word[-1:].isdigit() and not _ends_a_date(tokens, i):
        return False  # "said 300 people were killed", "said Monday 300 people": a count
    if not _subject_after(tokens, i):
        return False
    for j in range(i - 1, max(-1, i - _SAYING_DATE_REACH), -1):
        low = tokens[j].text.lower()
        if is_attribution(low):
            return True
        if not (
            low[-1:].isdigit()
            or low in _calendar_words()
            or low in grammar_words().saying_date_words
        ):
            return False
    return False


_SAYING_DATE_REACH = 5


def _ends_a_date(tokens: Sequence[Token], i: int) -> bool:
    """The number at ``i`` is a year or the day after a month's name ("Oct. 5", "May
    3")."""
    word = tokens[i].text
    if len(word) == 4 and word.isdigit():
        return True
    before = i - 1 if i and tokens[i - 1].text != "." else i - 2  # "Oct", "." and "5"
    return before >= 0 and tokens[before].text.lower() in lexicon().months


def _reports_a_clause(tokens: Sequence[Token], i: int) -> bool:
    """ "said on Monday that the bridge would reopen", "estimated that the quake will":
    the ``that`` at ``i`` opens a reported clause, which the event inside starts from.

    Only before a subject ("that law": a determiner) and after a verb or a date, not
    after a noun ("the vitriol that the issue aroused" is one phrase), and only read
    leftwards: "Norton announced that it was exploring a sale" keeps what was announced.
    """
    if not _subject_after(tokens, i):
        return False
    previous = tokens[i - 1].text
    return (
        previous[-1:].isdigit()
        or previous.lower() in _calendar_words()
        or _second_reported_clause(tokens, i)
        or is_content_verb(tokens, i - 1)
    )


def _second_reported_clause(tokens: Sequence[Token], i: int) -> bool:
    """ "said sales fell and that profit rose": "and that" inside a sentence joins a
    second reported clause ("And that standoff became …" opens on a determiner)."""
    return (
        i >= 2
        and tokens[i - 1].text.lower() == "and"
        and tokens[i - 2].text not in _SENTENCE_OPENING
    )


def _subject_after(tokens: Sequence[Token], i: int) -> bool:
    """A subject follows the "that" at ``i``: a word that opens one ("the", "it"), or up
    to three words without a determiner before a verb ("sales fell", "Smith resigned",
    "oil prices will"), which news writes as often.  Not the verb of a relative clause
    ("the quarter that ends in June", "the week that followed")."""
    grammar = grammar_words()
    first = tokens[i + 1].text
    if first.lower() in grammar.subject_starts or _COUNT.fullmatch(first):
        return True  # (a count opens one too: "said Monday 300 people were arrested")
    for j in range(i + 2, min(i + 2 + _MAX_BARE_SUBJECT, len(tokens))):
        if not _may_be_in_a_bare_subject(tokens[j - 1].text):
            return False
        if tokens[j].text.lower() in grammar.sharable_auxiliaries or is_content_verb(tokens, j):
            return True
    return False


_MAX_BARE_SUBJECT = 3
_COUNT = re.compile(_COUNT_DIGITS)


def _may_be_in_a_bare_subject(word: str) -> bool:
    """A word that may be part of a subject without a determiner: no function word
    ("that to continue"), auxiliary or adverb ("watches that now will be")."""
    low = word.lower()
    grammar = grammar_words()
    return (
        word.isalpha()
        and not low.endswith("ly")
        and low not in grammar.sharable_auxiliaries
        and low not in grammar.clause_openers
        and low not in grammar.dangling_words
        and low not in grammar.adverbs_before_dates
    )


def _ends_clause(tokens: Sequence[Token], i: int, openers: frozenset[str]) -> bool:
    """Token ``i`` ends the clause before it: a break or one of the clause ``openers``
    (`Grammar.clause_openers`)."""
    word = tokens[i].text
    if word in _BREAK_TOKENS:
        return not closes_abbreviation(tokens, i) and not (
            word == "," and _in_a_place_name(tokens, i)
        )
    if word.lower() not in openers or (len(word) > 1 and word.isupper()):
        return False  # (an acronym: "The WHO plans …" has no relative "who")
    # "Customs and Border Protection": "and" inside a name does not open a clause (but
    # "visited Paris in March and Rome in April" is two clauses: a month is no name)
    return not (
        word == "and"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].text[:1].isupper()
        and tokens[i + 1].text[:1].isupper()
        and tokens[i - 1].text.lower() not in _calendar_words()
    )


def _subject_of_clause(
    tokens: Sequence[Token],
    start: int,
    trigger: Token,
    sentence_start: int,
    cut: tuple[int, int],
) -> str | None:
    """Who or what a clause starting at ``start`` without its own subject is about: the
    subject a second verb shares ("He was arrested in May and released in June": "He
    was", see `_shared_subject`), the noun a relative pronoun stands for ("…, said
    Timothy Shea, who stepped down"; "the pandemic, which began in 2020"), the subject
    before an aside ("The minister, who took office in 2019, resigned"; "Smith, 62, will
    retire"), or the subject an aside follows ("The vote, originally set for Tuesday,
    was …").  ``cut``: the trigger's date, with its signal."""
    index = _index_of(tokens, start)
    if index is None or index < 1:
        return None
    link = tokens[index - 1].text.lower()
    grammar = grammar_words()
    if link in grammar.conjunct_links and (
        _verb_group_at(tokens, index, trigger) or _verb_before_trigger(tokens, index, trigger)
    ):
        # "Registration opens Monday and closes Friday", "He was elected in 1860 and
        # was assassinated five years later", "held rates steady but signaled it could
        # cut them in March": the second verb shares the subject
        return _shared_subject(tokens, sentence_start, index, trigger, cut)
    if index >= 5 and opens_with_a_share_of_whom(tokens[index - 3 : index]):
        # "Protesters, many of whom had camped out since Friday": the protesters
        return _noun_phrase_before(tokens, index - 4) if tokens[index - 4].text == "," else None
    if link in grammar.relatives_after_comma:
        # "…, said Timothy Shea, who stepped down"
        if index >= 3 and tokens[index - 2].text == ",":
            return _noun_phrase_before(tokens, index - 2)
        # "Users who upgraded before July 1", "the law that took effect in January": the
        # noun and its relative pronoun
        noun = _noun_phrase_before(tokens, index - 1) if index >= 2 else None
        return f"{noun} {tokens[index - 1].text}" if noun else None
    if link == "whose" and index >= 2:
        # "doctors whose names appeared on the list were killed": the owner and its
        # "whose", with a comma before or none
        comma = tokens[index - 2].text == ","
        noun = _noun_phrase_before(tokens, index - 2 if comma else index - 1)
        return f"{noun}{',' if comma else ''} whose" if noun else None
    if index < 3 or link != ",":
        return None
    opener = tokens[index]
    if (
        opener.start == trigger.start
        or opener.text.lower() in grammar.auxiliary_openers
        # "The ceasefire, which took effect on Friday, appeared to be holding", "The
        # recall, announced Tuesday, covers vehicles built between 2015 and 2018": the
        # clause's verb before the trigger
        or _verb_before_trigger(tokens, index, trigger)
    ):
        subject = _subject_before_aside(tokens, index)
        if subject is not None:
            return subject
    if is_aside(tokens[index : index + 2]):
        subject = _noun_phrase_before(tokens, index - 1, sentence_start=sentence_start)
        if subject is not None and _opens_with_a_participle(tokens[index : index + 2]):
            # "The company, founded in 1998,": its comma keeps the participle from
            # reading as an active verb ("The company founded")
            return f"{subject},"
        return subject
    return None


def _verb_before_trigger(tokens: Sequence[Token], index: int, trigger: Token) -> bool:
    """The clause at ``index`` opens with a lower-case content verb before ``trigger``
    ("signaled it could cut", "covers vehicles built", "appeared to be holding")."""
    opener = tokens[index]
    return opener.end <= trigger.start and opener.text.islower() and is_content_verb(tokens, index)


def _opens_with_a_participle(tokens: Sequence[Token]) -> bool:
    """ "founded in 1998", "originally set for Tuesday": an aside led by a participle."""
    first = word_past_an_adverb(tokens)
    return first.islower() and past_kind(first) is not None


def _verb_group_at(tokens: Sequence[Token], index: int, trigger: Token) -> bool:
    """The clause at ``index`` opens with its verb: the trigger itself, or the trigger
    after an auxiliary and what a verb group holds ("was assassinated", "has been sold",
    "will be completed", "is due to be completed")."""
    grammar = grammar_words()
    for i in range(index, min(index + _VERB_GROUP_REACH, len(tokens))):
        if tokens[i].start == trigger.start:
            return is_content_verb(tokens, i)
        word = tokens[i].text.lower()
        if word not in grammar.auxiliary_openers and (
            i == index or word not in grammar.verb_group_inside
        ):
            return False
    return False


_VERB_GROUP_REACH = 6


def _shared_subject(
    tokens: Sequence[Token],
    sentence_start: int,
    index: int,
    trigger: Token,
    cut: tuple[int, int],
) -> str | None:
    """The sentence's subject, which the clause opening at token ``index`` after "and"
    shares, with the auxiliaries of the sentence's first verb when the clause's verb
    shares them too ("He was arrested in May and released in June": "He was", else
    "He released" would turn the passive into an active)."""
    opening = _sentence_subject(tokens, sentence_start, index)
    if opening is None:
        return None
    first, verb_group = opening
    subject = " ".join(t.text for t in tokens[first:verb_group])
    reported = _reported_subject(tokens, verb_group, index)
    if reported is not None:
        # "The service said heavy rain would continue until Friday and could return
        # next week": the rain could return, the subject of the clause reported ("Intel
        # said it had fixed the bug and would ship chips next week": Intel, whom "it"
        # stands for)
        pronoun = reported[1] - reported[0] == 1 and tokens[reported[0]].text.lower() in (
            grammar_words().subject_pronouns
        )
        if not pronoun:
            subject = " ".join(t.text for t in tokens[reported[0] : reported[1]])
        verb_group = reported[1]
    verb = _verb_after_adverbs(tokens, index, trigger)
    if verb is None:
        return subject  # "and was assassinated": the verb has an auxiliary of its own
    shared = _shared_auxiliaries(tokens, verb_group, index - 1, verb, cut)
    if shared:
        return f"{subject} {shared}"
    if (
        is_base_form(trigger.text.lower())
        and verb_group + 2 < index
        and _verb_before_infinitive(tokens, verb_group)
    ):
        # "The plant plans to open in May and close in June": "The plant plans to close",
        # the infinitive after the subject's verb is the one it joins
        return f"{subject} {tokens[verb_group].text} to"
    if _only_a_base_form(trigger.text.lower()) and not is_base_form(
        tokens[verb_group].text.lower()
    ):
        # "The company said it expects to obtain approval and complete the deal": a base
        # form joins a verb after "to" or a modal deeper in the sentence, not the
        # subject's verb ("said"); "The company complete the deal" would misread it
        return None
    return subject


def _reported_subject(tokens: Sequence[Token], verb: int, before: int) -> tuple[int, int] | None:
    """Where the subject of the clause a saying verb (at ``verb``) reports starts and
    ends, when the clause has one and its verb comes before token ``before``."""
    if not is_attribution(tokens[verb].text.lower()):
        return None
    start = verb + 1
    # "said that …", "said on Monday that …": the clause opens past its "that"
    that = next(
        (j for j in range(start, min(before, start + _SAYING_REACH)) if tokens[j].text == "that"),
        None,
    )
    if that is not None:
        start = that + 1
    if start >= before:
        return None
    return _sentence_subject(tokens, tokens[start].start, before)


def _only_a_base_form(word: str) -> bool:
    """A base form that is no past too ("complete", not "cut": "raised rates in 2022
    and cut them")."""
    return is_base_form(word) and past_kind(word) is None


def _sentence_subject(
    tokens: Sequence[Token], sentence_start: int, before: int
) -> tuple[int, int] | None:
    """Where the words that open the sentence up to its first verb start and end (in
    tokens), when they read as a subject (a name, a pronoun, a noun with its determiner:
    at most five words, none a preposition or a conjunction), and that verb comes
    before token ``before``."""
    first = _index_of(tokens, sentence_start)
    if first is None:
        return None  # the window starts inside the sentence: its subject is out of sight
    grammar = grammar_words()
    for i in range(first, min(before, first + 6)):
        token = tokens[i]
        if (
            is_content_verb(tokens, i)
            or token.text.lower() in grammar.auxiliary_openers
            or _verb_before_infinitive(tokens, i)
        ):
            return (first, i) if i > first and i < before - 1 else None
        low = token.text.lower()
        # "14 people were arrested": a count may open the subject
        count = i == first and token.text.replace(",", "").isdigit()
        if not (token.text.isalpha() or count) or low in grammar.clause_openers:
            return None
        if low in grammar.stop_before_noun and not _links_a_name(tokens, i):
            return None
    return None


def _verb_before_infinitive(tokens: Sequence[Token], i: int) -> bool:
    """ "plans to open", "hope to reopen": a verb form a to-infinitive follows is the
    verb, even after a noun it could compound with ("The plant plans"); not after a
    determiner ("the plan to expand")."""
    word = tokens[i].text
    if not (i >= 1 and i + 2 < len(tokens) and word.islower()):
        return False
    if tokens[i - 1].text.lower() in grammar_words().noun_phrase_determiners:
        return False
    stem = word[:-1] if word.endswith("s") else word
    return (
        is_base_form(stem)
        and tokens[i + 1].text == "to"
        and is_base_form(tokens[i + 2].text.lower())
    )


def _shared_auxiliaries(
    tokens: Sequence[Token], verb_group: int, link: int, verb: int, cut: tuple[int, int]
) -> str | None:
    """The words of the sentence's first verb group (from token ``verb_group`` to the
    "and" at ``link``) before its verb that the second verb (at ``verb``, with no
    auxiliary of its own) shares: "was" in "was arrested in May and released in June",
    "has been" in "has been charged … and convicted", "will" in "will travel … and
    return", "is expected to" in "is expected to open … and close".  None when the
    second verb's form cannot follow them ("was arrested … and fled", see
    `_fits_after`)."""
    group = _words_before_verb(tokens, verb_group, link)
    if group is None:
        return None
    last, main = group
    if not _fits_after(tokens, last, main, verb, cut):
        return None
    return " ".join(t.text for t in tokens[verb_group:main])


def _verb_after_adverbs(tokens: Sequence[Token], index: int, trigger: Token) -> int | None:
    """The index of ``trigger`` when the clause at ``index`` opens with it or with "then",
    "later" or "also" before it ("and then released"); None when an auxiliary of its own
    stands before it ("and was released")."""
    adverbs = grammar_words().adverbs_opening_a_conjunct
    for i in range(index, min(index + 3, len(tokens))):
        if tokens[i].start == trigger.start:
            return i
        if tokens[i].text.lower() not in adverbs:
            return None
    return None


def _words_before_verb(tokens: Sequence[Token], start: int, link: int) -> tuple[str, int] | None:
    """The verb group opening at token ``start`` and ending before the "and" at ``link``:
    the last word before its verb (lower case) and the verb's index, when auxiliaries
    ("was", "has been", "will") or a verb with its "to" ("plans to", "is expected to")
    stand before the verb; None for a verb alone ("Police detained him")."""
    i = _after_auxiliaries(tokens, start, link)
    # "is expected to open", "plans to be sold": what the "and" joins is the infinitive
    if (
        i + 2 < link
        and tokens[i + 1].text.lower() == "to"
        and is_content_verb(tokens, i)
        and _opens_infinitive(tokens[i + 2].text.lower())  # not "moved to Paris"
    ):
        i = _after_auxiliaries(tokens, i + 2, link)
    if i == start or i >= link or not is_content_verb(tokens, i):
        return None
    return tokens[i - 1].text.lower(), i


def _opens_infinitive(word: str) -> bool:
    return word in ("be", "have") or is_base_form(word)


def _after_auxiliaries(tokens: Sequence[Token], start: int, link: int) -> int:
    """The index of the first token from ``start`` (before ``link``) no auxiliary."""
    i = start
    auxiliaries = grammar_words().sharable_auxiliaries
    while i < link and tokens[i].text.lower() in auxiliaries:
        i += 1
    return i


def _fits_after(
    tokens: Sequence[Token], last: str, main: int, verb: int, cut: tuple[int, int]
) -> bool:
    """Whether the verb at ``verb`` reads as sharing the first verb group, whose word
    before its verb (at ``main``) is ``last``: a base form after a modal or "to" ("will
    travel … and return"), a participle after "has" or "had" ("has lived … and worked"),
    after a passive "was" or "been" a participle the passive shares ("was arrested … and
    released").

    After a passive a form that is only a participle ("sunk", "taken") shares it, one
    that is only a past ("sank", "went") does not.  A form that is either ("released",
    "fled") shares it unless an object follows ("was founded in 1990 and sold its unit")
    or news mostly uses its verb without one (`is_intransitive`: "was arrested in May and
    fled in June", "was elected in 2010 and resigned in 2014"): such a verb after "and"
    is, in news, far more often its past than a passive."""
    word, first = tokens[verb].text.lower(), tokens[main].text.lower()
    grammar = grammar_words()
    if last in grammar.modals or last == "to":
        return is_base_form(word)
    kind = past_kind(word)
    if last in grammar.have_forms_shared:
        return kind in ("participle", "either")
    if last not in grammar.be_forms_shared:
        return False
    if past_kind(first) not in ("participle", "either"):
        return False
    if kind == "participle":
        return True
    return kind == "either" and not is_intransitive(word) and not _object_after(tokens, verb, cut)


def _object_after(tokens: Sequence[Token], verb: int, cut: tuple[int, int]) -> bool:
    """An object follows the verb at ``verb``: a determiner, a pronoun, a number or a
    name, outside the verb's date (``cut``: "sold Tuesday" is no object)."""
    if verb + 1 >= len(tokens):
        return False
    following = tokens[verb + 1]
    if cut[0] <= following.start < cut[1]:
        return False
    word, low = following.text, following.text.lower()
    return (
        low in grammar_words().object_openers
        or word[:1].isdigit()
        or (word[:1].isupper() and word.isalpha() and low not in _calendar_words())
    )


def _opens_sentence(tokens: Sequence[Token], offset: int, sentence_start: int) -> bool:
    """Nothing but opening quotation marks between the sentence's start and ``offset``."""
    return offset >= sentence_start and all(
        t.text in _OPENING_QUOTES for t in tokens if sentence_start <= t.start < offset
    )


_OPENING_QUOTES = frozenset({'"', "“", "``", "'"})


def _subject_before_aside(
    tokens: Sequence[Token], index: int, *, renaming: bool = True
) -> str | None:
    """The subject before the aside that ends with the comma before token ``index``.

    The aside may hold a date whose comma or abbreviation period ends nothing ("which
    takes effect Jan. 1, 2022,"), or, with ``renaming``, be a noun phrase that renames
    the subject ("The drought, the worst in 1,200 years, began")."""
    for i in range(index - 2, max(0, index - _ASIDE_REACH), -1):
        word = tokens[i].text
        if word == "," and not _inside_a_date(tokens, i) and not _in_a_place_name(tokens, i):
            aside = tokens[i + 1 : index - 1]
            if not aside or not (is_aside(aside) or (renaming and _renames_a_subject(aside))):
                return None
            # "Slepian, 52, an obstetrician, was shot": the age is an aside too
            earlier = _subject_before_aside(tokens, i + 1, renaming=False)
            return earlier or _noun_phrase_before(tokens, i, free_standing=True)
        if word in _BREAK_TOKENS and word != "," and not closes_abbreviation(tokens, i):
            return None
    return None


# the tokens an aside between a subject and its verb may hold
_ASIDE_REACH = 22


def _inside_a_date(tokens: Sequence[Token], comma: int) -> bool:
    """The comma at ``comma`` parts a date, not a sentence: between a day and its year
    ("Jan. 1, 2022") or a weekday and its date ("Monday, Dec. 15")."""
    if comma == 0 or comma + 1 >= len(tokens):
        return False
    before, after = tokens[comma - 1].text, tokens[comma + 1].text
    months, weekdays = lexicon().months, lexicon().weekdays
    if before.lower() in weekdays:
        return after.lower() in months
    if not (before.isdigit() and len(before) <= 2 and after.isdigit() and len(after) == 4):
        return False
    # the month before the day, written out or abbreviated ("Jan", ".")
    month = comma - 2
    if month > 0 and closes_abbreviation(tokens, month):
        month -= 1
    return month >= 0 and tokens[month].text.lower() in months


def _renames_a_subject(tokens: Sequence[Token]) -> bool:
    """An aside that names the subject again with a noun phrase of its own ("the worst
    in 1,200 years", "a former banker"), no verb in it.  Only read where the clause
    after it opens with its verb, where a list ("banks, the insurers and …") cannot
    be."""
    grammar = grammar_words()
    # "a civil rights lawyer who argued 40 cases before the court": the noun phrase up to
    # its relative clause, which may hold verbs of its own
    relative = next(
        (i for i, t in enumerate(tokens) if i and t.text.lower() in grammar.relative_pronouns),
        len(tokens),
    )
    head = tokens[:relative]
    if len(tokens) <= _MAX_NAME_WORDS and all(
        t.text.istitle() and t.text.isalpha() for t in tokens
    ):
        return True  # "His wife of 61 years, Ruth, died": the name
    return (
        tokens[0].text in grammar.appositive_determiners
        and len(head) <= _MAX_APPOSITIVE
        and not any(
            t.text.lower() in grammar.sharable_auxiliaries or is_content_verb(head, i)
            for i, t in enumerate(head)
        )
    )


_MAX_APPOSITIVE = 8
_MAX_NAME_WORDS = 3


def _noun_phrase_before(
    tokens: Sequence[Token],
    comma: int,
    *,
    sentence_start: int | None = None,
    free_standing: bool = False,
) -> str | None:
    """The words of the noun phrase `_noun_phrase_start` finds before ``comma``."""
    first = _noun_phrase_start(
        tokens, comma, sentence_start=sentence_start, free_standing=free_standing
    )
    return None if first is None else _as_written(tokens[first:comma])


def _noun_phrase_start(
    tokens: Sequence[Token],
    comma: int,
    *,
    sentence_start: int | None = None,
    free_standing: bool = False,
) -> int | None:
    """Where (the token index) the noun phrase starts that ends right before the comma
    at ``comma``: a name or a noun
    with its determiner ("The minister"), at most five words, no verb in it; given
    ``sentence_start``, only one that opens the sentence starting there ("The vote,
    originally set …", not "passed the Senate, signed by …"); ``free_standing``, only
    one no preposition or conjunction leads into (a subject: not "as of Friday's close,
    …" nor the last of a list, "… and Chiron Corp., a bioresearch concern, …")."""
    words: list[str] = []
    # "the arrest of Kopp, who is charged": "who" stands for the person, not the head
    person = comma + 1 < len(tokens) and tokens[comma + 1].text.lower() == "who"
    named_after = False  # whether the word after the current one is capitalized
    grammar = grammar_words()
    i = comma - 1
    while i >= 0 and len(words) < 5:
        word = tokens[i].text
        low = word.lower()
        named = word[:1].isupper() and word[:1].isalpha()  # "U.S.", "St."
        # "The Jan. 6 panel", "the 2020 race": a date or a number inside the phrase
        inner = word.isdigit() or closes_abbreviation(tokens, i)
        # "The mission's previous rover": a possessive inside the phrase
        owner = word[-2:] in ("’s", "'s") and word[:-2].isalpha()
        if not (word.isalpha() or named or inner or owner or word in ("’s", "'s")):
            break
        if low in ("and", "or") and words and (joined := _nouns_opening_before(tokens, i)):
            # "Pubs and restaurants, which have been closed since early January": two
            # nouns that open the sentence are its subject together
            words[:0] = [*joined, word]
            break
        if low in grammar.stop_before_noun and not (
            _links_a_name(tokens, i) or (_of_a_head(tokens, i) and not (person and named_after))
        ):
            break
        named_after = named
        if low in grammar.noun_phrase_determiners:
            words.insert(0, word)
            break
        if is_content_verb(tokens, i):
            break
        words.insert(0, word)
        i -= 1
    nouns = [w for w in words if w.lower() not in grammar.noun_phrase_determiners]
    if words and words[0].lower() in grammar.function_words:
        # "the board of supervisors of Loudon county, …" cut at five words: a phrase that
        # would open on its preposition is not read at all
        return None
    opening = tokens[comma - len(words)].start if words else -1
    if sentence_start is not None and not _opens_sentence(tokens, opening, sentence_start):
        return None
    if free_standing and _led_into(tokens, comma - len(words) - 1):
        return None
    return comma - len(words) if nouns else None


def _nouns_opening_before(tokens: Sequence[Token], link: int) -> list[str]:
    """The one or two words before the "and" at ``link`` when they open the sentence
    and are no verb or function word ("Pubs and", "Police and troops"), else []."""
    grammar = grammar_words()
    for count in (1, 2):
        first = link - count
        if first < 0:
            return []
        word = tokens[first].text
        if not word.isalpha() or word.lower() in grammar.stop_before_noun:
            return []
        if is_content_verb(tokens, first) or word.lower() in grammar.function_words:
            return []
        if first == 0 or tokens[first - 1].text in _SENTENCE_OPENING:
            return [t.text for t in tokens[first:link]] if word[0].isupper() else []
    return []


def _led_into(tokens: Sequence[Token], lead: int) -> bool:
    """The word at ``lead`` makes the noun phrase after it an object or the last item of
    a list: a preposition, or a conjunction after a comma (", and Chiron Corp."; not
    "The British and Irish governments")."""
    if lead < 0:
        return False
    word = tokens[lead].text.lower()
    grammar = grammar_words()
    if word in grammar.conjunctions:
        return lead > 0 and tokens[lead - 1].text == ","
    return word in grammar.prepositions_before_nouns


def _links_a_name(tokens: Sequence[Token], i: int) -> bool:
    """ "Bank of England", "Centers for Disease Control": "of" or "for" between two
    capitalized words is part of one name."""
    return (
        tokens[i].text in ("of", "for")
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].text[:1].isupper()
        and tokens[i + 1].text[:1].isupper()
    )


def _of_a_head(tokens: Sequence[Token], i: int) -> bool:
    """ "The minister of finance", "the price of oil": an "of" after its head noun,
    inside the noun phrase (not "ahead of", "because of")."""
    if tokens[i].text != "of" or i == 0:
        return False
    head = tokens[i - 1].text
    low = head.lower()
    grammar = grammar_words()
    return (
        head.isalpha() and low not in grammar.stop_before_noun and low not in grammar.not_heads_of
    )


def _as_written(tokens: Sequence[Token]) -> str:
    """The tokens' words, spaced as in the text ("Jan." stays one word)."""
    return "".join(
        (" " if i and t.start > tokens[i - 1].end else "") + t.text for i, t in enumerate(tokens)
    )


def _describe(
    text: str,
    start: int,
    end: int,
    cut: tuple[int, int],
    beside: Sequence[tuple[int, int]] = (),
    trigger: Token | None = None,
) -> str:
    owned = text.startswith(("'s", "’s"), cut[1])
    if owned:
        cut = (cut[0], cut[1] + 2)  # "Friday's jobs report": the possessive goes with it
    if owned and start <= cut[0] and cut[1] < end and _OWNED_WORD.match(text, cut[1]):
        # "reacted to Friday's jobs report": the report stays, its day made "the"
        aside = sorted(beside)
        after = " ".join(_outside(text, cut[1], end, aside))
        pieces = [*_outside(text, start, cut[0], aside), f"the {after}"]
    else:
        pieces = _outside(text, start, end, sorted([cut, *beside]))
    if not pieces:
        pieces.append(text[start:end])
    description = " ".join(" ".join(pieces).split()).strip(" ,;:")
    # white space is single spaces now: no space before a comma, period, semicolon or
    # colon (str.replace, in C, costs less than the regex substitution did)
    for mark in ",.;:":
        description = description.replace(" " + mark, mark)
    # a description ends on a content word, not on "for" or "shortly" (the regex, which
    # would try every position, runs only when the last word is one of them)
    last = description.rsplit(None, 1)[-1].lower() if description else ""
    if (
        last in grammar_words().start_words_before_dates
        # "with testimony beginning Monday": the trigger itself stays
        and (trigger is None or trigger.text.lower() != last)
        and not _predicate_at_end(description)
    ):
        description = description[: -len(last)].rstrip(" ,")
        last = description.rsplit(None, 1)[-1].lower() if description else ""
    if last not in grammar_words().dangling_words or _particle_before(text, cut[0], last):
        return description
    return _dangling().sub("", description)


# the noun a day's possessive is followed by: a lower-case word
_OWNED_WORD = re.compile(r"\s{1,3}[a-z]")


def _predicate_at_end(description: str) -> bool:
    """ "the race is starting", "the cut could be effective": after a form of "be" the
    last word is the predicate, not one that leads into the date."""
    words = description.rsplit(None, 2)
    return len(words) == 3 and words[1].lower() in grammar_words().be_forms_in_verb_group


def _particle_before(text: str, cut_start: int, word: str) -> bool:
    """ "will be sworn in on Jan. 20": the "in" right before the date's own preposition
    is the verb's particle, not a preposition the date was cut from."""
    return (
        word in grammar_words().verb_particles
        and text[max(0, cut_start - 12) : cut_start].lower().rstrip().endswith(" " + word)
        and _OWN_PREPOSITION.match(text, cut_start) is not None
    )


_OWN_PREPOSITION = re.compile(r"(?i:on|at|by|until|before|after|since|from)\s")


def _outside(text: str, start: int, end: int, cuts: Sequence[tuple[int, int]]) -> list[str]:
    """The pieces of ``text[start:end]`` outside the ``cuts`` (in order, apart)."""
    pieces = []
    position = start
    for cut_start, cut_end in cuts:
        if cut_start > position:
            pieces.append(text[position : min(cut_start, end)])
        position = max(position, cut_end)
    if position < end:
        pieces.append(text[position:end])
    return [piece for piece in pieces if piece]


@lru_cache(maxsize=1)
def _dangling() -> re.Pattern[str]:
    """Up to four of `Grammar.dangling_words` at a description's end, to cut off.  Built
    at first use: its words are data."""
    words = "|".join(sorted(grammar_words().dangling_words))
    return re.compile(r"(?:\s+(?i:" + words + r")){1,4}$")


_CLAUSE_MARK = re.compile(r"[,;:()]")
_WHEN_AFTER = re.compile(r",?\s{0,3}(?:when|as)\s")
_WHEN_ONLY_AFTER = re.compile(r",?\s{0,3}when\s")


def _when_clause_events(
    expression: TimeExpression,
    analysis: Analysis,
    published: date | None,
    reference_text: str,
    *,
    relative_only: bool = False,
) -> list[Event]:
    """ "until October 2020, when Cienfuegos was arrested": the when-clause happened then
    (or an as-clause, unless ``relative_only``: "in 2019, as the economy slowed")."""
    text = analysis.text
    after = _WHEN_ONLY_AFTER if relative_only else _WHEN_AFTER
    follow = after.match(text, expression.span[1], expression.span[1] + 12)
    if follow is None or not _dates_an_event(expression):
        return []
    clause_start = follow.end()
    verb = analysis.governor_of((clause_start, clause_start))
    if verb is None or verb.start < clause_start:
        return []
    if _CLAUSE_MARK.search(text, clause_start, verb.start):
        # "first announced in January as a nonbinding proposal, is expected to close":
        # no verb of its own before the clause ends, so no clause
        return []
    start, end = expression.start, expression.end
    return [
        _make_event(
            expression,
            None,
            verb,
            "in",
            start,
            end,
            analysis,
            reference_text,
            (expression.span[1], expression.span[1]),
        )
    ]
