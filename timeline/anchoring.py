"""Events dated through other events: anchored durations and signal-placed clauses.

After `events.build_events` has dated every clause that carries its own expression,
this stage places the rest of what the text ties to those dates:

- **Anchored durations**: "Within a month, authorities agreed …" counts the month from
  the last dated event before it; "two weeks after the attack" from the dated event
  whose trigger is "attack".  The interval is a bound, never an invented point: within a
  month of October 2020 is 2020-10-01 … 2020-11-30.
- **Signal-placed events**: "X shortly after Y", "X before Y", "X when Y", "X since Y",
  "X until Y", where one side is dated (in the same sentence, or the same event
  reported elsewhere in the text: same trigger lemma and a shared name) give the other
  side bounds from it.
- **Anaphor-placed events**: "has been used since then", "By that time, 500 workers
  had left": the clause is placed against the last dated event told before it.
- **Undated events**: every other clause verb; kept out of the order and counted.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import overload

from .events import describe, event_at, is_count, phrase_of, relation_of_signal
from .recognize.signals import signal_before
from .resolve import add_duration, bounds_of, in_days
from .text import (
    Analysis,
    Token,
    grammar_words,
    is_content_verb,
    is_lasting_verb,
    lowered_in_place,
    superlative_since_before,
    token_index,
)
from .types import Event, Granularity, Placement, Relation, TimeExpression

__all__ = ["LazyUndated", "anchor_events", "undated_events"]

# clause signals and the relation the signalled side gets to the other
_CLAUSE_SIGNALS: dict[str, Relation] = {
    "after": "after",
    "following": "after",
    "before": "before",
    "when": "when",
    "while": "when",
    "since": "since",
    "until": "until",
}
# what the *governing* clause is to the signalled one: "X after Y" puts X after Y
_CONVERSE: dict[Relation, Relation] = {
    "after": "before",
    "before": "after",
    "when": "when",
    "since": "since",
    "until": "until",
}
_SIGNAL_WORD_ANY_CASE = re.compile(r"\b(?:" + "|".join(_CLAUSE_SIGNALS) + r")\b", re.IGNORECASE)
_LOOKBACK_SENTENCES = 6


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of a signal: a verb (an event of its own) or an event noun."""

    token: Token
    is_verb: bool
    lemma: str


def anchor_events(
    events: Sequence[Event],
    expressions: Sequence[TimeExpression],
    analysis: Analysis,
    *,
    published: date | None,
    covered: set[int] | None = None,
) -> list[Event]:
    """New events placed by anchored durations and by clause signals.

    ``covered`` (when given) receives the start of every token that is an event's trigger
    or another mention of a dated event, for `LazyUndated` to leave out.
    """
    placed: list[Event] = []
    triggers = covered if covered is not None else set()
    triggers.update(e.trigger_span[0] for e in events)
    index: _DatedIndex | None = None
    for expression in expressions:
        if expression.type != "DURATION":
            continue
        index = index or _DatedIndex(events)
        event = _anchored_duration_event(expression, index, analysis, triggers, published)
        if event is not None:
            placed.append(event)
            triggers.add(event.trigger_span[0])
    # "two weeks after it passed": a whole count right before a clause signal, by where
    # it ends
    counts = {e.span[1]: e.value for e in expressions if is_count(e)}
    for event in _signal_placed_events([*events, *placed], analysis, published, triggers, counts):
        placed.append(event)
        triggers.add(event.trigger_span[0])
    placed.extend(_anaphor_placed_events([*events, *placed], analysis, published, triggers))
    return placed


# ------------------------------------------------------- anchored durations


# the words after a "within" length that lead to the noun of its anchor
_NAMING_AN_ANCHOR = frozenset({"of", "after"})


