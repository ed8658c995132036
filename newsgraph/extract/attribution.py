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
