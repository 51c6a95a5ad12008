"""Read and write TimeML: TIMEX3 gold for evaluation, and the library's output as TimeML.

Reading (:func:`read_timeml`) keeps the plain text inside ``<TEXT>`` exactly as an XML
parser reports it (entities unescaped, every tag removed, line ends normalized to
``\\n`` as XML 1.0 requires) and gives each ``TIMEX3`` inside it a character span into
that text.  The document creation time is the ``TIMEX3`` whose
``functionInDocument="CREATION_TIME"`` (usually inside ``<DCT>``); it is never one of the
``timexes``.

Writing (:func:`write_timeml`) puts the expressions inline as ``TIMEX3`` and, when given
events, ``EVENT`` tags, ``MAKEINSTANCE`` and ``TLINK`` elements.  The event→time relation
types come from :data:`RELATION_TO_RELTYPE`.

Both directions are linear in the size of the document: parsing is one pass of expat,
and the writer walks the text once with the tags sorted by offset.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

from .errors import TimeMLError
from .types import Event, Relation, TimeExpression

__all__ = [
    "RELATION_TO_RELTYPE",
    "GoldTimex",
    "TimeMLDocument",
    "read_timeml",
    "write_timeml",
]

#: TLINK ``relType`` of "event RELTYPE time" for each relation an event can have to the
#: expression that dates it.  The reading is TimeML's: "since May" means the event was
#: begun by May (``BEGUN_BY``); "until"/"by May" that May closes it (``ENDED_BY``);
#: "for three years" that the event lasts that long (``DURING``); "in"/"on"/"at"/
#: "during"/"within" that the event falls inside the expression (``IS_INCLUDED``).
#: "from…to" starts with ``BEGUN_BY`` the first expression and, when the closing one was
#: written, adds ``ENDED_BY`` it.  "undated" events get no link.
RELATION_TO_RELTYPE: dict[Relation, str] = {
    "in": "IS_INCLUDED",
    "on": "IS_INCLUDED",
    "at": "IS_INCLUDED",
    "during": "IS_INCLUDED",
    "within": "IS_INCLUDED",
    "since": "BEGUN_BY",
    "from…to": "BEGUN_BY",
    "until": "ENDED_BY",
    "by": "ENDED_BY",
    "before": "BEFORE",
    "after": "AFTER",
    "for": "DURING",
}

_TENSE_TO_TIMEML = {"past": "PAST", "present": "PRESENT", "future": "FUTURE"}

# XML 1.0 cannot hold these characters at all, not even as character references.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """A TIMEX3 of a TimeML document: ``text == document.text[span[0]:span[1]]``."""

    tid: str
    text: str
    span: tuple[int, int]
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """The text of a TimeML document, its creation time and its TIMEX3 annotations.

    Constructing one checks that every timex's span selects its text, so a document
    whose offsets disagree with its text cannot exist.
    """

    doc_id: str
    text: str
    dct: date | None
    dct_value: str | None
    timexes: tuple[GoldTimex, ...]

    def __post_init__(self) -> None:
        _check_offsets(self.text, self.timexes, where=self.doc_id or "TimeML document")


def read_timeml(path_or_text: str | os.PathLike[str]) -> TimeMLDocument:
    """Read a TimeML document from a path, or from its XML text.

    A ``str`` that contains ``<`` is taken as the XML itself, anything else as a path.
    ``doc_id`` is the ``<DOCID>`` content, else the file name without its suffix.

    Raises:
        TimeMLError: the file cannot be read, the XML is malformed, there is no
            ``<TEXT>`` element, or a timex's offsets do not select its text.  The message
            names the file (or ``<string>``) and the problem.
    """
    source, where, default_id = _load(path_or_text)
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        raise TimeMLError(f"{where}: not well-formed XML ({exc})") from exc
    body = root if root.tag == "TEXT" else root.find(".//TEXT")
    if body is None:
        raise TimeMLError(f"{where}: no <TEXT> element, so there is no text to annotate")
    text, timexes = _flatten(body)
    _check_offsets(text, timexes, where=where)
    dct_value = _creation_time_value(root)
    return TimeMLDocument(
        doc_id=_doc_id(root, default_id),
        text=text,
        dct=_value_to_date(dct_value),
        dct_value=dct_value,
        timexes=timexes,
    )


def _load(path_or_text: str | os.PathLike[str]) -> tuple[str, str, str]:
    """Return (XML text, name for messages, default doc id)."""
    if isinstance(path_or_text, str) and "<" in path_or_text:
        return path_or_text, "<string>", ""
    path = Path(path_or_text)
    try:
        return path.read_text(encoding="utf-8"), str(path), path.stem
    except (OSError, UnicodeDecodeError) as exc:
        raise TimeMLError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc


def _flatten(body: ET.Element) -> tuple[str, tuple[GoldTimex, ...]]:
    """Concatenate the text under ``body`` and record each TIMEX3's span on the way."""
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    # An explicit stack instead of recursion: deep nesting cannot hit the recursion limit.
    # Entries are (element, start offset) to open, or (element, -1 - start) to close.
    stack: list[tuple[ET.Element, int]] = [(body, -1)]
    while stack:
        elem, mark = stack.pop()
        if mark <= -2:  # closing: the element's tail follows it
            start = -2 - mark
            if elem.tag == "TIMEX3" and not _is_creation_time(elem):
                timexes.append(_gold(elem, (start, length)))
            if elem.tail:
                pieces.append(elem.tail)
                length += len(elem.tail)
            continue
        if elem is not body:
            stack.append((elem, -2 - length))
        if elem.text:
            pieces.append(elem.text)
            length += len(elem.text)
        stack.extend((child, -1) for child in reversed(elem))
    # Nested TIMEX3s close before their parent: sort into text order, outer first.
    timexes.sort(key=lambda t: (t.span[0], -t.span[1]))
    return "".join(pieces), tuple(timexes)