def _anchored_duration_event(
    expression: TimeExpression,
    index: _DatedIndex,
    analysis: Analysis,
    triggers: set[int],
    published: date | None,
) -> Event | None:
    if expression.type != "DURATION" or not expression.value.startswith("P"):
        return None
    following = _word_after(analysis.text, expression.span[1])
    if (
        published is not None
        # "a test taken within 72 hours of departure", "certify results within 14 days
        # after the primary": the noun is the anchor, even ahead
        and following not in _NAMING_AN_ANCHOR
        and (_looks_ahead(expression) or _counted_from_now(expression))
    ):
        trigger = analysis.governor_of(expression.span)
        if trigger is not None and not _after_would(analysis.text, trigger):
            return _from_published(expression, analysis, triggers, published, trigger)
    if following == "later" and _THAN_AFTER_LATER.match(analysis.text, expression.span[1]):
        return None  # "on Oct. 28, a week later than planned": by how much, no event
    anchor: Event | None
    named: Token | None = None  # the noun after "within … of" that names the anchor
    if expression.signal == "within" and following in _NAMING_AN_ANCHOR:
        # "arrested within a week of the shooting": the noun names the anchor (none
        # when no dated event is that shooting), not the last event told
        named = _noun_after(analysis, expression.span[1])
        anchor = _event_named(index, analysis, named)
        direction = 1
    elif (
        expression.signal == "within"
        or following == "later"
        # "Pierre died three years after that": after the date last told
        or (
            following in ("after", "before")
            and _THAT_AFTER.match(analysis.text, expression.span[1])
        )
    ):
        sentence = analysis.sentence_index_at(expression.span[0])
        anchor = index.last_before(
            expression.span[0], sentence, to_the_day=_counts_days_or_less(expression.value)
        )
        direction = -1 if following == "before" and expression.signal != "within" else 1
    elif following in ("after", "before"):
        anchor = _event_named(index, analysis, _noun_after(analysis, expression.span[1]))
        direction = 1 if following == "after" else -1
    else:
        return None
    days = _anchor_days(anchor) if anchor is not None else None
    if anchor is None or days is None:
        return None
    trigger = analysis.governor_of(expression.span)
    if trigger is None or trigger.start in triggers:
        return None
    if trigger.end <= expression.span[0] and _OPENS_A_VERBLESS_CONJUNCT.search(
        analysis.text, trigger.end, expression.span[0]
    ):
        # "came a week after X, and three months after Y": the length's verb is the
        # one left out ("came"), not the verb of the clause before the comma
        return None
    if following in ("after", "before") and _verb_of_the_signal_clause(
        analysis, expression, trigger
    ):
        return None  # "…, less than a year after the wall fell": "fell" is the anchor's
    # "deliberated for three days before …", "the talks lasted two weeks before …"
    lasting = expression.signal == "for" or is_lasting_verb(analysis.lemma_of(trigger))
    if lasting:
        start, end = _length_beside(days, expression.value, direction)
    else:
        start, end = _counted_interval(
            days, expression.value, direction, within=expression.signal == "within"
        )
    relation: Relation = (
        "for"
        if lasting
        else "within"
        if expression.signal == "within"
        else "before"
        if direction < 0
        else "after"
    )
    cut = _cut_for(expression, analysis)
    if named is not None:
        cut = (cut[0], named.end)  # "within a week of his arrest" leaves as one phrase
    description, span = describe(analysis, trigger, cut)
    return _placed_event(
        analysis,
        trigger,
        description,
        span,
        relation,
        start,
        end,
        anchor,
        "anchored",
        expression,
    )


# a comma, "and" or "but" and at most two words ("nearly") right before a length
_OPENS_A_VERBLESS_CONJUNCT = re.compile(r",\s{1,3}(?i:and|but)(?:\s{1,3}[\w-]+){0,2}\s{1,3}$")


def _event_named(index: _DatedIndex, analysis: Analysis, noun: Token | None) -> Event | None:
    """The dated event a noun after a length names ("two days after his arrest",
    "within a week of the shooting"), if any."""
    if noun is None:
        return None
    return index.named_by(noun.text.lower(), analysis.lemma_of(noun), noun.start)


def _looks_ahead(expression: TimeExpression) -> bool:
    """ "The storm will make landfall within 48 hours": a clause that looks ahead (or
    speaks of the present) counts its "within" from the publication date, not from the
    last event told ("Within a month, authorities agreed" counts from that)."""
    return expression.signal == "within" and expression.tense in ("future", "present")


def _counted_from_now(expression: TimeExpression) -> bool:
    """ "The board will meet in two weeks": a whole length after "in" in a clause that
    looks ahead counts from the publication date (not "in the next two years", a period
    that has its own bounds, nor "in two weeks of talks" told in the past)."""
    return (
        expression.signal == "in"
        and expression.tense == "future"
        and expression.start is None
        and is_count(expression)
    )


def _unit_around(day: date, unit: str) -> tuple[date | None, date | None, Granularity]:
    """The calendar year, month, ISO week or day (``unit``: Y, M, W, D) holding ``day``."""
    if unit == "Y":
        return *bounds_of("year", day.year), "year"
    if unit == "M":
        return *bounds_of("month", day.year, day.month), "month"
    if unit == "W":
        monday = day - timedelta(days=day.weekday())
        # the week of Dec. 31, 9999 ends there: no later day exists
        return monday, min(date.max - monday, timedelta(days=6)) + monday, "week"
    return day, day, "day"


def _after_would(text: str, trigger: Token) -> bool:
    """A "would" before ``trigger``: it looks ahead from the past ("said on March 15 that
    it would review the case within 90 days": from March 15, not from publication)."""
    return _WOULD_BEFORE.search(text, max(0, trigger.start - 40), trigger.start) is not None


