"""`make backup` and `make restore` are proven: the database of the end-to-end tests is backed
up, restored into a fresh database, and the restored copy is compared with the original: the
row count of every table of the module, the consolidation's figures (``get_kpi_summary`` served
by a server on the restored database) and every stored attachment's checksum against its file.
A backup whose files do not match their manifest is not restored.

The restored database and its filestore are dropped at the end. Port: the e2e server's + 60.
"""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import XmlRpc
from odoo_stack import OdooServer, odoo_argv

ROOT = Path(__file__).resolve().parent.parent
PORT_OFFSET = 60
YEARS = (2025, 2026)


def _run(script, **env):
    result = subprocess.run(
        [str(ROOT / "dev" / script)],
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return result


def _psql(db, sql):
    result = subprocess.run(
        ["psql", "-d", db, "-tA", "-F", "\t", "-c", sql], capture_output=True, text=True, check=True
    )
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def _filestore(db):
    data_dir = next(arg.split("=", 1)[1] for arg in odoo_argv() if arg.startswith("--data-dir="))
    return Path(data_dir) / "filestore" / db


def _stored_attachments(db):
    """``{store_fname: checksum}`` of the attachments kept in the filestore."""
    rows = _psql(db, "SELECT store_fname, checksum FROM ir_attachment WHERE store_fname IS NOT NULL")
    return dict(rows)


@pytest.fixture
def restored(server, tmp_path):
    """A backup of the e2e database restored into a new database: (backup folder, its name)."""
    __, db = server
    name = f"{db}_restored"
    backup = _run("backup.sh", DB=db, BACKUP_DIR=str(tmp_path / "backups"))
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip().splitlines()[-1])
    try:
        restore = _run("restore.sh", BACKUP=str(folder), DB=name)
        assert restore.returncode == 0, restore.stderr
        yield folder, name
    finally:
        subprocess.run(["dropdb", "--if-exists", name], check=False, capture_output=True)
        shutil.rmtree(_filestore(name), ignore_errors=True)


def test_a_restored_backup_has_the_originals_rows_figures_and_files(server, restored, tmp_path):
    url, db = server
    folder, name = restored
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == db
    # The row counts, as the original has them now (nothing wrote since the backup) and as the
    # manifest recorded them.
    counts_sql = (
        "SELECT relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace "
        "WHERE s.nspname = 'public' AND c.relkind = 'r' "
        "AND (relname LIKE 'gender\\_equality\\_%' OR relname = 'ir_attachment') ORDER BY relname"
    )
    tables = [row[0] for row in _psql(db, counts_sql)]
    assert "gender_equality_report" in tables and "ir_attachment" in tables
    for table in tables:
        original = int(_psql(db, f'SELECT count(*) FROM "{table}"')[0][0])
        assert int(_psql(name, f'SELECT count(*) FROM "{table}"')[0][0]) == original, table
        assert manifest["row_counts"][table] == original, table
    assert manifest["row_counts"]["gender_equality_report"] > 0
    # Every stored attachment: the same checksum as the original's, and its file in the restored
    # filestore has that checksum (Odoo's SHA-1 of the content).
    original_files = _stored_attachments(db)
    assert original_files, "the e2e database has no stored attachment to compare"
    assert _stored_attachments(name) == original_files
    store = _filestore(name)
    for store_fname, checksum in original_files.items():
        assert hashlib.sha1((store / store_fname).read_bytes()).hexdigest() == checksum, store_fname
    # The consolidation's figures, computed by a server on the restored database.
    port = urlsplit(url).port + PORT_OFFSET
    options = ("--max-cron-threads=0",)
    node = OdooServer(odoo_argv(name), port, tmp_path, name="odoo-restored", options=options)
    with node:
        original = XmlRpc(url, db, "truongban", "truongban")
        copy = XmlRpc(f"http://127.0.0.1:{port}", name, "truongban", "truongban")
        for year in YEARS:
            figures = original.call("gender.equality.report", "get_kpi_summary", year)
            assert figures["reports_accepted"] > 0 or year != 2026
            assert copy.call("gender.equality.report", "get_kpi_summary", year) == figures, year
    assert "Traceback" not in node.log.read_text(errors="replace")


def test_a_backup_is_restored_only_into_a_new_database_and_only_when_it_matches_its_manifest(
    server, tmp_path
):
    __, db = server
    backup = _run("backup.sh", DB=db, BACKUP_DIR=str(tmp_path / "backups"))
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip().splitlines()[-1])
    # Never over a database that exists.
    refused = _run("restore.sh", BACKUP=str(folder), DB=db)
    assert refused.returncode != 0
    assert f"The database {db} exists" in refused.stderr
    with open(folder / "filestore.tar.gz", "ab") as archive:
        archive.write(b"altered")
    name = f"{db}_altered"
    restore = _run("restore.sh", BACKUP=str(folder), DB=name)
    assert restore.returncode != 0
    assert "filestore.tar.gz: SHA-256" in restore.stderr
    assert "does not match its manifest: not restored" in restore.stderr
    assert not _psql("postgres", f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    assert not _filestore(name).exists()
