#!/usr/bin/env bash
# `make backup`: a database and its filestore, with a manifest that proves them.
#   make backup [DB=gep_demo] [BACKUP_DIR=.local/backups]
# Writes BACKUP_DIR/<db>-<UTC time>/ with database.dump (pg_dump, custom format), filestore.tar.gz
# (the database's attachments) and manifest.json (the database, the time, the module's version,
# the SHA-256 of both files, the row count of every table of the module and of ir_attachment).
# Prints the folder. `make restore` checks the manifest before it restores anything.
source "$(dirname "$0")/common.sh"

DB="${DB:-$DEMO_DB}"
BACKUP_DIR="${BACKUP_DIR:-$LOCAL_DIR/backups}"
# The private cluster of `make demo`, unless PostgreSQL already answers (a server's own).
psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1 || "$PROJECT_DIR/dev/pg.sh" start
[ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ] \
    || die "No database $DB on $PGHOST:$PGPORT"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$BACKUP_DIR/$DB-$stamp"
mkdir -p "$target"
log "Backing up $DB into $target…"
"$PG_BIN/pg_dump" --format=custom --no-owner --file="$target/database.dump" "$DB"
filestore="$DATA_DIR/filestore/$DB"
if [ -d "$filestore" ]; then
    tar -C "$filestore" -czf "$target/filestore.tar.gz" .
else
    tar -czf "$target/filestore.tar.gz" --files-from=/dev/null
fi
counts=$(row_counts "$DB")
version=$(psql -d "$DB" -tA -c "SELECT latest_version FROM ir_module_module WHERE name = '$MODULE'")
"$VENV/bin/python" - "$target" "$DB" "$stamp" "$version" "$counts" <<'PY'
import hashlib, json, sys
from pathlib import Path
target, db, stamp, version, counts = sys.argv[1:]
def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
manifest = {
    "database": db,
    "created": stamp,
    "module_version": version,
    "files": {name: sha256(Path(target, name)) for name in ("database.dump", "filestore.tar.gz")},
    "row_counts": json.loads(counts or "{}"),
}
Path(target, "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
PY
log "Backup complete: $target"
echo "$target"
