"""Builds the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

from . import agencies, counts, dates, places
from .tokenizer import make_nlp

FIELDS = (dates, places, agencies, counts)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The tokenizer plus every field's rule components and matchers, built once."""
    nlp = make_nlp()
    for module in FIELDS:
        module.setup(nlp)
    return nlp
