"""`newsgraph eval`: the dataset registry, the span helpers, the CLI and the accuracy table."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsgraph import cli_eval, evaluate
from newsgraph.evaluate import spans, table
from newsgraph.evaluate.spans import Counts, exact_match, match_spans, overlap_match, trim

TEXT = 'The minister said: "We will not retreat." Officials, however, disagreed.'


def span_of(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return (start, start + len(phrase))


# --- the registry -------------------------------------------------------------------


def test_an_unknown_dataset_names_the_ones_we_have(tmp_path: Path) -> None:
    with pytest.raises(evaluate.UnknownDataset) as error:
        evaluate.run("acme-news", tmp_path)
    assert "acme-news" in str(error.value)
    assert "plover-gsr" in str(error.value) and "case2021" in str(error.value)


def test_a_missing_path_is_a_dataset_error(tmp_path: Path) -> None:
    with pytest.raises(evaluate.DatasetError, match="no such file or folder"):
        evaluate.run("case2021", tmp_path / "nothing-here.tsv")


# --- span helpers -------------------------------------------------------------------


def test_trim_drops_punctuation_and_whitespace_at_both_ends() -> None:
    quote = span_of(' "We will not retreat." ')
    assert TEXT[slice(*trim(quote, TEXT))] == "We will not retreat"


def test_trim_of_pure_punctuation_is_empty() -> None:
    start, end = trim(span_of(': "'), TEXT)
    assert start == end


def test_exact_match_ignores_surrounding_punctuation() -> None:
    assert exact_match(span_of('"We will not retreat."'), span_of("We will not retreat"), TEXT)
    assert not exact_match(span_of("We will not retreat"), span_of("We will not"), TEXT)


def test_empty_spans_never_match_exactly() -> None:
    assert not exact_match((3, 3), (3, 3), TEXT)


def test_overlap_needs_one_shared_word() -> None:
    assert overlap_match(span_of("said: \"We will"), span_of("We will not retreat"), TEXT)
    assert not overlap_match(span_of("The minister"), span_of("said"), TEXT)


def test_a_word_cut_by_a_span_edge_still_counts_whole() -> None:
    # "minist" and "minister" are the same token of the text.
    assert overlap_match(span_of("The minist"), span_of("minister said"), TEXT)


def test_punctuation_shared_between_spans_is_not_a_token() -> None:
    assert not overlap_match(span_of('said: "'), span_of('"We'), TEXT)
    assert not overlap_match(span_of("retreat."), span_of('." Officials'), TEXT)


def test_prf_arithmetic() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0  # nothing predicted, nothing to find


def test_prf_names_its_metrics() -> None:
    assert set(Counts(1, 0, 1).prf("source")) == {"source_precision", "source_recall", "source_f1"}


def test_counts_add_up_over_documents() -> None:
    total = Counts()
    total.add(Counts(tp=1, fp=2, fn=0))
    total.add(Counts(tp=1, fp=0, fn=3))
    assert (total.tp, total.fp, total.fn) == (2, 2, 3)


def test_one_prediction_matches_one_gold_span_at_most() -> None:
    gold = [span_of("The minister"), span_of("Officials")]
    long_prediction = [span_of("The minister said: \"We will not retreat.\" Officials")]
    counts = match_spans(gold, long_prediction, TEXT, overlap_match)
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)


def test_macro_f1_averages_labels_equally() -> None:
    gold = ["A", "A", "A", "B"]
    predicted = ["A", "A", "A", "A"]
    # A: p=3/4, r=1 -> f1=6/7; B: never predicted -> 0.
    assert spans.macro_f1(gold, predicted) == pytest.approx((6 / 7 + 0) / 2)


# --- the CLI --------------------------------------------------------------------------


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Keeps `eval` a subcommand, as in the real app."""

    cli_eval.register(app)
    return app


@pytest.fixture
def tiny_dataset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A registered dataset whose scorer counts the lines of a file: no spaCy needed."""
    module = types.ModuleType("newsgraph_test_tiny_dataset")
    module.NAME = "tiny"
    module.METRICS = ("line_share",)

    def score(path: Path, limit: int | None = None, model: str | None = None) -> dict[str, float]:
        lines = path.read_text().splitlines()[:limit]
        return {"n": len(lines), "line_share": sum(bool(x) for x in lines) / len(lines)}

    module.evaluate = score
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(evaluate.DATASETS, "tiny", module.__name__)
    path = tmp_path / "tiny.txt"
    path.write_text("one\n\nthree\nfour\n")
    return path


def test_eval_json_has_the_documented_shape(app: typer.Typer, tiny_dataset: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "tiny", str(tiny_dataset), "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"dataset", "path", "n", "metrics", "seconds"}
    assert report["dataset"] == "tiny" and report["n"] == 2
    assert report["metrics"] == {"line_share": 0.5}


def test_eval_without_json_prints_a_table(app: typer.Typer, tiny_dataset: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "tiny", str(tiny_dataset)])
    assert result.exit_code == 0
    assert "line_share" in result.stdout and "0.750" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eval", "acme-news", "."], "unknown dataset 'acme-news'"),
        (["eval", "case2021", "no/such/file.tsv"], "no such file or folder"),
        (["eval", "case2021", "."], "expected the CASE 2021 task 2 TSV file"),
    ],
)
def test_eval_errors_are_one_line_and_exit_2(app: typer.Typer, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_eval_of_a_wrong_file_layout_exits_2(app: typer.Typer, tmp_path: Path) -> None:
    wrong = tmp_path / "notes.tsv"
    wrong.write_text("a\tb\nc\td\n")
    result = CliRunner().invoke(app, ["eval", "case2021", str(wrong)])
    assert result.exit_code == 2
    assert "EventSnippet" in result.stderr


# --- the accuracy table -------------------------------------------------------------


def test_table_skips_in_one_line_without_the_shared_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert table.main(["--dev", str(tmp_path / "absent")]) == 0
    assert "skipping" in capsys.readouterr().out


def test_table_reports_a_broken_scorer_and_goes_on(
    tmp_path: Path, tiny_dataset: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "tiny.txt").write_text("a\nb\n")
    rows = (
        table.Row("Ghost", "ghost", "ghost.txt", ("x",)),
        table.Row("Tiny", "tiny", "tiny.txt", ("line_share",), {"line_share": "99.0: someone else"}),
    )
    monkeypatch.setattr(table, "ROWS", rows)
    out_json = tmp_path / "eval.json"
    assert table.main(["--dev", str(tmp_path), "--json", str(out_json)]) == 0
    markdown = capsys.readouterr().out
    assert "| Ghost | — | failed: UnknownDataset" in markdown
    assert "| Tiny (n=2) | `line_share` | 100.0 | 99.0: someone else |" in markdown
    written = json.loads(out_json.read_text())
    assert [r["label"] for r in written] == ["Ghost", "Tiny"]