# the "would" of a verb group, right before its verb: the future of a past clause
_WOULD_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:would)|['’]d)"
    r"(?:\s{1,3}(?i:not|also|still|then|likely|probably|soon|again|never|only|just|be|have|been))*"
    r"\s{1,3}$"
)


def _from_published(
    expression: TimeExpression,
    analysis: Analysis,
    triggers: set[int],
    published: date,
    trigger: Token,
) -> Event | None:
    """The event a length counts from publication: "will make landfall within 48 hours"
    (from that day to two days on); "will meet in two weeks", in the unit the writer
    counted, that many on: the ISO week two weeks on, "in three months" that month, "in
    ten days" that day."""
    if trigger.start in triggers:
        return None
    relation: Relation
    granularity: Granularity
    end: date | None
    if expression.signal == "in":
        target = add_duration(published, expression.value, 1)
        if target is None:
            return None
        relation = "in"
        start, end, granularity = _unit_around(target, expression.value[-1])
    else:
        relation, granularity = "within", "day"
        start = published
        end = add_duration(published, in_days(expression.value, up=True), 1)
    description, span = describe(analysis, trigger, _cut_for(expression, analysis))
    return event_at(
        analysis,
        trigger,
        description=description,
        span=span,
        relation=relation,
        start=start,
        end=end,
        granularity=granularity,
        anchor=f"published {published.isoformat()}",
        placement="anchored",
        expression=expression,
    )


def _verb_of_the_signal_clause(
    analysis: Analysis, expression: TimeExpression, trigger: Token
) -> bool:
    """``trigger`` ends the clause that "after"/"before" opens right after the duration
    ("a year after the wall fell"), with no comma between: the anchor's verb, not the
    verb of the event the duration places."""
    if trigger.start < expression.span[1]:
        return False
    between = analysis.text[expression.span[1] : trigger.start]
    return "," not in between and len(between.split()) <= 4


def _anchor_days(anchor: Event) -> tuple[date, date] | None:
    """The days a length is counted from: the anchor's interval; for one open on its
    start ("shortly before 11 p.m. on Friday"), the day of the expression that bounds it."""
    if anchor.start is not None:
        return anchor.start, anchor.end or anchor.start
    expression = anchor.expression
    if expression is None or expression.start is None:
        return None
    return expression.start, expression.end or expression.start


def _counted_interval(
    days: tuple[date, date], duration: str, direction: int, *, within: bool
) -> tuple[date | None, date | None]:
    """ "within a month" of the anchor's ``days``: from its start to a month after its
    end."""
    start, end_base = days
    # hours count in whole days, the interval widened: two hours after a day's event
    # falls on that day or the next
    near, far = in_days(duration, up=False), in_days(duration, up=True)
    if within:
        return start, add_duration(end_base, far, 1)
    if direction > 0:
        return add_duration(start, near, 1), add_duration(end_base, far, 1)
    return add_duration(start, far, -1), add_duration(end_base, near, -1)


def _length_beside(
    days: tuple[date, date], duration: str, direction: int
) -> tuple[date | None, date | None]:
    """ "deliberated for three days before reaching a verdict": the three days up to the
    anchor's start; "held for a week after his arrest": the week from its end."""
    start, end_base = days
    if direction < 0:
        return add_duration(start, duration, -1), add_duration(start, "P1D", -1)
    return add_duration(end_base, "P1D", 1), add_duration(end_base, duration, 1)


# how many dated events back "hours later" looks for one dated to the day: a bound, so a
# text of nothing but dates stays linear
_DAY_ANCHOR_REACH = 8
_TO_THE_DAY = frozenset({"day", "part_of_day", "hour", "minute", "second"})


def _counts_days_or_less(duration: str) -> bool:
    """ "hours later", "three days later": a length of days, hours or minutes."""
    return duration.startswith("PT") or (duration.startswith("P") and duration.endswith("D"))


