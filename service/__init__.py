"""Arsip's web service: upload, storage and search over SQLite."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify

from . import settings


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """The app factory: settings from test_config / ARSIP_* env / defaults, migrations run."""
    app = Flask(__name__)
    app.config.from_mapping(settings.resolve(test_config))
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_UPLOAD_MB"] * 1024 * 1024)
    app.json.sort_keys = False
    if test_config:
        app.config.update({k: v for k, v in test_config.items() if k not in app.config})

    from . import api, db, web

    db.init_app(app)
    db.init_db(app)
    api.register(app)
    app.register_blueprint(web.bp)

    @app.get("/healthz")
    def healthz():
        """200 once the extraction pipeline is loaded (it is loaded here on first call)."""
        warm_up(app.config["EXTRACTOR"])
        return jsonify({"ok": True})

    return app


_warm: set[str] = set()


def warm_up(extractor: str) -> None:
    """Load the extractor (spaCy pipeline and tables) by running it once on a short text."""
    if extractor in _warm:
        return
    from .ingest import load_extractor

    load_extractor(extractor)("Pada hari Senin, 1 Januari 2024.", None)
    _warm.add(extractor)
    logging.getLogger(__name__).info("extractor %s loaded", extractor)
