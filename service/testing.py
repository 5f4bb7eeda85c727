"""A tiny regex stand-in for the extractor, for service tests, the e2e test and benches.

It returns the CONTRACT.md shape for a handful of phrasings so that storage, filters and
facets can be tested without depending on the rule modules in nlp/ (which other work
changes). Select it with ARSIP_EXTRACTOR=service.testing:extract. Not for real use.
The small place table uses Kemendagri-style codes so hierarchy filters can be tested.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

EXTRACTOR_VERSION = "stand-in-1"

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
_MONTH = {name.lower(): i for i, name in enumerate(MONTHS.split(), 1)}
_DATE = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS.split())}) (\d{{4}})\b")
_AGENCY = re.compile(
    r"\b(?:Polres|Polsek|Polda|Kodim|BPBD|Dinas Sosial)(?: Kabupaten| Kota)? [A-Z]\w+"
)
_COUNT = re.compile(r"\b(\d{1,6}) (orang|peserta|siswa|personel|warga)\b")
# name -> (level, code, province)
PLACES: dict[str, tuple[str, str, str]] = {
    "Jawa Timur": ("provinsi", "35", "Jawa Timur"),
    "Kabupaten Malang": ("kabupaten", "35.07", "Jawa Timur"),
    "Kecamatan Kepanjen": ("kecamatan", "35.07.01", "Jawa Timur"),
    "Kota Surabaya": ("kota", "35.78", "Jawa Timur"),
    "Jawa Tengah": ("provinsi", "33", "Jawa Tengah"),
    "Kabupaten Demak": ("kabupaten", "33.21", "Jawa Tengah"),
    "Bengkulu": ("provinsi", "17", "Bengkulu"),
}
_PLACE = re.compile("|".join(re.escape(name) for name in sorted(PLACES, key=len, reverse=True)))


def _first(pattern: re.Pattern[str], text: str, make) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for match in pattern.finditer(text):
        fact = make(match)
        seen.setdefault(fact["_key"], fact)
    return [{k: v for k, v in f.items() if k != "_key"} for f in seen.values()]


def _base(match: re.Match[str]) -> dict[str, Any]:
    return {"text": match.group(0), "start": match.start(), "end": match.end()}


def _date(m: re.Match[str]) -> dict[str, Any]:
    value = date(int(m.group(3)), _MONTH[m.group(2).lower()], int(m.group(1))).isoformat()
    return {**_base(m), "value": value, "_key": value}


def _agency(m: re.Match[str]) -> dict[str, Any]:
    return {**_base(m), "name": m.group(0), "_key": m.group(0)}


def _place(m: re.Match[str]) -> dict[str, Any]:
    level, code, province = PLACES[m.group(0)]
    return {
        **_base(m),
        "name": m.group(0),
        "level": level,
        "code": code,
        "province": province,
        "_key": m.group(0),
    }


def _count(m: re.Match[str]) -> dict[str, Any]:
    return {
        **_base(m),
        "count": int(m.group(1)),
        "approximate": False,
        "who": m.group(2),
        "_key": m.group(0),
    }


def extract(text: str, reference_date: date | None = None) -> dict[str, Any]:
    dates = _first(_DATE, text, _date)
    if dates:
        dates[0]["role"] = "event"
    return {
        "extractor_version": EXTRACTOR_VERSION,
        "dates": dates,
        "event_date": dates[0]["value"] if dates else None,
        "places": _first(_PLACE, text, _place),
        "agencies": _first(_AGENCY, text, _agency),
        "participants": _first(_COUNT, text, _count),
    }