class _DatedIndex:
    """The document's dated events by position, by lemma and by description word, built
    once so each look-up costs a logarithm or a dictionary probe, not a scan."""

    def __init__(self, events: Sequence[Event]) -> None:
        dated = sorted(
            (e for e in events if _anchor_days(e) is not None), key=lambda e: e.trigger_span[0]
        )
        self.events = dated
        self.positions = [e.trigger_span[0] for e in dated]
        self.by_word: dict[str, list[Event]] = {}
        for event in dated:
            for word in {event.lemma, *_subject_words(event)}:
                self.by_word.setdefault(word, []).append(event)

    def last_before(self, offset: int, sentence: int, *, to_the_day: bool = False) -> Event | None:
        """The last dated event before ``offset``, within the sentences looked back on;
        ``to_the_day``: the last one dated to a day or finer among the few before, if
        any ("withheld at his trial in 1998. He was released hours later" counts from
        the Monday of the ruling before it)."""
        i = bisect.bisect_left(self.positions, offset)
        if i == 0:
            return None
        if to_the_day:
            for event in reversed(self.events[max(0, i - _DAY_ANCHOR_REACH) : i]):
                if sentence - event.sentence_index > _LOOKBACK_SENTENCES:
                    break
                if event.granularity in _TO_THE_DAY:
                    return event
        event = self.events[i - 1]
        return event if sentence - event.sentence_index <= _LOOKBACK_SENTENCES else None

    def named_by(self, word: str, lemma: str, before: int) -> Event | None:
        """The last dated event before ``before`` that the noun names, else the first after."""
        found = [self._nearest(self.by_word.get(key, []), before) for key in (lemma, word)]
        candidates = [e for e in found if e is not None]
        if not candidates:
            return None
        earlier = [e for e in candidates if e.trigger_span[0] < before]
        if earlier:
            return max(earlier, key=lambda e: e.trigger_span[0])
        return min(candidates, key=lambda e: e.trigger_span[0])

    @staticmethod
    def _nearest(events: list[Event], before: int) -> Event | None:
        if not events:
            return None
        i = _bisect_events(events, before)
        return events[i - 1] if i > 0 else events[0]


def _bisect_events(events: list[Event], offset: int) -> int:
    low, high = 0, len(events)
    while low < high:
        middle = (low + high) // 2
        if events[middle].trigger_span[0] < offset:
            low = middle + 1
        else:
            high = middle
    return low


def _cut_for(expression: TimeExpression, analysis: Analysis) -> tuple[int, int]:
    return phrase_of(analysis.text, expression.span, expression.signal)


# ------------------------------------------------------- clause signals


def _signal_placed_events(
    events: Sequence[Event],
    analysis: Analysis,
    published: date | None,
    triggers: set[int],
    counts: dict[int, str],
) -> Iterable[Event]:
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence_index, []).append(event)
    lemma_index = _lemma_index(events)
    # the first letters of every dated lemma: a sentence without any of them can only
    # relate its clauses to an event of its own
    prefixes = frozenset(lemma[:4] for lemma in lemma_index)
    for index in _sentences_with_signals(analysis):
        yield from _placed_in_sentence(
            index,
            by_sentence.get(index, []),
            prefixes,
            lemma_index,
            analysis,
            published,
            triggers,
            counts,
        )


def _sentences_with_signals(analysis: Analysis) -> list[int]:
    """Indices of the sentences holding a clause signal, from one scan of the whole text
    (a scan per sentence would cost a regex call for each of them)."""
    lowered = lowered_in_place(analysis.text)
    if lowered is None:
        starts: Iterable[int] = (m.start() for m in _SIGNAL_WORD_ANY_CASE.finditer(analysis.text))
    else:
        starts = (at for word in _CLAUSE_SIGNALS for at in _whole_word_starts(lowered, word))
    return sorted({analysis.sentence_index_at(at) for at in starts})


def _whole_word_starts(lowered: str, word: str) -> Iterator[int]:
    """Where ``word`` stands as a whole word in ``lowered``.  ``str.find`` skips to each
    occurrence in C; a regex of the seven words tried every a, b, f, s, u and w of the
    text, which cost 2.5% of the whole pipeline on news."""
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if not _is_word_char(lowered, at - 1) and not _is_word_char(lowered, end):
            yield at
        at = lowered.find(word, end)


def _is_word_char(text: str, i: int) -> bool:
    """``text[i]`` is a regex word character (``\\w``); False outside the text."""
    if not 0 <= i < len(text):
        return False
    char = text[i]
    return char.isalnum() or char == "_"


def _placed_in_sentence(
    index: int,
    local: Sequence[Event],
    prefixes: frozenset[str],
    lemma_index: dict[str, list[Event]],
    analysis: Analysis,
    published: date | None,
    triggers: set[int],
    counts: dict[int, str],
) -> Iterable[Event]:
    sentence_text = analysis.sentences[index].text
    # one side must be dated: an event of this sentence, or one reported elsewhere whose
    # lemma this sentence repeats
    if not local and not any(
        word[:4] in prefixes for word in _LONG_WORD.findall(sentence_text.lower())
    ):
        return
    tokens = analysis.tokens(index)
    for position, token in enumerate(tokens):
        relation = _CLAUSE_SIGNALS.get(token.text.lower())
        if relation is None or _starts_expression(tokens, position, local):
            continue
        if relation == "since" and superlative_since_before(analysis.text, token.end + 1):
            continue  # "the longest closure since a blizzard shut the airport": a record
        count = counts.get(tokens[position - 1].end) if position else None
        governing = _governing_verb(tokens, position, local) or _fronted_governing_verb(
            tokens, position, local, counted=count is not None
        )
        signalled = _signalled_side(tokens, position, analysis)
        if governing is None or signalled is None:
            continue
        placed = _place(
            governing,
            signalled,
            relation,
            tokens,
            local,
            lemma_index,
            analysis,
            published,
            triggers,
            count,
        )
        if placed is not None:
            triggers.add(placed.trigger_span[0])
            yield placed


