#!/usr/bin/env bash
# `make bench`: the benchmark of issue 12 on a generated database (SCALE=country by default,
# province or tiny). Builds the database gep_bench_$SCALE when it is missing or incomplete
# (module without demo data, Vietnamese, bench/generate.py), then runs bench/run.py, which prints
# the table and writes bench/results.json. BENCH_ARGS passes options to bench/run.py
# (e.g. BENCH_ARGS="--runs 3 --only kpi_summary"); REGENERATE=1 builds the database again;
# BENCH_BUILD_ONLY=1 builds (or updates) it and stops there (`make loadtest` uses it).
source "$(dirname "$0")/../dev/common.sh"

SCALE="${SCALE:-country}"
case "$SCALE" in
tiny | province | country) ;;
*) die "SCALE must be tiny, province or country (not $SCALE)." ;;
esac
DB="${BENCH_DB:-gep_bench_$SCALE}"

"$PROJECT_DIR/dev/bootstrap.sh"
"$PROJECT_DIR/dev/pg.sh" start
mapfile -t OPTS < <(odoo_opts)
# Odoo's source first: the OCA addons installed in the virtualenv make site-packages/odoo a
# namespace package that would hide it.
export PYTHONPATH="$ODOO_SRC${PYTHONPATH:+:$PYTHONPATH}"
SCRIPT_OPTS=("${OPTS[@]}" -d "$DB" --log-level=warn)

generated=$(psql -d "$DB" -tAc "SELECT value::json->>'scale' FROM ir_config_parameter WHERE key = 'gender_equality_plan.bench'" 2>/dev/null || true)
if [ "$generated" != "$SCALE" ] || [ "${REGENERATE:-0}" = 1 ]; then
    log "Creating $DB: $MODULE without demo data, with Vietnamese…"
    dropdb --if-exists --force "$DB" 2>/dev/null
    rm -rf "$DATA_DIR/filestore/$DB"
    "${ODOO[@]}" "${OPTS[@]}" -d "$DB" -i "$MODULE" --load-language=vi_VN --without-demo=all \
        --stop-after-init --max-cron-threads=0 --log-level=warn >"$LOCAL_DIR/bench-install-$SCALE.log" 2>&1 \
        || { tail -n 30 "$LOCAL_DIR/bench-install-$SCALE.log"; die "Installing $MODULE in $DB failed."; }
    log "Generating the $SCALE data in $DB…"
    "$VENV/bin/python" "$PROJECT_DIR/bench/generate.py" --scale "$SCALE" "${SCRIPT_OPTS[@]}"
    module_hash >"$LOCAL_DIR/$DB.module-hash"
elif [ "$(cat "$LOCAL_DIR/$DB.module-hash" 2>/dev/null)" != "$(module_hash)" ]; then
    log "Module files changed: updating $MODULE in $DB…"
    "${ODOO[@]}" "${OPTS[@]}" -d "$DB" -u "$MODULE" --stop-after-init --max-cron-threads=0 --log-level=warn \
        >"$LOCAL_DIR/bench-update-$SCALE.log" 2>&1 \
        || { tail -n 30 "$LOCAL_DIR/bench-update-$SCALE.log"; die "Updating $MODULE in $DB failed."; }
    module_hash >"$LOCAL_DIR/$DB.module-hash"
fi
[ "${BENCH_BUILD_ONLY:-0}" = 1 ] && exit 0
# shellcheck disable=SC2086
"$VENV/bin/python" "$PROJECT_DIR/bench/run.py" --scale "$SCALE" ${BENCH_ARGS:-} "${SCRIPT_OPTS[@]}"
