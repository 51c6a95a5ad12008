"""The recognition rules: a regex built from the language data, and a handler each.

A rule's pattern finds a span; its handler reads the groups and returns the
underspecified `Partial` (or None to reject the match: "May be", "2000 shoes").  Every
pattern uses bounded repetition only, so no rule can backtrack more than a constant
number of steps at a position: recognition stays linear in the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..types import Granularity
from .lexicon import Lexicon, alternation, lexicon
from .lowered import without_case_flags
from .partial import BY_TENSE_REF, Candidate, Partial

__all__ = [
    "CAPITALIZED_CLASSES",
    "LOWER_CASE_RULES",
    "Rule",
    "anchor_classes",
    "anchor_pattern",
    "digit_anchor_pattern",
    "rules",
]

Handler = Callable[[re.Match[str], str], "list[Candidate] | Partial | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0
    #: the anchor classes (see `anchor_classes`) one of whose words every match contains
    anchors: frozenset[str] = frozenset()
    #: the same pattern for lower-cased text, for the rules of `LOWER_CASE_RULES`
    lowered: re.Pattern[str] | None = None
    #: classes one of whose words every match also contains, besides its anchor: a
    #: window without one of them holds no match ("March quarter" needs "quarter")
    requires: frozenset[str] = frozenset()


_W = r"\s{1,3}"  # white space between words: bounded, so a flood of spaces stays linear
_YEAR = r"(?:1\d{3}|20\d{2})(?!\d|,\d)"
# next to a month name any four-digit year is a year ("March 2400", "December 31, 9999")
_CALENDAR_YEAR = r"(?:[1-9]\d{3})(?!\d|,\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_LEFT = r"(?<![\w$£€#.,/-])"  # a number that is not part of a larger number or amount
_CLOCK_LEFT = r"(?<![\w$£€#.,/:-])"  # nor the minutes or seconds of a longer clock time
# "end-June", "end-2024": the financial press's hyphenated edge of a period
_POINT_MOD = (
    r"(?P<pmod>(?i:early|mid|late|(?:end|start)(?=-)"
    r"|the\s{1,3}(?:beginning|start|middle|end|close)\s{1,3}of))"
)


def _zone_pattern(zone: str) -> str:
    """A zone from the data: an abbreviation ("ET") as written, a spelled-out name
    ("Eastern time", "Eastern Daylight Time") in any case."""
    words = re.escape(zone).replace(r"\ ", r"\s{1,3}")
    return f"(?i:{words})" if " " in zone else words


# "9 a.m. Tokyo time", "4 p.m. New York time": a place's clock, named by one or two
# capitalized words before "time"
_PLACE_TIME = r"[A-Z][a-z]{2,14}(?:\s{1,3}[A-Z][a-z]{2,14})?\s{1,3}time"


def _month_pattern(lex: Lexicon) -> str:
    full = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in lex.months if m not in full]
    # a possessive full name is the month ("December's figures"), but not "May's" (a name)
    possessive = [m for m in full if m != "may"]
    return (
        "(?:"
        + alternation(possessive, capitalized=True)
        + r"(?=['’]s\b)|(?:"
        + alternation(full, capitalized=True)
        + "|"
        + alternation(short, capitalized=True)
        + r"\.?)(?![\w'’]))"
    )


def _weekday_pattern(lex: Lexicon) -> str:
    full = [w for w in lex.weekdays if w.endswith("day")]
    short = [w for w in lex.weekdays if not w.endswith("day")]
    # an abbreviation needs its period ("Wed." not "Wed", "Sun." not "Sun")
    return (
        "(?:"
        + alternation(full, capitalized=True)
        + r"(?=['’]s\b)|"
        + alternation(full, capitalized=True)
        + "|"
        + alternation(short, capitalized=True)
        + r"\.)"
        + r"(?![\w])"
    )


def _number_pattern(lex: Lexicon) -> str:
    units = [w for w, v in lex.cardinals.items() if 1 <= v < 20 and w not in ("a", "an")]
    tens = list(lex.tens)
    words = alternation(
        units
        + tens
        + ["hundred", "thousand", "dozen", "a dozen", "a couple of", "a couple", "couple of"]
    )
    compound = (
        "(?i:" + "|".join(tens) + r")[\s-](?i:one|two|three|four|five|six|seven|eight|nine)"
        r"|(?i:one|two|three|four|five|six|seven|eight|nine|ten|a)[\s-](?i:hundred|thousand)"
    )
    vague = alternation(
        [
            "several",
            "a few",
            "few",
            "many",
            "some",
            "a number of",
            "numerous",
            "countless",
            "multiple",
            *(w for w in lex.vague if w.endswith(" of")),  # "thousands of years"
        ]
    )
    fraction = r"\d{1,4}(?:\s|-)\d/\d"
    digits = r"\d{1,3}(?:,\d{3})+|\d{1,6}(?:\.\d{1,3})?"
    # "66 million years ago", "13.8 billion years": counts past the calendar, read whole
    scale = rf"(?:\s{{1,3}}{alternation(list(lex.scales))})?"
    return (
        rf"(?P<num>(?:{fraction}|{digits}|{compound}|{words}){scale}|{vague}|(?i:an?){scale})"
        r"(?![\w])"
        r"(?P<half>\s{1,3}(?i:and\s{1,3}a\s{1,3}half))?"
    )


def _unit_pattern(lex: Lexicon, group: str = "unit") -> str:
    words = list(lex.units) + list(lex.unit_plurals)
    return rf"(?P<{group}>{alternation(words)})(?![\w])"


# ---------------------------------------------------------------- helpers


def _pmod(match: re.Match[str], lex: Lexicon) -> str | None:
    text = match.groupdict().get("pmod")
    if not text:
        return None
    last = text.lower().split()
    for word in reversed(last):
        if word in lex.point_modifiers:
            return lex.point_modifiers[word]
    return None


_POSSESSIVE_S = re.compile(r"['’]s$")
_WORD_AFTER = re.compile(r"\W{0,2}?\s{0,3}([\w'’%-]+)")
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+)[ \t]{1,3}$")
_NAME_AFTER = re.compile(r"[ \t]{1,3}([A-Z][a-z]+)\b")


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` (lower-cased), skipping up to two marks and some space.

    Read backwards: the 30 characters before ``start`` reversed, matched once at their
    start (a regex anchored at the end of a window would retry from every character).
    """
    backwards = text[max(0, start - 30) : start][::-1]
    match = _WORD_BEFORE_BACKWARDS.match(backwards)
    return match.group(1)[::-1].lower() if match else ""


# white space, up to two marks, white space, then the word (`_is_word_char`), reversed
_WORD_BEFORE_BACKWARDS = re.compile(r"\s*+[^\w'’.$£€#%-]{0,2}+\s*+([\w'’.$£€#%-]*+)")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_'’.$£€#%-"


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text, end, end + 30)
    return found.group(1).lower() if found else ""


def _is_number_context(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """True when a four-digit number is a quantity or a label, not a year."""
    before = _word_before(text, start)
    # a count is followed by what it counts ("2000 cars"), never by a comma: "In 2020,
    # workers went on strike" names a year
    after = "" if text[end : end + 1] in _CLAUSE_MARKS else _word_after(text, end)
    if before in lex.not_before_year or before.endswith(("$", "£", "€", "#")):
        return True
    if before == "of" and _label_of_before(text, start) in lex.labels_before_of_a_number:
        return True  # "a date code of 1024": a label's value ("the battle of 1066" is dated)
    if after in lex.not_after_number or after in ("percent", "%"):
        # "2000 killed" counts the dead; "a storm in 2018 killed 16 people" is dated: the
        # past form is the clause's verb when a date's preposition comes before
        return not (after.endswith("ed") and before in lex.year_prepositions)
    return text[end : end + 1] in ("%", "$") or text[start - 1 : start] in ("$", "#")


_CLAUSE_MARKS = frozenset(",;:.!?)")


def _label_of_before(text: str, start: int) -> str:
    """The word before the "of" that ends right before ``start``, lower-cased."""
    found = _WORD_OF_BEFORE.search(text, max(0, start - 30), start)
    return found.group(1).lower() if found else ""


_WORD_OF_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]{2,20})\s{1,3}(?i:of)\s{1,3}$")


def _is_label_number(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """ "a Peugeot 2008", "at 1600 Pennsylvania Avenue": a model or a house number."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if (
        before
        and not _is_temporal_word(before.group(1), lex)
        and not _sentence_start_before(text, before.start())
    ):
        return True
    street = _STREET.match(text, end, end + 40)
    return bool(street)


_STREET = re.compile(
    r"[ \t]{1,3}[A-Z][a-z]+[ \t]{1,3}"
    r"(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Place)\b"
)


def _sentence_start_before(text: str, index: int) -> bool:
    head = text[max(0, index - 4) : index].rstrip()
    return not head or head[-1] in '.!?"“\n'


def _year(match: re.Match[str], group: str = "year") -> int | None:
    value = match.group(group)
    return int(value) if value else None


# A spoken day ("March eighth") ends its phrase: "in June second place" is no date.
_SPOKEN_DAY_END = (
    r"(?=[ \t]{0,3}[,.;:)!?\"'”’]|[ \t]{0,3}$"
    r"|\s{1,3}(?i:and|or|to|through|at|in|of)\b|\s{1,3}\d{4})"
)


def _day(value: str) -> int:
    """The day of the month in "5", "5th" or, spoken, "fifth"."""
    digits = _LEADING_DIGITS.match(value)
    return int(digits.group()) if digits else lexicon().ordinals[value.lower()]


_LEADING_DIGITS = re.compile(r"\d+")


_A_COUPLE = re.compile(r"^(?:a\s+couple(?:\s+of)?|couple\s+of)$")
_A_DOZEN = re.compile(r"^a\s+dozen$")


def _number(value: str, lex: Lexicon) -> float | str | None:
    text = value.strip().lower()
    if text in lex.vague or " ".join(text.split()) in ("a few", "a number of"):
        return "X"
    text = _A_COUPLE.sub("2", text)
    text = _A_DOZEN.sub("12", text)
    return lex.number_of(text)


def _duration_value(amount: float | str, unit: str) -> str:
    """TIMEX3 duration: 3 years → P3Y, 2.5 hours → PT2H30M, several weeks → PXW."""
    time_units = {"hour": "H", "minute": "M", "second": "S"}
    date_units = {
        "day": "D",
        "week": "W",
        "month": "M",
        "year": "Y",
        "quarter": "Q",
        "weekend": "WE",
    }
    # an unknown number of decades, centuries or millennia: TimeBank's letters E, C and L
    # ("centuries" PXC, "about a decade" P1E, "two thousand years" P2L); a known number
    # is written in years ("two decades" P20Y), as the corpus does
    scaled = {
        "decade": ("E", 10),
        "century": ("C", 100),
        "millennium": ("L", 1000),
        "fortnight": ("W", 2),
    }
    if amount == "X":
        if unit in scaled:
            return "PX" + scaled[unit][0]
        return ("PTX" + time_units[unit]) if unit in time_units else "PX" + date_units[unit]
    assert isinstance(amount, float | int)
    if unit in scaled:
        _, factor = scaled[unit]
        return f"P{_fmt(amount * factor)}{'W' if unit == 'fortnight' else 'Y'}"
    if unit in time_units:
        return _time_duration(float(amount), unit)
    if amount != int(amount):
        return _fractional_date_duration(float(amount), unit)
    return f"P{int(amount)}{date_units[unit]}"


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _time_duration(amount: float, unit: str) -> str:
    # to the millisecond: a sprint of 9.58 seconds is PT9.58S, not ten seconds
    seconds = round({"hour": 3600, "minute": 60, "second": 1}[unit] * amount, 3)
    hours, rest = divmod(int(seconds), 3600)
    minutes, whole = divmod(rest, 60)
    secs = round(whole + seconds - int(seconds), 3)
    parts = (
        (f"{hours}H" if hours else "")
        + (f"{minutes}M" if minutes else "")
        + (f"{_fmt(secs)}S" if secs else "")
    )
    return "PT" + (parts or "0S")


def _fractional_date_duration(amount: float, unit: str) -> str:
    if unit == "year":
        return (
            f"P{round(amount * 12)}M"
            if amount < 1
            else f"P{int(amount)}Y{round((amount % 1) * 12)}M"
        )
    if unit == "month":
        return (
            f"P{round(amount * 30)}D"
            if amount < 1
            else f"P{int(amount)}M{round((amount % 1) * 30)}D"
        )
    if unit == "week":
        return f"P{round(amount * 7)}D"
    if unit == "day":
        return f"PT{round(amount * 24)}H"
    return f"P{_fmt(amount)}{unit[0].upper()}"


def _granularity_of_unit(unit: str) -> Granularity:
    """The granularity a count of ``unit`` resolves to ("two weeks ago" → week)."""
    return _UNIT_GRANULARITY.get(unit, "unknown")


_UNIT_GRANULARITY: dict[str, Granularity] = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "fortnight": "week",
    "weekend": "weekend",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "millennium": "millennium",
}


# ---------------------------------------------------------------- handlers


def _iso(match: re.Match[str], text: str) -> Partial | None:
    day = _numbered_day(match, text)
    if match["H"]:
        return day._replace(
            type="TIME",
            granularity="minute",
            hour=int(match["H"]),
            minute=int(match["M"]),
            second=int(match["S"]) if match["S"] else None,
        )
    return day


def _numbered_day(match: re.Match[str], text: str) -> Partial:
    """The day the groups ``y``, ``m`` and ``d`` name: "2024-06-12", "2024/06/12" (the
    year-first order of ISO and of East Asian news)."""
    return Partial(
        granularity="day", year=int(match["y"]), month=int(match["m"]), day=int(match["d"])
    )


def _slash(match: re.Match[str], text: str) -> Partial | None:
    a, b, y = int(match["a"]), int(match["b"]), match["y"]
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 50 else 2000 + int(y))
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Partial(granularity="day", year=year, month=month, day=day)


def _named_day(match: re.Match[str], text: str) -> Partial | None:
    """ "the 9/11 attacks", "since 9/11", "post-9/11": a day news names by its date;
    elsewhere ("hit 9/11 shots") the same digits are a ratio."""
    lex = lexicon()
    lead = _NAMED_DAY_LEAD.search(text, max(0, match.start() - 8), match.start())
    if lead is None and _word_after(text, match.end()) not in lex.named_day_nouns:
        return None
    year, month, day = (int(part) for part in lex.named_days[match["named"]].split("-"))
    # "the post-9/11 era": the time after the day (TimeML's mod AFTER)
    mod = "AFTER" if lead is not None and lead.group().lower() == "post-" else None
    return Partial(granularity="day", year=year, month=month, day=day, mod=mod)


# "since 9/11", "after 9/11", "post-9/11"
_NAMED_DAY_LEAD = re.compile(r"(?:(?<![\w-])(?i:since|after|before)\s{1,3}|(?i:post)-)$")


def _slash_month_day(match: re.Match[str], text: str) -> Partial | None:
    """ "on 9/14", "until 3/31": a month and day in US order after a date's preposition
    (without one, "9/14" is as often a ratio or a score); its year by tense."""
    month, day = int(match["sm"]), int(match["sd"])
    if day > _DAYS_IN_MONTH[month - 1]:
        return None
    return Partial(granularity="day", month=month, day=day)


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# "this coming Sunday, April 4", "last Friday, March 26": the date names the day, the
# word before the weekday only agrees with it
_WEEKDAY_REL = r"(?:(?i:this\s{1,3}coming|this\s{1,3}past|next|last|this|coming|past)\s{1,3})?"


def _dotted_date(match: re.Match[str], text: str) -> Partial | None:
    """ "12.06.2024": day, month, year, the order of the countries that write dots."""
    if _is_number_context(text, match.start(), match.end(), lexicon()):
        return None  # "version 1.2.2024"
    return _numbered_day(match, text)


def _month_day(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    lex = lexicon()
    month = lex.month_of(match["month"])
    day = _day(match["day"])
    if match.groupdict().get("year") and _is_number_context(
        text, match.start("year"), match.end("year"), lex
    ):
        return None
    year = _year(match)
    if (
        match["month"].lower().rstrip(".") == "may"
        and not year
        and _word_after(text, match.end()) in lex.not_after_number
    ):
        return None
    partial = Partial(granularity="day", year=year, month=month, day=day)
    first = _first_day_before(match, text)
    if first is not None and _day(first["day1"]) < day:
        # "12-14 June", "30 and 31 May": the day named first is a date of the same month
        start = match.start() - (len(first.string) - first.start("day1"))
        first_day = partial._replace(day=_day(first["day1"]))
        return [
            Candidate(start, start + len(first["day1"]), first_day, "month_day", 2),
            Candidate(match.start(), match.end(), partial, "month_day", 2),
        ]
    second = None if year else _SECOND_DAY.match(text, match.end())
    if second is None:
        return partial
    # "on April 24 and 25": the second day is a date of the same month; "March 6-10,
    # 2024": a span of days, whose year is both ends'
    other_day = _day(second["day2"])
    if second["dash"] and other_day <= day:
        return partial  # "March 3-1": a score or a ratio, not days running forward
    if second["year2"]:
        partial = partial._replace(year=int(second["year2"]))
    end = second.end("year2") if second["year2"] else second.end("day2")
    return [
        Candidate(match.start(), match.end(), partial, "month_day", 2),
        Candidate(second.start("day2"), end, partial._replace(day=other_day), "month_day", 2),
    ]


# a day number before a day-first date: "12-14 June", "30 and 31 May"
_FIRST_DAY = re.compile(
    rf"(?<![\w.,/:-])(?P<day1>{_DAY})(?:\s{{0,2}}[-–]\s{{0,2}}|{_W}(?i:and|or|to){_W})$"
)


def _first_day_before(match: re.Match[str], text: str) -> re.Match[str] | None:
    if not match.group()[:1].isdigit():
        return None  # "June 12", "Friday, 14 June": no day can stand before it
    return _FIRST_DAY.search(text[max(0, match.start() - 16) : match.start()])


# a second day number of the same month: "April 24 and 25", "March 3 or 4", "March 6-10"
_SECOND_DAY = re.compile(
    rf"(?:{_W}(?i:and|or|to|through){_W}|\s{{0,2}}(?P<dash>[-–])\s{{0,2}})(?P<day2>{_DAY})"
    rf"(?![\w.,:/-]?\d|\s?%|{_W}(?i:percent|p\.?m|a\.?m))(?:,?{_W}(?P<year2>{_CALENDAR_YEAR}))?"
)


def _month_year(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    if _is_number_context(text, match.start("year"), match.end("year"), lex):
        return None
    return Partial(
        granularity="month",
        year=int(match["year"]),
        month=lex.month_of(match["month"]),
        mod=_pmod(match, lex),
    )


def _bare_month(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    word = match["month"]
    rel = " ".join((match["rel"] or "").lower().split())
    mod = _pmod(match, lex)
    if not rel and not mod and _looks_like_verb_month(word, match, text, lex):
        return None
    if rel and _DAY_AFTER.match(text, match.end()):
        return None  # "last Oct. 23": the day's, which the month-day rule reads
    if rel == "that":
        # "announced on May 7, 1998, and completed that November": of the year last told
        # ("the plan that May proposed": a name and its verb)
        if word.lower() in ("may", "march") and _VERB_AFTER_NAME.match(text, match.end()):
            return None
        return Partial(
            granularity="month", month=lex.month_of(word), direction=0, anchored=True, mod=mod
        )
    if rel == "the following":
        # "Demolition began the following June": the June after the date last told
        return Partial(
            granularity="month", month=lex.month_of(word), direction=1, anchored=True, mod=mod
        )
    direction = {"last": -1, "past": -1, "this": 0, "next": 1, "this past": -1}.get(rel)
    return Partial(granularity="month", month=lex.month_of(word), direction=direction, mod=mod)


# a lower-case word after "that May" other than a determiner or a preposition: its verb
_VERB_AFTER_NAME = re.compile(
    r"\s{1,3}(?!(?:the|a|an|his|her|its|their|of|in|on|at|and|to)\b)[a-z]"
)


# "March for Life", "March of the Living": a capitalized name after the link word, unless
# a preposition makes it a date ("in March for Congress to vote")
_NAMED_MARCH = re.compile(r"\s{1,3}[a-z]{2,3}\s{1,3}(?:the\s{1,3})?[A-Z][a-z]")
_DAY_AFTER = re.compile(rf"{_W}{_DAY}(?![\w.,]\d|\s?%)")


def _looks_like_verb_month(word: str, match: re.Match[str], text: str, lex: Lexicon) -> bool:
    low = word.lower().rstrip(".")
    if low in lex.bare_month_abbreviations and not word.endswith("."):
        return True  # a bare abbreviation without its period is too often something else
    if low in ("may", "march") and word[0].isupper() and word[1:].islower():
        before = _word_before(text, match.start())
        if before not in lex.month_introducers and _verb_reading_of(low, before, match, text, lex):
            return True
    if _is_name_part(text, match.start(), match.end(), lex) or _named_in_apposition(
        match, text, lex
    ):
        return True
    if low not in _negatives_by_first_word():
        return False  # most month names start no phrase that must yield nothing
    phrase = (word + " " + _two_words_after(text, match.end())).lower()
    return _starts_negative_phrase(phrase, lex)


def _named_in_apposition(match: re.Match[str], text: str, lex: Lexicon) -> bool:
    """ "He married his first wife, June, in 1962": a month name between commas right
    after a noun for a person is that person's name."""
    if text[match.end() : match.end() + 1] != "," or not _COMMA_BEFORE.search(
        text, max(0, match.start() - 3), match.start()
    ):
        return False
    return _word_before(text, match.start()) in lex.nouns_before_a_named_person


_COMMA_BEFORE = re.compile(r",\s{1,2}$")


def _verb_reading_of(low: str, before: str, match: re.Match[str], text: str, lex: Lexicon) -> bool:
    """ "May be", "May I", "March on Washington": a verb reading of a capitalized "May"
    or "March" that no date-introducing word (``before``) precedes ("In March, it
    rose", "since May we")."""
    after = _word_after(text, match.end())
    if after in lex.may_followers or (low == "march" and after in lex.march_verb_followers):
        return True
    if (
        low == "march"
        and after in lex.march_name_links
        and _NAMED_MARCH.match(text, match.end())
        and before not in lex.date_prepositions
    ):
        return True  # "the March for Life", "the March of the Combatant Mothers": an event
    return low == "may" and after.isalpha() and before in ("", ".", '"', "“")


def _starts_negative_phrase(phrase: str, lex: Lexicon) -> bool:
    """True when ``phrase`` begins one of the phrases that must yield nothing."""
    first = phrase.split(" ", 1)[0]
    return any(phrase.startswith(neg) for neg in _negatives_by_first_word().get(first, ()))


@lru_cache(maxsize=1)
def _negatives_by_first_word() -> dict[str, tuple[str, ...]]:
    grouped: dict[str, list[str]] = {}
    for phrase in lexicon().negative_phrases:
        grouped.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in grouped.items()}