def _place(
    governing: Token,
    signalled: _Side,
    relation: Relation,
    tokens: Sequence[Token],
    local: Sequence[Event],
    lemma_index: dict[str, list[Event]],
    analysis: Analysis,
    published: date | None,
    triggers: set[int],
    count: str | None = None,
) -> Event | None:
    """Date the undated side of "governing <signal> signalled" from the dated side;
    ``count``: the whole length before the signal ("two weeks after"), which puts it at
    that distance."""
    governing_event = _event_at(local, governing)
    elsewhere = _same_event_elsewhere(signalled, tokens, lemma_index, analysis)
    if elsewhere is not None and signalled.is_verb:
        # a second mention of a dated event ("after police arrested the mayor"): not an
        # undated event of its own
        triggers.add(signalled.token.start)
    signalled_event = _event_at(local, signalled.token) or elsewhere
    if (
        governing_event is not None
        and signalled_event is None
        and (signalled.is_verb or _counted_from_a_day(governing_event, count))
    ):
        return _placed_relative(
            signalled.token,
            _CONVERSE[relation],
            governing_event,
            analysis,
            published,
            triggers,
            count,
        )
    if governing_event is None and signalled_event is not None:
        return _placed_relative(
            governing, relation, signalled_event, analysis, published, triggers, count
        )
    return None


def _counted_from_a_day(governing: Event, count: str | None) -> bool:
    """ "arrested early Tuesday, three days after the shooting": an event noun is placed
    only at a counted distance from a day (after a bare "after the meeting" the noun is
    too often no event of the story's own; "at 6 a.m. ten days before the shooting" is
    the hour of a day the shooting dates, not a day to count from)."""
    expression = governing.expression
    return count is not None and expression is not None and expression.type == "DATE"


def _placed_relative(
    trigger: Token,
    relation: Relation,
    anchor: Event,
    analysis: Analysis,
    published: date | None,
    triggers: set[int],
    count: str | None = None,
) -> Event | None:
    if trigger.start in triggers or (anchor.start is None and anchor.end is None):
        return None
    placement: Placement = "signal"
    if count is not None and relation == "since":
        # "Friday marks 10 years since the earthquake": the earthquake that long before
        relation = "before"
    if count is not None and relation in ("after", "before") and anchor.start is not None:
        # "signed the bill on Tuesday, two weeks after it passed": the passing two weeks
        # before Tuesday, not any time before it
        direction = 1 if relation == "after" else -1
        start, end = _counted_interval(
            (anchor.start, anchor.end or anchor.start), count, direction, within=False
        )
        placement = "anchored"
        relation = "in"  # the counted interval is where it happened, not a bound
    else:
        start, end = _signal_interval(relation, anchor, published)
    if start is None and end is None:
        return None
    description, span = describe(analysis, trigger, (trigger.start, trigger.start))
    return _placed_event(
        analysis, trigger, description, span, relation, start, end, anchor, placement, None
    )


def _signal_interval(
    relation: Relation, anchor: Event, published: date | None
) -> tuple[date | None, date | None]:
    if relation == "after":
        return anchor.start or anchor.end, None
    if relation == "before":
        return None, anchor.end or anchor.start
    if relation == "since":
        # as in events.event_interval: "since" a date still to come has no end yet
        start = anchor.start
        return start, published if published and start and published >= start else None
    if relation in ("until", "by"):
        return None, anchor.end
    return anchor.start, anchor.end


def _placed_event(
    analysis: Analysis,
    trigger: Token,
    description: str,
    span: tuple[int, int],
    relation: Relation,
    start: date | None,
    end: date | None,
    anchor: Event,
    placement: Placement,
    expression: TimeExpression | None,
) -> Event:
    return event_at(
        analysis,
        trigger,
        description=description,
        span=span,
        relation=relation,
        start=start,
        end=end,
        granularity=anchor.granularity,
        anchor=f"event '{anchor.trigger}' ({anchor.description})",
        placement=placement,
        expression=expression,
        anchor_span=anchor.trigger_span,
    )


