"""Arsip's web service: upload, storage and search over SQLite."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    if test_config:
        app.config.update(test_config)

    @app.get("/healthz")
    def healthz():
        from nlp.pipeline import get_nlp

        get_nlp()
        return jsonify({"ok": True})

    return app
