"""Recognition: find temporal expressions and their underspecified values.

`recognize` runs every rule of `rules.py` over the text, then keeps the best
non-overlapping candidates: the longest span wins, then the rule's priority, then the
earlier start.  Each rule scans the text once with a bounded pattern, so the whole stage
is linear in the text's length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import Literal

from ..text import lowered_in_place, possessive_at
from .lexicon import lexicon
from .lowered import matches_via_lowered
from .partial import PERIODS, Candidate, Partial
from .rules import (
    CAPITALIZED_CLASSES,
    Rule,
    anchor_classes,
    anchor_pattern,
    digit_anchor_pattern,
    rules,
)

__all__ = ["Candidate", "Partial", "anchor_positions", "recognize", "scan_everything"]


def recognize(text: str, *, extra_spans: Sequence[tuple[int, int, str]] = ()) -> list[Candidate]:
    """Candidates in text order, none overlapping another.

    ``extra_spans`` are (start, end, label) DATE/TIME spans from a named-entity tagger
    (the stanza backend): where no rule matched, they become candidates of their own,
    left for dateparser to normalize when they are resolved.
    """
    lowered = lowered_in_place(text)
    chosen = _settled(text, lowered, _select(list(_all_candidates(text, lowered))))
    extra = list(_entity_candidates(text, extra_spans, chosen))
    return _select(chosen + extra) if extra else chosen


def _settled(text: str, lowered: str | None, selected: list[Candidate]) -> list[Candidate]:
    """The selected candidates with the words around them read: bounds ("around",
    "or later"), period edges, quoted titles, "so far"."""
    bounded = _point_of_period_taken(text, _take_in_bounds(text, selected))
    return _so_far_marked(
        text, lowered, _without_titles(text, _edges_taken(text, lowered, bounded))
    )


def _point_of_period_taken(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """ "the end of the third quarter", "the start of the fiscal year": the point of a
    period a rule read without it, taken into the expression as its mod (the rules that
    read "the end of next month" take it themselves)."""
    taken = candidates
    for i, candidate in enumerate(candidates):
        partial = candidate.partial
        if (
            partial.mod is not None
            or partial.type != "DATE"
            or partial.granularity not in PERIODS
            or text[max(0, candidate.start - 4) : candidate.start].rstrip()[-2:].lower() != "of"
        ):
            continue  # nearly every candidate: no regex search
        found = _POINT_OF_PERIOD_BEFORE.search(text, max(0, candidate.start - 32), candidate.start)
        if found is None or (i and candidates[i - 1].end > found.start()):
            continue
        mod = lexicon().point_modifiers[found["point"].lower()]
        if taken is candidates:
            taken = list(candidates)
        taken[i] = candidate._replace(start=found.start(), partial=partial._replace(mod=mod))
    return taken


_POINT_OF_PERIOD_BEFORE = re.compile(
    r"(?<![\w-])(?i:the)\s{1,3}(?P<point>(?i:beginning|start|middle|end|close))\s{1,3}"
    r"(?i:of)\s{1,3}$"
)


# "around" right before a date or a clock time ("around Nov. 1", "around 7:15 p.m.")
_AROUND_BEFORE = re.compile(r"(?<![\w-])(?i:around)\s{1,3}$")


# an open end after a date: "1994 or later", "1990 and beyond", "June or earlier" (not
# "in October 1984 and later served": "and later" opens a clause there)
_OPEN_END = re.compile(
    r"\s{1,3}(?:(?i:or)\s{1,3}(?:(?P<after>(?i:later))|(?P<before>(?i:earlier|sooner)))"
    r"|(?i:and)\s{1,3}(?i:beyond))(?![\w-])"
)


def _take_in_bounds(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """TimeML takes the words that bound a point in time into its extent and records
    them as its mod (the corpus does so each time): "around Nov. 1" (APPROX), "1994 or
    later" (ON_OR_AFTER). Amounts ("around five hours") have their own rule."""
    for i, candidate in enumerate(candidates):
        partial = candidate.partial
        if partial.type not in ("DATE", "TIME") or partial.granularity == "ref":
            continue
        open_end = _OPEN_END.match(text, candidate.end)
        if open_end is not None and partial.mod is None:
            mod = "ON_OR_BEFORE" if open_end["before"] else "ON_OR_AFTER"
            candidate = candidate._replace(end=open_end.end(), partial=partial._replace(mod=mod))
            candidates[i] = candidate
            continue
        if "round" not in text[max(0, candidate.start - 9) : candidate.start].lower():
            continue  # the common case, without a regex search
        if possessive_at(text, candidate.end):
            continue  # "get around Wednesday's ruling": "around" goes with the noun
        around = _AROUND_BEFORE.search(text, max(0, candidate.start - 12), candidate.start)
        if around is not None:
            approx = partial._replace(mod=partial.mod or "APPROX")
            candidates[i] = candidate._replace(start=around.start(), partial=approx)
    return candidates


