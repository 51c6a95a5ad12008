"""The command line: files written, formats, inputs, exit codes and messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from pathlib import Path

import pytest

from timeline import extract_timeline
from timeline.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main
from timeline.timeml import read_timeml

ROOT = Path(__file__).parents[1]
SEED = ROOT / "fixtures" / "reuters-2021-03-30-us-mexico-cartels.txt"


def seed_event_count() -> int:
    """How many events the library finds in the seed (at least the README's nine)."""
    count = len(extract_timeline(SEED.read_text("utf-8"), published="2021-03-30").events)
    assert count >= 9
    return count


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m timeline ARGS`` as a user would run it, from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
        check=False,
    )


# --------------------------------------------------------------------------- as a process


def test_seed_writes_csv_and_png(tmp_path: Path) -> None:
    csv_path, png_path = tmp_path / "seed.csv", tmp_path / "pictures" / "seed.png"
    outputs = ["--csv", str(csv_path), "--png", str(png_path)]
    done = run(str(SEED), "--published", "2021-03-30", *outputs)
    assert done.returncode == EXIT_OK, done.stderr
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("order,start,end,granularity")
    assert len(lines) == 1 + seed_event_count()
    from PIL import Image

    with Image.open(png_path) as image:
        image.load()  # decodes every pixel: a truncated file fails here
        assert image.format == "PNG"
        assert image.width > 0
    assert "2020-12-01 – 2020-12-31" in done.stdout  # the table still prints
    assert f"wrote {csv_path}" in done.stderr


def test_stdin_to_json() -> None:
    done = run("-", "--published", "2021-03-30", "--format", "json", stdin=SEED.read_text("utf-8"))
    assert done.returncode == EXIT_OK, done.stderr
    data = json.loads(done.stdout)  # nothing but the JSON on stdout
    assert len(data["events"]) == seed_event_count()
    assert data["published"] == "2021-03-30"


def test_bad_date_is_a_usage_error() -> None:
    done = run(str(SEED), "--published", "2021-02-30")
    assert done.returncode == EXIT_USAGE
    assert "--published" in done.stderr
    assert "impossible date" in done.stderr
    assert done.stdout == ""


def test_missing_file_is_an_input_error() -> None:
    done = run("no-such-article.txt", "--published", "2021-03-30")
    assert done.returncode == EXIT_FAILURE
    assert "no-such-article.txt: no such file" in done.stderr


def test_help_has_examples_and_exit_codes() -> None:
    done = run("--help")
    assert done.returncode == EXIT_OK
    assert "examples:" in done.stdout
    assert "--published 2021-03-30" in done.stdout
    assert "exit codes:" in done.stdout
    assert "download-models" in done.stdout


# --------------------------------------------------------------------------- in process


def test_timeml_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--published", "2021-03-30", "--format", "timeml"]) == EXIT_OK
    doc = read_timeml(capsys.readouterr().out)
    expected = extract_timeline(SEED.read_text("utf-8"), published="2021-03-30").expressions
    assert [t.text for t in doc.timexes] == [e.text for e in expected]
    assert str(doc.dct) == "2021-03-30"


def test_timelinejs_to_a_file_by_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "story.json"
    seed = [str(SEED), "--published", "2021-03-30"]
    assert main([*seed, "--output", str(out), "--title", "Cartels"]) == EXIT_OK
    assert json.loads(out.read_text("utf-8"))["format_version"] == 1  # .json → the JSON export
    out_js = tmp_path / "story-js.json"
    args = [*seed, "--format", "timelinejs", "--output", str(out_js), "--title", "Cartels"]
    assert main(args) == EXIT_OK
    data = json.loads(out_js.read_text("utf-8"))
    assert data["title"]["text"]["headline"] == "Cartels"
    assert len(data["events"]) == seed_event_count()
    table_lines = capsys.readouterr().out.count("\n")
    assert table_lines == 2 * seed_event_count()  # a table each time, no --quiet


def test_quiet_csv_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--published", "2021-03-30", "--format", "csv", "-q"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out.startswith("order,start,end")
    assert err == ""


def test_svg(tmp_path: Path) -> None:
    target = tmp_path / "seed"  # no suffix: .svg is added
    assert main([str(SEED), "--published", "2021-03-30", "--svg", str(target), "-q"]) == EXIT_OK
    assert (tmp_path / "seed.svg").read_text("utf-8").lstrip().startswith("<?xml")


def test_date_in_the_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "2021-03-30-law.txt"
    article.write_text("Mexico enacted a law in December.", encoding="utf-8")
    assert main([str(article)]) == EXIT_OK
    assert "2020-12-01 – 2020-12-31" in capsys.readouterr().out


