#!/usr/bin/env bash
# `make test`: every test of the module (Odoo's runner) and the end-to-end tests of tests/
# (pytest against a running server), on a throwaway database. Last line: "N passed, N failed".
# Exit code non-zero on any failure, error, install error or unexpected warning.
# TEST_TAGS narrows Odoo's tests (default: all of the module); E2E=0 skips the e2e phase;
# E2E_TESTS narrows the e2e phase (pytest arguments, e.g. "tests/test_e2e_workers.py").
source "$(dirname "$0")/common.sh"

"$PROJECT_DIR/dev/bootstrap.sh"
pg_was_running=0
"$PROJECT_DIR/dev/pg.sh" status >/dev/null 2>&1 && pg_was_running=1
"$PROJECT_DIR/dev/pg.sh" start

DB="gep_test_$$"
RESULTS="$LOCAL_DIR/test-results"
TEST_PORT="${TEST_PORT:-$((HTTP_PORT + 100))}"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    dropdb --if-exists --force "$DB" 2>/dev/null || true
    rm -rf "$DATA_DIR/filestore/$DB"
    [ "$pg_was_running" = 1 ] || "$PROJECT_DIR/dev/pg.sh" stop
}
trap cleanup EXIT
mapfile -t OPTS < <(odoo_opts)

log "Installing $MODULE with demo data in $DB and running its tests…"
set +e
"${ODOO[@]}" "${OPTS[@]}" -d "$DB" -i "$MODULE" --test-enable \
    --test-tags "${TEST_TAGS:-/$MODULE}" --stop-after-init --http-port="$TEST_PORT" \
    --gevent-port=$((TEST_PORT + 3)) --max-cron-threads=0 --log-level=info \
    2>&1 | tee "$RESULTS/odoo-tests.log" | grep --line-buffered -E " (WARNING|ERROR|CRITICAL) |^(FAIL|ERROR):|Traceback|tests when loading database" >&2
set -e

log "Checking translations (i18n/*.pot up to date, vi.po complete)…"
set +e
"${ODOO[@]}" "${OPTS[@]}" -d "$DB" --i18n-export="$RESULTS/exported.pot" --modules="$MODULE" \
    --stop-after-init --log-level=warn --http-port="$TEST_PORT" --gevent-port=$((TEST_PORT + 3)) \
    && "$VENV/bin/python" "$PROJECT_DIR/dev/i18n.py" check "$RESULTS/exported.pot" --junit "$RESULTS/i18n.xml"
set -e

if [ "${E2E:-1}" = 1 ]; then
    log "End-to-end tests (tests/) against a server on port $TEST_PORT…"
    "${ODOO[@]}" "${OPTS[@]}" -d "$DB" --db-filter="^$DB\$" --http-interface=127.0.0.1 \
        --http-port="$TEST_PORT" --gevent-port=$((TEST_PORT + 3)) --max-cron-threads=0 \
        --log-level=info --logfile="$RESULTS/odoo-e2e-server.log" &
    server_pid=$!
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$TEST_PORT/web/health" >/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.5
    done
    # Tests that start a server of their own (tests/test_e2e_workers.py: --workers) take its
    # command line from GEP_ODOO_ARGV (JSON: python, odoo-bin, the options above, the database)
    # and write its log to GEP_RESULTS.
    odoo_argv=$("$VENV/bin/python" -c 'import json, sys; print(json.dumps(sys.argv[1:]))' \
        "${ODOO[@]}" "${OPTS[@]}" -d "$DB" --db-filter="^$DB\$")
    set +e
    # shellcheck disable=SC2086 # E2E_TESTS: several pytest arguments
    GEP_URL="http://127.0.0.1:$TEST_PORT" GEP_DB="$DB" GEP_ODOO_ARGV="$odoo_argv" GEP_RESULTS="$RESULTS" \
        "$VENV/bin/python" -m pytest ${E2E_TESTS:-"$PROJECT_DIR/tests"} -p no:cacheprovider -q \
        --junitxml="$RESULTS/e2e.xml" >&2
    set -e
    kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=""
fi

summary=(--expected-warnings "$PROJECT_DIR/dev/expected-warnings.txt" --odoo-log "$RESULTS/odoo-tests.log"
    --junit "$RESULTS/i18n.xml")
if [ "${E2E:-1}" = 1 ]; then
    summary+=(--junit "$RESULTS/e2e.xml" --server-log "$RESULTS/odoo-e2e-server.log"
        --server-log "$RESULTS/odoo-workers-server.log"
        --expected-server-warnings "$PROJECT_DIR/dev/expected-server-warnings.txt")
fi
"$VENV/bin/python" "$PROJECT_DIR/dev/summarize.py" "${summary[@]}"