def _starts_expression(tokens: Sequence[Token], position: int, local: Sequence[Event]) -> bool:
    """True when the signal word introduces a temporal expression ("since January")."""
    if position + 1 >= len(tokens):
        return True
    nxt = tokens[position + 1].start
    signal = tokens[position]
    return (
        any(
            expression is not None
            and (
                expression.span[0] <= nxt < expression.span[1] + 1
                # "until at least 2030", "since as early as May": the signal is the
                # expression's, a few words before it
                or _signal_of(expression, signal)
            )
            for e in local
            # (the end of a range too: "from 2008 until mid-2014")
            for expression in (e.expression, e.end_expression)
        )
        or tokens[position + 1].text[:1].isdigit()
    )


def _signal_of(expression: TimeExpression, token: Token) -> bool:
    """``token`` is the first word of the expression's signal of several words."""
    words = (expression.signal or "").split()
    return (
        len(words) > 1
        and words[0].lower() == token.text.lower()
        and 0 < expression.span[0] - token.end <= len(expression.signal or "") + 4
    )


# ------------------------------------------------------- anaphors of a date


def _anaphor_placed_events(
    events: Sequence[Event], analysis: Analysis, published: date | None, triggers: set[int]
) -> Iterator[Event]:
    """ "The rule was invoked in March 2020 and has been used 1.9 million times since
    then": the clause a signal and an anaphor ("since then", "by that time", "after
    that,") relate to the last dated event told before them, placed against it."""
    index: _DatedIndex | None = None
    by_sentence: dict[int, list[Event]] = {}
    for signal_at, anaphor_at, signal in _anaphors(analysis.text):
        if index is None:
            index = _DatedIndex(events)
            for event in events:
                by_sentence.setdefault(event.sentence_index, []).append(event)
        sentence = analysis.sentence_index_at(anaphor_at)
        anchor = index.last_before(signal_at, sentence)
        if anchor is None:
            continue
        tokens = analysis.tokens(sentence)
        position = token_index(tokens, signal_at)
        local = by_sentence.get(sentence, [])
        governing = _governing_verb(tokens, position, local) or _fronted_governing_verb(
            tokens, position, local, counted=False
        )
        if governing is None or governing.start < anchor.trigger_span[1]:
            continue  # the anchor's own clause ("was invoked in 2020 and then …")
        relation = relation_of_signal(signal)
        closing = anchor.end_expression
        if relation in ("since", "after") and closing is not None and closing.start is not None:
            # "Between 2000 and 2015 deaths fell by half. Since then, …": since its end
            anchor = replace(anchor, start=closing.start)
        placed = _placed_relative(governing, relation, anchor, analysis, published, triggers)
        if placed is not None:
            triggers.add(placed.trigger_span[0])
            yield placed


def _anaphors(text: str) -> Iterator[tuple[int, int, str]]:
    """Where a signal of ``signals_before_anaphors`` and the anaphor after it start, and
    the signal (lower case), in text order."""
    grammar = grammar_words()
    lowered = lowered_in_place(text)
    if lowered is None:
        lowered = text  # a text whose case cannot fold in place: its lower-case anaphors
    found: dict[int, tuple[int, int, str]] = {}
    for anaphor in grammar.anaphors_of_a_date:
        for at in _whole_word_starts(lowered, anaphor):
            end = at + len(anaphor)
            if text[end : end + 1] == "-" or (
                anaphor == "that" and not _ENDS_A_CLAUSE.match(text, end)
            ):
                continue  # "by then-President Obama", "after that meeting": a modifier
            signal = signal_before(text, at)
            if signal is not None and signal in grammar.signals_before_anaphors:
                reach = max(0, at - 24)
                signal_at = reach + text[reach:at].lower().rfind(signal.split()[0])
                found[at] = (signal_at, at, signal)
    return iter(sorted(found.values()))


# after "that": a comma, a clause's or the sentence's end ("After that, he moved")
_ENDS_A_CLAUSE = re.compile(r"\s{0,3}(?:[,.;:!?]|$)")


def _governing_verb(tokens: Sequence[Token], position: int, local: Sequence[Event]) -> Token | None:
    """The content verb of the clause before the signal (nearest, within the clause).

    Words of a temporal expression ("last year") are never the verb.
    """
    spans = [e.expression.span for e in local if e.expression is not None]
    low = max(-1, position - 12)
    coordinators = grammar_words().coordinators_of_clauses
    for k in range(position - 1, max(0, low), -1):
        if tokens[k].text.lower() in coordinators and tokens[k - 1].text == ",":
            # "came a week after X, and three months after Y": the second signal's
            # verb is the first one's, left out, not the verb of X
            low = k
            break
    return _content_verb_among(tokens, range(position - 1, low, -1), spans)