def _two_words_after(text: str, end: int) -> str:
    """The first two words (runs of letters, digits and apostrophes) of the 40
    characters after ``end``, joined by a space."""
    found = _TWO_WORDS.match(text, end, end + 40)
    if found is None:
        return ""
    first, second = found.groups()
    return first if second is None else f"{first} {second}"


# matched once from ``end``: no list of every word in the window
_TWO_WORDS = re.compile(r"[^\w'’]*+([\w'’]++)(?:[^\w'’]*+([\w'’]++))?")


def _is_name_part(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """ "April Ryan", "June Carter", "Joe Friday": a month or weekday inside a name."""
    after = _NAME_AFTER.match(text, end, end + 30)
    if after and not _is_temporal_word(after.group(1), lex):
        return True
    i = start
    while i > 0 and start - i < 3 and text[i - 1] in " \t":
        i -= 1
    if i == start:
        return False
    j = i
    while j > 0 and i - j < 30 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    if len(word) < 2 or not (word[0].isupper() and word[1:].islower()):
        return False
    return not _is_temporal_word(word, lex)


def _is_calendar_name(word: str, lex: Lexicon) -> bool:
    """A weekday, month or season name."""
    return word in lex.weekdays or word in lex.months or word in lex.seasons


def _is_temporal_word(word: str, lex: Lexicon) -> bool:
    low = word.lower()
    return (
        low in lex.temporal_neighbours
        or low.rstrip(".") in lex.months
        or low.rstrip(".") in lex.weekdays
        or low in lex.seasons
        or low in lex.day_words
    )


def _weekday(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    lex = lexicon()
    word = _POSSESSIVE_S.sub("", match["wd"])
    rel = " ".join((match["rel"] or "").lower().split())
    around = _the_weekday_around(match, text)
    if around is not None:
        return around
    if rel.startswith("the "):
        # "the previous Friday", "the following Monday": from the day last named
        step = -1 if rel in ("the previous", "the preceding") else 1
        return Partial(
            granularity="day", weekday=lex.weekday_of(word), direction=step, anchored=True
        )
    direction = {
        "last": -1,
        "past": -1,
        "this past": -1,
        "this": None,
        "next": 1,
        "coming": 1,
        "this coming": 1,
    }.get(rel)
    # "overnight Wednesday", "dawn on Sunday": the part of day named before the day
    pod = (match["pod"] or match["prepod"] or "").lower()
    phrase = (word + " " + _two_words_after(text, match.end())).lower()
    if _starts_negative_phrase(phrase, lex):
        return None
    named = f"{_word_before(text, match.start())} {word.lower()}"
    if not rel and _starts_negative_phrase(named, lex):
        return None  # "Super Tuesday", "Black Monday": a named day, not the last Tuesday
    plural = None if rel or pod else _PLURAL_PARTNER.match(text, match.end())
    if plural is not None and (plural["ppods"] or plural.group().rstrip().endswith("s")):
        # "on Monday and Tuesday nights": the first day shares the second's plural
        pods = plural["ppods"]
        suffix = f"T{lex.parts_of_day[pods.lower()[:-1]]}" if pods else ""
        every = f"XXXX-WXX-{lex.weekday_of(word)}{suffix}"
        return Partial(type="SET", granularity="unknown", duration=every, quant="EVERY")
    if pod:
        # "Friday night" is typed DATE, the part of day kept in the value: TBAQ gold
        # types a named day with its part 23 times DATE to 6 TIME ("tonight" and
        # "this morning", with no day named, stay TIME)
        return Partial(
            type="DATE",
            granularity="part_of_day",
            weekday=lex.weekday_of(word),
            part_of_day=lex.parts_of_day[pod],
            direction=direction,
            mod=_DAY_EDGE_MODS.get((match["wmod"] or "").lower()),
        )
    # "early Tuesday" (START), "late Friday" (END); "later Friday" is just a time that day;
    # "the early hours of Sunday": its start
    mod = "START" if match["hours"] else _DAY_EDGE_MODS.get((match["wmod"] or "").lower())
    return Partial(granularity="day", weekday=lex.weekday_of(word), direction=direction, mod=mod)


_DAY_EDGE_MODS = {"early": "START", "late": "END"}


def _the_weekday_around(match: re.Match[str], text: str) -> list[Candidate] | None:
    """ "with preorders the Friday before", "the count began the Monday after": that
    weekday before or after the day last named, one expression with its article and its
    "before" or "after" (which ends the clause: "the Friday before the vote" is a
    Friday of its own)."""
    if match["rel"] or match["pod"] or match["wmod"] or match["prepod"]:
        return None  # "the following Monday", "the Friday night before": other readings
    the = _THE_BEFORE.search(text, max(0, match.start() - 6), match.start())
    side = _SIDE_ALONE.match(text, match.end()) if the is not None else None
    if the is None or side is None:
        return None
    partial = Partial(
        granularity="day",
        weekday=lexicon().weekday_of(_POSSESSIVE_S.sub("", match["wd"])),
        direction=-1 if side["side"].lower() == "before" else 1,
        anchored=True,
    )
    return [Candidate(the.start(), side.end("side"), partial, "weekday", 1)]


_THE_BEFORE = re.compile(r"(?<![\w-])(?i:the)\s{1,3}$")
_SIDE_ALONE = re.compile(r"\s{1,3}(?P<side>(?i:before|after))(?=\s{0,3}(?:[.,;:!?)]|$))")


_PLURAL_PARTNER = re.compile(
    r"\s{1,3}(?i:and|or)\s{1,3}(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:s|(?=\s))"
    r"(?:\s{1,3}(?P<ppods>(?i:mornings|afternoons|evenings|nights)))?(?![\w])"
)


def _year_rule(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    year = int(match["year"])
    era = (match["era"] or match["ad"] or "").strip().upper().replace(".", "")
    fiscal = (bool(match["fiscal"]) and "fiscal" in match["fiscal"].lower()) or (
        match["fiscal"] or ""
    ).upper().startswith("FY")
    if not era and not fiscal and not match["pmod"] and not match["the"]:
        if _is_number_context(text, match.start("year"), match.end("year"), lex):
            return None
        if _is_label_number(text, match.start("year"), match.end("year"), lex):
            return None
        if year < 1000 or (year > 2100 and _word_before(text, match.start()) not in lex.signals):
            return None
    if era in ("BC", "BCE"):
        return Partial(granularity="year", year=year, bc=True)
    return Partial(granularity="year", year=year, mod=_pmod(match, lex))


def _day_of_month(match: re.Match[str], text: str) -> Partial | None:
    """ "on the 15th": a day of a month the text does not name; only after a signal that
    takes a date, and not before a noun ("the 15th floor", "the 21st century")."""
    lex = lexicon()
    if _word_before(text, match.start()) not in lex.day_of_month_signals:
        return None
    next_char = text[match.end() : match.end() + 1]
    ends_phrase = next_char in ("", ".", ",", ";", ":", "!", "?", ")", '"', "”", "’")
    if not ends_phrase:
        after = _word_after(text, match.end())
        # no word at all (spaces, then marks) ends the phrase too
        if after and after not in lex.day_of_month_followers:
            return None
    return Partial(granularity="day", day=int(match["dd"]))


def _fiscal_year_short(match: re.Match[str], text: str) -> Partial | None:
    """ "FY24", "FY '99": a fiscal year named by its last two digits (the year it ends
    in, as "fiscal 2024" is)."""
    two = int(match["yy"])
    return Partial(granularity="year", year=(1900 if two >= 50 else 2000) + two)


def _year_range(match: re.Match[str], text: str) -> list[Candidate] | None:
    lex = lexicon()
    if _is_number_context(text, match.start(), match.end(), lex):
        return None
    first = int(match["y1"])
    second_text = match["y2"]
    second = int(second_text) if len(second_text) == 4 else (first // 100) * 100 + int(second_text)
    if second <= first or second - first > 200:
        return None
    return [
        Candidate(
            match.start("y1"),
            match.end("y1"),
            Partial(granularity="year", year=first),
            "year_range",
            2,
            "start",
        ),
        Candidate(
            match.start("y2"),
            match.end("y2"),
            Partial(granularity="year", year=second),
            "year_range",
            2,
            "end",
        ),
    ]


def _decade(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    mod = _pmod(match, lex)
    if match["digits"]:
        digits = match["digits"]
        if len(digits) == 4:
            if digits.endswith("00") and digits != "2000":
                # "the 1900s" is the century in news usage, "the 2000s" the decade
                return Partial(granularity="century", century=int(digits[:2]), mod=mod)
            return Partial(granularity="decade", decade=int(digits[:3]), mod=mod)
        return Partial(
            granularity="decade", decade=190 + int(digits[0]) if digits != "00" else 200, mod=mod
        )
    word = match["dword"].lower()
    return Partial(granularity="decade", decade=190 + lex.decade_words[word], mod=mod)


def _century(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    raw = match["ord"].lower()
    number = lex.ordinals.get(raw) or (
        int(re.sub(r"\D", "", raw)) if re.search(r"\d", raw) else None
    )
    if not number:
        return None
    if match["bc"]:
        return Partial(granularity="century", century=number - 1, bc=True, mod=_pmod(match, lex))
    return Partial(granularity="century", century=number - 1, mod=_pmod(match, lex))


def _season(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    det = " ".join((match["det"] or "").lower().split())
    year = _year(match)
    mod = _pmod(match, lex)
    before = _word_before(text, match.start())
    if (
        not det
        and not year
        and not mod
        and before
        not in ("in", "during", "since", "until", "by", "of", "through", "this", "last", "next")
    ):
        return None
    if year and _is_number_context(text, match.start("year"), match.end("year"), lex):
        return None
    if not year and re.match(r"\s{1,3}of\b", text[match.end() : match.end() + 6]):
        return None  # "the fall of the Berlin Wall", "the spring of discontent"
    season = lex.seasons[match["season"].lower()]
    if det == "that" and not year:
        return _that_season(match, text, season, mod)
    if det in ("the following", "the next") and not year:
        # "The river burned in 1969. The following spring, …": the season after the
        # date last told
        return Partial(granularity="season", season=season, direction=1, anchored=True, mod=mod)
    direction = {
        "last": -1,
        "this past": -1,
        "past": -1,
        "next": 1,
        "this coming": 1,
        "this": 0,
        "coming": 1,
    }.get(det)
    return Partial(granularity="season", season=season, year=year, direction=direction, mod=mod)


def _that_season(match: re.Match[str], text: str, season: str, mod: str | None) -> Partial | None:
    """ "Pierre died in April 1906, and she took his chair that autumn": the season of
    the year last told.  "Stocks that fall", "doubts that spring from": a verb."""
    if match["season"].lower() in ("fall", "spring") and _LOWER_WORD_AFTER.match(text, match.end()):
        return None
    return Partial(granularity="season", season=season, direction=0, anchored=True, mod=mod)


_LOWER_WORD_AFTER = re.compile(r"\s{1,3}[a-z]")


def _quarter(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    if match["qback"]:
        return _period_a_year_back(match, text)
    return _quarter_reading(match, text)


def _period_a_year_back(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    """ "the quarter a year ago", "the corresponding period last year": the reported
    period, a year before; TimeML takes the whole phrase as one expression."""
    rel = " ".join((match["qrel"] or "").lower().split())
    ordinal = (match["qord"] or "").lower().rstrip("-")
    plain = (
        match["qthe"]
        and not ordinal
        and not _year(match)
        and not _year(match, "year0")
        and not match["qyrel"]
        and not match["qyear"]
        # what a reporting period may be called before "a year ago" / "last year", if
        # anything
        and (not rel or rel in lexicon().period_back_relations)
        and match["qunit"].lower() in ("quarter", "period")
    )
    if plain:
        return Partial(granularity="quarter", unit="quarter", offset=-5, follow_context=True)
    # otherwise the period alone; the rule for "a year ago" reads the rest
    reading = _quarter_reading(match, text)
    end = match.start("qback")
    if isinstance(reading, Partial):
        return [Candidate(match.start(), end, reading, "quarter", 1)]
    if reading is not None:
        return [c._replace(end=min(c.end, end)) for c in reading]
    return None


def _quarter_reading(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    unit = match["qunit"].lower()
    ordinal = (match["qord"] or "").lower().rstrip("-")
    rel = re.sub(r"^comparable\s+", "", (match["qrel"] or "").lower())
    year = _year(match) or _year(match, "year0")
    if unit == "period":
        if not (
            rel.replace(" ", "-") in ("year-ago", "year-earlier", "latest", "comparable") or year
        ):
            return None  # "a period of calm" is not a reporting period
        unit = "quarter"
    after = text[match.end() : match.end() + 12].lower()
    if not ordinal and not rel and not match["qthe"] and not match["qyear"]:
        return None
    if after.startswith("-century"):
        return None  # "its quarter-century low": a length, not a reporting quarter
    if after.startswith(("-to-", "-over-")):
        return None  # "the quarter-to-quarter comparison": a kind of comparison, no period
    if (
        re.match(r"\s{0,3}of\s{1,3}(?:a|an|the|its|their|his|her|our|all|those|these|\d)\b", after)
        and not year
    ):
        return None  # "a quarter of the vote": a fraction
    if (
        unit in ("quarter", "half")
        and not year
        and not match["qyrel"]
        and not match["qyear"]
        and not rel
        and _in_a_match_report(text, match.start(), match.end())
    ):
        return None  # "Kane scored twice in the second half": a half of the match
    index = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }.get(ordinal)
    year_word = match["qyrel"] or match["qyear"]
    if match["qyear"] and index is None and unit == "quarter" and not rel:
        # "last year's quarter": the quarter just reported, a year before
        offset = -5 if match["qyear"].lower() == "last" else -1
        return Partial(granularity="quarter", unit="quarter", offset=offset, follow_context=True)
    if year_word and index is not None:
        # "the second half of the year", "the third quarter of next year", "next year's
        # first quarter"
        offset = {"the": 0, "this": 0, "last": -1, "next": 1}[year_word.lower()]
        if unit == "half" and index <= 2:
            return Partial(granularity="half", half=index, unit="year_part", offset=offset)
        if unit == "quarter":
            return Partial(granularity="quarter", quarter=index, unit="year_part", offset=offset)
    if unit == "half":
        last = ordinal in ("final", "last") or (not ordinal and rel == "last")
        if last and (year or year_word):
            index = 2  # "the last half of 1989": the second of two
        if index is None or index > 2:
            return None
        return Partial(granularity="half", half=index, year=year)
    if ordinal in ("final", "last") and not rel:
        index = 4
    if rel.replace(" ", "-") in ("year-ago", "year-earlier"):
        if index is not None:
            return Partial(granularity="quarter", quarter=index, unit="quarter", offset=-4)
        # "the year-ago quarter": the reported quarter (the last finished one) a year before
        return Partial(granularity="quarter", unit="quarter", offset=-5, follow_context=True)
    if rel in ("last", "past", "previous", "prior", "preceding"):
        return Partial(granularity="quarter", unit="quarter", offset=-1)
    if rel in ("this", "current") and index is None:
        return Partial(granularity="quarter", unit="quarter", offset=0)
    if rel in ("next", "coming", "following"):
        return Partial(granularity="quarter", unit="quarter", offset=1)
    if index is None:
        # "the quarter", "the latest quarter", "the current quarter": the reported one;
        # "the 1988 quarter": the reported one of that year
        return Partial(granularity="quarter", unit="quarter", offset=0, direction=-1, year=year)
    partial = Partial(granularity="quarter", quarter=index, year=year)
    possessive = (match["qthe"] or "").strip().lower() in ("its", "their")
    if match["qthe"] and (possessive or match["qjoint"] == "-") and not rel and not match["year0"]:
        # "the third-quarter results": "the" belongs to "results"; "its fourth quarter":
        # TimeML leaves a possessive outside the expression, as the corpus mostly does
        return [Candidate(match.end("qthe"), match.end(), partial, "quarter", 1)]
    return partial


_SENTENCE_END = re.compile(r"[.!?](?=\s{1,3}[A-Z\"“])|\n")
_WINDOW_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _in_a_match_report(text: str, start: int, end: int) -> bool:
    """A word of the sentence around ``start``–``end`` that only a report of a game uses
    ("scored", "halftime", "innings"): its halves and quarters are the game's."""
    low, high = max(0, start - 160), min(len(text), end + 160)
    for found in _SENTENCE_END.finditer(text, low, start):
        low = found.end()
    after = _SENTENCE_END.search(text, end, high)
    window = text[low : after.start() if after else high].lower()
    cues = lexicon().match_period_cues
    return any(word in cues for word in _WINDOW_WORDS.findall(window))


def _relative_unit(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    result = _relative_unit_reading(match, text)
    approx = _OR_SO.match(text, match.end())
    if result is None or approx is None or approx["tail"]:
        return result
    # "over the next year or so": the approximation is inside
    return _approximated(result, match.start(), approx.end(), "relative_unit")


_OF_AFTER = re.compile(r"\s{1,3}(?i:of)(?![\w-])")


def _relative_unit_reading(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    rel = " ".join(match["rel"].lower().split())
    unit = lex.unit_of(match["unit"]) or ""
    if unit in ("hour", "minute", "second", "quarter"):
        return None
    if rel == "last" and unit in ("day", "week") and _OF_AFTER.match(text, match.end()):
        # "on the last day of the war", "the last week of school": the end of something
        # else, not yesterday nor last week
        return None
    if match["unit"].lower() in lex.unit_plurals:
        # "the coming years", "the past months": an unspecified stretch of time
        return Partial(type="DURATION", granularity="unknown", duration=_duration_value("X", unit))
    mod = _pmod(match, lex) or _earlier_later(match)
    if rel in ("following", "previous", "preceding", "prior"):
        # "the following year" hangs on the last date mentioned, not the publication date
        step = 1 if rel == "following" else -1
        if unit == "weekend":
            # "the following weekend": the weekend of the next week, not that week
            return Partial(
                granularity="weekend", unit="week", offset=step, weekend=True, anchored=True
            )
        return Partial(
            granularity=_granularity_of_unit(unit),
            unit=unit,
            offset=step,
            anchored=True,
            mod=mod,
        )
    offset = {
        "last": -1,
        "past": -1,
        "this past": -1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
        "this": 0,
        "current": 0,
        "present": 0,
    }[rel]
    if unit == "year" and offset == -1 and not mod:
        # "profit fell from $2 a share last year" next to "third-quarter": that quarter
        return Partial(
            granularity="year", unit="year", offset=-1, follow_context=True, context_reach=0
        )
    earlier, later = _cut_at_reference(match)
    if unit == "weekend":
        return Partial(
            granularity="weekend",
            unit="week",
            offset=offset,
            weekend=True,
            mod=mod,
            so_far=earlier,
            from_here=later,
        )
    return Partial(
        granularity=_granularity_of_unit(unit),
        unit=unit,
        offset=offset,
        mod=mod,
        so_far=earlier,
        from_here=later,
    )


def _earlier_or_later(match: re.Match[str]) -> str:
    """ "earlier" or "later" when the phrase says it ("earlier this year", "later that
    day"), else ""."""
    return (match.groupdict().get("el") or "").lower()


def _earlier_later(match: re.Match[str]) -> str | None:
    return {"earlier": "START", "later": "END"}.get(_earlier_or_later(match))


def _cut_at_reference(match: re.Match[str]) -> tuple[bool, bool]:
    """(``so_far``, ``from_here``) of the `Partial`: "earlier this year" is the period's
    days before the reference day, which ends it when its start third reaches past it
    (on March 30, January 1 to March 30, not to April 30); "later this month" its days
    from that day on, which starts it when its end third starts before it (March 30 to
    31, not March 21 to 31)."""
    word = _earlier_or_later(match)
    return word == "earlier", word == "later"


# "year-over-year", "month over month": after the first unit
_UNIT_OVER_UNIT = re.compile(
    r"[-\s]{1,3}(?i:over)[-\s]{1,3}(?i:year|month|week|quarter|day)s?(?![\w])"
)
# a digit and a decimal mark right before a match: it starts inside a number
_FRACTION_DIGITS_BEFORE = re.compile(r"\d[.,]$")


def _counted(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    """A number of units: a duration, or with "ago"/"earlier" a shifted date."""
    if _is_named_period(match, text) or _FRACTION_DIGITS_BEFORE.search(
        text, max(0, match.start() - 2), match.start()
    ):
        return None  # "3.14159 seconds": the tail of a longer number, not a count
    if _UNIT_OVER_UNIT.match(text, match.end()):
        return None  # "on a year-over-year basis": a comparison's name, no length
    if match["tail"] and _THAN.match(text, match.end()):
        return _compared_amount(match, text)
    weeks_from = None if match["tail"] else _weeks_from_a_weekday(match, text)
    if weeks_from is not None:
        return [weeks_from]
    approx = None if match["tail"] else _OR_SO.match(text, match.end())
    result = _counted_reading(match, text, approx["tail"] if approx else match["tail"])
    years_ago = _counted_back(result, "year")
    this = _THIS_PERIOD.match(text, match.end()) if years_ago is not None else None
    if years_ago is not None and this is not None:
        anniversary = _anniversary(years_ago, this)
        return [Candidate(match.start("body"), this.end(), anniversary, "counted", 1)]
    weeks_ago = _counted_back(result, "week")
    if weeks_ago is not None and weeks_ago.mod is None:
        weekday = _weekday_after().match(text, match.end())
        if weekday is not None:
            return [
                Candidate(
                    match.start("body"),
                    weekday.end(),
                    _weekday_back(weeks_ago, weekday),
                    "counted",
                    1,
                )
            ]
    if approx is not None and isinstance(result, Partial):
        # "a week or so ago", "the next two years or so": the approximation is inside
        return _approximated(result, match.start("body"), approx.end(), "counted")
    rate = _per_larger_unit(result, match, text)
    if rate is not None:
        return rate
    range_start = _range_start(match, text) if isinstance(result, Partial) else None
    if range_start is not None and isinstance(result, Partial) and result.type == "DURATION":
        # "two to three weeks", "12 to 18 months": one length, known only roughly
        unit = lexicon().unit_of(match["unit"]) or ""
        vague = result._replace(duration=_duration_value("X", unit), mod=None)
        return [Candidate(range_start, match.end(), vague, "counted", 1)]
    return result


_DAYS_IN = {"day": 1, "week": 7}


def _per_larger_unit(
    result: Partial | list[Candidate] | None, match: re.Match[str], text: str
) -> list[Candidate] | None:
    """ "open seven days a week", "24 hours a day": so many of a unit in each larger one
    says how often, not how long.  One SET of the larger unit, with the count as its
    TimeML ``freq`` ("7D"), as TimeML marks "twice a week" (value P1W, freq 2X)."""
    if not isinstance(result, Partial) or result.type != "DURATION" or match["tail"]:
        return None
    per = _PER_UNIT_AFTER.match(text, match.end())
    if per is None:
        return None
    lex = lexicon()
    unit, larger = lex.unit_of(match["unit"]), lex.unit_of(per["per"])
    if unit not in _UNIT_SIZES or larger not in _UNIT_SIZES or result.duration is None:
        return None
    if _UNIT_SIZES.index(larger) <= _UNIT_SIZES.index(unit):
        return None  # "two years a decade" counts nothing this way
    each = Partial(
        type="SET",
        granularity="unknown",
        duration=_duration_value(1.0, larger),
        quant="EACH",
        freq=result.duration.removeprefix("P").removeprefix("T"),
    )
    return [Candidate(match.start("body"), per.end(), each, "counted", 1)]


def _times_before(text: str, start: int) -> str | None:
    """ "twice a week", "three times a day": how many times in each period, as TimeML's
    ``freq`` ("2X"), from the words right before the period at ``start``."""
    found = _times_pattern().search(text, max(0, start - 24), start)
    if found is None:
        return None
    word = (found["word"] or found["word_n"]).lower()
    count = {"once": 1, "twice": 2, "thrice": 3}.get(word)
    if count is None:
        number = _number(word, lexicon())
        if not isinstance(number, int | float) or number != int(number) or number < 1:
            return None
        count = int(number)
    return f"{count}X"


@lru_cache(maxsize=1)
def _times_pattern() -> re.Pattern[str]:
    """ "once", "twice", "thrice", or a whole number and "times", ending where searched."""
    numbers = alternation(_counting_numbers(lexicon()))
    return re.compile(
        rf"(?<![\w.,-])(?:(?P<word>(?i:once|twice|thrice))"
        rf"|(?P<word_n>\d{{1,4}}|{numbers})\s{{1,3}}(?i:times))\s{{1,3}}$"
    )


# the larger unit after a count: "a week", "per day", "each year" (not "a week ago",
# "a year earlier": a shifted date after a length of time)
_PER_UNIT_AFTER = re.compile(
    r"[ \t]{1,3}(?i:an?|per|each)[ \t]{1,3}(?P<per>[A-Za-z]{3,10})(?![\w'’-])"
    r"(?!\s{1,3}(?i:ago|earlier|later|before|after|back|from|old|long)(?![\w-]))"
)
_UNIT_SIZES = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade")

# "75 years ago this week", "a century ago today": an anniversary
_THIS_PERIOD = re.compile(
    r"\s{1,3}(?:(?i:this)\s{1,3}(?P<period>(?i:week|month))|(?P<today>(?i:today)))(?![\w-])"
)


def _counted_back(result: Partial | list[Candidate] | None, unit: str) -> Partial | None:
    """``result`` when it is so many ``unit`` back from the reference ("75 years ago",
    "two weeks ago"), else None."""
    if (
        isinstance(result, Partial)
        and result.unit == unit
        and result.offset is not None
        and result.offset < 0
        and not result.anchored
    ):
        return result
    return None


@lru_cache(maxsize=1)
def _weekday_after() -> re.Pattern[str]:
    """A weekday's full name, capitalized, right after "two weeks ago"."""
    names = "|".join(w.capitalize() for w in lexicon().weekdays if w.endswith("day"))
    return re.compile(rf"\s{{1,3}}(?P<wd>{names})(?![\w'’-])")


def _weeks_from_a_weekday(match: re.Match[str], text: str) -> Candidate | None:
    """ "postponed until a week from Friday": that many weeks after the coming Friday."""
    if (lexicon().unit_of(match["unit"]) or "") != "week" or match["rel"] or match["the"]:
        return None
    if _word_before(text, match.start()) in ("for", "within"):
        return None  # "will rest for a week from Friday": a length starting then
    from_ = _FROM.match(text, match.end())
    weekday = _weekday_after().match(text, from_.end()) if from_ is not None else None
    amount = _number(match["num"], lexicon())
    if weekday is None or not isinstance(amount, int | float) or amount != int(amount):
        return None
    partial = Partial(
        granularity="day",
        unit="day",
        offset=7 * int(amount),
        weekday=lexicon().weekday_of(weekday["wd"]),
    )
    return Candidate(match.start("body"), weekday.end(), partial, "counted", 1)


_FROM = re.compile(r"\s{1,3}(?i:from)")


def _weekday_back(weeks_ago: Partial, weekday: re.Match[str]) -> Partial:
    """ "a week ago Friday": the Friday on or before the day a week back, the one before
    last Friday, not last Friday and a week apart."""
    assert weeks_ago.offset is not None
    return weeks_ago._replace(
        granularity="day",
        unit="day",
        offset=7 * weeks_ago.offset,
        weekday=lexicon().weekday_of(weekday["wd"]),
    )


def _anniversary(years_ago: Partial, this: re.Match[str]) -> Partial:
    """The week, month or day of the year so many years back that matches the
    reference's: "75 years ago this week" in June 2024 is a week of June 1949."""
    unit: Granularity = (
        "day" if this["today"] else "week" if this["period"].lower() == "week" else "month"
    )
    assert years_ago.offset is not None
    return years_ago._replace(
        granularity=unit,
        unit=unit,
        offset=0,
        years_back=-years_ago.offset,
        follow_context=False,
        mod=None,
    )


_THAN = re.compile(r"\s{1,3}(?i:than)(?![\w-])")


def _compared_amount(match: re.Match[str], text: str) -> list[Candidate] | None:
    """ "six months earlier than expected": by how much, a duration, not a date."""
    result = _counted_reading(match, text, None)
    if not isinstance(result, Partial):
        return result
    end = match.end("half2") if match["half2"] else match.end("unit")
    return [Candidate(match.start("body"), end, result, "counted", 1)]


def _approximated(partial: Partial, start: int, end: int, rule: str) -> list[Candidate]:
    return [Candidate(start, end, partial._replace(mod=partial.mod or "APPROX"), rule, 1)]


# "or so" after an amount, and the shift that may follow it ("a week or so ago")
_OR_SO = re.compile(
    r"\s{1,3}(?i:or)\s{1,3}(?i:so)(?![\w-])(?:\s{1,3}(?P<tail>(?i:ago|earlier|later)))?"
)
# the lower end of a range of amounts before the counted number: "two to", "12 or"
_RANGE_LOW = re.compile(r"(?<![\w.,-])(?P<low>\d{1,4}|[A-Za-z]{3,9})\s{1,3}(?i:to|or)\s{1,3}$")


def _range_start(match: re.Match[str], text: str) -> int | None:
    """Where "two to three weeks" starts, when the counted number has a lower end before it."""
    if match["qmod"] or match["tail"] or match["rel"] or match["num"].lower() in ("a", "an"):
        return None
    num_start = match.start("num")
    low = _RANGE_LOW.search(text, max(0, num_start - 16), num_start)
    if low is None or isinstance(_number(low["low"], lexicon()), str | None):
        return None
    the = _THE_BEFORE.search(text, max(0, low.start() - 24), low.start())
    return the.start() if the else low.start()


# "the next 12 to 18 months": the determiner and relation before a range belong to it
_THE_BEFORE = re.compile(
    r"(?i:the)\s{1,3}(?:(?i:past|last|next|coming|first|previous|preceding|trailing)\s{1,3})?$"
)


# Counted back or ahead ("two decades ago"), these units are that many years
_YEARS_IN = {"decade": 10, "century": 100}


def _ordinal_second(match: re.Match[str], text: str, after: str, lex: Lexicon) -> bool:
    """ "talks went on for a second day", "won a second term", "for a second straight
    month": "a second" before the noun it numbers (a unit, or a word that joins no
    clause) is the ordinal; "for a second, then" and "a second later" are lengths."""
    if match["num"].lower() not in ("a", "an") or text[match.end() : match.end() + 1] != " ":
        return False
    return bool(after) and (after in lex.units or after not in lex.temporal_neighbours)


def _counted_reading(
    match: re.Match[str], text: str, tail_text: str | None
) -> Partial | list[Candidate] | None:
    lex = lexicon()
    unit = lex.unit_of(match["unit"]) or ""
    amount = _number(match["num"], lex)
    if amount is None or not unit:
        return None
    if (match["half"] or match["half2"]) and isinstance(amount, float | int):
        amount = amount + 0.5
    after = _word_after(text, match.end())
    if after in ("old", "olds") or text[match.end() : match.end() + 4].lower() in ("-old", "-yea"):
        return None
    tail = " ".join((tail_text or "").strip().lower().split())
    if unit == "second" and not tail and _ordinal_second(match, text, after, lex):
        return None  # "for a second day", "a second term": the ordinal
    if (
        unit == "day"
        and match["num"].lower() == "one"
        and not tail
        and not match["the"]
        and not match["rel"]
        and _word_before(text, match.start()) in lex.someday_cues
    ):
        # "Islam will one day be the second largest religion": someday, not a length
        return Partial(granularity="ref", ref="FUTURE_REF")
    mod = _quantity_mod(match, lex)
    whole = isinstance(amount, float | int) and amount == int(amount)
    one_year = unit == "year" and amount == 1
    if tail and unit in _YEARS_IN and whole:
        # "a decade ago" in 1999 is about 1989, not somewhere in the 1980s
        assert isinstance(amount, float | int)
        unit, amount = "year", amount * _YEARS_IN[unit]
    if tail in ("ago", "back") and whole:
        assert isinstance(amount, float | int)
        return _with_modifier(
            match,
            Partial(
                granularity=_granularity_of_unit(unit),
                unit=unit,
                offset=-int(amount),
                mod=mod,
                follow_context=one_year,
            ),
        )
    if tail in ("earlier", "later", "before", "after") and whole:
        # "a year before." with nothing after it: a year earlier
        assert isinstance(amount, float | int)
        sign = -1 if tail in ("earlier", "before") else 1
        return _with_modifier(
            match,
            Partial(
                granularity=_granularity_of_unit(unit),
                unit=unit,
                offset=sign * int(amount),
                anchored=True,
                mod=mod,
                follow_context=one_year,
            ),
        )
    if tail == "from today" and whole and unit in _DAYS_IN:
        # "a week from today": the day a week after the day of writing
        assert isinstance(amount, float | int)
        return Partial(granularity="day", unit="day", offset=int(amount) * _DAYS_IN[unit])
    if tail in ("from now", "from today") and whole:
        assert isinstance(amount, float | int)
        return Partial(
            granularity=_granularity_of_unit(unit), unit=unit, offset=int(amount), mod=mod
        )
    if tail in ("ago", "back") and amount == "X":
        return Partial(granularity="ref", ref="PAST_REF")
    if match["num"].lower() in ("a", "an") and _is_rate(text, match.start()):
        return Partial(
            type="SET",
            granularity="unknown",
            duration=_duration_value(1.0, unit),
            quant="EACH",
            freq=_times_before(text, match.start()),
        )
    if unit == "quarter" and (match["joint"] == "-" or (after == "of" and amount != "X")):
        # "three-quarters of the vote" is a fraction; "several quarters of losses" is not
        # (a vague number never counts a fraction)
        return None
    if unit == "quarter" and match["num"].lower() in ("a", "an") and after != "century":
        return None  # "he found a quarter": a coin, or a fraction
    if (match["rel"] or "").strip().lower() == "last" and _word_before(
        text, match.start("rel")
    ) in lex.last_verb_cues:
        # "expected to last 3 months": "last" is the verb, the duration follows it
        amount_partial = Partial(
            type="DURATION", granularity="unknown", duration=_duration_value(amount, unit)
        )
        return [Candidate(match.start("num"), match.end("unit"), amount_partial, "counted", 1)]
    if (
        unit == "second"
        and match["num"].lower() in ("a", "an")
        and _word_before(text, match.start()) not in ("for", "within", "in", "than")
    ):
        return None  # "a second time", "a second round": an ordinal
    if (
        unit == "second"
        and match["unit"].lower() == "second"
        and amount != 1
        and match["joint"] != "-"
    ):
        return None  # "the 1988 second quarter": an ordinal, not 1,988 seconds
    partial = Partial(
        type="DURATION",
        granularity="unknown",
        duration=_duration_value(amount, unit),
        mod=mod,
        direction=_DURATION_DIRECTIONS.get((match["rel"] or "").strip().lower())
        if match["the"]
        else None,
    )
    long_suffix = _LONG_SUFFIX.match(text, match.end())
    if long_suffix and not tail and match["joint"] == "-":
        # "the 10-year-long war": the adjective takes "-long" in, and "the" is the noun's
        start = match.end("the") if match["the"] else match.start("body")
        return [Candidate(start, long_suffix.end(), partial, "counted", 1)]
    if match["qmod"] and _keeps_modifier(match["qmod"]):
        return [Candidate(match.start(), match.end(), partial, "counted", 1)]
    if match["the"] and match["joint"] == "-" and not match["rel"]:
        # "the 14-day limit": "the" belongs to the noun the adjective modifies
        return [Candidate(match.end("the"), match.end("body"), partial, "counted", 1)]
    return partial


# "the past two years" ends at the reference, "the next three months" starts there:
# the stretch of time a duration covers (the TIMEX3 value stays the length)
_DURATION_DIRECTIONS = {"past": -1, "last": -1, "trailing": -1, "next": 1, "coming": 1}


def _with_modifier(match: re.Match[str], partial: Partial) -> Partial | list[Candidate]:
    """A shifted date keeps its modifier inside ("nearly four years ago", "about two
    years ago"): TimeML's extent takes it in and records it as the mod."""
    if match["rel"] and match["tail"]:
        # "lost in the final two years ago", "the first three weeks earlier": no period
        # is both a stretch and a shift; the words before the count are a noun's
        return [Candidate(match.start("num"), match.end(), partial, "counted", 1)]
    if not match["qmod"]:
        return partial
    if partial.mod in _BOUND_TO_POINT:
        # "more than four decades ago" is a date before that one, "less than" one after
        before, after = _BOUND_TO_POINT[partial.mod]
        partial = partial._replace(mod=before if (partial.offset or 0) < 0 else after)
    return [Candidate(match.start(), match.end(), partial, "counted", 1)]


# A bound on an amount of time, as a bound on the date that amount away: (ago, later)
_BOUND_TO_POINT: dict[str, tuple[str, str]] = {
    "MORE_THAN": ("BEFORE", "AFTER"),
    "EQUAL_OR_MORE": ("ON_OR_BEFORE", "ON_OR_AFTER"),
    "LESS_THAN": ("AFTER", "BEFORE"),
    "EQUAL_OR_LESS": ("ON_OR_AFTER", "ON_OR_BEFORE"),
}


_LONG_SUFFIX = re.compile(r"-(?i:long)(?![\w-])")


def _is_named_period(match: re.Match[str], text: str) -> bool:
    """ "the Thirty Years' War", "the Six-Day War", "the Hundred Days Offensive": a
    number and a unit in title case before another capitalized word name an event."""
    if match["tail"] or not (match["num"].istitle() and match["unit"].istitle()):
        return False
    return _CAPITALIZED_AFTER.match(text, match.end()) is not None


def _inside_a_name(match: re.Match[str], text: str) -> bool:
    """ "the Thirty Years' War", "For Three Years We Waited": a capitalized unit after a
    capitalized word and before another is part of a name or a title."""
    if not match["units"].istitle():
        return False
    before = _TITLE_WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
    return before is not None and _CAPITALIZED_AFTER.match(text, match.end()) is not None


_TITLE_WORD_BEFORE = re.compile(r"[A-Z][a-z]+[\s-]$")
# after the unit: its possessive mark if any, then a capitalized word
_CAPITALIZED_AFTER = re.compile(r"['’]?\s{1,3}[A-Z][a-z]")


def _keeps_modifier(text: str) -> bool:
    """TimeML keeps bounding modifiers ("at least two years") inside the TIMEX3 but
    leaves approximations ("about", "over") outside as free words."""
    return " ".join(text.lower().split()) in lexicon().inside_modifiers


def _is_rate(text: str, start: int) -> bool:
    """ "200,000 guns a year", "twice a week": a frequency, not a length of time.

    The count must stand in the same clause: "in October 2020. Within a month" is not
    a rate.
    """
    found = _rate_before().search(text, max(0, start - 40), start)
    if found is None:
        return False
    # "stepped down in 2022 after a decade at the helm": a year, not a count
    if found.start() < 3:
        return True
    year = _YEAR_BEFORE_WORD.match(text, found.start() - 3, start)
    return year is None or _word_before(text, year.start()) not in lexicon().date_prepositions


# the count the rate search found is the last digit of a year, one word before the unit
_YEAR_BEFORE_WORD = re.compile(r"(?<![\d,.])(?:1\d{3}|20\d{2})[ \t]{1,3}[^\W\d_]+[ \t]{1,3}$")


def _counting_numbers(lex: Lexicon) -> list[str]:
    """The number words that count one or more ("one", "twenty"): not "zero", nor the
    articles "a" and "an" the lexicon also reads as one."""
    return [w for w, v in lex.cardinals.items() if v >= 1 and w not in ("a", "an")]


@lru_cache(maxsize=1)
def _rate_before() -> re.Pattern[str]:
    """A count right before the unit: a digit, a count word, or a number word ("seven
    days a week": the count "seven" makes "a week" a frequency too)."""
    numbers = _counting_numbers(lexicon())
    words = ["times", "twice", "once", "thrice", "percent", "dollars", "cents", "dozen"]
    scales = ["hundred", "thousand", "million", "billion"]
    counts = alternation(sorted({*words, *scales, *numbers}))
    return re.compile(
        # no comma: "on October 3, 1990, less than a year after" counts nothing
        rf"(?:\d|%|(?<![\w-]){counts})[ \t%]{{0,3}}(?:[^\W\d_]+[ \t]{{1,3}}){{0,1}}$"
    )


def _quantity_mod(match: re.Match[str], lex: Lexicon) -> str | None:
    text = match.groupdict().get("qmod")
    if not text:
        return None
    return lex.quantity_modifiers.get(" ".join(text.lower().split()))


def _unit_long(match: re.Match[str], text: str) -> Partial | None:
    """ "a year-long inquiry", "a decades-long feud": a length of time as an adjective."""
    lex = lexicon()
    word = match["lunit"].lower()
    unit = lex.unit_of(word) or ""
    amount: float | str = "X" if word in lex.unit_plurals else 1.0
    return Partial(type="DURATION", granularity="unknown", duration=_duration_value(amount, unit))


def _vague_units(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    result = _vague_units_reading(match, text)
    ahead = None if match["lead"] else _AHEAD.match(text, match.end())
    the = ahead and _THE_BEFORE_UNITS.search(text, max(0, match.start() - 8), match.start())
    if result is not None and ahead and the:
        # "in the weeks ahead": the stretch still to come, determiner and all
        return [Candidate(the.start(), ahead.end(), result, "vague_units", -1)]
    pair = _VAGUE_PAIR.match(text, match.end())
    if result is None or pair is None:
        return result
    # "weeks or months", "recent weeks and months": one vague stretch, read by its first unit
    return [Candidate(match.start(), pair.end(), result, "vague_units", -1)]


_AHEAD = re.compile(r"\s{1,3}(?i:ahead)(?![\w-])(?!\s{1,3}(?i:of)\b)")
_THE_BEFORE_UNITS = re.compile(r"(?<![\w-])(?i:the)\s{1,3}$")
_VAGUE_PAIR = re.compile(
    r"\s{1,3}(?i:or|and)\s{1,3}(?i:years|months|weeks|days|decades|hours|minutes)(?![\w-])"
)


def _vague_units_reading(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    unit = lex.unit_of(match["units"]) or ""
    if unit == "quarter" and not match["lead"]:
        return None  # "living quarters": only "recent/coming quarters" count time
    after = _word_after(text, match.end())
    if after in ("old",) or text[match.end() : match.end() + 4] == "-old":
        return None
    if not match["lead"] and _inside_a_name(match, text):
        return None
    named = f"{_word_before(text, match.start())} {match['units'].lower()}"
    if not match["lead"] and _starts_negative_phrase(named, lex):
        return None  # "in the early hours of Saturday": a time of night, not a length
    if not match["lead"] and unit == "hour" and _is_calendar_name(named.split(" ")[0], lex):
        return None  # "special Saturday hours", "summer hours": when a place is open
    if not match["lead"] and unit == "hour" and named == "the hours" and after == "of":
        return None  # "extend the hours of city parks": when they are open
    lead = " ".join((match["lead"] or "").lower().split())
    if lead in ("recent",) and unit in ("year", "decade"):
        return Partial(granularity="ref", ref="PAST_REF")
    if not lead and after in lex.event_relative and _word_before(text, match.start()) == "the":
        # "in the weeks before the shooting": a vague time placed by an event, not a length
        return Partial(granularity="ref", ref=BY_TENSE_REF)
    if unit == "minute" and not lead and _minutes_of_a_meeting(match, text, after, lex):
        return None
    return Partial(type="DURATION", granularity="unknown", duration=_duration_value("X", unit))


def _minutes_of_a_meeting(match: re.Match[str], text: str, after: str, lex: Lexicon) -> bool:
    """ "Minutes of this week's meeting", "the Fed minutes showed": the record of a
    meeting, not a stretch of minutes ("for minutes", "within minutes of the blast")."""
    if match["units"][0].isupper() and after == "of":
        return True  # opening its sentence, with no preposition of a length before it
    return (
        after in lex.after_minutes_of_a_meeting
        or _word_before(text, match.start()) in lex.before_minutes_of_a_meeting
    )


def _day_word(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    word = " ".join(match["dw"].lower().split())  # "the day  before yesterday"
    offset = lex.day_words[word]
    pod = (match["pod"] or "").lower()
    if word == "overnight":
        if pod or not _ends_adverb(text, match.end()):
            return None  # "overnight losses", "the overnight rate": an adjective
        if _NEGATION_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            return None  # "it won't happen overnight": at once, no night
        pod = "night"  # "Markets fell overnight": the night before the reference day
    if word == "tonight":
        pod = pod or "night"
    if pod:
        return Partial(
            type="TIME",
            granularity="part_of_day",
            unit="day",
            offset=offset,
            part_of_day=lex.parts_of_day[pod],
        )
    return Partial(granularity="day", unit="day", offset=offset, mod=_pmod(match, lex))


# a negation earlier in the clause: "did not change", "won't happen", "never … "
_NEGATION_BEFORE = re.compile(
    r"(?<![\w-])(?i:not|never|cannot)(?![\w-])[^.;:!?]*$|n['’]t\b[^.;:!?]*$"
)


def _ends_adverb(text: str, end: int) -> bool:
    """Nothing a word at ``end`` could modify follows it: punctuation, the end of the
    text or a function word ("struck overnight with", "fell overnight.")."""
    if text[end : end + 1] not in (" ", "\t", "\n"):
        return True  # punctuation, or the end of the text
    after = _word_after(text, end)
    return not after or after in lexicon().adverb_followers


def _part_of_day_first(match: re.Match[str], text: str) -> Partial | None:
    """ "mid-afternoon yesterday", "late morning today", "by mid afternoon": a part of a
    day named before its day, or a mid-part of the day at hand."""
    lex = lexicon()
    mod = (
        "MID"
        if match["mid"]
        else {"early": "START", "late": "END"}.get((match["edge"] or "").lower())
    )
    if not match["fdw"] and not match["mid"]:
        if match["fthe"] and _part_of_the_day_told(match, text, lex):
            # "struck early on Monday … a second quake hit in the early afternoon"
            return _anchored_part_of_day(lex.parts_of_day[match["fpod"].lower()], 0)._replace(
                mod=mod
            )
        return None  # a bare "morning" or "late evening" is too often not a time at all
    offset = lex.day_words[match["fdw"].lower()] if match["fdw"] else 0
    return Partial(
        type="TIME",
        granularity="part_of_day",
        unit="day",
        offset=offset,
        part_of_day=lex.parts_of_day[match["fpod"].lower()],
        mod=mod,
    )


def _part_of_the_day_told(match: re.Match[str], text: str, lex: Lexicon) -> bool:
    """ "in the afternoon", "during the early evening": after a date preposition, with no
    noun, clause or day after it ("in the morning session", "from the night the plane
    went down", "on the morning of May 3")."""
    if _word_before(text, match.start()) not in lex.date_prepositions:
        return False
    if text[match.end() : match.end() + 1] in ("'", "’"):
        return False  # "the morning's papers"
    return _word_after(text, match.end()) not in lex.words_after_a_part_of_day_not_told


def _this_part_of_day(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    rel = match["prel"].lower()
    pod = match["ppod"].lower()
    offset = -1 if rel == "last" else 0
    if rel == "last" and pod != "night":
        offset = -1
    return Partial(
        type="TIME",
        granularity="part_of_day",
        unit="day",
        offset=offset,
        part_of_day=lex.parts_of_day[pod],
    )


def _ref(kind: str) -> Handler:
    def handler(match: re.Match[str], text: str) -> Partial | None:
        word = match.group().lower()
        after = _word_after(text, match.end())
        if word in ("current", "recent") and after in (
            "account",
            "accounts",
            "events",
            "affairs",
            "rate",
            "flow",
            "flows",
            "state",
        ):
            return None
        if word == "current" and (after in lexicon().current_noun_followers or not after):
            return None  # "the current was too strong": the noun
        if after == "as" and _word_before(text, match.start()) == "as":
            return None  # "as recently as last week": a signal of the date after it
        if word.endswith("future") and after in (
            "of",  # "the future of our peoples": what lies ahead for them, not a time
            "contract",
            "contracts",
            "prices",
            "trading",
            "exchange",
            "market",
            "markets",
        ):
            return None
        if word.endswith("past") and (after[:1].isdigit() or after in lexicon().cardinals):
            return None  # "in eight of the past 10 sessions": a count's, not a time
        return Partial(granularity="ref", ref=kind)

    return handler


def _set_adverb(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    word = match["adv"].lower()
    if word == "quarterly" and not _ends_or_links_clause(text, match.end()):
        return None  # "the quarterly dividend": a report's name, not how often
    value, pod = lex.set_adverbs[word]
    assert value is not None
    return Partial(type="SET", granularity="unknown", duration=value, part_of_day=pod)


def _ends_or_links_clause(text: str, end: int) -> bool:
    """Punctuation, the end of the text, or a conjunction or preposition after ``end``:
    what follows "quarterly" when it says how often ("pays dividends quarterly.")."""
    if text[end : end + 1] in _CLAUSE_END_MARKS:
        return True
    after = _word_after(text, end)
    return not after or after in lexicon().quarterly_followers


_CLAUSE_END_MARKS = frozenset({"", ".", ",", ";", ":", "!", "?", ")", '"', "”"})


def _set(value: str, quant: str | None) -> Partial:
    """A SET expression: how often ("P1D", "XXXX-WXX-1") and its quantifier."""
    return Partial(type="SET", granularity="unknown", duration=value, quant=quant)


# "every Saturday morning", "every Monday and Thursday": what "every" also governs
_EVERY_DAY_POD = re.compile(r"\s{1,3}(?P<pod>(?i:morning|afternoon|evening|night))(?![\w-])")
_EVERY_DAY_PARTNER = re.compile(
    r"\s{1,3}(?i:and|or|&)\s{1,3}(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\w'’-])"
    r"(?:\s{1,3}(?P<pod>(?i:morning|afternoon|evening|night))(?![\w-]))?"
)


def _every_weekday(
    match: re.Match[str], text: str, word: str, quant: str
) -> Partial | list[Candidate]:
    """ "every Monday", with the part of day that follows it ("every Saturday morning")
    and a second weekday it shares ("every Monday and Thursday": every Thursday too)."""
    lex = lexicon()
    value = f"XXXX-WXX-{lex.weekday_of(word)}"
    pod = _EVERY_DAY_POD.match(text, match.end())
    if pod is not None:
        every = _set(f"{value}T{lex.parts_of_day[pod['pod'].lower()]}", quant)
        return [Candidate(match.start(), pod.end(), every, "every", 1)]
    partner = _EVERY_DAY_PARTNER.match(text, match.end())
    if partner is None:
        return _set(value, quant)
    second = f"XXXX-WXX-{lex.weekday_of(partner['wd'])}"
    if partner["pod"]:
        second += f"T{lex.parts_of_day[partner['pod'].lower()]}"
    return [
        Candidate(match.start(), match.end(), _set(value, quant), "every", 1),
        # above the weekday rule's reading of the same words
        Candidate(partner.start("wd"), partner.end(), _set(second, quant), "every", 2),
    ]


def _every(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    lex = lexicon()
    word = match["every_unit"].lower().rstrip(".")
    quant = match["every"].upper()
    other = bool(match["other"])
    if word in lex.weekdays:
        return _every_weekday(match, text, word, quant)
    if word in lex.months:
        return _set(f"XXXX-{lex.month_of(word):02d}", quant)  # "each July"
    if word in lex.seasons:
        return _set(f"XXXX-{lex.seasons[word]}", quant)  # "every summer"
    if word in lex.parts_of_day:
        return _set("P1D", quant)._replace(part_of_day=lex.parts_of_day[word])
    unit = lex.unit_of(word)
    if unit is None:
        return None
    return Partial(
        type="SET",
        granularity="unknown",
        duration=_duration_value(2.0 if other else 1.0, unit),
        quant=quant,
    )


def _nth_weekday_of_every(match: re.Match[str], text: str) -> Partial | None:
    """ "the first Friday of every month": a set that recurs once a month (TIMEX3 has no
    value for the day within each month; its period is what a timeline can use)."""
    unit = lexicon().unit_of(match["nunit"])
    if unit is None:
        return None
    return Partial(
        type="SET",
        granularity="unknown",
        duration=_duration_value(1.0, unit),
        quant=match["every"].upper(),
    )


def _every_counted(match: re.Match[str], text: str) -> Partial | None:
    """ "every four years", "every 10 minutes": a set whose period is the counted length."""
    lex = lexicon()
    amount = _number(match["num"], lex)
    unit = lex.unit_of(match["unit"])
    if amount is None or unit is None:
        return None
    if match["half"] and amount != "X":
        amount = float(amount) + 0.5
    return Partial(
        type="SET", granularity="unknown", duration=_duration_value(amount, unit), quant="EVERY"
    )


def _time_of_day(match: re.Match[str], text: str) -> Partial | None:
    hour = int(match["h"])
    minute = int(match["mi"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if match["inpod"]:
        # "4 in the morning", "8 in the evening", "11 at night": the part of day is the
        # a.m. or p.m.
        pod = match["inpod"].lower().split()[-1]
        ampm = "am" if pod == "morning" or (pod == "night" and hour < 5) else "pm"
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = (hour % 12) + (12 if ampm.startswith("p") else 0)
    elif hour > 23:
        return None
    lex = lexicon()
    weekday = match["twd"]
    dayword = (match["tdw"] or "").lower()
    if match["tmonth"]:
        # "5 p.m. EST, Nov. 9", "3:45 p.m. ET, June 12, 2024": the time of that day
        return Partial(
            type="TIME",
            granularity="minute",
            year=_year(match, "tyear"),
            hour=hour,
            minute=minute,
            month=lex.month_of(match["tmonth"]),
            day=_day(match["tday"]),
        )
    partial = Partial(
        type="TIME", granularity="minute", hour=hour, minute=minute, unit="day", offset=0
    )
    if weekday:
        return partial._replace(
            weekday=lex.weekday_of(_POSSESSIVE_S.sub("", weekday)), unit=None, offset=None
        )
    if dayword:
        return partial._replace(offset=lex.day_words[dayword])
    return partial


# "at 8 tonight", "at 7 this evening", "at 10 tomorrow morning", "at 9 Friday night":
# the part of a day after a bare hour says a.m. or p.m. (and the day, read on its own).
# One white-space character between the words, as in the "T" anchor's tail.
_PART_OF_DAY_AFTER_HOUR = (
    r"(?i:tonight|this\s(?:morning|afternoon|evening)"
    r"|(?:tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s(?:morning|afternoon|evening|night))"
)


def _hour_before_part_of_day(match: re.Match[str], text: str) -> Partial | None:
    hour = int(match["h"])
    pod = match["pod"].lower().split()[-1]
    if pod == "morning":
        hour %= 12
    elif hour == 12:
        return None  # "at 12 tonight": midnight or noon, the words do not say
    else:
        hour += 12
    return Partial(type="TIME", granularity="minute", hour=hour, minute=0, unit="day", offset=0)


def _clock_before_a_shared_meridiem(match: re.Match[str], text: str) -> Partial:
    """ "from 4 to 7 p.m.", "between 6 and 8 p.m.": the first hour of the range takes
    the a.m. or p.m. of the second, unless that would put it after the second ("from 11
    to 1 p.m." starts at 11 a.m.)."""
    pm = 12 if match["ampm"][0] in "pP" else 0
    hour, end = int(match["h"]) % 12 + pm, int(match["eh"]) % 12 + pm
    if hour > end:
        hour = (hour + 12) % 24
    return Partial(
        type="TIME",
        granularity="minute",
        hour=hour,
        minute=int(match["mi"] or 0),
        unit="day",
        offset=0,
    )


def _clock_24(match: re.Match[str], text: str) -> Partial | None:
    if _word_before(text, match.start()) in (
        "score",
        "scored",
        "ratio",
        "by",
        "won",
        "lost",
        "beat",
    ) or _word_after(text, match.end()) in ("ratio", "margin", "vote", "votes", "win", "lead"):
        return None
    return _clock_of(match)


def _clock_of(match: re.Match[str]) -> Partial:
    """The clock time of the hours, minutes and (if the pattern has them) seconds."""
    seconds = match.groupdict().get("s")
    return Partial(
        type="TIME",
        granularity="minute",
        hour=int(match["h"]),
        minute=int(match["mi"]),
        second=int(seconds) if seconds else None,
        unit="day",
        offset=0,
    )


def _military_time(match: re.Match[str], text: str) -> Partial | None:
    """ "at 0600 GMT": four digits and a zone, the wire services' clock (not in
    parentheses, where it restates a local time given before: "10:35 a.m. (0735 GMT)";
    nor a year after "in": "in 2020 GMT changed its name")."""
    if _word_before(text, match.start()) in lexicon().year_prepositions:
        return None
    return _clock_of(match)


def _noon(match: re.Match[str], text: str) -> Partial | None:
    word = match["noon"].lower()
    if _starts_negative_phrase(f"{_word_before(text, match.start())} {word}", lexicon()):
        return None  # "high noon": the idiom (and the film), not a clock time
    # TimeML writes midnight as 24:00 of the day it ends: "midnight Friday" is the night
    # from Friday to Saturday, not the first minute of Friday
    hour = 12 if word == "noon" or word == "midday" else 24
    if match["twd"]:
        weekday = lexicon().weekday_of(_POSSESSIVE_S.sub("", match["twd"]))
        return Partial(type="TIME", granularity="minute", hour=hour, minute=0, weekday=weekday)
    return Partial(type="TIME", granularity="minute", hour=hour, minute=0, unit="day", offset=0)


def _holiday(match: re.Match[str], text: str) -> Partial | None:
    # resolved by the resolver from its name; keep month/day for fixed holidays
    lex = lexicon()
    name = " ".join(match["hol"].lower().split())
    year = _year(match)
    # "last Thanksgiving", "next Christmas": the one before or after the reference
    direction = {"last": -1, "next": 1, "this": 0}.get((match["hrel"] or "").lower())
    if match["hweek"]:
        # "Easter week", "Christmas week": the (ISO) week the holiday falls in
        return Partial(granularity="week", year=year, unit="holiday:" + name, direction=direction)
    if name in lex.fixed_holidays:
        month, day = lex.fixed_holidays[name]
        return Partial(granularity="day", year=year, month=month, day=day, direction=direction)
    return Partial(granularity="day", year=year, unit="holiday:" + name, direction=direction)


def _week_of(match: re.Match[str], text: str) -> Partial | None:
    """ "the week of June 24", "the week beginning July 1": the week holding that day;
    "the weekend of March 20-21": that week's weekend."""
    lex = lexicon()
    weekend = match["wkend"] is not None
    return Partial(
        granularity="weekend" if weekend else "week",
        year=_year(match),
        month=lex.month_of(match["month"]),
        day=_day(match["day"]),
        week=-1,
        weekend=weekend,
    )


# "the next day", "the previous week", "that year": a shift from the date just mentioned
_ANCHORED_OFFSETS = {
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "same": 0,
    "that": 0,
}


def _earlier_in_the_unit(match: re.Match[str], text: str) -> Partial | None:
    """ "earlier in the day", "later in the year": the start (end) of the day or year of
    the date last told, as "earlier that day" (TimeML keeps the comparative inside)."""
    unit = match["unit"].lower()
    so_far, from_here = _cut_at_reference(match)
    return Partial(
        granularity=_granularity_of_unit(unit),
        unit=unit,
        offset=0,
        anchored=True,
        mod=_earlier_later(match),
        so_far=so_far,
        from_here=from_here,
    )


def _anchored_day(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    rel = " ".join(match["arel"].lower().split())
    unit = lex.unit_of(match["aunit"]) or "day"
    offset = _ANCHORED_OFFSETS[rel]
    # "later that year": TimeML keeps the comparative inside, as for "later this year";
    # "the end of that year" its edge
    mod = _earlier_later(match) or _pmod(match, lex)
    so_far, from_here = _cut_at_reference(match)
    return Partial(
        granularity=_granularity_of_unit(unit),
        unit=unit,
        offset=offset,
        anchored=True,
        mod=mod,
        so_far=so_far,
        from_here=from_here,
    )


# ---------------------------------------------------------------- table


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled once on first use (not at import: `import timeline` stays fast)."""
    lex = lexicon()
    month = _month_pattern(lex)
    weekday = _weekday_pattern(lex)
    number = _number_pattern(lex)
    unit = _unit_pattern(lex)
    seasons = alternation(list(lex.seasons))
    day_words = alternation(list(lex.day_words))
    pods = alternation(["morning", "afternoon", "evening", "night"])
    pods_before_day = alternation(list(lex.parts_of_day_before_day))
    named_days = alternation(list(lex.named_days))
    ordinal_words = alternation(list(lex.ordinals))
    qmods = alternation(list(lex.quantity_modifiers))
    set_adverbs = alternation(list(lex.set_adverbs))
    every_targets = (
        alternation(list(lex.units) + list(lex.parts_of_day) + list(lex.seasons))
        + "|"
        + weekday
        + "|"
        + month
    )
    holidays = alternation(
        list(lex.fixed_holidays)
        + list(lex.nth_weekday_holidays)
        + list(lex.easter_holidays)
        + list(lex.orthodox_easter_holidays)
    )
    the = r"(?:(?i:the)\s{1,3})"
    zones = "|".join(
        [_zone_pattern(z) for z in sorted(lex.time_zones, key=len, reverse=True)] + [_PLACE_TIME]
    )
    spoken_tens = "(?i:" + "|".join(lex.tens) + ")"
    spoken_units = "(?i:one|two|three|four|five|six|seven|eight|nine)"
    spoken_teens = (
        "(?i:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    )
    year = _YEAR

    def rule(name: str, pattern: str, handler: Handler, priority: int = 0) -> Rule:
        # Every match starts a word: saying so first lets the engine skip the inside of
        # words with one cheap test instead of trying the whole pattern at each character.
        compiled = re.compile(r"(?<![^\W_])(?=[\w'’])(?:" + pattern + ")")
        anchors = frozenset(_RULE_ANCHORS[name])
        lowered = without_case_flags(compiled) if name in LOWER_CASE_RULES else None
        requires = frozenset(_RULE_REQUIRES.get(name, ""))
        return Rule(name, compiled, handler, priority, anchors, lowered, requires)

    def ref_rule(name: str, words: tuple[str, ...], kind: str) -> Rule:
        return rule(name, r"(?<![\w-])" + alternation(list(words)) + r"(?![\w-])", _ref(kind), -1)

    return (
        rule(
            "iso_date",
            r"(?<![\w/-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
            r"(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:[.,]\d{1,9})?)?"
            r"(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?|\s{1,3}(?:UTC|GMT))?)?(?![\w/:-])",
            _iso,
            3,
        ),
        rule(
            "numeric_date",
            r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])",
            _slash,
            3,
        ),
        rule(
            "named_day",
            # "the 9/11 attacks", "since 9/11", "post-9/11": a day named by its date
            rf"(?<![\w/])(?P<named>{named_days})(?![\w/])",
            _named_day,
            3,
        ),
        rule(
            "slash_month_day",
            r"(?i:on|for|by|until|till|through|since|before|after|from|to)\s{1,3}"
            r"(?P<body>(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9]))(?![\w/]|[.,]\d)",
            _slash_month_day,
            2,
        ),
        rule(
            "dotted_date",
            r"(?<![\w/.,-])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:1[89]|20)\d\d)(?![\w/-]|[.,]\d)",
            _dotted_date,
            3,
        ),
        rule(
            "day_month_year_hyphens",
            rf"(?<![\w/.-])(?P<day>0?[1-9]|[12]\d|3[01])-(?P<month>{month})-(?P<year>(?:1[89]|20)\d\d)(?![\w/-]|[.,]\d)",
            _month_day,
            3,
        ),
        rule(
            "year_first_slash_date",
            r"(?<![\w/.-])(?P<y>\d{4})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/])",
            _numbered_day,
            3,
        ),
        rule(
            "month_day",
            rf"(?:{_WEEKDAY_REL}{weekday},?{_W})?(?P<month>{month}){_W}(?P<day>{_DAY}|(?i:{ordinal_words}){_SPOKEN_DAY_END})(?:,?{_W}(?P<year>{_CALENDAR_YEAR}))?",
            _month_day,
            2,
        ),
        rule(
            "day_month",
            rf"(?:{weekday},?{_W})?(?:{the})?(?P<day>{_DAY})(?:{_W}of)?{_W}(?P<month>{month})(?:,?{_W}(?P<year>{_CALENDAR_YEAR}))?",
            _month_day,
            2,
        ),
        rule(
            "month_year",
            rf"(?:{_POINT_MOD}[\s-]{{1,3}})?(?P<month>{month})(?:,|{_W}of)?{_W}(?P<year>{_CALENDAR_YEAR})",
            _month_year,
            2,
        ),
        rule(
            "year_earlier",
            # "a year earlier than planned": a comparison, which the counted rule reads
            r"(?<![\w-])(?i:year[-\s](?:earlier|ago))(?![\w-])"
            r"(?!\s{1,3}(?i:quarter|period|half|than)(?![\w-]))",
            _year_earlier,
        ),
        rule(
            "spoken_year",
            rf"(?:(?P<sy_lead>(?i:the\s{{1,3}}year)){_W})?(?<![\w-])(?P<sy>(?i:nineteen|eighteen|twenty)[\s-]{{1,3}}(?:(?i:hundred)|{spoken_tens}(?:[\s-]{{1,2}}{spoken_units})?|(?i:oh)[\s-]{{1,2}}{spoken_units}|{spoken_teens})|(?i:two\s{{1,3}}thousand(?:\s{{1,3}}(?:and\s{{1,3}})?(?:{spoken_units}|{spoken_teens}))?))(?![\w-])",
            _spoken_year,
            1,
        ),
        rule(
            "month_spoken_year",
            rf"(?P<month>{month}){_W}(?P<sy>(?i:nineteen)[\s-]{{1,3}}{spoken_tens}(?:[\s-]{{1,2}}{spoken_units})?)(?![\w-])",
            _month_spoken_year,
            3,
        ),
        rule(
            "season_spoken_year",
            rf"(?:{the})?(?P<season>{seasons}){_W}(?i:of){_W}(?P<sy>(?i:nineteen)[\s-]{{1,3}}{spoken_tens}(?:[\s-]{{1,2}}{spoken_units})?)(?![\w-])",
            _season_spoken_year,
            3,
        ),
        rule(
            "period_edge",
            rf"{the}(?P<edge>{alternation(lex.period_edges)}){_W}(?i:of){_W}(?i:the){_W}(?P<eunit>(?i:year|month|week|quarter|decade|century))(?![\w])",
            _period_edge,
            1,
        ),
        rule(
            "the_year",
            r"(?P<ythe>(?i:the))\s{1,3}(?:(?P<ykind>(?i:full|fiscal|calendar|current\s{1,3}fiscal|latest\s{1,3}fiscal|latest|current))\s{1,3})?(?i:year)(?![\w-])(?!\s{1,3}(?:\d|(?i:two|nineteen)))",
            _the_year,
            -1,
        ),
        rule(
            "unit_to_date",
            r"(?:(?i:the)\s{1,3})?(?P<unit>(?i:year|quarter|month|week))(?:-|\s{1,3})(?i:to)(?:-|\s{1,3})(?i:date)(?![\w-])",
            _unit_to_date,
        ),
        rule(
            "the_week",
            r"(?i:the)\s{1,3}(?i:week)(?![\w-])(?!\s{1,3}(?i:of|before|after|earlier|later))",
            _the_week,
            -1,
        ),
        rule(
            "year_end",
            r"(?<![\w-])(?i:year)(?:[-\s]|['’](?i:s)\s)(?i:end)(?![\w-])",
            _year_end,
        ),
        rule(
            "month_rel_year",
            rf"(?:{_POINT_MOD}[\s-]{{1,3}})?(?P<month>{month})(?:{_W}(?P<rday>{_DAY}),?)?{_W}(?P<yrel>(?i:this|last|next|of\s{{1,3}}this|of\s{{1,3}}last|of\s{{1,3}}next|(?:of\s{{1,3}})?(?:that|the\s{{1,3}}(?:same|following|previous|next)))){_W}(?i:year)(?![\w])",
            _month_rel_year,
            2,
        ),
        rule(
            "month",
            rf"(?:{_POINT_MOD}[\s-]{{1,3}})?(?:(?P<rel>(?i:this\s{{1,3}}past|last|next|this|that|past|the\s{{1,3}}following)){_W})?(?P<month>{month})",
            _bare_month,
        ),
        rule(
            "weekday_of_week",
            rf"(?P<wd>{weekday}){_W}(?P<wrel>(?i:last|this|next)){_W}(?i:week)(?![\w])",
            _weekday_of_week,
            2,
        ),
        rule(
            "weekday",
            # TimeML leaves "the early hours of" outside the extent: the day is the body
            rf"(?P<hours>(?i:the){_W}(?i:early|small|wee){_W}(?i:hours){_W}(?i:of){_W})?"
            rf"(?P<body>(?:(?P<prepod>{pods_before_day}){_W}(?:(?i:on){_W})?)?"
            rf"(?:(?P<wmod>(?i:early|late|earlier|later)){_W})?(?:(?P<rel>(?i:this\s{{1,3}}past|this\s{{1,3}}coming|the\s{{1,3}}(?:previous|preceding|following)|last|next|this|past|coming)){_W})?(?P<wd>{weekday})(?:{_W}(?P<pod>{pods}))?)",
            _weekday,
            1,
        ),
        rule(
            "year",
            rf"(?:{_POINT_MOD}[\s-]{{1,3}}(?:of{_W})?)?(?:(?P<the>(?i:the\s{{1,3}}year)){_W})?(?:(?P<fiscal>(?i:fiscal(?:\s{{1,3}}year)?)|FY|F\.Y\.)\s{{0,3}})?(?P<ad>(?:A\.D\.|AD)\s)?(?:(?<=[A-Za-z]-)|(?<=FY)|{_LEFT})(?P<year>(?(ad)\d{{1,4}}|(?:\d{{4}}|\d{{1,4}}(?={_W}(?:B\.C|BC|A\.D|AD|CE)))))(?!\d|[,.]\d)(?:{_W}(?P<era>B\.C\.E?|BCE?|A\.D\.|AD|CE)(?!\w))?",
            _year_rule,
        ),
        rule(
            "day_of_month",
            r"(?i:the)\s{1,3}(?P<dd>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)(?![\w'’-])",
            _day_of_month,
        ),
        rule(
            "fiscal_year_short",
            r"(?:FY|F\.Y\.)\s{0,2}['’]?(?P<yy>\d{2})(?![\w])",
            _fiscal_year_short,
        ),
        rule(
            "year_range",
            rf"{_LEFT}(?P<y1>{year})(?:\s?[-–]\s?|/)(?P<y2>{year}|\d{{2}})(?![\d\w/])",
            _year_range,
            3,
        ),
        rule(
            "decade",
            rf"(?:{the})?(?:{_POINT_MOD}[\s-]{{1,3}}(?:{the})?)?(?:(?P<digits>(?:1\d|20)\d0)['’]?(?i:s)|['’](?P<digits2>\d0)['’]?(?i:s)|(?P<dword>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])",
            _decade_rule,
            2,
        ),
        rule(
            "century",
            rf"(?:{the})?(?:{_POINT_MOD}[\s-]{{1,3}}(?:{the})?)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal_words})[\s-](?i:century)(?:{_W}(?P<bc>BC|B\.C\.))?",
            _century,
            2,
        ),
        rule(
            "season",
            rf"(?:{_POINT_MOD}[\s-]{{1,3}})?(?:(?P<det>(?i:this\s{{1,3}}past|this\s{{1,3}}coming|the\s{{1,3}}following|the\s{{1,3}}next|the|this|that|last|next|past|coming)){_W})?(?:{_POINT_MOD2}[\s-]{{1,3}})?(?P<season>{seasons})(?![\w])(?:{_W}(?:(?i:of){_W})?(?P<year>{year})(?:[-–/](?:\d\d){{1,2}}(?![\w]))?)?",
            _season,
        ),
        rule(
            "quarter",
            rf"(?:(?P<qthe>(?i:the|its|their)\s{{1,3}})|(?P<qyear>(?i:this|last|next))\s{{1,3}}(?i:year)['’](?i:s)\s{{1,3}})?(?:(?P<year0>{year}){_W})?(?:(?P<qrel>(?i:comparable\s{{1,3}}year[-\s]ago|comparable\s{{1,3}}year[-\s]earlier|year[-\s]ago|year[-\s]earlier|last|past|previous|prior|latest|current|recent|same|corresponding|next|coming|following|fiscal|this)){_W})?(?:(?P<qord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))(?P<qjoint>[\s-]))?(?:(?i:fiscal){_W})?(?P<qunit>(?i:quarter|half|period))(?![\w])(?:{_W}(?:(?i:of|ended|ending)){_W}(?:(?i:fiscal){_W})?(?:(?P<year>{year})|(?P<qyrel>(?i:the|this|last|next)){_W}(?i:year)(?![\w])))?(?P<qback>{_W}(?i:a{_W}year{_W}(?:ago|earlier)|last{_W}year)(?![\w]))?",
            _quarter,
            1,
        ),
        rule(
            "month_span",
            rf"(?P<msthe>{the})?(?P<first>{month})[-–/](?P<month>{month})"
            rf"(?:[\s-](?P<msnoun>(?i:quarter|period|half|months)))?(?![\w])",
            _month_span,
            2,
        ),
        rule(
            "month_quarter",
            rf"(?P<mqthe>{the})?(?P<month>{month})(?P<mqjoint>[\s-])(?i:quarter)(?![\w])",
            _month_quarter,
            2,
        ),
        rule(
            "q_notation",
            rf"(?<![\w])(?:(?P<q>Q[1-4]|H[12])(?:(?:{_W}|-)?(?P<year>{year})|{_W}(?:FY|F\.Y\.)\s{{0,2}}['’]?(?P<fy>\d{{2}}(?!\d)|{year}))?|(?P<nq>[1-4]Q|[12]H)(?P<yy>\d{{2}}))(?![\w])",
            _q_notation,
            1,
        ),
        rule(
            "relative_unit",
            rf"(?:{_POINT_MOD}(?:{_W}|-)|(?P<el>(?i:earlier|later)){_W})?(?:{the})?(?P<rel>(?i:this\s{{1,3}}past|this\s{{1,3}}coming|last|past|next|coming|this|current|following|previous|preceding|present)){_W}(?:(?i:fiscal|full|calendar){_W})?{unit}",
            _relative_unit,
        ),
        rule(
            "counted",
            rf"(?:(?P<qmod>{qmods}){_W})?(?P<body>(?P<the>{the})?(?P<rel>(?i:past|last|next|coming|first|previous|preceding|trailing|following|final|latest|remaining|further|year-earlier|year-ago)\s{{1,3}})?{number}(?P<joint>[\s-])(?:(?i:more|additional|straight|consecutive|full|long|short|extra|whole|trading|business|working)\s{{1,3}})?{unit}(?P<half2>\s{{1,3}}(?i:and\s{{1,3}}a\s{{1,3}}half))?(?P<tail>{_W}(?i:ago|earlier|later|back|previously|from\s{{1,3}}(?:now|today)|(?:before|after)(?=\s{{0,3}}(?:[.,;:!?)]|$))))?)",
            _counted,
            1,
        ),
        rule(
            "half_unit",
            rf"(?:(?P<qmod>{qmods}){_W})?(?P<body>(?i:half\s{{1,3}}an?|a\s{{1,3}}half)[\s-]{unit})",
            _half_unit,
            1,
        ),
        rule(
            "unit_long",
            r"(?<![\w-])(?P<lunit>(?i:second|minute|hour|day|week|month|year|decade|century|seconds|minutes|hours|days|weeks|months|years|decades|centuries))-(?i:long)(?![\w-])",
            _unit_long,
        ),
        rule(
            "vague_units",
            rf"(?:(?P<lead>(?i:recent|the\s{{1,3}}past|the\s{{1,3}}coming|the\s{{1,3}}next|coming)){_W})?(?<![\w-])(?P<units>(?i:years|months|weeks|days|decades|centuries|hours|minutes|quarters))(?![\w-])",
            _vague_units,
            -1,
        ),
        rule(
            "day_word",
            rf"(?:{_POINT_MOD}{_W})?(?P<dw>{day_words})(?!['’](?i:s)\w)(?:{_W}(?P<pod>{pods}))?(?![\w])",
            _day_word,
            1,
        ),
        rule(
            "part_of_day_first",
            rf"(?<![\w-])(?P<fthe>(?i:the){_W})?(?:(?P<mid>(?i:mid)(?:[-\s]|(?!(?i:night))))|(?P<edge>(?i:early|late)){_W})?(?P<fpod>{pods})(?:{_W}(?P<fdw>(?i:yesterday|today|tomorrow)))?(?![\w-])",
            _part_of_day_first,
        ),
        rule(
            "this_part_of_day",
            rf"(?:(?i:earlier|later){_W})?(?P<prel>(?i:this|last|tomorrow|yesterday)){_W}(?P<ppod>{pods})(?![\w])",
            _this_part_of_day,
            1,
        ),
        rule(
            "anchored_day",
            rf"(?:{the})?(?P<arel>{alternation(lex.anchored_relations)}){_W}(?P<aunit>(?i:day|week|month|year|morning|afternoon|evening|night))(?![\w])",
            _anchored_dispatch,
            1,
        ),
        rule(
            "that_unit",
            rf"(?:(?P<el>(?i:earlier|later)){_W}|{_POINT_MOD}{_W})?(?P<arel>(?i:that))(?:{_W}(?i:same))?{_W}(?P<aunit>(?i:day|week|month|quarter|year|morning|afternoon|evening|night))(?![\w])",
            _anchored_dispatch,
        ),
        rule(
            "earlier_in_the_unit",
            rf"(?P<el>(?i:earlier|later)){_W}(?i:in){_W}(?i:the){_W}(?P<unit>(?i:day|week|month|year))(?![\w])",
            _earlier_in_the_unit,
        ),
        rule(
            "unit_after_next",
            rf"(?:{the})?(?P<nunit>(?i:weekend|week|month|year)){_W}(?P<nrel>(?i:after{_W}next|before{_W}last))(?![\w-])",
            _unit_after_next,
            1,
        ),
        rule(
            "unit_before_a_thing",
            rf"(?i:the){_W}(?P<aunit>(?i:day|week|month|year))"
            # a day told after the thing: "the day after his arrest on June 3"; or the
            # date itself: "the day before Thanksgiving", "the week after March 3"
            rf"(?={_W}(?i:before|after){_W}(?:(?i:the|his|her|its|their|a|an)\s"
            rf"[^.;:!?]{{0,40}}?\s(?i:on|in)\s{{1,3}}[A-Z0-9]|(?:{month}|{weekday}|{holidays})(?![\w-])))",
            _unit_before_a_thing,
            1,
        ),
        rule(
            "unit_before_after",
            rf"(?i:the){_W}(?P<bunit>(?i:day|night|morning|evening|week|month|year)){_W}"
            rf"(?P<btail>(?i:before|after))(?=\s{{0,3}}[,.;:!?)\]\"”]|\s{{0,3}}$)",
            _unit_before_after,
            1,
        ),
        rule(
            "this_time_last",
            rf"(?i:this|the{_W}same){_W}(?i:time){_W}"
            rf"(?:(?i:last){_W}(?P<tunit>(?i:year|week))|(?i:a){_W}(?P<tago>(?i:year|week)){_W}(?i:ago))(?![\w])",
            _this_time_last,
            2,
        ),
        rule(
            "this_day_in_year",
            rf"(?i:this){_W}(?P<iunit>(?i:day|date|week|month)){_W}(?i:in){_W}(?P<iyear>{_CALENDAR_YEAR})",
            _this_day_in_year,
            2,
        ),
        rule(
            "time_of_day",
            rf"{_CLOCK_LEFT}(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?(?:\s{{0,2}}(?P<ampm>(?i:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?![\w]))|{_W}(?P<inpod>(?i:in{_W}the{_W}(?:morning|afternoon|evening)|at{_W}night))(?![\w]))(?:{_W}(?:{zones})(?![\w]))?(?:,?{_W}(?:(?P<twd>{weekday})(?!{_W}(?i:through|thru|to|and){_W}{weekday}|\s{{0,3}}[-–]\s{{0,3}}{weekday})|(?P<tdw>(?i:today|yesterday|tomorrow))|(?P<tmonth>{month}){_W}(?P<tday>{_DAY})(?:,?{_W}(?P<tyear>{_CALENDAR_YEAR}))?))?",
            _time_of_day,
            2,
        ),
        rule(
            "clock_before_a_shared_meridiem",
            r"(?i:from|between)\s{1,3}(?P<body>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?)"
            r"\s{1,3}(?i:to|and|until|till)\s{1,3}"
            r"(?=(?P<eh>1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s{0,2}(?P<ampm>[aApP]\.?\s?[mM]\b))",
            _clock_before_a_shared_meridiem,
        ),
        rule(
            "hour_before_part_of_day",
            # led by the digit, which the regex engine skips to fast; "at" is looked
            # for behind it
            rf"(?P<h>1[0-2](?<=(?<![\w-])(?i:at)\s1[0-2])|[1-9](?<=(?<![\w-])(?i:at)\s[1-9]))"
            rf"(?=\s(?P<pod>{_PART_OF_DAY_AFTER_HOUR})(?![\w-]))",
            _hour_before_part_of_day,
        ),
        rule(
            "clock_24",
            rf"{_CLOCK_LEFT}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d{{1,6}})?)?(?![\d:]|\.\d)(?:{_W}(?:{zones})(?![\w]))?",
            _clock_24,
        ),
        rule(
            "military_time",
            rf"{_CLOCK_LEFT}(?<!\()(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?!\d){_W}(?:GMT|UTC)(?![\w+])",
            _military_time,
        ),
        rule(
            "noon",
            rf"(?<![\w-])(?P<noon>(?i:noon|midnight|midday))(?![\w-])(?:{_W}(?:{zones})(?![\w]))?(?:,?{_W}(?P<twd>{weekday}))?",
            _noon,
        ),
        rule(
            "holiday",
            rf"(?<![\w])(?:(?P<hrel>(?i:last|next|this)){_W})?(?P<hol>{holidays})(?![\w])(?P<hweek>{_W}(?i:week)(?![\w-]))?(?:,?{_W}(?P<year>{year}))?",
            _holiday,
            1,
        ),
        rule(
            "week_of",
            rf"{the}(?:(?i:week)|(?P<wkend>(?i:weekend))){_W}(?i:of|beginning|starting|commencing){_W}(?P<month>{month}){_W}(?P<day>{_DAY})(?:[-–](?:{_DAY}))?(?:,?{_W}(?P<year>{year}))?",
            _week_of,
            3,
        ),
        rule(
            "the_weekend",
            rf"(?<![\w])(?i:the){_W}(?:(?i:holiday|long|three-day|four-day|extended){_W})?(?i:weekend)(?![\w])",
            _the_weekend,
        ),
        rule("midweek", r"(?<![\w-])(?i:mid(?:-|\s{1,3})?week)(?![\w-])", _midweek),
        rule(
            "weekends_plural",
            r"(?<![\w-])(?i:on|at|during)\s{1,3}(?P<body>(?i:weekends))(?![\w-])",
            _weekends_plural,
        ),
        rule("set_adverb", rf"(?<![\w-])(?P<adv>{set_adverbs})(?![\w-])", _set_adverb),
        rule(
            "weekday_plural",
            r"(?<![\w])(?P<wds>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?)(?:\s{1,3}(?P<pods>(?i:mornings|afternoons|evenings|nights)))?(?![\w])",
            _weekday_plural,
        ),
        rule(
            "at_present",
            r"(?<![\w])(?i:at)\s{1,3}(?P<body>(?i:present))(?![\w])",
            _ref("PRESENT_REF"),
            1,
        ),
        rule(
            "every_counted",
            rf"(?<![\w-])(?P<every>(?i:every)){_W}{number}{_W}{unit}",
            _every_counted,
            2,
        ),
        rule(
            "nth_weekday_of_every",
            rf"(?:{the})?(?i:first|second|third|fourth|last){_W}{weekday}{_W}(?i:of){_W}(?P<every>(?i:every|each)){_W}(?P<nunit>(?i:month|quarter|year))(?![\w-])",
            _nth_weekday_of_every,
            2,
        ),
        rule(
            "every",
            rf"(?P<every>(?i:every|each))(?P<other>{_W}(?i:other))?{_W}(?P<every_unit>{every_targets})(?![\w])",
            _every,
            1,
        ),
        rule(
            "per_unit",
            rf"(?<![\w])(?i:per){_W}(?P<every_unit>(?i:year|month|week|day|hour|annum))(?![\w])",
            _per_unit,
        ),
        ref_rule("present_ref", lex.present_ref, "PRESENT_REF"),
        ref_rule("past_ref", lex.past_ref, "PAST_REF"),
        ref_rule("future_ref", lex.future_ref, "FUTURE_REF"),
    )


_POINT_MOD2 = r"(?P<pmod2>(?i:early|mid|late))"


_THE_AT_START = re.compile(r"(?i:the)\s{1,3}")


def _decade_rule(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    partial = _decade_dispatch(match, text)
    the = _THE_AT_START.match(match.group())
    if partial is None or the is None or not text.startswith("-", match.end()):
        return partial
    # "the 1990s-style jacket": "the" belongs to the noun the compound modifies
    return [Candidate(match.start() + the.end(), match.end(), partial, "decade", 2)]


def _decade_dispatch(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    mod = _pmod(match, lex)
    if match["digits2"]:
        two = int(match["digits2"])
        decade = 200 if two == 0 else 190 + two // 10
        return Partial(granularity="decade", decade=decade, mod=mod)
    if match["digits"]:
        digits = match["digits"]
        if _is_number_context(text, match.start("digits"), match.end(), lex):
            return None
        if digits.endswith("00") and digits != "2000":
            # "the 1800s", "the 1900s": the century in news usage; "the 2000s" (and "the
            # early 2000s") the decade, the century being "the 21st century"
            return Partial(granularity="century", century=int(digits[:2]), mod=mod)
        return Partial(granularity="decade", decade=int(digits[:3]), mod=mod)
    if not match.group().lower().startswith("the") and _word_before(text, match.start()) not in (
        "in",
        "the",
        "late",
        "early",
        "mid",
        "during",
        "since",
        "until",
        "of",
    ):
        return None  # "in her forties" is an age
    return _decade(match, text)


def _month_span(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    """ "the October-December quarter", "the April-June period", "January-June": the
    quarter or half those months make up; other spans are left to the month rules."""
    lex = lexicon()
    first, last = lex.month_of(match["first"]), lex.month_of(match["month"])
    if last - first == 2 and first % 3 == 1:
        partial = Partial(granularity="quarter", quarter=last // 3)
    elif last - first == 5 and first in (1, 7):
        partial = Partial(granularity="half", half=last // 6)
    else:
        return None
    if match["msthe"] and not match["msnoun"]:
        # "the April-June figures": "the" belongs to the noun
        return [Candidate(match.end("msthe"), match.end(), partial, "month_span", 2)]
    return partial


def _month_quarter(match: re.Match[str], text: str) -> Partial | list[Candidate] | None:
    """ "the June quarter", "the September-quarter results": the quarter that ends in
    that month (a month that ends none names a fiscal quarter the text does not place)."""
    month = lexicon().month_of(match["month"])
    if month % 3:
        return None
    partial = Partial(granularity="quarter", quarter=month // 3)
    if match["mqthe"] and match["mqjoint"] == "-":
        # "the June-quarter results": "the" belongs to "results"
        return [Candidate(match.end("mqthe"), match.end(), partial, "month_quarter", 2)]
    return partial


def _q_notation(match: re.Match[str], text: str) -> Partial | None:
    """ "Q3", "H1 2024", "Q3 FY24" (the quarter of that fiscal year), and the analysts'
    "2Q24", "1H24" (number first, two-digit year)."""
    label = match["q"] or match["nq"][::-1]
    year = _year(match)
    short = match["yy"] or (match["fy"] if match["fy"] and len(match["fy"]) == 2 else None)
    if short:
        two = int(short)
        year = (1900 if two >= 50 else 2000) + two
    elif match["fy"]:
        year = int(match["fy"])
    if label[0] == "Q":
        return Partial(granularity="quarter", quarter=int(label[1]), year=year)
    return Partial(granularity="half", half=int(label[1]), year=year)


def _half_unit(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    unit = lex.unit_of(match["unit"]) or ""
    if not unit:
        return None
    return Partial(
        type="DURATION",
        granularity="unknown",
        duration=_duration_value(0.5, unit),
        mod=_quantity_mod(match, lex),
    )


def _unit_after_next(match: re.Match[str], text: str) -> Partial:
    """ "the week after next", "the year before last": two units on, or back."""
    offset = 2 if match["nrel"].lower().startswith("after") else -2
    if match["nunit"].lower() == "weekend":
        return Partial(granularity="weekend", unit="week", offset=offset, weekend=True)
    unit = lexicon().unit_of(match["nunit"]) or ""
    return Partial(granularity=_granularity_of_unit(unit), unit=unit, offset=offset)


def _unit_before_a_thing(match: re.Match[str], text: str) -> Partial | None:
    """ "resigned the day after his arrest on June 3": one day (week …) from the thing
    named after the signal, counted as "a day after his arrest" is.  After a comma it
    restates the date before it ("Oct. 12, the day before the plunge"): no count."""
    if text[max(0, match.start() - 3) : match.start()].rstrip().endswith(","):
        return None
    unit = lexicon().unit_of(match["aunit"]) or "day"
    return Partial(type="DURATION", granularity="unknown", duration=_duration_value(1.0, unit))


def _unit_before_after(match: re.Match[str], text: str) -> Partial:
    """ "the day before", "the night after", "the week before" with nothing after them
    (a noun or a date after them would be what they count from, "the day before the
    vote"): the one before (after) the date last told."""
    lex = lexicon()
    word = match["bunit"].lower()
    offset = -1 if match["btail"].lower() == "before" else 1
    if word in lex.parts_of_day:
        return _anchored_part_of_day(lex.parts_of_day[word], offset)
    unit = lex.unit_of(word) or "day"
    return Partial(granularity=_granularity_of_unit(unit), unit=unit, offset=offset, anchored=True)


def _anchored_part_of_day(part_of_day: str, offset: int) -> Partial:
    """That part of the day ``offset`` days from the date last told."""
    return Partial(
        type="TIME",
        granularity="part_of_day",
        unit="day",
        offset=offset,
        part_of_day=part_of_day,
        anchored=True,
    )


def _this_time_last(match: re.Match[str], text: str) -> Partial:
    """ "this time last year", "the same time last year", "this time a week ago": about
    the reference's day a year (a week) before."""
    if (match["tunit"] or match["tago"]).lower() == "year":
        return Partial(granularity="day", unit="day", offset=0, years_back=1, mod="APPROX")
    return Partial(granularity="day", unit="day", offset=-7, mod="APPROX")


def _this_day_in_year(match: re.Match[str], text: str) -> Partial:
    """ "on this day in 1945", "this week in 1969": the reference's day (week, month)
    in that year, as almanacs and anniversary pieces write it."""
    unit = _IN_YEAR_UNITS[match["iunit"].lower()]
    return Partial(granularity=unit, unit=unit, offset=0, in_year=int(match["iyear"]))


_IN_YEAR_UNITS: dict[str, Granularity] = {
    "day": "day",
    "date": "day",
    "week": "week",
    "month": "month",
}


def _anchored_dispatch(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    word = match["aunit"].lower()
    rel = match["arel"].lower()
    if word in lex.parts_of_day:
        # "the next morning", "that evening": a part of the day last named, or the next
        return _anchored_part_of_day(lex.parts_of_day[word], _ANCHORED_OFFSETS[rel])
    if rel == "next" and not match.group().lower().startswith("the"):
        return None  # "next week" without "the" is relative to now: the relative_unit rule
    return _anchored_day(match, text)


def _the_weekend(match: re.Match[str], text: str) -> Partial | None:
    return Partial(granularity="weekend", unit="week", offset=0, weekend=True, direction=-1)


def _weekends_plural(match: re.Match[str], text: str) -> Partial | None:
    """ "The market opens on weekends": every weekend (as "every weekend" is)."""
    return _set("P1WE", "EVERY")


def _midweek(match: re.Match[str], text: str) -> Partial | None:
    """ "by midweek", "a mid-week vote": the middle of the week of the reference."""
    return Partial(granularity="week", unit="week", offset=0, mod="MID")


def _per_unit(match: re.Match[str], text: str) -> Partial | None:
    lex = lexicon()
    word = match["every_unit"].lower()
    unit = "year" if word == "annum" else lex.unit_of(word) or "year"
    return Partial(
        type="SET",
        granularity="unknown",
        duration=_duration_value(1.0, unit),
        quant="EACH",
        freq=_times_before(text, match.start()),
    )


def _month_rel_year(match: re.Match[str], text: str) -> Partial | None:
    """ "June last year", "March 3 of next year": the month (or the day) of a year
    relative to the reference; "September of that year", "June the following year": of
    a year relative to the date last told."""
    lex = lexicon()
    words = match["yrel"].lower().split()
    anchored = "that" in words or "the" in words
    offset = _YEAR_OFFSETS[words[-1]]
    month = lex.month_of(match["month"])
    if match["rday"]:
        day = _day(match["rday"])
        return Partial(
            granularity="day",
            month=month,
            day=day,
            unit="year_part",
            offset=offset,
            anchored=anchored,
        )
    return Partial(
        granularity="month",
        month=month,
        unit="year_part",
        offset=offset,
        anchored=anchored,
        mod=_pmod(match, lex),  # "by end-March next year", "in early June last year"
    )


_YEAR_OFFSETS = {
    "this": 0,
    "that": 0,
    "same": 0,
    "last": -1,
    "previous": -1,
    "next": 1,
    "following": 1,
}


def _year_earlier(match: re.Match[str], text: str) -> Partial | None:
    """ "year-earlier profit": the period in question, a year before."""
    return Partial(granularity="year", unit="year", offset=-1, follow_context=True)


def _spoken_number(words: str) -> int | None:
    """ "nineteen ninety-four" → 1994, "two thousand" → 2000, "nineteen oh five" → 1905."""
    lex = lexicon()
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p and p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = lex.number_of(" ".join(parts[2:])) if parts[2:] else 0
        return 2000 + int(rest) if rest is not None else None
    century = lex.cardinals.get(parts[0])
    if century is None:
        return None
    if parts[1:] == ["hundred"]:
        return int(century) * 100
    rest_words = [p for p in parts[1:] if p != "oh"]
    rest = lex.number_of(" ".join(rest_words))
    return int(century) * 100 + int(rest) if rest is not None and rest < 100 else None


def _spoken_year(match: re.Match[str], text: str) -> Partial | None:
    """Years as transcripts write them: "nineteen ninety-four", "the year two thousand"."""
    year = _spoken_number(match["sy"])
    if year is None:
        return None
    if not match["sy_lead"] and not match["sy"].lower().startswith(("nineteen", "two thousand")):
        return None  # "twenty twenty" alone is too often a count
    if not match["sy_lead"]:
        lex = lexicon()
        following = _word_after(text, match.end())
        # no word at all, or one of the followers: nothing it could count
        if (
            following
            and following not in lex.spoken_year_followers
            and (lex.unit_of(following) or following in lex.not_after_number)
        ):
            return None  # "two thousand years", "nineteen hundred people": a count
    return Partial(granularity="year", year=year)


def _month_spoken_year(match: re.Match[str], text: str) -> Partial | None:
    year = _spoken_number(match["sy"])
    if year is None:
        return None
    return Partial(granularity="month", year=year, month=lexicon().month_of(match["month"]))


def _season_spoken_year(match: re.Match[str], text: str) -> Partial | None:
    year = _spoken_number(match["sy"])
    if year is None:
        return None
    return Partial(
        granularity="season", year=year, season=lexicon().seasons[match["season"].lower()]
    )


def _period_edge(match: re.Match[str], text: str) -> Partial | None:
    """ "the end of the year": this year (or month, week…), with its part as the mod."""
    lex = lexicon()
    unit = lex.unit_of(match["eunit"]) or "year"
    mod = lex.point_modifiers[match["edge"].lower()]
    return Partial(granularity=_granularity_of_unit(unit), unit=unit, offset=0, mod=mod)


def _weekday_plural(match: re.Match[str], text: str) -> Partial | None:
    """ "The council meets on Mondays": every Monday."""
    lex = lexicon()
    name = match["wds"]
    if not name.endswith("s"):
        if not match["pods"]:
            return None  # a single weekday is the weekday rule's
        name += "s"
    weekday = lex.weekday_of(name[:-1])
    pod = lex.parts_of_day[match["pods"].lower()[:-1]] if match["pods"] else ""
    suffix = f"T{pod}" if pod else ""
    return Partial(
        type="SET", granularity="unknown", duration=f"XXXX-WXX-{weekday}{suffix}", quant="EVERY"
    )


def _weekday_of_week(match: re.Match[str], text: str) -> Partial | None:
    """ "Wednesday last week": that weekday of the shifted week."""
    weekday = lexicon().weekday_of(_POSSESSIVE_S.sub("", match["wd"]))
    offset = {"last": -1, "this": 0, "next": 1}[match["wrel"].lower()]
    return Partial(granularity="day", weekday=weekday, unit="week", offset=offset)


# Which anchor classes each rule's matches always contain a word of:
# M month, W weekday, D a four-digit number or a year with its era, T a clock time or
# a numeric date, L the letters of "Q3"/"H1", U any unit word, and narrower ones:
# Q quarter/half/period, C century, E weekend, K week, G year, V a plural unit;
# S season, P part of day, Y today/yesterday…, R PRESENT_REF, J PAST_REF and
# I FUTURE_REF words, A set words, H holiday words, N spoken numbers, X decade
# words, B period edges ("end"), F half, O anchored relations ("following"),
# Z the rare word of "at present", "year earlier", "year ago"; n the "next" of "after
# next" and the "last" of "before last"; f the fiscal mark "FY"
# (its digits follow a letter, so they anchor nothing themselves).
# The rules whose letters are all lower case inside (?i:…) and none outside: they scan
# lower-cased text (see `lowered`).  tests/test_recognize_lowered.py checks this list
# against each pattern's parse tree, both ways.
# fmt: off
LOWER_CASE_RULES = frozenset({
    "anchored_day", "at_present", "counted", "day_of_month", "day_word", "decade",
    "dotted_date", "earlier_in_the_unit", "every_counted", "future_ref", "half_unit", "holiday",
    "hour_before_part_of_day", "midweek", "named_day", "numeric_date", "slash_month_day",
    "part_of_day_first", "past_ref", "per_unit", "period_edge", "present_ref", "quarter",
    "relative_unit", "season", "season_spoken_year", "set_adverb", "spoken_year",
    "that_unit", "the_week", "the_weekend", "the_year", "this_day_in_year", "this_part_of_day",
    "this_time_last", "unit_before_after",
    "unit_after_next", "unit_long", "unit_to_date",
    "vague_units", "weekends_plural", "year_earlier", "year_end", "year_first_slash_date",
    "year_range",
})
# fmt: on

# The second word class some rules' matches always hold (see `Rule.requires`): the
# windows of their month names are scanned only where one stands.
_RULE_REQUIRES: dict[str, str] = {
    "month_spoken_year": "N",  # "May nineteen ninety"
    "month_rel_year": "G",  # "March of last year"
    "month_quarter": "Q",  # "the March quarter"
    # unit words are everywhere in news; these phrases' other word is far rarer
    "unit_to_date": "t",  # "year to date"
    "unit_long": "g",  # "a week-long strike"
    "that_unit": "h",  # "that day", "later that week"
    "earlier_in_the_unit": "e",  # "earlier in the day"
    "unit_before_after": "b",  # "the day before"
    "unit_before_a_thing": "b",  # "the day after his arrest"
    "relative_unit": "r",  # "last year", "the coming months"
    "weekday_plural": "w",  # "Mondays", "Monday mornings"
}

_RULE_ANCHORS: dict[str, str] = {
    "iso_date": "D",
    "numeric_date": "T",
    "slash_month_day": "T",
    "named_day": "T",
    "year_first_slash_date": "D",
    "dotted_date": "D",
    "day_month_year_hyphens": "M",
    "month_day": "M",
    "day_month": "M",
    "month_year": "M",
    "year_earlier": "Z",
    "spoken_year": "N",
    "month_spoken_year": "M",
    "season_spoken_year": "S",
    "period_edge": "B",
    "month_rel_year": "M",
    "the_year": "G",
    "the_week": "K",
    "year_end": "B",
    "unit_to_date": "U",
    "earlier_in_the_unit": "U",
    "month": "M",
    "weekday_of_week": "K",
    "weekday": "W",
    "year": "Df",
    "year_range": "D",
    "fiscal_year_short": "f",
    "day_of_month": "d",
    "decade": "DX",
    "century": "C",
    "season": "S",
    "quarter": "Q",
    "q_notation": "DL",
    "month_span": "M",
    "month_quarter": "M",
    "relative_unit": "U",
    "counted": "U",
    "half_unit": "F",
    "vague_units": "V",
    "unit_long": "U",
    "day_word": "Y",
    "this_part_of_day": "P",
    "part_of_day_first": "P",
    "anchored_day": "O",
    "that_unit": "UP",
    "this_day_in_year": "D",
    "this_time_last": "GK",
    "unit_before_after": "UP",
    "unit_before_a_thing": "U",
    "unit_after_next": "n",
    "nth_weekday_of_every": "A",
    "time_of_day": "T",
    "clock_before_a_shared_meridiem": "T",
    "hour_before_part_of_day": "T",
    "clock_24": "T",
    "military_time": "D",
    "noon": "P",
    "holiday": "H",
    "week_of": "KE",
    "the_weekend": "E",
    "midweek": "EK",
    "weekends_plural": "E",
    "set_adverb": "A",
    "weekday_plural": "W",
    "at_present": "Z",
    "every": "A",
    "every_counted": "A",
    "per_unit": "A",
    "present_ref": "R",
    "past_ref": "J",
    "future_ref": "I",
}


# The classes of month and weekday names: their rules match them Capitalized or
# UPPER-CASE only (see `_month_pattern`), so a lower-case one anchors nothing
CAPITALIZED_CLASSES = ("M", "W")


@lru_cache(maxsize=1)
def anchor_classes() -> dict[str, tuple[str, ...]]:
    """Lower-case word → the anchor classes it belongs to, from the language data."""
    lex = lexicon()
    classes: dict[str, set[str]] = {}

    def add(words: Iterable[str], name: str, *, avoid: Iterable[str] = ()) -> None:
        # one word of each phrase suffices (every match of the phrase contains it): the
        # rarest-looking one, so "the future" does not make every "the" an anchor, nor
        # "Good Friday" every Friday when ``avoid`` names the weekdays
        avoided = frozenset(avoid)

        def rarity(word: str) -> tuple[bool, bool, int]:
            return (
                word not in lex.common_words and word not in avoided,
                word not in avoided,
                len(word),
            )

        for phrase in words:
            found = re.findall(r"[^\W\d_]+", phrase.lower())
            if found:
                classes.setdefault(max(found, key=rarity), set()).add(name)

    add(lex.months, "M")
    add(lex.weekdays, "W")
    add([w + "s" for w in lex.weekdays if w.endswith("day")], "W")
    add([*lex.units, *lex.unit_plurals, "half", "period", "year", "years"], "U")
    add(lex.seasons, "S")
    add([*lex.parts_of_day, "noon", "midnight", "midday", "tonight"], "P")
    add(lex.day_words, "Y")
    add(lex.present_ref, "R")
    add(lex.past_ref, "J")
    add(lex.future_ref, "I")
    add(["at present", "year earlier", "year ago"], "Z")
    add([*lex.set_adverbs, "every", "each", "per"], "A")
    holidays = [
        *lex.fixed_holidays,
        *lex.nth_weekday_holidays,
        *lex.easter_holidays,
        *lex.orthodox_easter_holidays,
    ]
    add(holidays, "H", avoid=[*lex.weekdays, "year"])
    # the edges of periods and the anchored relations are shared with their rules'
    # patterns: far rarer than the unit words the same rules also contain
    add(lex.period_edges, "B")
    add(["year end"], "B")
    add(["half"], "F")
    add(lex.anchored_relations, "O")
    add(["nineteen", "eighteen", "twenty", "thousand"], "N")
    add(lex.decade_words, "X")
    add(["q", "h"], "L")
    add(["fy"], "f")  # "FY2024", "FY24": a year glued to its fiscal mark
    add(["quarter", "quarters", "half", "period"], "Q")
    add(["century", "centuries"], "C")
    add(["weekend", "weekends", "midweek"], "E")
    add(["week"], "K")
    add(["year", "years"], "G")
    add(list(lex.unit_plurals), "V")
    add(["next", "last"], "n")  # of "after next" and "before last"
    # required besides an anchor (`_RULE_REQUIRES`)
    add(["date"], "t")
    add(["long"], "g")
    add(["that"], "h")
    add(["earlier", "later"], "e")
    add(["before", "after"], "b")
    add(["this", "last", "past", "next", "coming", "current"], "r")
    add(["following", "previous", "preceding", "present"], "r")
    plural_days = [w + "s" for w in lex.weekdays if w.endswith("day")]
    add([*plural_days, "mornings", "afternoons", "evenings", "nights"], "w")
    return {word: tuple(sorted(names)) for word, names in classes.items()}


# Runs of digits that can start a date or a time, each named by its anchor class:
# four-digit years, decades ("'90s", "1990s") and eras ("44 BC") are "D"; clock times
# and numeric dates ("3:30", "3/5/2021", "3 p.m.", "4 in the morning") are "T".  Other
# numbers ("12 percent", "1.5 billion") anchor nothing, and never leave the regex engine.
# Read without regard to case (an anchor may be a little too eager, "44 bc", which only
# widens a window); `digit_anchor_pattern` says the same for lower-cased text.
_CLOCK_TAIL = (
    r"\s{0,2}(?:a\.?\s?m\b|p\.?\s?m\b)"
    r"|\s{1,3}(?:in\s{1,3}the\s{1,3}(?:morning|afternoon|evening)|at\s{1,3}night)\b"
)
# a dot is a clock's only before a time of day ("7.30 p.m."): the decimals of figures
# and prices, many in financial news, open no window
_TIME_TAIL = rf"[:/]\d|(?:\.[0-5]\d)?(?:{_CLOCK_TAIL})|\s{_PART_OF_DAY_AFTER_HOUR.lower()}\b"
_ERA_TAIL = r"\s{1,3}(?:b\.?c|a\.?d|bce|ce)\b|s\b"
# "A.D. 79", "AD 1066": the era before the year, one white-space character between
_ERA_HEAD = r"(?<=a\.d\.\s)|(?<=(?<![^\W\d_])ad\s)"
_ORDINAL_TAIL = r"(?:st|nd|rd|th)(?![^\W\d_])"
_DIGIT_ANCHORS = (
    rf"(?<!\d)(?:(?P<D>\d{{4}}(?!\d))|(?P<T>\d++(?={_TIME_TAIL}))"
    rf"|(?P<E>\d++(?={_ERA_TAIL})|(?<=['’])\d++|(?:{_ERA_HEAD})\d++)"
    rf"|(?P<d>\d{{1,2}}+(?={_ORDINAL_TAIL})))"
)


# the same look-behinds, past the first digit that the lowered pattern consumes
_ERA_HEAD_LOWERED = r"(?<=a\.d\.\s\d)|(?<=(?<![^\W\d_])ad\s\d)"


@lru_cache(maxsize=1)
def digit_anchor_pattern() -> re.Pattern[str]:
    """The runs of digits of `anchor_pattern` alone, for lower-cased text.

    It starts by consuming a digit, so the regex engine jumps from digit to digit in C
    instead of trying the pattern at every character; the look-behinds then look back
    past that first digit.
    """
    return re.compile(
        rf"\d(?<![^\W_]\d)(?:(?P<D>\d{{3}}(?!\d))|(?P<T>\d*+(?={_TIME_TAIL}))"
        rf"|(?P<E>\d*+(?={_ERA_TAIL})|(?<=['’]\d)\d*+|(?:{_ERA_HEAD_LOWERED})\d*+)"
        rf"|(?P<d>\d?+(?={_ORDINAL_TAIL})))"
    )


@lru_cache(maxsize=1)
def anchor_pattern() -> re.Pattern[str]:
    """One case-insensitive regex for every anchor word (as a trie) and every anchoring
    run of digits (its group, "D", "E" or "T", names its class).

    `anchor_positions` reads lower-cased text faster without it (words split out and
    looked up, digits by `digit_anchor_pattern`); it serves for text whose lower-casing
    would move offsets or fold letters differently, and as the reference the fast path
    is tested against.
    """
    words = sorted(anchor_classes())
    return re.compile(
        r"(?<![^\W\d_])(?:" + _trie(words) + r"(?![^\W\d_])|" + _DIGIT_ANCHORS + ")",
        re.IGNORECASE,
    )


def _trie(words: list[str]) -> str:
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


_Trie = dict[str, "_Trie"]


def _trie_pattern(node: _Trie) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if ends else body


def _the_year(match: re.Match[str], text: str) -> Partial | None:
    """ "for the year ended Sept. 30" is a year-long stretch; "sales for the full year" is
    the reporting year, the one of the reference (the latest: the one before)."""
    following = _word_after(text, match.end())
    if following in ("ended", "ending", "to", "through", "before", "after", "ago", "earlier"):
        if following in ("ended", "ending") or _closed_by_a_month(text, match.end()):
            # "the year to March" (British usage): the twelve months up to its end
            return Partial(type="DURATION", granularity="unknown", duration="P1Y")
        return None  # "the year to date", "the year before"
    kind = " ".join((match["ykind"] or "").lower().split())
    offset = -1 if kind.startswith("latest") else 0
    # "reported a loss for the full year": the last year completed, when told as past
    direction = -1 if kind == "full" else None
    return Partial(granularity="year", unit="year", offset=offset, direction=direction)


def _closed_by_a_month(text: str, end: int) -> bool:
    """A month's name (or a day of one) right after the "to"/"through" that follows
    ``end``: "to March", "through Sept. 30"."""
    words = _two_words_after(text, end).split(" ")
    return len(words) == 2 and words[1].lower().rstrip(".") in lexicon().months


def _unit_to_date(match: re.Match[str], text: str) -> Partial | None:
    """ "the year to date", "month-to-date": the current period up to the reference day."""
    unit = match["unit"].lower()
    return Partial(granularity=_granularity_of_unit(unit), unit=unit, offset=0, so_far=True)


def _the_week(match: re.Match[str], text: str) -> Partial | None:
    """ "during the week": the week of the reference; "in the week to July 16": a length,
    the seven days that end on the day named after it."""
    if _CLOSED_BY_A_DATE.match(text, match.end()):
        return Partial(type="DURATION", granularity="unknown", duration="P1W")
    if _word_after(text, match.end()) in ("ended", "ending"):
        return None  # "the week ended with a rally": the week's close, not a date
    return Partial(granularity="week", unit="week", offset=0)


# "to", "through", "ended" or "ending" and a date's first word: a month's name or a number
_CLOSED_BY_A_DATE = re.compile(r"\s{1,3}(?i:to|through|ended|ending)\s{1,3}(?=[A-Z0-9])")


def _year_end(match: re.Match[str], text: str) -> Partial | None:
    """ "by year-end", "by year's end": the end of the reference year."""
    return Partial(granularity="year", unit="year", offset=0, mod="END")
