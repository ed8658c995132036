"""Reporting clauses set off inside the sentence they report ("..., the mayor said, ...",
"..., a survey finds, ..."), however the parser hung them."""

from __future__ import annotations

import pytest

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "If anything, Brandt argued in his letter, the flood is a lesson in why the "
            "county should raise the dam.",
            "argued in his letter",
            "Brandt",
        ),
        (
            "If the port can build a new pier, he boasted this week, then the town can "
            "build a bridge.",
            "boasted",
            "he",
        ),
    ],
)
def test_an_aside_with_a_medium_or_a_time_reports_the_clause_around_it(nlp, text, cue, source):
    # The parser hangs the aside as a complement of the main verb after it; what follows
    # the reporting verb ("in his letter", "this week") does not make it report that.
    assert (cue, source) in [s[:2] for s in found(nlp, text)]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Canadians oppose cutting off funds for Harbor House, a new poll finds, a debate "
            "that is likely to come to a head this week between the council and the mayor.",
            "finds",
            "a new poll",
        ),
        (
            "The Ledger reported, according to officials, the plant will close in May.",
            "reported",
            "The Ledger",
        ),
        (
            "This sort of lobbying, the league claimed, breaks its code of conduct, and so "
            "Pereira was fined.",
            "claimed",
            "the league",
        ),
    ],
)
def test_a_cue_joined_by_a_bare_comma_reports_the_clause_beside_it(nlp, text, cue, source):
    # The parser joins the cue and the clause it reports as if they were two acts in a
    # row; with no "and" between them the clause is what the cue reports.
    assert (cue, source) in [s[:2] for s in found(nlp, text)]
