"""Language knowledge is data: every lexicon loads through the one loader and is sane."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from timeline.recognize import recognize
from timeline.recognize.lexicon import Lexicon, lexicon
from timeline.resources import LEXICONS, load_lexicon
from timeline.text import Grammar, grammar_words, verb_lemma

EN = Path(str(resources.files("timeline.resources").joinpath("en")))

#: the top-level keys of the lexicons that are JSON objects
TOP_LEVEL_KEYS: dict[str, set[str]] = {
    "calendar": {
        "months", "weekdays", "seasons", "parts_of_day", "units", "unit_plurals",
        "set_adverbs", "relative_past", "relative_future", "relative_this", "day_words",
        "present_ref", "past_ref", "future_ref", "point_modifiers", "quantity_modifiers",
        "signals", "event_relative", "time_zones", "parts_of_day_before_day", "named_days",
        "named_day_nouns",
    },
    "numbers": {"scales", "cardinals", "tens", "vague", "ordinals", "decade_words"},
    "verbs": {
        "irregular", "regular", "auxiliaries", "scheduling", "lasting", "ending", "intransitive",
        "doubling",
    },
    "tense": {
        "future", "present", "present_perfect", "past", "not_past", "determiners",
        "intent", "irrealis_verbs", "result_particles", "intent_needs_to", "intent_after_be",
        "plan_verbs_past", "reporting",
        "attribution", "delay_verbs", "base_form_before", "adverbs_in_verb_group",
        "reported_period_nouns", "forecast_nouns", "future_nouns",
        "possibility_modals", "before_a_past_possibility", "negative_subjects",
    },
    "negatives": {
        "phrases", "may_followers", "march_verb_followers", "march_name_links",
        "not_after_number", "not_before_year", "labels_before_of_a_number",
        "before_minutes_of_a_meeting", "after_minutes_of_a_meeting", "match_period_cues",
        "nouns_before_a_named_person",
    },
    "holidays": {"fixed", "nth_weekday", "easter", "orthodox_easter"},
    "grammar": {
        "clause_openers", "subject_starts", "not_nouns_after_dates", "adverbs_before_dates",
        "adverbs_after_fronted_dates", "verb_group_inside", "superlatives", "level_nouns",
        "comparison_prepositions",
        "saying_date_words", "relatives_after_comma", "conjunct_links",
        "adverbs_opening_a_conjunct", "object_openers", "modals", "be_forms_shared",
        "have_forms_shared", "appositive_determiners", "aside_prepositions",
        "auxiliary_openers", "finite_auxiliaries", "prepositions_before_nouns",
        "conjunctions", "not_heads_of", "shares_of_a_group", "negations", "do_forms",
        "noun_phrase_determiners",
        "stop_before_noun", "state_abbreviations",
        "dangling_words", "lead_in", "soft_breaks", "relative_pronouns",
        "cardinals_before_nouns", "subordinators", "be_forms_before_intent", "future_modals",
        "finite_cues", "linking_forms", "subject_pronouns", "base_form_cues",
        "ing_clause_cues", "premodifiers", "adjectives_before_nouns", "openers_of_noun_phrases",
        "signals_relating_to_a_thing", "signals_on_or_after", "signals_excluding",
        "signals_ahead_of", "signals_of_deadlines", "signals_ahead", "articles",
        "lemmas_not_doing_their_object", "comparison_words", "openers_of_a_part",
        "possessive_owners",
        "parallel_prepositions", "verb_particles", "possibility_modals",
        "hedges_before_anchors", "anchor_determiners", "stopwords_of_events",
        "not_participants", "adverbs_of_habit", "words_of_recurring_days",
        "adverbs_inside_a_verb_group", "prepositions_of_an_occasion",
        "prepositions_ending_a_subject",
        "fixture_prepositions", "after_an_opponent", "signals_ending_a_delay",
        "start_words_before_dates", "pronouns_before_a_plural_verb",
        "plural_pronouns_opening_a_clause", "places_after_a_plural",
        "abbreviations_in_lower_case", "count_openers", "verbs_going_back",
        "subordinating_signals", "anaphors_of_a_date", "signals_before_anaphors",
        "owners_of_a_dated_thing", "prepositions_fronting_a_scene",
        "prepositions_opening_a_description", "contact_clause_subjects",
        "coordinators_of_clauses", "ordinals_opening_noun_phrases",
        "verbs_of_telling", "predicates_of_the_clause_before",
        "function_words", "be_forms_in_verb_group",
        "have_forms_in_verb_group", "clitics", "linking_verbs",
    },
    "context": {
        "year_prepositions", "date_prepositions", "month_introducers",
        "bare_month_abbreviations", "temporal_neighbours", "day_of_month_signals",
        "day_of_month_followers", "period_back_relations", "someday_cues", "last_verb_cues",
        "inside_modifiers", "adverb_followers", "current_noun_followers",
        "quarterly_followers", "spoken_year_followers", "common_words", "period_edges",
        "anchored_relations", "words_after_a_part_of_day_not_told", "range_openers",
        "verbs_going_on_to_an_end",
    },
}  # fmt: skip

DECADE_WORDS = (
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
)  # fmt: skip

#: lexicons whose whole content is a list of strings
LIST_LEXICONS = {"abbreviations"}

TIMEX_MODS = {
    "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE", "APPROX",
}  # fmt: skip


def _pairs_checked(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    folded = [key.casefold() for key in keys]
    duplicates = sorted({key for key in keys if folded.count(key.casefold()) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys (ignoring case): {duplicates}")
    return dict(pairs)


def _raw(name: str) -> Any:
    """The file parsed so that a repeated key (json.load keeps the last) is an error."""
    return json.loads(
        (EN / f"{name}.json").read_text(encoding="utf-8"), object_pairs_hook=_pairs_checked
    )


def _string_lists(node: Any, path: str) -> Iterator[tuple[str, list[str]]]:
    if path == "verbs.irregular":
        return  # [past, participle] pairs: "bent", "bent" is no duplicate
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _string_lists(value, f"{path}.{key}")
    elif isinstance(node, list) and node and all(isinstance(item, str) for item in node):
        yield path, node


def test_every_file_is_listed() -> None:
    files = sorted(path.stem for path in EN.glob("*.json"))
    assert files == sorted(LEXICONS)


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_loads_with_expected_shape(name: str) -> None:
    data = load_lexicon(name)
    assert data == _raw(name)
    if name in LIST_LEXICONS:
        assert isinstance(data, list)
        assert data
        assert all(isinstance(item, str) and item for item in data)
    else:
        assert isinstance(data, dict)
        assert set(data) == TOP_LEVEL_KEYS[name]


@pytest.mark.parametrize("name", LEXICONS)
def test_no_duplicate_keys_ignoring_case(name: str) -> None:
    _raw(name)  # raises on a repeated key at any depth


@pytest.mark.parametrize("name", LEXICONS)
def test_word_lists_have_no_duplicates(name: str) -> None:
    data = _raw(name)
    lists = [("", data)] if isinstance(data, list) else list(_string_lists(data, name))
    repeated = {
        path: sorted({w for w in words if [v.casefold() for v in words].count(w.casefold()) > 1})
        for path, words in lists
    }
    assert {path: words for path, words in repeated.items() if words} == {}


def test_keys_are_lower_case() -> None:
    calendar = load_lexicon("calendar")
    for table in ("months", "weekdays", "seasons", "parts_of_day", "units", "day_words"):
        assert all(key == key.lower() for key in calendar[table]), table


def test_months_map_to_1_through_12() -> None:
    months = load_lexicon("calendar")["months"]
    assert all(isinstance(n, int) and 1 <= n <= 12 for n in months.values())
    assert set(months.values()) == set(range(1, 13))
    assert months["january"] == 1
    assert months["december"] == 12
    assert months["sept"] == 9


def test_weekdays_map_to_1_through_7() -> None:
    weekdays = load_lexicon("calendar")["weekdays"]
    assert all(isinstance(n, int) and 1 <= n <= 7 for n in weekdays.values())
    assert set(weekdays.values()) == set(range(1, 8))
    assert weekdays["monday"] == 1  # ISO 8601: Monday is 1, Sunday 7
    assert weekdays["sunday"] == 7


def test_calendar_values() -> None:
    calendar = load_lexicon("calendar")
    assert set(calendar["seasons"].values()) == {"SP", "SU", "FA", "WI"}
    assert calendar["day_words"] == {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "overnight": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    assert set(calendar["point_modifiers"].values()) <= TIMEX_MODS
    assert set(calendar["quantity_modifiers"].values()) <= TIMEX_MODS
    for word, (period, part) in calendar["set_adverbs"].items():
        assert isinstance(period, str), word
        assert period.startswith("P"), word
        assert part is None or isinstance(part, str), word
    assert calendar["set_adverbs"]["annually"][0] == "P1Y"
    assert calendar["set_adverbs"]["monthly"][0] == "P1M"
    assert set(calendar["unit_plurals"].values()) <= set(calendar["units"])


def test_numbers_values() -> None:
    numbers = load_lexicon("numbers")
    for table in ("scales", "cardinals", "tens", "ordinals", "decade_words"):
        assert all(isinstance(n, int) and n >= 0 for n in numbers[table].values()), table
    # a scale multiplies the number before it ("66 million"), so it is a power of 1000
    assert all(n >= 10**6 and len(str(n)) % 3 == 1 for n in numbers["scales"].values())
    assert numbers["ordinals"]["first"] == 1
    assert numbers["ordinals"]["thirty-first"] == 31
    assert set(numbers["ordinals"].values()) == set(range(1, 32))
    # the decade's digit: "the nineties" is 199X
    assert numbers["decade_words"] == dict(zip(DECADE_WORDS, range(2, 10), strict=True))
    assert numbers["cardinals"]["twelve"] == 12


def test_holidays_values() -> None:
    holidays = load_lexicon("holidays")
    for name, (month, day) in holidays["fixed"].items():
        assert 1 <= month <= 12, name
        assert 1 <= day <= 31, name
    for name, rule in holidays["nth_weekday"].items():
        month, weekday, nth, *after = rule  # optional: days after that weekday
        assert len(after) <= 1, name
        assert all(0 <= a <= 6 for a in after), name
        assert 1 <= month <= 12, name
        assert 1 <= weekday <= 7, name
        assert nth in (-1, 1, 2, 3, 4, 5), name  # -1: the last one in the month
    assert holidays["fixed"]["christmas"] == [12, 25]
    assert holidays["nth_weekday"]["thanksgiving"] == [11, 4, 4]  # fourth Thursday
    assert all(isinstance(offset, int) for offset in holidays["easter"].values())
    assert holidays["easter"]["easter"] == 0
    assert holidays["nth_weekday"]["election day"] == [11, 1, 1, 1]  # Tuesday after 1st Monday
    assert holidays["orthodox_easter"]["orthodox easter"] == 0


def test_verbs_values() -> None:
    verbs = load_lexicon("verbs")
    for lemma, forms in verbs["irregular"].items():
        assert isinstance(forms, list), lemma
        assert len(forms) == 2, lemma
        assert all(isinstance(form, str) and form for form in forms), lemma
    assert all(isinstance(verb, str) and verb == verb.lower() for verb in verbs["regular"])
    assert "was" in verbs["auxiliaries"]
    # lemmas, as `verb_lemma` gives them ("fled" → "flee")
    assert all(verb.isalpha() and verb == verb.lower() for verb in verbs["intransitive"])
    # verbs that double their last consonant must be verbs the lexicon knows
    known = set(verbs["regular"]) | set(verbs["irregular"])
    assert set(verbs["doubling"]) <= known


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        ("beginning", "begin"),
        ("admitting", "admit"),
        ("admitted", "admit"),
        ("occurring", "occur"),
        ("stopping", "stop"),
        ("opening", "open"),
        ("opened", "open"),
        ("visiting", "visit"),
    ],
)
def test_verb_forms_double_the_last_consonant_only_where_english_does(
    form: str, lemma: str
) -> None:
    assert verb_lemma(form) == lemma


def test_grammar_values() -> None:
    grammar = load_lexicon("grammar")
    for key, entry in grammar.items():
        # JSON has no comments: each class says what it is for
        assert isinstance(entry.get("about"), str), key
        assert entry["about"], key
        lists = [v for k, v in entry.items() if k != "about"]
        assert lists, key
        for words in lists:
            assert isinstance(words, list), key
            assert words, key
            # matched against lower-cased tokens ("." and clitics are tokens too)
            assert all(isinstance(w, str) and w and w == w.lower() for w in words), key
    words = {key: set(entry.get("words", ())) for key, entry in grammar.items()}
    # "may" after a date is as likely the month: no finite auxiliary there
    assert words["finite_auxiliaries"] == words["auxiliary_openers"] - {
        "also", "then", "later", "may",
    }  # fmt: skip
    assert words["adverbs_opening_a_conjunct"] <= words["auxiliary_openers"]
    assert words["be_forms_shared"] <= words["be_forms_in_verb_group"]
    assert set(grammar["lead_in"]) == {"about", "prepositions", "articles", "adjectives", "parts"}


def test_signal_kinds_name_recognized_signals() -> None:
    """A kind of signal holds only signals that recognition can report: a word missing
    from calendar.json's "signals" would never match ``TimeExpression.signal``."""
    signals = set(load_lexicon("calendar")["signals"])
    for key, entry in load_lexicon("grammar").items():
        if key.startswith("signals_"):
            assert set(entry["words"]) <= signals, key
    # "ahead of Friday's vote" and "by Friday's deadline" both keep the clause's tense
    kinds = grammar_words()
    assert kinds.signals_ahead_of <= kinds.signals_ahead
    assert kinds.signals_ahead - kinds.signals_ahead_of <= kinds.signals_of_deadlines
    # compared with the words of four letters or more that an event's description holds
    assert all(len(word) >= 4 for word in kinds.stopwords_of_events)


