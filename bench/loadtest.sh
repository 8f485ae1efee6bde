#!/usr/bin/env bash
# `make loadtest`: the deadline week under load (issue 20), on a copy of the benchmark's
# database gep_bench_$SCALE (SCALE=country by default; built by bench/bench.sh when missing).
# The copy, gep_load_$SCALE, is made afresh at each run (the run submits reports, uploads
# evidence); its filestore is a hard-linked copy (Odoo never rewrites a stored file).
# SESSIONS="50 100 200 300 500" (the levels of the curve), DURATION=180 (measured seconds per
# level), WORKERS=5 (Odoo's HTTP workers: the README's odoo.conf), LOADTEST_ARGS passes more options to bench/loadtest.py.
source "$(dirname "$0")/../dev/common.sh"

SCALE="${SCALE:-country}"
TEMPLATE="gep_bench_$SCALE"
DB="${LOADTEST_DB:-gep_load_$SCALE}"
SESSIONS="${SESSIONS:-50 100 200 300 500}"
DURATION="${DURATION:-180}"
WORKERS="${WORKERS:-5}"

BENCH_BUILD_ONLY=1 SCALE="$SCALE" "$PROJECT_DIR/bench/bench.sh"
mapfile -t OPTS < <(odoo_opts)
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"

log "Copying $TEMPLATE to $DB…"
dropdb --if-exists --force "$DB"
createdb -T "$TEMPLATE" "$DB"
# PostgreSQL as the README's Deployment section sets it (jit = off), and as a production server
# commits: waiting for the disk (the private cluster does not, for the tests' speed).
psql -d "$DB" -q -c "ALTER DATABASE \"$DB\" SET jit = off" \
    -c "ALTER DATABASE \"$DB\" SET synchronous_commit = on"
rm -rf "$DATA_DIR/filestore/$DB"
if [ -d "$DATA_DIR/filestore/$TEMPLATE" ]; then
    mkdir -p "$DATA_DIR/filestore"
    cp -al "$DATA_DIR/filestore/$TEMPLATE" "$DATA_DIR/filestore/$DB"
fi
WORKDIR="$LOCAL_DIR/loadtest"
rm -rf "$WORKDIR"
mkdir -p "$WORKDIR"
postmaster_pid=$(head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null || echo 0)
# shellcheck disable=SC2086 # SESSIONS and LOADTEST_ARGS: several words
"$VENV/bin/python" "$PROJECT_DIR/bench/loadtest.py" --scale "$SCALE" --sessions $SESSIONS \
    --duration "$DURATION" --workers "$WORKERS" --workdir "$WORKDIR" --postmaster-pid "$postmaster_pid" \
    --odoo-bin "$ODOO_SRC/odoo-bin" ${LOADTEST_ARGS:-} "${OPTS[@]}" -d "$DB"
