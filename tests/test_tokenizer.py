"""The article tokenizer: headlines in title case are parsed in sentence case, and each
paragraph starts a sentence; the Doc keeps the article's own words and offsets."""

from __future__ import annotations

import pytest

from newsgraph.pipeline import build
from newsgraph.tokenizer import sentence_case, title_lines

# A body long enough (40 words or more) to have named the headline's people again.
BODY = (
    "The Harbor Board voted on Monday to shut the pier, which the board says is unsafe. "
    "Fishing crews who tie up there will move to the north quay from June, and the "
    "repairs are expected to take two years and cost more than the board had planned.\n"
)
ARTICLE = "Harbor Board Says It Will Close The Old Pier\n\n" + BODY


@pytest.fixture(scope="module")
def nlp():
    return build(components=("newsgraph_statements",))


def test_a_title_case_line_is_found_and_a_sentence_is_not():
    lines = title_lines(ARTICLE)
    assert [ARTICLE[a:b] for a, b in lines] == ["Harbor Board Says It Will Close The Old Pier"]


def test_a_line_in_capitals_or_a_short_label_is_no_headline():
    assert title_lines("PORT TO CLOSE AFTER STORM\n\nBy Ann Lee\n") == []


def test_sentence_case_keeps_names_the_article_uses_and_lowers_the_rest():
    cased = sentence_case(ARTICLE)
    assert cased.startswith("Harbor Board says it will close the old pier\n\n")
    assert cased[len("Harbor Board Says It Will Close The Old Pier") :] == ARTICLE[
        len("Harbor Board Says It Will Close The Old Pier") :
    ]


def test_acronyms_and_mixed_case_keep_their_case():
    text = "FBI Agent Tells McCain Aides The Probe Will Go On\n\n" + BODY
    assert sentence_case(text).splitlines()[0] == "FBI agent tells McCain aides the probe will go on"


def test_a_headline_with_no_body_lowers_only_what_is_surely_no_name():
    # Nothing says whether "Okafor" or "Harbor" is a name, so they keep their capitals.
    text = "Okafor Says He Will Close The Harbor Pier"
    assert sentence_case(text) == "Okafor says he will Close the Harbor Pier"


def test_the_doc_keeps_the_articles_words_and_offsets(nlp):
    doc = nlp(ARTICLE)
    assert doc.text == ARTICLE
    assert [t.text for t in doc][:3] == ["Harbor", "Board", "Says"]


def test_a_headline_in_title_case_has_its_speaker_and_claim(nlp):
    doc = nlp(ARTICLE)
    found = [
        (ARTICLE[s.cue[0] : s.cue[1]], ARTICLE[s.source[0] : s.source[1]] if s.source else None)
        for s in doc._.ng_statements
    ]
    assert ("Says", "Harbor Board") in found


def test_each_paragraph_starts_a_sentence(nlp):
    text = "Turkey Recruits Volunteers For Border Force\n\nAnkara has begun recruiting, officials said.\n"
    doc = nlp(text)
    starts = [s.text.strip() for s in doc.sents]
    assert starts[1].startswith("Ankara has begun")
    (said,) = [s for s in doc._.ng_statements if text[s.cue[0] : s.cue[1]] == "said"]
    assert text[said.content[0] : said.content[1]] == "Ankara has begun recruiting"


def test_a_line_wrapped_inside_a_sentence_is_left_to_the_parser(nlp):
    doc = nlp("The board said the pier\nwould close in May.")
    assert len(list(doc.sents)) == 1


def test_a_sentence_full_of_names_is_no_headline():
    text = "Chancellor Friedrich Merz met with French President Emmanuel Macron in Paris on Monday."
    assert title_lines(text) == []
    assert sentence_case(text) == text


def test_a_title_abbreviation_stays_one_word_and_ends_no_sentence(nlp):
    text = "Sens. Ann Lee and Bo Park urged the board to act, and Lt. Dana Cole agreed."
    doc = nlp(text)
    assert [t.text for t in doc][:2] == ["Sens.", "Ann"]
    assert "Lt." in [t.text for t in doc]
    assert len(list(doc.sents)) == 1
    sources = [text[s.source[0] : s.source[1]] for s in doc._.ng_statements if s.source]
    assert "Ann Lee and Bo Park" in sources or "Sens. Ann Lee and Bo Park" in sources


def test_users_can_add_abbreviations(tmp_path, monkeypatch):
    from newsgraph import knowledge

    (tmp_path / "abbreviations.yaml").write_text("keep_whole: [Cdt.]\n", encoding="utf-8")
    assert "Cdt." in knowledge.load((str(tmp_path),)).abbreviations["keep_whole"]
    assert "Lt." in knowledge.load((str(tmp_path),)).abbreviations["keep_whole"]