def test_grammar_loads_every_class() -> None:
    """Every class of grammar.json is a field of `Grammar`, so none is read by no rule."""
    fields = {field.name for field in dataclasses.fields(Grammar)}
    assert set(load_lexicon("grammar")) <= fields
    loaded = grammar_words()
    assert loaded.sharable_auxiliaries == loaded.modals | loaded.be_forms_shared | (
        loaded.have_forms_shared
    )
    assert "and" in loaded.clause_openers
    assert loaded.lead_in.articles == ("the", "a")


def test_context_values() -> None:
    context = load_lexicon("context")
    for key, entry in context.items():
        # JSON has no comments: each class says what it is for
        assert set(entry) == {"about", "words"}, key
        assert isinstance(entry["about"], str), key
        assert entry["about"], key
        words = entry["words"]
        assert isinstance(words, list), key
        assert words, key
        # compared with lower-cased words, a phrase's words one space apart; "no word"
        # ("") is for a rule to accept, not a word of the data
        for word in words:
            assert isinstance(word, str), key
            assert word, key
            assert word == " ".join(word.lower().split()), key
    words = {key: set(entry["words"]) for key, entry in context.items()}
    # the loader adds the date prepositions to the month's introducers: not again here
    assert not words["month_introducers"] & words["date_prepositions"]
    calendar = load_lexicon("calendar")
    # a bare abbreviation rejects a month's name, so it must be one
    assert words["bare_month_abbreviations"] <= set(calendar["months"])
    # "the end of the year": the edge's word gives the expression's mod
    assert words["period_edges"] <= set(calendar["point_modifiers"])


def test_context_loads_every_class() -> None:
    """Every class of context.json is a field of `Lexicon`, so none is read by no rule."""
    context = load_lexicon("context")
    fields = {field.name for field in dataclasses.fields(Lexicon)}
    assert set(context) <= fields
    lex = lexicon()
    introducers = frozenset(context["month_introducers"]["words"])
    assert lex.month_introducers == lex.date_prepositions | introducers
    # every anchored relation has its shift from the date last told
    for relation in lex.anchored_relations:
        text = f"The talks began on May 3, 2001 and ended the {relation} morning."
        spans = [text[c.start : c.end] for c in recognize(text)]
        assert spans == ["May 3, 2001", f"the {relation} morning"], relation


def test_modals_are_auxiliaries_of_the_verb_list() -> None:
    # text._is_content_verb tests the auxiliaries before the modals, to skip most words
    verbs = load_lexicon("verbs")
    assert set(grammar_words().modals) <= set(verbs["auxiliaries"])
