"""The real extractor, slowed down (for the kill test): nlp.extract after a sleep."""

from __future__ import annotations

import os
import time
from datetime import date

import nlp

EXTRACTOR_VERSION = nlp.EXTRACTOR_VERSION


def extract(text: str, reference_date: date | None = None):
    time.sleep(float(os.environ.get("ARSIP_SLOW_SECONDS", "0.1")))
    return nlp.extract(text, reference_date)
