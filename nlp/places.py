"""places: patterns and resolution for one field (see ../shared/eval/GUIDE.md)."""

from __future__ import annotations

from spacy.language import Language

from .context import Context
from .model import Fact


def setup(nlp: Language) -> None:
    """Add this field's components/matchers to the shared pipeline (called once)."""


def find(ctx: Context) -> list[Fact]:
    """Facts of this field in ctx.doc, offsets into ctx.text."""
    return []
