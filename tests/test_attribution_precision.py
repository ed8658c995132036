"""Precision rules: words that look like cues but report nothing, and sources that name
no one."""

from __future__ import annotations

# The fixture `nlp` comes from attribution_helpers; tests take it as an argument.
# ruff: noqa: F811
from attribution_helpers import found, nlp  # noqa: F401


def test_a_markup_tag_glued_to_a_source_is_not_part_of_it(nlp):
    text = (
        'The mayor replied online.\n\n<post author="@harborwatch" date="May 2, 2019">'
        "Harbor director Lina Moss told me the ferry will run late all summer</post>."
    )
    (told,) = [s for s in found(nlp, text) if s[0] == "told"]
    assert told[1] == "Harbor director Lina Moss"