# "the last day of", "the first week of" right before a period.  Searched for in the
# lower-cased text from the unit word, a plain prefix the regex engine skips to fast:
# led by "the" or by a group of alternatives the scan cost 1% of all of news's work.
_EDGE_UNITS = (
    re.compile(r"day\s{1,3}of\s{1,3}"),
    re.compile(r"week\s{1,3}of\s{1,3}"),
    re.compile(r"weekend\s{1,3}of\s{1,3}"),
)
_EDGE_SIDE_BEFORE = re.compile(
    r"(?<![\w-])the\s{1,3}(?P<side>first|second|third|fourth|last|final)\s{1,3}$"
)


def _edge_phrases(lowered: str) -> dict[int, tuple[int, str]]:
    """Where each "the first/second/third/fourth/last day/week/weekend of" or "the
    first/second/third/fourth/last <weekday> of" of the lower-cased text ends: its start
    and its edge ("first day", "last week", "second weekend", "second 2" for the second
    Tuesday)."""
    edges: dict[int, tuple[int, str]] = {}
    for unit, pattern in zip(("day", "week", "weekend"), _EDGE_UNITS, strict=True):
        for found in pattern.finditer(lowered):
            start = found.start()
            if unit == "day" and start and lowered[start - 1].isalpha():
                weekday_edge = _weekday_edge(lowered, start)
                if weekday_edge is not None:
                    edges[found.end()] = weekday_edge
                continue
            before = _EDGE_SIDE_BEFORE.search(lowered, max(0, start - 16), start)
            if before is not None:
                side = "last" if before["side"] == "final" else before["side"]
                edges[found.end()] = (before.start(), f"{side} {unit}")
    return edges


def _weekday_edge(lowered: str, day_at: int) -> tuple[int, str] | None:
    """ "the first Friday of", "the last Monday of": found from the "day" of the weekday's
    name at ``day_at`` (the scan for "day of" finds it)."""
    stem = _weekday_stem_before().search(lowered, max(0, day_at - 6), day_at)
    if stem is None:
        return None
    before = _NTH_BEFORE.search(lowered, max(0, stem.start() - 20), stem.start())
    if before is None:
        return None
    side = "last" if before["side"] == "final" else before["side"]
    return before.start(), f"{side} {lexicon().weekday_of(stem.group() + 'day')}"


@lru_cache(maxsize=1)
def _weekday_stem_before() -> re.Pattern[str]:
    """A weekday's name without its "day" ("fri", "wednes"), ending where searched."""
    stems = [w[:-3] for w in lexicon().weekdays if w.endswith("day")]
    return re.compile(r"(?<![\w-])(?:" + "|".join(stems) + ")$")


_NTH_BEFORE = re.compile(
    r"(?<![\w-])the\s{1,3}(?P<side>first|second|third|fourth|last|final)\s{1,3}$"
)