def _content_verb_among(
    tokens: Sequence[Token],
    order: range,
    spans: Sequence[tuple[int, int]],
    stops: tuple[str, ...] = (";", ":", "“", "”", '"'),
) -> Token | None:
    """The first content verb of ``tokens`` in ``order`` outside the expressions'
    ``spans``, None when one of ``stops`` (the clause's end) comes first."""
    for i in order:
        if tokens[i].text in stops:
            return None
        if any(a <= tokens[i].start < b for a, b in spans):
            continue
        if is_content_verb(tokens, i):
            return tokens[i]
    return None


def _fronted_governing_verb(
    tokens: Sequence[Token], position: int, local: Sequence[Event], *, counted: bool
) -> Token | None:
    """ "After the fire started on Monday, residents were evacuated", "Two days after
    the fire started, …": a signal that opens the sentence (after its count, if
    ``counted``) governs the clause past the comma that closes its own."""
    if position > (_COUNT_WORDS if counted else 0):
        return None  # words of a clause before the signal: not fronted
    spans = [e.expression.span for e in local if e.expression is not None]
    comma = next(
        (k for k in range(position + 1, min(len(tokens), position + 16)) if tokens[k].text == ","),
        None,
    )
    if comma is None:
        return None
    order = range(comma + 1, min(len(tokens), comma + 12))
    return _content_verb_among(tokens, order, spans, (";", ":", ".", "“", "”", '"'))


# "Two days", "About three weeks": the words of a count before a fronted signal
_COUNT_WORDS = 3


def _signalled_side(tokens: Sequence[Token], position: int, analysis: Analysis) -> _Side | None:
    """The verb of the signalled clause, or the event noun right after the signal."""
    grammar = grammar_words()
    i = position + 1
    while i < len(tokens) and tokens[i].text.lower() in grammar.hedges_before_anchors:
        i += 1
    if i < len(tokens) and tokens[i].text.lower() in grammar.anchor_determiners:
        j = i + 1
        while j < min(len(tokens), i + 4):
            if is_content_verb(tokens, j):
                break  # "after its owner moved production abroad": the clause's verb
            lemma = analysis.lemma_of(tokens[j])
            if _is_event_noun(tokens[j], lemma) and not _verb_right_after(tokens, j):
                return _Side(tokens[j], False, lemma)
            j += 1
    for k in range(i, min(len(tokens), i + 10)):
        if tokens[k].text in (",", ";", ":", ".", "“", "”", '"'):
            break
        if (
            tokens[k].text in grammar.coordinators_of_clauses
            and k + 1 < len(tokens)
            and is_content_verb(tokens, k + 1)
        ):
            # "until his retirement in 2005 and remained active": a verb right after "and"
            # is the governing clause's second one ("after he and his wife returned" goes on)
            break
        if is_content_verb(tokens, k):
            return _Side(tokens[k], True, analysis.lemma_of(tokens[k]))
    return None


def _verb_right_after(tokens: Sequence[Token], j: int) -> bool:
    """ "since the rule took effect": the noun is its clause's subject, and the verb
    after it (at most one word on) is the signalled event."""
    return any(is_content_verb(tokens, k) for k in range(j + 1, min(len(tokens), j + 3)))


def _is_event_noun(token: Token, lemma: str) -> bool:
    # "his arrest", "the attack": a noun that is also a verb names an event
    return (token.text.islower() and lemma != token.text.lower()) or (
        token.text.lower() == lemma and _is_verb_word(lemma)
    )


def _is_verb_word(word: str) -> bool:
    from .text import verb_lemma

    return verb_lemma(word) == word


def _event_at(local: Sequence[Event], token: Token) -> Event | None:
    return next(
        (
            e
            for e in local
            if (e.trigger_span[0] == token.start and e.start is not None)
            or (e.trigger_span[0] == token.start and e.end is not None)
        ),
        None,
    )


def _lemma_index(events: Sequence[Event]) -> dict[str, list[Event]]:
    index: dict[str, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.trigger_span[0]):
        if event.lemma and (event.start is not None or event.end is not None):
            index.setdefault(event.lemma, []).append(event)
    return index


def _same_event_elsewhere(
    side: _Side, tokens: Sequence[Token], lemma_index: dict[str, list[Event]], analysis: Analysis
) -> Event | None:
    """The dated event reported elsewhere with the same lemma and a shared participant.

    A participant is a name ("Cienfuegos") or, failing names, another content word the
    two sentences share ("police arrested the mayor" … "arrested the mayor").
    """
    candidates = _nearest_candidates(lemma_index.get(side.lemma, []), side.token.start)
    if not candidates:
        return None
    names = _names(tokens)
    for event in candidates:
        if names & _names_in(event.sentence):
            return event
    words = _content_words(" ".join(t.text for t in tokens)) - {side.lemma, side.token.text.lower()}
    sharing = [e for e in candidates if words & _content_words(e.sentence)]
    if len(sharing) == 1:
        return sharing[0]
    # "after his arrest": a pronoun-owned event noun refers to the one event of that kind
    return candidates[0] if not side.is_verb and len(candidates) == 1 else None


