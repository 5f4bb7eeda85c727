"""The API's description of itself."""

from __future__ import annotations

from flask import Blueprint, jsonify

from .openapi import spec

bp = Blueprint("meta", __name__, url_prefix="/api")


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())