def _edges_taken(text: str, lowered: str | None, candidates: list[Candidate]) -> list[Candidate]:
    """ "the last day of March", "the first week of July": the day or the week at that
    edge of the period, one expression (a candidate read in the words before, "the last
    day" as yesterday, gives way).  ``lowered``: the text lower-cased in place; a text
    without one (letters that fold unlike their lower case) is left as it is."""
    edges = _edge_phrases(lowered) if lowered is not None else None
    if not edges:
        return candidates  # nearly every text
    taken: list[Candidate] = []
    for candidate in candidates:
        partial = candidate.partial
        edge = edges.get(candidate.start)
        if edge is None or partial.type != "DATE" or partial.granularity not in PERIODS:
            taken.append(candidate)
            continue
        start, side = edge
        while taken and taken[-1].end > start:
            taken.pop()
        taken.append(candidate._replace(start=start, partial=partial._replace(edge=side)))
    return taken


# "so far" or "thus far" and the period it cuts short: "so far this year", "thus far in
# 2021", "this month so far".  Found from "far" in the lower-cased text: led by a plain
# word (the look-behind after it), the pattern lets the engine skip from "f" to "f" in C.
_FAR = re.compile(r"far(?<![\w-]far)(?![\w-])")
_FAR_ANY_CASE = re.compile(_FAR.pattern, re.IGNORECASE)
_SO_BEFORE_FAR = re.compile(r"(?<![\w-])(?i:so|thus)\s{1,3}$")
_TO_PERIOD_AFTER_FAR = re.compile(r",?\s{1,3}(?:(?i:in|during|for)\s{1,3})?")
_FAR_AFTER_PERIOD = re.compile(r",?\s{1,3}")
_CUT_SHORT = PERIODS | {"week"}


def _so_far_marked(text: str, lowered: str | None, candidates: list[Candidate]) -> list[Candidate]:
    """Mark the period that "so far" or "thus far" stands next to: its days up to the
    reference only ("Sales rose 4% so far this year": January to the publication day)."""
    if not candidates:
        return candidates
    starts = [candidate.start for candidate in candidates]
    found = _FAR.finditer(lowered) if lowered is not None else _FAR_ANY_CASE.finditer(text)
    for far in found:
        so = _SO_BEFORE_FAR.search(text, max(0, far.start() - 8), far.start())
        if so is None:
            continue
        index = bisect.bisect_left(starts, far.end())
        if index < len(candidates) and _TO_PERIOD_AFTER_FAR.fullmatch(
            text, far.end(), candidates[index].start
        ):
            _mark_so_far(candidates, index)
        elif index and _FAR_AFTER_PERIOD.fullmatch(text, candidates[index - 1].end, so.start()):
            _mark_so_far(candidates, index - 1)
    return candidates


def _mark_so_far(candidates: list[Candidate], index: int) -> None:
    partial = candidates[index].partial
    if partial.type == "DATE" and partial.granularity in _CUT_SHORT:
        candidates[index] = candidates[index]._replace(partial=partial._replace(so_far=True))


# an opening quotation mark right before a span: ``, ", “, '' or a lone '
_OPENING_QUOTE = re.compile(r"(?:``|''|[\"“‘'])[ \t]?$")


