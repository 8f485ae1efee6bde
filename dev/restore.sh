#!/usr/bin/env bash
# `make restore`: a backup of `make backup` into a new database, checked against its manifest.
#   make restore BACKUP=.local/backups/gep_demo-20261205T210000Z [DB=gep_restored]
# Refuses a backup whose files do not match their SHA-256, and a database that exists already.
# Restores the dump and the filestore, then compares the row counts with the manifest.
source "$(dirname "$0")/common.sh"

BACKUP="${BACKUP:-}"
[ -n "$BACKUP" ] && [ -f "$BACKUP/manifest.json" ] || die "BACKUP must name a folder of \`make backup\` (with manifest.json)"
"$VENV/bin/python" - "$BACKUP" <<'PY' || die "The backup $BACKUP does not match its manifest: not restored"
import hashlib, json, sys
from pathlib import Path
backup = Path(sys.argv[1])
manifest = json.loads((backup / "manifest.json").read_text())
for name, expected in manifest["files"].items():
    digest = hashlib.sha256((backup / name).read_bytes()).hexdigest()
    if digest != expected:
        sys.exit(f"{name}: SHA-256 {digest}, the manifest says {expected}")
PY
DB="${DB:-$("$VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["database"] + "_restored")' "$BACKUP/manifest.json")}"
# The private cluster of `make demo`, unless PostgreSQL already answers (a server's own).
psql -d postgres -tAc "SELECT 1" >/dev/null 2>&1 || "$PROJECT_DIR/dev/pg.sh" start
[ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" = 1 ] \
    && die "The database $DB exists: restore into a new name (DB=…)"
filestore="$DATA_DIR/filestore/$DB"
[ -e "$filestore" ] && die "The filestore $filestore exists: restore into a new name (DB=…)"
log "Restoring $BACKUP into $DB…"
createdb "$DB"
"$PG_BIN/pg_restore" --no-owner --exit-on-error --dbname="$DB" "$BACKUP/database.dump" \
    || { dropdb --if-exists "$DB"; die "pg_restore failed: $DB dropped"; }
mkdir -p "$filestore"
tar -C "$filestore" -xzf "$BACKUP/filestore.tar.gz"
counts=$(row_counts "$DB")
"$VENV/bin/python" - "$BACKUP/manifest.json" "$counts" <<'PY' || die "Row counts of $DB differ from the manifest"
import json, sys
expected = json.load(open(sys.argv[1]))["row_counts"]
restored = json.loads(sys.argv[2] or "{}")
different = {table: (expected.get(table), restored.get(table)) for table in set(expected) | set(restored)
             if expected.get(table) != restored.get(table)}
if different:
    sys.exit(f"row counts (manifest, restored): {different}")
PY
log "Restored $DB (row counts as in the manifest); filestore in $filestore"
echo "$DB"
