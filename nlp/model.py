"""The facts the extractor returns, and their JSON form (../shared/eval/CONTRACT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Fact:
    """Every fact keeps the words it came from: `text == document[start:end]`."""

    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        # None-valued optional keys are left out so the JSON stays compact and stable.
        # (Not dataclasses.asdict: its deep copy cost more than some fields' rules.)
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value != []:
                out[f.name] = list(value) if isinstance(value, list) else value
        return out


@dataclass
class DateFact(Fact):
    value: str = ""  # YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known
    end_value: str | None = None  # last day of a range ("1-3 Maret 2020")
    time: str | None = None  # "14:00"
    timezone: str | None = None  # WIB / WITA / WIT
    role: str | None = None  # "event" for the main activity's day


@dataclass
class PlaceFact(Fact):
    name: str = ""
    level: str | None = None  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan, negara, ...
    code: str | None = None  # Kemendagri code, e.g. "35.14"
    province: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class AgencyFact(Fact):
    name: str = ""
    kind: str | None = None  # police, military, government, school, company, ...
    parent: str | None = None
    expansion: str | None = None
    aliases: list[str] = field(default_factory=list)
    inferred: bool | None = None  # fused into a title word (Kapolres); not scored


@dataclass
class CountFact(Fact):
    count: int = 0
    approximate: bool = False
    who: str | None = None  # the person noun: orang, peserta, warga, ...


@dataclass
class Extraction:
    dates: list[DateFact] = field(default_factory=list)
    event_date: str | None = None
    places: list[PlaceFact] = field(default_factory=list)
    agencies: list[AgencyFact] = field(default_factory=list)
    participants: list[CountFact] = field(default_factory=list)
    # "field: ExceptionType: message" for a field whose rules failed on this text (a bug):
    # that field is left empty, the others are kept. Empty when all went well.
    errors: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        from . import EXTRACTOR_VERSION

        out: dict[str, Any] = {
            "extractor_version": EXTRACTOR_VERSION,
            "dates": [f.to_json() for f in self.dates],
            "event_date": self.event_date,
            "places": [f.to_json() for f in self.places],
            "agencies": [f.to_json() for f in self.agencies],
            "participants": [f.to_json() for f in self.participants],
        }
        if self.errors:
            out["errors"] = list(self.errors)
        return out
