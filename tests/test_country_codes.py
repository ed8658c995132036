"""Our quick path to countrynames' codes answers exactly as countrynames itself does."""

import countrynames
import pytest

from newsgraph.extract.lexicon import countrynames_code3

WORDS = ["France", "French", "Israeli", "U.S.", "US", "USA", "GB", "Britain", "Smith",
         "Monday", "Palestinians", "Scotland", "Congo", "Ivory Coast", "Côte d’Ivoire",
         "Kosovo", "the", "UN", "DE", "Saudi", "Zaire", "South Sudan", "North Korean",
         "GB-SCT", "fr", "  Japan ", ""]  # fmt: skip


def _theirs(text: str) -> str | None:
    try:
        return countrynames.to_code_3(text)
    except (KeyError, ValueError):  # it raises for a few codes it cannot map
        return None


@pytest.mark.parametrize("text", WORDS)
def test_same_answer_as_countrynames(text: str) -> None:
    assert countrynames_code3(text) == _theirs(text)


def test_known_forms() -> None:
    assert countrynames_code3("French") == "FRA"
    assert countrynames_code3("Smith") is None
