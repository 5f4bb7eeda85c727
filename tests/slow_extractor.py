"""An extractor that takes its time (for the kill test): ARSIP_SLOW_INNER after a sleep."""

from __future__ import annotations

import os
import time
from datetime import date

from service.ingest import load_extractor


def extract(text: str, reference_date: date | None = None):
    time.sleep(float(os.environ.get("ARSIP_SLOW_SECONDS", "0.1")))
    return load_extractor(os.environ["ARSIP_SLOW_INNER"])(text, reference_date)