def test_stdin_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Mexico enacted a law in December."))
    assert main(["-", "--published", "2021-03-30"]) == EXIT_OK
    assert "Mexico enacted a law" in capsys.readouterr().out


def test_no_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("Nothing here has a date.", encoding="utf-8")
    assert main([str(article), "--published", "2021-03-30"]) == EXIT_OK
    assert capsys.readouterr().out == "no dated events found\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "yaml"], "invalid choice: 'yaml'"),
        (["--output", "x.yaml"], "cannot tell the format from the suffix"),
        (["--jobs", "0"], "--jobs 0"),
        (["--no-such-option"], "unrecognized arguments"),
        (["--published", "yesterday"], "relative date"),
    ],
    ids=["format", "output-suffix", "jobs", "option", "relative-date"],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), *argv]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err
    assert err.startswith("timeline: ")


def test_not_utf8_says_how_to_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Le décret de décembre.".encode("latin-1"))
    assert main([str(article)]) == EXIT_FAILURE
    assert "iconv" in capsys.readouterr().err


def test_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code = main([str(SEED), "--published", "2021-03-30", "-q", "--csv", str(blocker / "x.csv")])
    assert code == EXIT_FAILURE
    assert "cannot write" in capsys.readouterr().err


# --------------------------------------------------------------------------- CSV of articles


def test_one_article_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "articles.csv"
    row = 'https://x,"Mexico enacted a law in December.",2021-03-30'
    table.write_text(f"url,body,date\n{row}\n", "utf-8")
    argv = [str(table), "--text-column", "body", "--published-column", "date", "--id-column", "url"]
    assert main([*argv, "--format", "csv", "-q"]) == EXIT_OK
    assert ",2020-12-01,2020-12-31," in capsys.readouterr().out


def test_csv_column_missing_lists_the_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("url,body\nhttps://x,In December.\n", "utf-8")
    assert main([str(table)]) == EXIT_FAILURE
    err = capsys.readouterr().err
    assert "no column 'text' for --text-column" in err
    assert "'url', 'body'" in err


def test_csv_bad_date_names_the_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("text,published\nIn December.,2021-13-01\n", "utf-8")
    assert main([str(table)]) == EXIT_FAILURE
    assert "row 2, column 'published'" in capsys.readouterr().err


# --------------------------------------------------------------------------- several documents


def test_several_documents_without_corpus_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "timeline.corpus", None)  # import fails
    assert main([str(SEED), str(SEED), "--published", "2021-03-30"]) == EXIT_FAILURE
    assert "run one file at a time" in capsys.readouterr().err


def test_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path)]) == EXIT_FAILURE
    assert "no .txt files" in capsys.readouterr().err


def test_directory_of_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("timeline.corpus")
    (tmp_path / "2021-03-30-law.txt").write_text("Mexico enacted a law in December.", "utf-8")
    (tmp_path / "other.txt").write_text("Officials met in January.", "utf-8")
    assert main([str(tmp_path), "--published", "2021-02-15", "--format", "json", "-q"]) == EXIT_OK
    events = json.loads(capsys.readouterr().out)["events"]
    by_doc = {e["doc_id"]: e for e in events}
    assert by_doc["2021-03-30-law.txt"]["start"] == "2020-12-01"  # dated by its name
    assert by_doc["other.txt"]["start"] == "2021-01-01"  # dated by --published


def test_several_documents_one_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("timeline.corpus")
    table = tmp_path / "articles.csv"
    rows = ["id,text,published", "good,Mexico enacted a law in December.,2021-03-30", "empty,,"]
    table.write_text("\n".join(rows) + "\n", "utf-8")
    code = main([str(table), "--format", "csv", "-q"])
    out, err = capsys.readouterr()
    assert ",2020-12-01,2020-12-31," in out
    assert code in (EXIT_OK, EXIT_FAILURE)  # an empty text may or may not be an error
    assert (code == EXIT_FAILURE) == ("empty: skipped" in err)


def test_timeml_of_several_documents_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), str(SEED), "--format", "timeml"]) == EXIT_USAGE
    assert "TimeML holds one document" in capsys.readouterr().err


# --------------------------------------------------------------------------- download-models


def test_download_models_calls_the_adapter(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    calls: list[str] = []
    fake = types.ModuleType("timeline.nlp.stanza")
    fake.download_models = lambda: calls.append("downloaded")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "timeline.nlp.stanza", fake)
    assert main(["download-models"]) == EXIT_OK
    assert calls == ["downloaded"]
    assert "ready" in capsys.readouterr().err


def test_download_models_without_stanza_support(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "timeline.nlp.stanza", None)
    assert main(["download-models"]) == EXIT_FAILURE
    assert "pip install 'timeline[stanza]'" in capsys.readouterr().err
    assert main(["download-models", "--now"]) == EXIT_USAGE
