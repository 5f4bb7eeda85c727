"""The Indonesian tokenizer.

Stock `spacy.blank("id")` for now; the faster drop-in replacement (same tokens,
no stock slowdowns) lives here so the pipeline needs no change when it lands.
"""

from __future__ import annotations

import spacy
from spacy.language import Language


def make_nlp() -> Language:
    return spacy.blank("id")