# How many reports of the same kind of event are compared: the nearest ones in the text.
# A document with thousands of "said" must not compare each mention with all of them.
_MAX_CANDIDATES = 32


def _nearest_candidates(events: list[Event], offset: int) -> list[Event]:
    if len(events) <= _MAX_CANDIDATES:
        return events
    i = _bisect_events(events, offset)
    low = max(0, i - _MAX_CANDIDATES // 2)
    return events[low : low + _MAX_CANDIDATES]


_LONG_WORD = re.compile(r"[a-z]{4,}")


def _subject_words(event: Event) -> frozenset[str]:
    """The content words of the event's description before its trigger and before any
    preposition: what the subject names ("The bombing killed 12": "bombing"), which a
    later "after the bombing" refers to; not the nouns of its phrases ("people in a
    shooting … pleaded guilty": not "shooting")."""
    description = event.description
    at = description.find(event.trigger)
    head = _first_preposition().split(description[: at if at >= 0 else len(description)], 1)[0]
    return _content_words(head)


@lru_cache(maxsize=1)
def _first_preposition() -> re.Pattern[str]:
    """Any of `Grammar.prepositions_ending_a_subject` as a whole word (built at first
    use: the words are data)."""
    words = "|".join(sorted(grammar_words().prepositions_ending_a_subject))
    return re.compile(rf"(?<![\w-])(?i:{words})(?![\w-])")


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    # cached: the sentence of a dated event is compared with every later report of its kind
    stopwords = grammar_words().stopwords_of_events
    return frozenset(w for w in _LONG_WORD.findall(text.lower()) if w not in stopwords)


def _names(tokens: Sequence[Token]) -> set[str]:
    return {t.text for t in tokens[1:] if t.text[:1].isupper() and len(t.text) >= 4}


_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w’'-]{3,}")


@lru_cache(maxsize=8192)
def _names_in(sentence: str) -> frozenset[str]:
    return frozenset(_NAME.findall(sentence))


_LETTERS_AFTER = re.compile(r"\s{0,3}([A-Za-z]+)")
_THAN_AFTER_LATER = re.compile(r"\s{0,3}(?i:later)\s{1,3}(?i:than)(?![\w-])")


def _word_after(text: str, end: int) -> str:
    match = _LETTERS_AFTER.match(text, end, end + 20)
    return match.group(1).lower() if match else ""


# "after that.", "before this,": a pronoun for what was told last, not a noun's determiner
_THAT_AFTER = re.compile(r"\s{1,3}(?i:after|before)\s{1,3}(?i:that|this)(?=\s{0,3}[.,;:!?)]|\s*$)")


def _noun_after(analysis: Analysis, end: int) -> Token | None:
    tokens = analysis.window((end, end), radius=6)
    following = [t for t in tokens if t.start >= end][:5]
    determiners = grammar_words().anchor_determiners
    for token in following[1:]:
        if token.text.lower() in determiners:
            continue
        return token if token.text.isalpha() else None
    return None


# ------------------------------------------------------------- undated


def undated_events(covered: set[int], analysis: Analysis) -> list[Event]:
    """Every clause verb of the text whose start is not ``covered`` by an event."""
    undated: list[Event] = []
    for sentence in analysis.sentences:
        tokens = analysis.tokens(sentence.index)
        for i, token in enumerate(tokens):
            if token.start in covered or not is_content_verb(tokens, i):
                continue
            description, span = describe(analysis, token, (token.start, token.start))
            undated.append(
                event_at(
                    analysis,
                    token,
                    description=description,
                    span=span,
                    relation="undated",
                    start=None,
                    end=None,
                    granularity="unknown",
                    anchor="",
                    placement="undated",
                    tense="unknown",
                )
            )
    return undated


class LazyUndated(Sequence[Event]):
    """The undated events, found on first use.

    Finding them means tokenizing every sentence, which a caller who only wants the
    dated timeline should not pay for (batch runs over archives never look).
    """

    def __init__(self, covered: set[int], analysis: Analysis) -> None:
        self._covered = covered
        self._analysis: Analysis | None = analysis
        self._found: list[Event] | None = None

    def _all(self) -> list[Event]:
        if self._found is None:
            assert self._analysis is not None
            self._found = undated_events(self._covered, self._analysis)
            self._analysis = None  # the analysis is no longer needed: let it go
        return self._found

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Event]: ...
    def __getitem__(self, index: int | slice) -> Event | Sequence[Event]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Event]:
        return iter(self._all())

    def __repr__(self) -> str:
        return f"LazyUndated({self._all()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
