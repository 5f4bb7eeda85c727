"""What every field's rules may look at besides the tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

# Publisher boilerplate: the outlet's own name and credit lines are not facts (GUIDE.md).
_BOILERPLATE = re.compile(
    r"(?im)^.*\b(artikel ini telah tayang di|baca juga|penulis\s*:|editor\s*:|"
    r"pewarta\s*:|sumber\s*:|copyright|hak cipta)\b.*$"
)


@dataclass
class Context:
    doc: Doc
    text: str  # the cleaned text the doc was made from
    reference_date: date | None = None
    # Facts found earlier, for fields that depend on others (event date, agencies).
    found: dict[str, list] = field(default_factory=dict)

    @cached_property
    def excluded(self) -> list[tuple[int, int]]:
        """Character spans (publisher lines, credits) where no fact is taken."""
        return [(m.start(), m.end()) for m in _BOILERPLATE.finditer(self.text)]

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)