def _gold(elem: ET.Element, span: tuple[int, int]) -> GoldTimex:
    # The text is taken from the element itself, independently of the running offsets,
    # so that _check_offsets really checks something.
    return GoldTimex(
        tid=elem.get("tid", ""),
        text="".join(elem.itertext()),
        span=span,
        type=elem.get("type", ""),
        value=elem.get("value", ""),
        mod=elem.get("mod") or None,
    )


def _is_creation_time(elem: ET.Element) -> bool:
    return elem.get("functionInDocument") == "CREATION_TIME"


def _check_offsets(text: str, timexes: Sequence[GoldTimex], *, where: str) -> None:
    for timex in timexes:
        start, end = timex.span
        if not 0 <= start <= end <= len(text) or text[start:end] != timex.text:
            raise TimeMLError(
                f"{where}: TIMEX3 {timex.tid or '?'} has span {timex.span}, which selects "
                f"{text[max(start, 0) : max(end, 0)]!r} in a text of {len(text)} characters, "
                f"not its text {timex.text!r}"
            )


def _creation_time_value(root: ET.Element) -> str | None:
    for elem in root.iter("TIMEX3"):
        if _is_creation_time(elem):
            return elem.get("value")
    # Some TimeML omits functionInDocument: fall back to the TIMEX3 inside <DCT>.
    dct = root.find(".//DCT/TIMEX3")
    return dct.get("value") if dct is not None else None


_DATE_PREFIX = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _value_to_date(value: str | None) -> date | None:
    """The calendar day a DCT value starts with (``1998-11-20T19:30`` → 1998-11-20)."""
    match = _DATE_PREFIX.match(value or "")
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _doc_id(root: ET.Element, default: str) -> str:
    docid = root.find(".//DOCID")
    if docid is not None and docid.text and docid.text.strip():
        return docid.text.strip()
    return default


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class _Tag:
    """An inline element to write around ``text[start:end]``."""

    start: int
    end: int
    open: str
    close: str


