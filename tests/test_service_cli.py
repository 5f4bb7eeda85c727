"""The `arsip` commands of the service: init-db, keys create, settings (extract has its own)."""

from click.testing import CliRunner

from service import store
from service.api import hash_key
from service.cli import main


def test_flask_init_db_command(runner, app):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "up to date" in result.output  # create_app already migrated


def test_arsip_init_db_and_keys_create(tmp_path, monkeypatch):
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "d"))
    cli = CliRunner()
    result = cli.invoke(main, ["init-db"])
    assert result.exit_code == 0 and "arsip.db" in result.output
    result = cli.invoke(main, ["keys", "create", "--name", "pengunggah"])
    assert result.exit_code == 0
    key = result.output.strip()
    assert len(key) >= 40
    db = store.connect(str(tmp_path / "d" / "arsip.db"))
    rows = list(db["api_keys"].rows)
    db.conn.close()
    assert [(r["name"], r["key_hash"]) for r in rows] == [("pengunggah", hash_key(key))]


def test_settings_table_lists_every_setting_with_help():
    from service.settings import SETTINGS

    result = CliRunner().invoke(main, ["settings"])
    assert result.exit_code == 0
    for setting in SETTINGS:
        assert f"ARSIP_{setting.name.upper()}" in result.output
        assert setting.help


def test_settings_precedence(monkeypatch):
    from service.settings import resolve

    monkeypatch.setenv("ARSIP_PAGE_SIZE", "7")
    monkeypatch.setenv("ARSIP_READS_NEED_KEY", "yes")
    config = resolve({"FACET_SIZE": 3})
    assert config["PAGE_SIZE"] == 7 and config["READS_NEED_KEY"] is True
    assert config["FACET_SIZE"] == 3
    assert resolve({"PAGE_SIZE": 9})["PAGE_SIZE"] == 9  # app config beats the environment


def test_docs_settings_table_is_current():
    from conftest import ROOT

    from service.settings import table

    assert table() in (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
