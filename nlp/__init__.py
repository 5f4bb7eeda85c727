"""Arsip's extractor: Indonesian report text in, facts with offsets out.

Pure: no Flask, no database, no files. `extract(text)` is the only entry point.
"""

from __future__ import annotations

import logging
from datetime import date

from .model import Extraction

# Bump whenever rules or data change, so stored records can be re-extracted.
EXTRACTOR_VERSION = "1.5.1"

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
    result = Extraction()
    fields = {"dates": dates, "places": places, "agencies": agencies, "participants": counts}
    for name, module in fields.items():  # in this order: later fields read earlier ones
        ctx.found[name] = _isolated(name, module.find, ctx, result.errors)

    for name in fields:
        facts = ctx.found[name]
        for f in facts:  # back to the caller's offsets
            f.start, f.end = norm.to_original(f.start, f.end)
            f.text = text[f.start : f.end]
        setattr(result, name, facts)
    if not any(e.startswith("dates:") for e in result.errors):
        result.event_date = dates.event_date(ctx)
    return result


def _isolated(name: str, find, ctx, errors: list[str]) -> list:
    """One field's facts; a bug in its rules costs that field only, not the whole report
    (the other fields' facts are kept), and is reported in `errors` and the log."""
    try:
        return find(ctx)
    except Exception as ex:  # noqa: BLE001 - a rule bug on one text must not lose the rest
        logging.getLogger(__name__).exception("the %s rules failed on a text", name)
        errors.append(f"{name}: {type(ex).__name__}: {ex}")
        return []