def write_timeml(
    expressions: Sequence[TimeExpression],
    text: str,
    *,
    dct: date | None,
    doc_id: str = "",
    events: Sequence[Event] | None = None,
    tlinks: bool = True,
) -> str:
    """Return a TimeML 1.2.1 document with the expressions (and events) inline.

    Expressions get ids ``t1``, ``t2``... in text order; the creation time, when ``dct``
    is given, is ``t0`` inside ``<DCT>``.  An expression nested in another is written
    nested.  Events become ``EVENT`` tags (``e1``... in the given, timeline, order) with a
    ``MAKEINSTANCE`` each; an event whose trigger span overlaps a TIMEX3 or an earlier
    event, or does not select its trigger, is left out.  With ``tlinks``, each event is
    linked to its expression (see :data:`RELATION_TO_RELTYPE`) and consecutive events
    whose intervals do not overlap are linked ``BEFORE``.

    :func:`read_timeml` reads the result back with the same text and every expression.

    Raises:
        TimeMLError: an expression's span does not select its text, two expressions
            cross (neither contains the other), or the text holds a character that XML
            1.0 cannot represent.
    """
    bad = _XML_INVALID.search(text)
    if bad is not None:
        raise TimeMLError(
            f"text: character U+{ord(bad[0]):04X} at offset {bad.start()} cannot be "
            "written in XML 1.0; remove control characters before writing TimeML"
        )
    ordered = sorted(expressions, key=lambda e: (e.span[0], -e.span[1]))
    tids = {id(expr): f"t{i}" for i, expr in enumerate(ordered, start=1)}
    tags = [_timex_tag(expr, tids[id(expr)], text) for expr in ordered]
    written = _writable_events(events or (), ordered, text)
    tags.extend(_event_tag(eid, ev) for eid, ev in written)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>"]
    lines.append(f"<DOCID>{_escape_text(doc_id)}</DOCID>")
    if dct is not None:
        lines.append(_dct_element(dct))
    lines.append(f"<TEXT>{_inline(text, tags)}</TEXT>")
    lines.extend(_makeinstance(eid, ev) for eid, ev in written)
    if tlinks:
        lines.extend(_tlinks(written, ordered, tids))
    lines.append("</TimeML>")
    return "\n".join(lines) + "\n"


def _timex_tag(expr: TimeExpression, tid: str, text: str) -> _Tag:
    start, end = expr.span
    if not 0 <= start <= end <= len(text) or text[start:end] != expr.text:
        raise TimeMLError(
            f"expressions: {expr.text!r} has span {expr.span}, which selects "
            f"{text[max(start, 0) : max(end, 0)]!r} in the text"
        )
    attrs = [("tid", tid), ("type", expr.type), ("value", expr.value)]
    if expr.mod:
        attrs.append(("mod", expr.mod))
    if expr.quant:
        attrs.append(("quant", expr.quant))
    if expr.freq:
        attrs.append(("freq", expr.freq))
    return _Tag(start, end, f"<TIMEX3 {_attrs(attrs)}>", "</TIMEX3>")


def _writable_events(
    events: Sequence[Event], expressions: Sequence[TimeExpression], text: str
) -> list[tuple[str, Event]]:
    """Events that can be tagged inline, with their ids, in the order given."""
    taken = [expr.span for expr in expressions]
    kept: list[tuple[str, Event]] = []
    for ev in events:
        start, end = ev.trigger_span
        if not 0 <= start < end <= len(text) or text[start:end] != ev.trigger:
            continue
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append(ev.trigger_span)
        kept.append((f"e{len(kept) + 1}", ev))
    return kept


def _event_tag(eid: str, ev: Event) -> _Tag:
    attrs = _attrs([("eid", eid), ("class", "OCCURRENCE")])
    return _Tag(ev.trigger_span[0], ev.trigger_span[1], f"<EVENT {attrs}>", "</EVENT>")


