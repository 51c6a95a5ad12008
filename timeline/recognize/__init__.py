"""Recognition: find temporal expressions and their underspecified values.

`recognize` runs every rule of `rules.py` over the text, then keeps the best
non-overlapping candidates: the longest span wins, then the rule's priority, then the
earlier start.  Each rule scans the text once with a bounded pattern, so the whole stage
is linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Literal

from .partial import Candidate, Partial
from .rules import Rule, anchor_classes, anchor_pattern, rules

__all__ = ["Candidate", "Partial", "anchor_positions", "recognize", "scan_everything"]


def recognize(text: str, *, extra_spans: Sequence[tuple[int, int, str]] = ()) -> list[Candidate]:
    """Candidates in text order, none overlapping another.

    ``extra_spans`` are (start, end, label) DATE/TIME spans from a named-entity tagger
    (the stanza backend): where no rule matched, they become candidates of their own,
    left for dateparser to normalize when they are resolved.
    """
    chosen = _take_in_bounds(text, _select(list(_all_candidates(text))))
    extra = list(_entity_candidates(text, extra_spans, chosen))
    return _select(chosen + extra) if extra else chosen


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
            candidate = replace(candidate, end=open_end.end(), partial=replace(partial, mod=mod))
            candidates[i] = candidate
            continue
        if "round" not in text[max(0, candidate.start - 9) : candidate.start].lower():
            continue  # the common case, without a regex search
        if text[candidate.end : candidate.end + 2] in ("'s", "’s"):
            continue  # "get around Wednesday's ruling": "around" goes with the noun
        around = _AROUND_BEFORE.search(text, max(0, candidate.start - 12), candidate.start)
        if around is not None:
            approx = replace(partial, mod=partial.mod or "APPROX")
            candidates[i] = replace(candidate, start=around.start(), partial=approx)
    return candidates


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


def _all_candidates(text: str) -> Iterable[Candidate]:
    """Every rule's matches, each rule run only near the words it can start from.

    One pass over the words finds where month names, digits, unit words … stand; a rule
    then scans only windows around the words of its own anchor classes.  Most of a news
    text holds no temporal word at all, so this is what makes recognition fast; a test
    checks that it finds exactly what a scan of the whole text finds.
    """
    positions = anchor_positions(text)
    windows_by_anchor: dict[frozenset[str], list[tuple[int, int]]] = {}
    for rule in rules():
        windows = windows_by_anchor.get(rule.anchors)
        if windows is None:
            windows = _windows(text, positions, rule.anchors)
            windows_by_anchor[rule.anchors] = windows
        for start, end in windows:
            yield from _matches(rule, text, start, end)


def scan_everything(text: str) -> list[Candidate]:
    """What every rule finds scanning the whole text (the reference the windows must equal)."""
    found: list[Candidate] = []
    for rule in rules():
        found.extend(_matches(rule, text, 0, len(text)))
    return _take_in_bounds(text, _select(found))


def _matches(rule: Rule, text: str, start: int, end: int) -> Iterable[Candidate]:
    for match in rule.pattern.finditer(text, start, end):
        if match.end() == match.start():
            continue
        result = rule.handler(match, text)
        if result is None:
            continue
        if isinstance(result, Partial):
            # a rule may keep words out of the span (TimeML leaves "about" in
            # "about five hours" outside the TIMEX3) by naming the inside "body"
            body = rule.pattern.groupindex.get("body")
            first, last = match.span(body) if body else match.span()
            first, last = _trim(text, first, last)
            yield Candidate(first, last, result, rule.name, rule.priority)
        else:
            yield from result


def _readable_date(surface: str) -> bool:
    # the tagger's span is a candidate only if dateparser can read it as a date at all
    from ..normalize import parseable

    return parseable(surface)


# How far a match may reach from the anchor word it contains ("at least the past 18
# months" reaches 20 characters before "months"); windows end on white space so no
# word is cut in two.
_MARGIN = 40


def anchor_positions(text: str) -> dict[str, list[int]]:
    """Start offsets of the words of each anchor class ("M" months, "D" digits …)."""
    classes = anchor_classes()
    positions: dict[str, list[int]] = {}
    for match in anchor_pattern().finditer(text):
        word = match.group()
        found = (
            _digit_class(text, word, match.end())
            if word[0].isdigit()
            else classes.get(word.lower())
        )
        if found:
            for name in found:
                positions.setdefault(name, []).append(match.start())
    return positions


# What may follow a number that is part of a time or a numeric date: "3:30", "3/5/2021",
# "3 p.m.", "4 in the morning", "44 BC", "'90s".
_TIME_TAIL = re.compile(
    r"[:/]\d|\.\d|\s{0,2}(?i:a\.?\s?m\b|p\.?\s?m\b)"
    r"|\s{1,3}(?i:in\s{1,3}the\s{1,3}(?:morning|afternoon|evening)|at\s{1,3}night)\b"
)
_ERA_TAIL = re.compile(r"\s{1,3}(?:B\.?C|A\.?D|BCE|CE)\b|0s\b|s\b")


def _digit_class(text: str, word: str, end: int) -> tuple[str, ...] | None:
    """Digits that can start a date or a time: four-digit years ("D"), clock and numeric
    dates ("T"); other numbers ("12 percent") anchor nothing."""
    if len(word) == 4:
        return ("D",)
    if _TIME_TAIL.match(text, end, end + 24):
        return ("T",)
    if _ERA_TAIL.match(text, end, end + 8) or (
        end - len(word) > 0 and text[end - len(word) - 1] in "'’"
    ):
        return ("D",)
    return None


def _windows(
    text: str, positions: dict[str, list[int]], anchors: frozenset[str]
) -> list[tuple[int, int]]:
    starts = sorted(p for name in anchors for p in positions.get(name, ()))
    windows: list[tuple[int, int]] = []
    length = len(text)
    for position in starts:
        if windows and position + _MARGIN <= windows[-1][1] and _at_space(text, windows[-1][1]):
            continue  # already inside the window: dense anchors cost one comparison each
        if windows and position - _MARGIN <= windows[-1][1]:
            high = _on_to_space(text, min(length, position + _MARGIN))
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
            continue
        low = _back_to_space(text, max(0, position - _MARGIN))
        high = _on_to_space(text, min(length, position + _MARGIN))
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], high))
        else:
            windows.append((low, high))
    return windows


def _at_space(text: str, index: int) -> bool:
    return index >= len(text) or text[index].isspace()


def _back_to_space(text: str, index: int) -> int:
    limit = max(0, index - 32)
    while index > limit and not text[index - 1].isspace():
        index -= 1
    return index if index == 0 or text[index - 1].isspace() else limit


def _on_to_space(text: str, index: int) -> int:
    limit = min(len(text), index + 32)
    while index < limit and not text[index].isspace():
        index += 1
    return index if index == len(text) or text[index].isspace() else limit


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
    candidates.sort(key=lambda c: (c.start, -c.end))
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
