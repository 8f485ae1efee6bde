#!/usr/bin/env bash
# `make i18n`: regenerate i18n/gender_equality_plan.pot from the code (on a throwaway database
# with the module and its demo data, as `make test` checks it) and merge i18n/vi.po.
source "$(dirname "$0")/common.sh"

"$PROJECT_DIR/dev/bootstrap.sh"
pg_was_running=0
"$PROJECT_DIR/dev/pg.sh" status >/dev/null 2>&1 && pg_was_running=1
"$PROJECT_DIR/dev/pg.sh" start
DB="gep_i18n_$$"
cleanup() {
    dropdb --if-exists --force "$DB" 2>/dev/null || true
    rm -rf "$DATA_DIR/filestore/$DB"
    [ "$pg_was_running" = 1 ] || "$PROJECT_DIR/dev/pg.sh" stop
}
trap cleanup EXIT
mapfile -t OPTS < <(odoo_opts)
exported="$LOCAL_DIR/exported.pot"
"${ODOO[@]}" "${OPTS[@]}" -d "$DB" -i "$MODULE" --stop-after-init --log-level=warn
"${ODOO[@]}" "${OPTS[@]}" -d "$DB" --i18n-export="$exported" --modules="$MODULE" \
    --stop-after-init --log-level=warn
"$VENV/bin/python" "$PROJECT_DIR/dev/i18n.py" update "$exported"
