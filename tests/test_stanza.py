"""The stanza adapter, on real ``stanza.Document``s read from hand-checked CoNLL-U files.

No test downloads anything: parsed documents come from ``fixtures/conllu``, and the
pipeline tests point ``STANZA_RESOURCES_DIR`` at an empty folder.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

stanza = pytest.importorskip("stanza")

from stanza.utils.conll import CoNLL  # noqa: E402

from timeline import ModelNotAvailableError, extract_timeline  # noqa: E402
from timeline.nlp.stanza import (  # noqa: E402
    PROCESSORS,
    StanzaAnalysis,
    analysis_from_document,
    download_models,
    stanza_analysis,
)
from timeline.text import BuiltinAnalysis  # noqa: E402

pytestmark = pytest.mark.stanza

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "conllu"
PUBLISHED = "2021-03-30"

ENACTED = (
    "But in December, Mexico enacted a law requiring U.S. authorities to report their contacts."
)
WILL_ENACT = "Officials said Mexico will enact the law in December."
SLOWDOWN = (
    "The slowdown began last year after U.S. agents arrested Cienfuegos, "
    "Mexico's defense minister from 2012 to 2018, on drug charges."
)
NO_TEXT = "Cienfuegos was arrested in October 2020. He has returned to Mexico since January."
RELATIVE = "In December, Mexico, which has long resisted U.S. pressure, will enact the law."


def load(name: str, *, reconstruct_text: bool = False) -> Any:
    """A real stanza.Document from a fixture, as a user holding CoNLL-U would build it."""
    return CoNLL.conll2doc(input_file=str(FIXTURES / name), reconstruct_text=reconstruct_text)


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


# ------------------------------------------------------------ the public API

# (fixture, expected text, [(expression, value, tense)], [(trigger, relation, start, end)])
TIMELINE_CASES = [
    pytest.param(
        "enacted_offsets_ner.conllu",
        ENACTED,
        [("December", "2020-12", "past")],
        [("enacted", "in", date(2020, 12, 1), date(2020, 12, 31))],
        id="past-in-december",
    ),
    pytest.param(
        "will_enact.conllu",
        WILL_ENACT,
        [("December", "2021-12", "future")],
        [("enact", "in", date(2021, 12, 1), date(2021, 12, 31))],
        id="future-via-will",
    ),
    pytest.param(
        "slowdown_appos.conllu",
        SLOWDOWN,
        [("last year", "2020", "past"), ("2012", "2012", "past"), ("2018", "2018", "past")],
        [
            ("minister", "from…to", date(2012, 1, 1), date(2018, 12, 31)),
            ("began", "in", date(2020, 1, 1), date(2020, 12, 31)),
        ],
        id="appositive-range",
    ),
    pytest.param(
        "no_text_two_sentences.conllu",
        NO_TEXT,
        [("October 2020", "2020-10", "past"), ("January", "2021-01", "past")],
        [
            ("arrested", "in", date(2020, 10, 1), date(2020, 10, 31)),
            ("returned", "since", date(2021, 1, 1), date(2021, 3, 30)),
        ],
        id="rebuilt-text",
    ),
    pytest.param(
        "relative_clause_future.conllu",
        RELATIVE,
        [("December", "2021-12", "future")],
        [("enact", "in", date(2021, 12, 1), date(2021, 12, 31))],
        id="tree-beats-cue-words",
    ),
]


@pytest.mark.parametrize(
    "reconstruct_text", [False, True], ids=["doc-without-text", "doc-with-text"]
)
@pytest.mark.parametrize(("fixture", "text", "expressions", "events"), TIMELINE_CASES)
def test_extract_timeline_from_document(
    fixture: str,
    text: str,
    expressions: list[tuple[str, str, str]],
    events: list[tuple[str, str, date, date]],
    reconstruct_text: bool,
) -> None:
    doc = load(fixture, reconstruct_text=reconstruct_text)
    timeline = extract_timeline(doc, published=PUBLISHED)
    assert timeline.text == text
    assert [(e.text, e.value, e.tense) for e in timeline.expressions] == expressions
    for expression in timeline.expressions:
        assert text[expression.span[0] : expression.span[1]] == expression.text
    # Events anchored on other events (the anchoring stage) may come in between.
    found = [(e.trigger, str(e.relation), e.start, e.end) for e in timeline.events]
    assert _subsequence(events, found), found


def _subsequence(wanted: list[Any], found: list[Any]) -> bool:
    rest = iter(found)
    return all(any(item == candidate for candidate in rest) for item in wanted)


def test_tree_disagrees_with_cue_words_where_it_should() -> None:
    # The same sentence as plain text: the nearest cue word is "has (long) resisted".
    builtin = extract_timeline(RELATIVE, published=PUBLISHED)
    parsed = extract_timeline(load("relative_clause_future.conllu"), published=PUBLISHED)
    assert [e.value for e in builtin.expressions] == ["2020-12"]
    assert [e.value for e in parsed.expressions] == ["2021-12"]
    assert [e.lemma for e in parsed.events] == ["enact"]


# --------------------------------------------------------------- the analysis


def test_offsets_from_misc_index_the_rebuilt_text() -> None:
    analysis = analysis_from_document(load("enacted_offsets_ner.conllu"))
    assert isinstance(analysis, StanzaAnalysis)
    assert analysis.backend == "stanza"
    assert [s.text for s in analysis.sentences] == [ENACTED]
    tokens = analysis.tokens(0)
    assert all(analysis.text[t.start : t.end] == t.text for t in tokens)
    enacted = next(t for t in tokens if t.text == "enacted")
    assert (enacted.lemma, enacted.upos, enacted.head) == ("enact", "VERB", -1)
    assert enacted.deprel == "root"
    assert "Tense=Past" in (enacted.feats or "")
    december = next(t for t in tokens if t.text == "December")
    assert tokens[december.head or 0].text == "enacted"


def test_text_rebuilt_from_tokens_respects_space_after() -> None:
    analysis = analysis_from_document(load("no_text_two_sentences.conllu"))
    assert analysis.text == NO_TEXT
    assert [(s.index, s.text) for s in analysis.sentences] == [
        (0, "Cienfuegos was arrested in October 2020."),
        (1, "He has returned to Mexico since January."),
    ]
    second = analysis.tokens(1)
    assert second[0].start == NO_TEXT.index("He")
    assert second[0].head == 2  # "He" → "returned", 0-based within its sentence


def test_text_comment_is_used_when_the_doc_has_no_text() -> None:
    doc = load("will_enact.conllu")
    assert doc.text is None
    analysis = analysis_from_document(doc)
    assert analysis.text == WILL_ENACT
    assert all(analysis.text[t.start : t.end] == t.text for t in analysis.tokens(0))


def test_tokens_are_aligned_against_a_text_without_offsets() -> None:
    doc = load("slowdown_appos.conllu")
    doc.text = "  " + SLOWDOWN + "\n"  # the caller's text, with surrounding white space
    analysis = analysis_from_document(doc)
    assert analysis.text == doc.text
    assert analysis.sentences[0].text == SLOWDOWN
    assert analysis.sentences[0].start == 2
    assert all(analysis.text[t.start : t.end] == t.text for t in analysis.tokens(0))


def test_text_that_does_not_match_the_tokens_is_refused() -> None:
    from timeline import InvalidInputError

    doc = load("slowdown_appos.conllu")
    doc.text = "Something else entirely."
    with pytest.raises(InvalidInputError, match=r"'The' of sentence 1 is not in doc\.text"):
        analysis_from_document(doc)


@pytest.mark.parametrize("reconstruct_text", [False, True], ids=["tags-on-tokens", "doc-ents"])
def test_entities_are_date_and_time_spans_only(reconstruct_text: bool) -> None:
    doc = load("enacted_offsets_ner.conllu", reconstruct_text=reconstruct_text)
    analysis = analysis_from_document(doc)
    assert analysis.entities == ((7, 15, "DATE"),)  # Mexico and U.S. are GPE: left out
    assert analysis.text[7:15] == "December"


def test_documents_without_ner_have_no_entities() -> None:
    assert analysis_from_document(load("will_enact.conllu")).entities == ()


GOVERNOR_CASES = [
    pytest.param("enacted_offsets_ner.conllu", ENACTED, "December", "enacted", id="obl-of-verb"),
    pytest.param("will_enact.conllu", WILL_ENACT, "December", "enact", id="obl-under-ccomp"),
    pytest.param("slowdown_appos.conllu", SLOWDOWN, "last year", "began", id="tmod"),
    pytest.param("slowdown_appos.conllu", SLOWDOWN, "2012", "minister", id="appositive-noun"),
    pytest.param("slowdown_appos.conllu", SLOWDOWN, "2012 to 2018", "minister", id="range"),
    pytest.param("no_text_two_sentences.conllu", NO_TEXT, "October 2020", "arrested", id="passive"),
    pytest.param("relative_clause_future.conllu", RELATIVE, "December", "enact", id="fronted"),
]


@pytest.mark.parametrize(("fixture", "text", "phrase", "governor"), GOVERNOR_CASES)
def test_governor_of(fixture: str, text: str, phrase: str, governor: str) -> None:
    analysis = analysis_from_document(load(fixture))
    token = analysis.governor_of(span_of(text, phrase))
    assert token is not None
    assert token.text == governor
    assert analysis.text[token.start : token.end] == governor


def test_governor_of_an_empty_span_is_the_clause_starting_there() -> None:
    # events.py asks this for "…, when Cienfuegos was arrested": the clause's own verb.
    analysis = analysis_from_document(load("no_text_two_sentences.conllu"))
    start = NO_TEXT.index("He")
    token = analysis.governor_of((start, start))
    assert token is not None
    assert token.text == "returned"


TENSE_CASES = [
    pytest.param("enacted_offsets_ner.conllu", ENACTED, "December", "past", id="Tense=Past"),
    pytest.param("will_enact.conllu", WILL_ENACT, "December", "future", id="aux-will"),
    pytest.param("slowdown_appos.conllu", SLOWDOWN, "2012", "past", id="appositive-takes-clause"),
    pytest.param("no_text_two_sentences.conllu", NO_TEXT, "October 2020", "past", id="passive"),
    pytest.param("no_text_two_sentences.conllu", NO_TEXT, "January", "past", id="perfect"),
    pytest.param("relative_clause_future.conllu", RELATIVE, "December", "future", id="fronted"),
]


@pytest.mark.parametrize(("fixture", "text", "phrase", "tense"), TENSE_CASES)
def test_tense_at(fixture: str, text: str, phrase: str, tense: str) -> None:
    analysis = analysis_from_document(load(fixture))
    assert analysis.tense_at(span_of(text, phrase)) == tense


def test_lemma_of_uses_the_parser_lemma() -> None:
    analysis = analysis_from_document(load("slowdown_appos.conllu"))
    began = next(t for t in analysis.tokens(0) if t.text == "began")
    assert analysis.lemma_of(began) == "begin"


# ------------------------------------------------------ pipeline and models


@pytest.fixture
def no_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    empty = tmp_path / "stanza_resources"
    empty.mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(empty))
    return empty


def test_missing_models_raise_with_download_instructions(no_models: Path) -> None:
    with pytest.raises(ModelNotAvailableError) as caught:
        stanza_analysis(ENACTED, required=True)
    message = str(caught.value)
    assert str(no_models) in message
    assert "python -m timeline download-models" in message
    assert "stanza.download('en'" in message
    assert not any(no_models.iterdir()), "nothing may be downloaded"


def test_backend_stanza_raises_through_the_public_api(no_models: Path) -> None:
    with pytest.raises(ModelNotAvailableError, match="download-models"):
        extract_timeline(ENACTED, published=PUBLISHED, backend="stanza")


def test_partial_download_is_reported(no_models: Path) -> None:
    (no_models / "resources.json").write_text("{}", encoding="utf-8")
    (no_models / "en" / "tokenize").mkdir(parents=True)
    with pytest.raises(ModelNotAvailableError, match="no en/pos, lemma, depparse, ner models"):
        stanza_analysis(ENACTED, required=True)


def test_auto_falls_back_to_builtin_and_logs_once(
    no_models: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="timeline"):
        first = stanza_analysis(ENACTED, required=False)
        stanza_analysis(WILL_ENACT, required=False)
    assert isinstance(first, BuiltinAnalysis)
    assert first.text == ENACTED
    fallbacks = [r for r in caplog.records if "built-in analysis" in r.getMessage()]
    assert len(fallbacks) == 1
    assert "download-models" in fallbacks[0].getMessage()


def test_backend_auto_through_the_public_api(no_models: Path) -> None:
    timeline = extract_timeline(ENACTED, published=PUBLISHED, backend="auto")
    assert [e.value for e in timeline.expressions] == ["2020-12"]


def test_download_models_asks_stanza_for_exactly_our_processors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Replaces the network call itself: records what would be fetched, fetches nothing.
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(stanza, "download", lambda *a, **k: calls.append((a, k)))
    where = download_models(tmp_path / "models")
    assert where == tmp_path / "models"
    assert calls == [(("en",), {"model_dir": str(tmp_path / "models"), "processors": PROCESSORS})]


def test_import_timeline_does_not_import_stanza() -> None:
    code = (
        "import sys, timeline, timeline.nlp.stanza; "
        "assert 'stanza' not in sys.modules and 'torch' not in sys.modules, 'imported eagerly'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# A multi-word token ("cannot" → "can" + "not") and a copular date ("was in May").
MWT_AND_COPULA = """\
# text = He cannot vote in 2022.
1\tHe\the\tPRON\tPRP\tCase=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs\t4\tnsubj\t_\t_
2-3\tcannot\t_\t_\t_\t_\t_\t_\t_\t_
2\tcan\tcan\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_
3\tnot\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_
4\tvote\tvote\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_
5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
6\t2022\t2022\tNUM\tCD\tNumForm=Digit|NumType=Card\t4\tobl\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tvote\tvote\tNOUN\tNN\tNumber=Sing\t5\tnsubj\t_\t_
3\twas\tbe\tAUX\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t5\tcop\t_\t_
4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
5\tMay\tMay\tPROPN\tNNP\tNumber=Sing\t0\troot\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


def test_multi_word_tokens_and_copular_dates() -> None:
    analysis = analysis_from_document(CoNLL.conll2doc(input_str=MWT_AND_COPULA))
    text = analysis.text
    assert text == "He cannot vote in 2022. The vote was in May."
    words = [(t.text, text[t.start : t.end]) for t in analysis.tokens(0)]
    assert words[1:3] == [("can", "can"), ("not", "not")]
    governor = analysis.governor_of(span_of(text, "2022"))
    assert governor is not None
    assert governor.text == "vote"
    # "can" carries no tense feature: no guess from the tree, and none from cue words.
    assert analysis.tense_at(span_of(text, "2022")) == "unknown"
    may = analysis.governor_of(span_of(text, "May"))
    assert may is not None
    assert (may.text, may.upos) == ("vote", "NOUN")  # the subject of "was in May"
    assert analysis.tense_at(span_of(text, "May")) == "past"
