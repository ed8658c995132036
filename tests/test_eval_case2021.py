"""The CASE 2021 task 2 scorer: PLOVER events to fine-grained labels, then macro F1."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph import evaluate
from newsgraph.evaluate import case2021, plover_gsr
from newsgraph.evaluate.case2021 import FALLBACK, predict
from newsgraph.model import Actor, Article, ArticleResult, Event


def event(kind: str, mode: str | None = None, confidence: float = 0.5, recipients: tuple[str, ...] = (),
          actors: tuple[str, ...] = (), negated: bool = False) -> Event:  # fmt: skip
    return Event(id=f"e{kind}{mode}", type=kind, trigger=(0, 1, "x"), mode=mode, confidence=confidence,
                 actors=list(actors), recipients=list(recipients), negated=negated)  # fmt: skip


def result(*events: Event, actors: tuple[Actor, ...] = ()) -> ArticleResult:
    return ArticleResult(article=Article(text="x"), events=list(events), actors=list(actors))


VILLAGERS = Actor(id="v", name="villagers", kind="group", sector="CVL")
SOLDIERS = Actor(id="s", name="soldiers", kind="group", sector="MIL")
GANG = Actor(id="g", name="the cartel", kind="group", sector="CRM")


@pytest.mark.parametrize(
    ("kind", "mode", "label"),
    [
        ("ASSAULT", "aerial", "AIR_STRIKE"),
        ("ASSAULT", "heavy-weapons", "ART_MISS_ATTACK"),
        ("ASSAULT", "suicide-attack", "SUIC_BOMB"),
        ("ASSAULT", "unconventional", "CHEM_WEAP"),
        ("ASSAULT", "abduct", "ABDUCT_DISSAP"),
        ("ASSAULT", "firearms", "ARMED_CLASH"),
        ("ASSAULT", None, "ARMED_CLASH"),
        ("PROTEST", "demo", "PEACE_PROTEST"),
        ("PROTEST", "riot", "VIOL_DEMONSTR"),
        ("COERCE", "arrest", "ARREST"),
        ("AGREE", None, "AGREEMENT"),
        ("RETREAT", "withdraw", "NON_VIOL_TERRIT_TRANSFER"),
        ("MOBILIZE", "troops", "CHANGE_TO_GROUP_ACT"),
        ("ACCUSE", "allege", "ATTRIB"),
        ("SANCTION", "expel", "DIPLO"),
    ],
)
def test_type_and_mode_decide_the_label(kind: str, mode: str | None, label: str) -> None:
    assert predict(result(event(kind, mode))) == label


def test_a_snippet_without_mapped_events_gets_the_fallback() -> None:
    assert predict(result()) == FALLBACK == "OTHER"


def test_negated_events_do_not_label_a_snippet() -> None:
    assert predict(result(event("AGREE", negated=True))) == FALLBACK


def test_violence_against_civilians_is_an_attack_not_a_clash() -> None:
    assert predict(result(event("ASSAULT", "firearms", recipients=("v",)), actors=(VILLAGERS,))) == "ATTACK"
    assert predict(result(event("ASSAULT", "firearms", recipients=("s",)), actors=(SOLDIERS,))) == "ARMED_CLASH"


POLICE = Actor(id="p", name="police", kind="group", sector="COP")


def test_security_forces_using_force_on_a_protest() -> None:
    assert predict(result(event("PROTEST", "demo"), event("ASSAULT", "crowd-control"))) == "FORCE_AGAINST_PROTEST"
    shooting = event("ASSAULT", "firearms", actors=("p",))
    assert predict(result(event("PROTEST", "demo"), shooting, actors=(POLICE,))) == "FORCE_AGAINST_PROTEST"


def test_demonstrators_turning_violent() -> None:
    assert predict(result(event("PROTEST", "demo"), event("ASSAULT", "primitive"))) == "VIOL_DEMONSTR"


def test_a_protest_met_with_arrests_is_a_protest_with_intervention() -> None:
    assert predict(result(event("PROTEST", "demo"), event("COERCE", "arrest"))) == "PROTEST_WITH_INTER"


def test_a_riot_stays_a_violent_demonstration_when_it_turns_violent() -> None:
    assert predict(result(event("PROTEST", "riot"), event("ASSAULT", "primitive"))) == "VIOL_DEMONSTR"


def test_criminal_actors_make_it_organized_crime() -> None:
    assert predict(result(event("ASSAULT", "firearms", actors=("g",)), actors=(GANG,))) == "ORG_CRIME"


def test_a_specific_mode_beats_a_generic_event() -> None:
    killing = event("ASSAULT", None, confidence=0.9)
    assert predict(result(killing, event("ASSAULT", "aerial", confidence=0.5))) == "AIR_STRIKE"


def test_the_most_confident_event_wins_and_ties_go_to_the_first() -> None:
    assert predict(result(event("CONSULT", confidence=0.4), event("AGREE", confidence=0.9))) == "AGREEMENT"
    assert predict(result(event("AGREE"), event("CONSULT"))) == "AGREEMENT"
    assert predict(result(event("CONSULT"), event("AGREE"))) == "DIPLO"


def test_every_mapped_label_is_a_case_label() -> None:
    case_labels = {
        "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK",
        "ATTACK", "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST",
        "GOV_REGAINS_TERIT", "GRENADE", "HQ_ESTABLISHED", "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER",
        "NON_VIOL_TERRIT_TRANSFER", "OTHER", "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER",
        "REM_EXPLOS", "SEX_VIOL", "SUIC_BOMB", "VIOL_DEMONSTR", "DIPLO", "ATTRIB", "ORG_CRIME",
        "NATURAL_DISASTER", "MAN_MADE_DISASTER",
    }  # fmt: skip
    assert set(case2021.MAPPING.values()) <= case_labels


def test_scores_from_labels() -> None:
    metrics = case2021.score(["ARREST", "ARREST", "DIPLO"], ["ARREST", "DIPLO", "DIPLO"], mapped=3)
    assert metrics["accuracy"] == pytest.approx(2 / 3)
    # ARREST: p=1, r=1/2 -> 2/3; DIPLO: p=1/2, r=1 -> 2/3.
    assert metrics["macro_f1"] == pytest.approx(2 / 3)


def test_evaluate_reads_the_tsv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "task2.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        "1\tPolice detained two reporters in the capital.\tARREST\n"
        '2\tThe two parties signed a "truce" on Friday.\tAGREEMENT\n'
    )
    fake = [result(event("COERCE", "arrest")), result(event("AGREE"))]

    def fake_extract(articles: list[Article], model: str | None = None) -> tuple[list[ArticleResult], int]:
        assert [a.text[:6] for a in articles] == ["Police", "The tw"]
        return fake, 0

    monkeypatch.setattr(plover_gsr, "extract_all", fake_extract)
    report = evaluate.run("case2021", path)
    assert report["n"] == 2
    assert report["metrics"]["macro_f1"] == 1.0 and report["metrics"]["mapped_coverage"] == 1.0


# Floors a little under the dev numbers last measured (0.285, 0.326); raise them as
# extraction improves.
FLOORS = {"macro_f1": 0.26, "accuracy": 0.30}


@pytest.mark.shared
def test_case2021_dev_floors(shared: Path) -> None:
    path = shared / "eval" / "dev" / "case2021" / "task2_dev.tsv"
    if not path.is_file():
        pytest.skip("../shared/eval/dev/case2021/task2_dev.tsv is absent")
    metrics = evaluate.run("case2021", path)["metrics"]
    for name, floor in FLOORS.items():
        assert metrics[name] >= floor, f"{name} fell to {metrics[name]:.3f} (floor {floor})"