def _inline(text: str, tags: list[_Tag]) -> str:
    """Escape ``text`` and insert the tags, checking that they nest properly."""
    # Outer tags open first and close last: sort by start, longer first.
    tags = sorted(tags, key=lambda t: (t.start, -t.end))
    out: list[str] = []
    open_tags: list[_Tag] = []
    pos = 0
    for tag in tags:
        pos = _close_until(text, tag.start, open_tags, out, pos)
        if open_tags and tag.end > open_tags[-1].end:
            raise TimeMLError(
                f"expressions: spans {(open_tags[-1].start, open_tags[-1].end)} and "
                f"{(tag.start, tag.end)} cross, so they cannot both be written inline"
            )
        out.append(_escape_text(text[pos : tag.start]))
        out.append(tag.open)
        pos = tag.start
        open_tags.append(tag)
    pos = _close_until(text, len(text) + 1, open_tags, out, pos)
    out.append(_escape_text(text[pos:]))
    return "".join(out)


def _close_until(text: str, offset: int, open_tags: list[_Tag], out: list[str], pos: int) -> int:
    """Close every open tag that ends at or before ``offset``; return the new position."""
    while open_tags and open_tags[-1].end <= offset:
        tag = open_tags.pop()
        out.append(_escape_text(text[pos : tag.end]))
        out.append(tag.close)
        pos = tag.end
    return pos


def _dct_element(dct: date) -> str:
    attrs = _attrs(
        [
            ("tid", "t0"),
            ("type", "DATE"),
            ("value", dct.isoformat()),
            ("temporalFunction", "false"),
            ("functionInDocument", "CREATION_TIME"),
        ]
    )
    return f"<DCT><TIMEX3 {attrs}>{dct.isoformat()}</TIMEX3></DCT>"


def _makeinstance(eid: str, ev: Event) -> str:
    attrs = [
        ("eiid", "ei" + eid[1:]),
        ("eventID", eid),
        ("pos", "UNKNOWN"),
        ("tense", _TENSE_TO_TIMEML.get(ev.tense, "NONE")),
        ("aspect", "NONE"),
        ("polarity", "POS"),
    ]
    return f"<MAKEINSTANCE {_attrs(attrs)} />"


def _tlinks(
    written: Sequence[tuple[str, Event]],
    expressions: Sequence[TimeExpression],
    tids: dict[int, str],
) -> Iterator[str]:
    """TLINK elements: each event to its expression(s), then event-event BEFORE links."""
    # Events hold their own copies of expressions, so look the tid up by span.
    by_span = {expr.span: tids[id(expr)] for expr in expressions}
    links: list[tuple[str, str, str]] = []  # (relType, eiid, "relatedTo..." attribute)
    for eid, ev in written:
        eiid = "ei" + eid[1:]
        links.extend(_time_links(ev, eiid, by_span))
    for (eid_a, ev_a), (eid_b, ev_b) in pairwise(written):
        if ev_a.end is not None and ev_b.start is not None and ev_a.end < ev_b.start:
            links.append(("BEFORE", "ei" + eid_a[1:], f'relatedToEventInstance="ei{eid_b[1:]}"'))
    for lid, (rel, eiid, target) in enumerate(links, start=1):
        yield f'<TLINK lid="l{lid}" relType="{rel}" eventInstanceID="{eiid}" {target} />'


def _time_links(
    ev: Event, eiid: str, by_span: dict[tuple[int, int], str]
) -> list[tuple[str, str, str]]:
    rel = RELATION_TO_RELTYPE.get(ev.relation)
    links: list[tuple[str, str, str]] = []
    if rel is None or ev.expression is None or ev.expression.span not in by_span:
        return links
    links.append((rel, eiid, f'relatedToTime="{by_span[ev.expression.span]}"'))
    closing = ev.end_expression
    if ev.relation == "from…to" and closing is not None and closing.span in by_span:
        links.append(("ENDED_BY", eiid, f'relatedToTime="{by_span[closing.span]}"'))
    return links


def _attrs(pairs: Sequence[tuple[str, str]]) -> str:
    return " ".join(f'{name}="{_escape_attr(value)}"' for name, value in pairs)


def _escape_text(text: str) -> str:
    # "\r" is written as a character reference: a parser would turn a literal one into "\n".
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _escape_attr(value: str) -> str:
    # Whitespace in attributes is normalized to spaces by parsers: keep it as references.
    return _escape_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
