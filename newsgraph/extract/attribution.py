"""One attribution found in a Doc: who said what, where the cue is, how it is hedged."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.spans import CharSpan


@dataclass
class StatementMention:
    cue: CharSpan
    content: CharSpan
    source: CharSpan | None
    source_head: int | None
    kind: str  # direct | indirect | mixed
    via: list[CharSpan] = field(default_factory=list)
    hedged: bool = False
    hedge: str | None = None
    # The outlets' own statements that passed this one on ("The Post reported that ...",
    # "..., according to CNN"): their speakers are the vias; kept here, not listed again.
    relayed_by: list[StatementMention] = field(default_factory=list)
