"""Attribution rules for cues already in the lexicon whose statement was lost: a
paragraph break after a closing attribution, and more."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


def test_a_closing_attribution_before_a_paragraph_break_reports_its_sentence(nlp):
    # The parser reads "signals" as a noun and hangs the whole sentence on "said"; the
    # paragraph break kept at the end of that sentence is not a word after the speaker.
    text = (
        'The repeal of the charter signals "the beginning of the end" for the league, '
        "said Ilse Varga, founder of the Dutch Party for Freedom.\n\nThe vote was close."
    )
    (said,) = [s for s in found(nlp, text) if s[0] == "said"]
    assert said[1] == "Ilse Varga, founder of the Dutch Party for Freedom"
    assert said[2].startswith("The repeal of the charter")
