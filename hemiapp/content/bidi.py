"""Typed text loses its bidirectional control characters, so that it shows as typed.

A right-to-left override (U+202E) in front of "Alice" makes a screen or a printout show
"ecilA"; the other embedding, override, isolate and mark characters can reorder text
just as silently (the "Trojan Source" trick). Names, notes and sign-off statements
drop them where they enter a session (typed, or read back from the database). Text in
a right-to-left script still shows the right way round: the Unicode bidirectional
algorithm orders it without any of these characters.
"""

from __future__ import annotations

#: ALM, LRM, RLM; LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DROP = str.maketrans("", "", BIDI_CONTROLS)


def without_bidi_controls(text: str) -> str:
    """``text`` without bidirectional control characters (as is, if it has none)."""
    return text if text.isascii() else text.translate(_DROP)
