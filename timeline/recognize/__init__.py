"""Recognition: find temporal expressions and their underspecified values.

`recognize` runs every rule of `rules.py` over the text, then keeps the best
non-overlapping candidates: the longest span wins, then the rule's priority, then the
earlier start.  Each rule scans the text once with a bounded pattern, so the whole stage
is linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .partial import Candidate, Partial
from .rules import rules

__all__ = ["Candidate", "Partial", "recognize"]


def recognize(text: str, *, extra_spans: Sequence[tuple[int, int, str]] = ()) -> list[Candidate]:
    """Candidates in text order, none overlapping another."""
    candidates = list(_all_candidates(text))
    return _select(candidates)


def _all_candidates(text: str) -> Iterable[Candidate]:
    for rule in rules():
        for match in rule.pattern.finditer(text):
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
                start, end = _trim(text, first, last)
                yield Candidate(start, end, result, rule.name, rule.priority)
            else:
                yield from result


_TRAILING = re.compile(r"[\s,;:]+$")


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
