"""ECB+ scoring: the coreference metrics on textbook examples, then the reader and the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.evaluate.ecbplus import (
    Mention,
    b_cubed,
    ceaf_e,
    max_assignment,
    muc,
    read_document,
    same_event,
    score,
)

# The worked example of Pradhan et al. (2014), "Scoring coreference partitions":
# key {a b c} {d e f g}; response {a b} {c d} {f g h i}.
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links_kept():
    p, r, f = muc(KEY, RESPONSE)
    assert (p, r) == pytest.approx((2 / 5, 2 / 5))
    assert f == pytest.approx(0.4)


def test_b_cubed_averages_over_mentions():
    p, r, _ = b_cubed(KEY, RESPONSE)
    assert p == pytest.approx(4 / 8)
    assert r == pytest.approx(5 / 12)


def test_ceaf_e_aligns_each_cluster_once():
    p, r, _ = ceaf_e(KEY, RESPONSE)
    # best map: {a b c}-{a b} (phi4 0.8) and {d e f g}-{f g h i} (0.5)
    assert r == pytest.approx(1.3 / 2)
    assert p == pytest.approx(1.3 / 3)


def test_a_perfect_response_scores_one_everywhere():
    scores = score(KEY, KEY)
    assert all(v == pytest.approx(1.0) for v in scores.values())


def test_all_singletons_have_no_muc_links_but_full_b_cubed_precision():
    singletons = [frozenset(m) for m in "abcdefg"]
    assert muc(KEY, singletons)[1] == 0.0
    assert b_cubed(KEY, singletons)[0] == pytest.approx(1.0)


def test_the_assignment_is_the_best_one_not_the_greedy_one():
    # greedy takes 0.9 then 0.1; the best pairs 0.8 with 0.8
    assert max_assignment([[0.9, 0.8], [0.8, 0.1]]) == pytest.approx(1.6)
    assert max_assignment([[0.5, 0.2, 0.7]]) == pytest.approx(0.7)


def test_reporting_words_need_a_shared_participant():
    said = Mention("d1", "1", [1], 0, "g", lemma="say", entities=frozenset({"paris"}))
    also = Mention("d2", "1", [1], 0, "g", lemma="say", entities=frozenset({"rome"}))
    quake = Mention("d2", "2", [2], 0, "g", lemma="quake")
    again = Mention("d3", "2", [2], 0, "g", lemma="quake")
    assert not same_event(said, also, frozenset({"say"}))
    assert same_event(quake, again, frozenset({"say"}))


CAT = """<Document doc_name="9_1ecb.xml" doc_id="D1">
<token t_id="1" sentence="0" number="0">Rebels</token>
<token t_id="2" sentence="0" number="1">attacked</token>
<token t_id="3" sentence="1" number="0">The</token>
<token t_id="4" sentence="1" number="1">attack</token>
<token t_id="5" sentence="1" number="2">ended</token>
<Markables>
<ACTION_OCCURRENCE m_id="10"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="11"><token_anchor t_id="4"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="12"><token_anchor t_id="5"/></ACTION_OCCURRENCE>
<HUMAN_PART_GPE m_id="13"><token_anchor t_id="1"/></HUMAN_PART_GPE>
<ACTION_OCCURRENCE m_id="20" TAG_DESCRIPTOR="the_attack" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="10"/><source m_id="11"/><target m_id="20"/></CROSS_DOC_COREF>
</Relations>
</Document>"""


def test_the_reader_keeps_event_mentions_of_selected_sentences(tmp_path):
    path = tmp_path / "9_1ecb.xml"
    path.write_text(CAT, encoding="utf-8")
    doc = read_document(path, "9", keep=None)
    chains = {m.m_id: m.gold for m in doc.mentions}
    assert set(chains) == {"10", "11", "12"}  # not the participant
    assert chains["10"] == chains["11"] == "x:ACT1" != chains["12"]
    assert [m.m_id for m in read_document(path, "9", keep={1}).mentions] == ["11", "12"]


@pytest.mark.shared
def test_scores_two_topics_of_the_shared_set(shared: Path):
    from newsgraph.evaluate import run

    report = run("ecbplus", shared / "eval" / "dev" / "ecbplus", limit=2)
    assert report["n"] > 50
    metrics = report["metrics"]
    assert 0 < metrics["conll_f1"] <= 1 and 0 < metrics["baseline_conll_f1"] <= 1