def _without_titles(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop a quoted name in title case: ABC's "This Week", CBS's "60 Minutes".

    A temporal phrase of two or more words whose words after the first are all
    capitalized, right after an opening quotation mark, is the title of a show, a book
    or a film; news writes a quoted time in lower case ("`this week,' he said").
    """
    kept = [c for c in candidates if not _is_quoted_title(text, c)]
    return kept if len(kept) < len(candidates) else candidates


def _is_quoted_title(text: str, candidate: Candidate) -> bool:
    if candidate.rule == "holiday":
        return False  # "Christmas Day" is a name and a date
    words = text[candidate.start : candidate.end].split()
    later = [w for w in words[1:] if w[:1].isalpha()]
    if not later or not all(w[:1].isupper() for w in later):
        return False
    # a unit word in capitals ("Week", "Minutes"), not a name that is always capitalized
    units = lexicon()
    if not any(units.unit_of(w.strip(".,;:!?'\"”’")) for w in later):
        return False
    return _OPENING_QUOTE.search(text, max(0, candidate.start - 3), candidate.start) is not None


def _entity_candidates(
    text: str, spans: Sequence[tuple[int, int, str]], chosen: Sequence[Candidate]
) -> Iterable[Candidate]:
    for start, end, label in spans:
        if label not in ("DATE", "TIME") or not 0 <= start < end <= len(text):
            continue
        if any(c.start < end and start < c.end for c in chosen):
            continue  # a rule already read (part of) it, with its own value
        surface = text[start:end]
        if not any(ch.isalnum() for ch in surface) or not _readable_date(surface):
            continue
        kind: Literal["DATE", "TIME"] = "TIME" if label == "TIME" else "DATE"
        partial = Partial(type=kind, granularity="unknown", surface=surface)
        yield Candidate(start, end, partial, "ner", -2)


def _all_candidates(text: str, lowered: str | None) -> Iterable[Candidate]:
    """Every rule's matches, each rule run only near the words it can start from.

    One pass over the words finds where month names, digits, unit words … stand; a rule
    then scans only windows around the words of its own anchor classes.  Most of a news
    text holds no temporal word at all, so this is what makes recognition fast; a test
    checks that it finds exactly what a scan of the whole text finds.
    """
    positions = _anchor_positions(text, lowered)
    windows_by_anchor: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in rules():
        windows = windows_by_anchor.get(rule.anchors)
        if windows is None:
            # most texts hold words of a few classes only: the others cost a set test
            present = not rule.anchors.isdisjoint(positions)
            windows = _windows(text, positions, rule.anchors) if present else []
            windows_by_anchor[rule.anchors] = windows
        if windows and rule.requires:
            windows = _holding(windows, positions, rule.requires)
        if windows:
            yield from _matches(rule, text, windows, lowered)


def _holding(
    windows: list[tuple[int, int]], positions: dict[str, list[int]], classes: frozenset[str]
) -> list[tuple[int, int]]:
    """The windows in which a word of one of ``classes`` starts."""
    starts = _starts_of(positions, classes)
    if not starts:
        return []
    return [
        (low, high)
        for low, high in windows
        if (i := bisect.bisect_left(starts, low)) < len(starts) and starts[i] < high
    ]


def _starts_of(positions: dict[str, list[int]], classes: frozenset[str]) -> list[int]:
    """Where the words of ``classes`` start, in text order."""
    if len(classes) == 1:
        (name,) = classes
        return positions.get(name, [])  # found in text order: sorted already
    return sorted(p for name in classes for p in positions.get(name, ()))


def scan_everything(text: str) -> list[Candidate]:
    """What every rule finds scanning the whole text (the reference the windows must equal)."""
    found: list[Candidate] = []
    for rule in rules():
        found.extend(_matches(rule, text, [(0, len(text))], None))
    return _settled(text, lowered_in_place(text), _select(found))


def _matches(
    rule: Rule, text: str, windows: Sequence[tuple[int, int]], lowered: str | None
) -> Iterable[Candidate]:
    """The candidates of ``rule``'s matches in ``windows``; ``lowered`` is the text
    lower-cased in place (see `lowered_in_place`), if it has one."""
    # a rule may keep words out of the span (TimeML leaves "about" in "about five
    # hours" outside the TIMEX3) by naming the inside "body"
    body = rule.pattern.groupindex.get("body", 0)
    handler = rule.handler
    for match in _pattern_matches(rule, text, windows, lowered):
        if match.end() == match.start():
            continue
        result = handler(match, text)
        if result is None:
            continue
        if isinstance(result, Partial):
            first, last = _trim(text, *match.span(body))
            yield Candidate(first, last, result, rule.name, rule.priority)
        else:
            yield from result


def _pattern_matches(
    rule: Rule, text: str, windows: Sequence[tuple[int, int]], lowered: str | None
) -> Iterable[re.Match[str]]:
    if lowered is not None and rule.lowered is not None:
        return matches_via_lowered(rule.pattern, rule.lowered, text, lowered, windows)
    finditer = rule.pattern.finditer
    return (match for start, end in windows for match in finditer(text, start, end))


def _readable_date(surface: str) -> bool:
    # the tagger's span is a candidate only if dateparser can read it as a date at all
    from ..normalize import parseable

    return parseable(surface)


# How far a match may reach from the anchor word it contains ("at least the past 18
# months" reaches 20 characters before "months"); windows end on white space so no
# word is cut in two, which gives up to 32 more.  Some patterns allow longer matches
# (up to 106 characters, 'counted' without bound): "last year's 1989 comparable
# year-ago fourth fiscal quarter" (57 characters before "quarter") is found as
# "last year" and "1989 … quarter" here, whole by `scan_everything`.  Windows as wide
# as each pattern's longest match find it, at 14% more instructions on news (measured
# with cachegrind on tbaq-cleaned); phrases that long before one word are rare, and
# those of news ("no less than the remaining two and a half consecutive years") fit.
_MARGIN = 40


# The digit groups of `anchor_pattern` and the classes they anchor ("E": an era or a
# decade, "'90s", "44 BC", read by the same rules as four-digit years; "d": a day's
# ordinal, "the 15th").
_DIGIT_CLASSES: dict[str, tuple[str, ...]] = {"D": ("D",), "E": ("D",), "T": ("T",), "d": ("d",)}


def anchor_positions(text: str) -> dict[str, list[int]]:
    """Start offsets of the words of each anchor class ("M" months, "D" digits …), each
    list in text order."""
    return _anchor_positions(text, lowered_in_place(text))


def _anchor_positions(text: str, lowered: str | None) -> dict[str, list[int]]:
    if lowered is None:
        positions = _scanned_anchor_positions(text)
    else:
        positions = {}
        _add_word_anchors(lowered, positions)
        for match in digit_anchor_pattern().finditer(lowered):
            group = match.lastgroup
            assert group is not None  # every alternative of the pattern is a named group
            for name in _DIGIT_CLASSES[group]:
                positions.setdefault(name, []).append(match.start())
    _keep_capitalized(text, positions)
    return positions


def _keep_capitalized(text: str, positions: dict[str, list[int]]) -> None:
    """Drop the anchors of `CAPITALIZED_CLASSES` that are written in lower case: the
    modal "may", the verb "march", the noun "sun" open no window their rules could use."""
    for name in CAPITALIZED_CLASSES:
        found = positions.get(name)
        if found:
            kept = [p for p in found if text[p].isupper()]
            if kept:
                positions[name] = kept
            else:
                del positions[name]


def _add_word_anchors(lowered: str, positions: dict[str, list[int]]) -> None:
    """The anchor words of lower-cased text.

    An anchor word is a whole run of letters (the trie pattern's look-arounds say the
    same).  Every character that is not a letter becomes a space, the text is split on
    single spaces, and each piece's offset is the running sum of the lengths before it:
    every loop runs in C but the one over the anchor words found.
    """
    pieces = lowered.translate(_separators(lowered)).split(" ")
    starts = accumulate(map(add, map(len, pieces), repeat(1)), initial=0)
    classes = anchor_classes()
    # lazily, so only the anchor words' offsets are ever kept (starts has one more)
    offsets = zip(starts, pieces, strict=False)
    for start, word in compress(offsets, map(classes.__contains__, pieces)):
        for name in classes[word]:
            positions.setdefault(name, []).append(start)


def _separators(lowered: str) -> dict[int, int]:
    """A str.translate table turning every character that is not a letter into a space."""
    if lowered.isascii():
        return _ASCII_SEPARATORS
    table = dict(_ASCII_SEPARATORS)
    for char in set(lowered):
        if ord(char) > 127 and not _LETTER.match(char):
            table[ord(char)] = 32
    return table


_LETTER = re.compile(r"[^\W\d_]")
_ASCII_SEPARATORS = {code: 32 for code in range(128) if not _LETTER.match(chr(code))}


def _scanned_anchor_positions(text: str) -> dict[str, list[int]]:
    # for text whose lower-casing would move offsets or fold letters differently from a
    # case-insensitive regex: the slower scan of the original text
    classes = anchor_classes()
    positions: dict[str, list[int]] = {}
    for match in anchor_pattern().finditer(text):
        digits = match.lastgroup
        found = _DIGIT_CLASSES[digits] if digits else classes.get(match.group().lower(), ())
        for name in found:
            positions.setdefault(name, []).append(match.start())
    return positions


def _windows(
    text: str, positions: dict[str, list[int]], anchors: frozenset[str]
) -> list[tuple[int, int]]:
    """The union of the spans [_MARGIN before, _MARGIN after] each anchor, each end
    moved to white space; overlapping or touching spans make one window."""
    starts = _starts_of(positions, anchors)
    if not starts:
        return []
    length = len(text)
    windows: list[tuple[int, int]] = []
    low, last = _back_to_space(text, max(0, starts[0] - _MARGIN)), starts[0]
    for position in starts:
        if position - last <= 2 * _MARGIN:
            # within reach of the last anchor's span: the same window, and nothing to
            # compute (dense anchors cost one comparison each)
            last = position
            continue
        # both ends move monotonically with the anchor, so the window's end is the
        # last anchor's, computed once per window
        high = _on_to_space(text, min(length, last + _MARGIN))
        start = _back_to_space(text, max(0, position - _MARGIN))
        if start > high:
            windows.append((low, high))
            low = start
        last = position
    windows.append((low, _on_to_space(text, min(length, last + _MARGIN))))
    return windows


def _back_to_space(text: str, index: int) -> int:
    """Back from ``index`` to just after white space, at most 32 characters."""
    segment = text[max(0, index - 32) : index]
    if not segment or segment[-1].isspace():
        return index
    return index - len(segment.rsplit(None, 1)[-1])


def _on_to_space(text: str, index: int) -> int:
    """On from ``index`` to white space (or the end), at most 32 characters."""
    match = _NON_SPACE_RUN.match(text, index)
    return match.end() if match else index


_NON_SPACE_RUN = re.compile(r"\S{0,32}")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\r\n,;:":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: within each cluster of overlapping ones, longest first.

    Clustering first keeps the greedy choice local, so a text with a million candidates
    costs a sort, not a quadratic scan.
    """
    # by start, the longest first: two stable sorts on C key functions
    candidates.sort(key=_END, reverse=True)
    candidates.sort(key=_START)
    chosen: list[Candidate] = []
    cluster: list[Candidate] = []
    cluster_end = -1
    for candidate in candidates:
        if cluster and candidate.start >= cluster_end:
            chosen.extend(_select_in_cluster(cluster))
            cluster = []
        cluster.append(candidate)
        cluster_end = max(cluster_end, candidate.end) if len(cluster) > 1 else candidate.end
    chosen.extend(_select_in_cluster(cluster))
    return chosen


_START, _END = itemgetter(0), itemgetter(1)  # Candidate.start, Candidate.end


def _select_in_cluster(cluster: list[Candidate]) -> list[Candidate]:
    if len(cluster) <= 1:
        return cluster
    if len(cluster) > _MAX_CLUSTER:
        return _select_left_to_right(cluster)
    ranked = sorted(cluster, key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    kept: list[Candidate] = []
    for candidate in ranked:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept


# A cluster this large only comes from pathological text ("1990-1991-1992-…"); there
# the quadratic best-first choice gives way to a linear left-to-right one.
_MAX_CLUSTER = 64


def _select_left_to_right(cluster: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for candidate in cluster:  # sorted by start, longest first
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept
