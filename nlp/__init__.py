"""Arsip's extractor: Indonesian report text in, facts with offsets out.

Pure: no Flask, no database, no files. `extract(text)` is the only entry point.
"""

from __future__ import annotations

from datetime import date

from .model import Extraction

# Bump whenever rules or data change, so stored records can be re-extracted.
EXTRACTOR_VERSION = "1.3.0"

__all__ = ["EXTRACTOR_VERSION", "Extraction", "extract"]


def extract(text: str, reference_date: date | None = None) -> Extraction:
    """Find dates (with the event date), places, agencies and people counts in `text`.

    Every fact's `start`/`end` index `text` itself: `text[f.start:f.end] == f.text`.
    """
    from . import agencies, counts, dates, places
    from .context import Context
    from .normalize import normalize
    from .pipeline import get_nlp

    norm = normalize(text)
    doc = get_nlp()(norm.text)
    ctx = Context(doc=doc, text=norm.text, reference_date=reference_date)
    ctx.found["dates"] = dates.find(ctx)
    ctx.found["places"] = places.find(ctx)
    ctx.found["agencies"] = agencies.find(ctx)
    ctx.found["participants"] = counts.find(ctx)

    result = Extraction()
    for name in ("dates", "places", "agencies", "participants"):
        facts = ctx.found[name]
        for f in facts:  # back to the caller's offsets
            f.start, f.end = norm.to_original(f.start, f.end)
            f.text = text[f.start : f.end]
        setattr(result, name, facts)
    result.event_date = dates.event_date(ctx)
    return result
