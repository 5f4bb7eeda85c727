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
    # spaCy's 1M-character guard is for the parser and NER (about 1 GB per 100k chars);
    # this pipeline has neither, only the tokenizer and matchers, linear in the text.
    # The service bounds text length itself (the max_text_chars setting).
    nlp.max_length = 100_000_000
    for module in FIELDS:
        module.setup(nlp)
    return nlp
