#!/usr/bin/env bash
# `make demo`: the module with its demo data, in Vietnamese, served on http://localhost:$HTTP_PORT.
# First run: creates the virtualenv, the PostgreSQL cluster and the database (minutes).
# Later runs reuse them; the module is updated only when its files changed.
# DETACH=1 serves in the background (log in .local/odoo-demo.log, stop with `make stop`).
source "$(dirname "$0")/common.sh"

"$PROJECT_DIR/dev/bootstrap.sh"
pidfile="$LOCAL_DIR/odoo-demo.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "A demo server is already running (pid $(cat "$pidfile")): restarting it."
    "$PROJECT_DIR/dev/stop.sh"
fi
"$PROJECT_DIR/dev/pg.sh" start
mapfile -t OPTS < <(odoo_opts)

module_hash=$(cd "$PROJECT_DIR" && find "$MODULE" -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
stamp="$LOCAL_DIR/$DEMO_DB.module-hash"
db_exists=$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DEMO_DB'")
if [ "$db_exists" != 1 ]; then
    log "Creating database $DEMO_DB with $MODULE, its demo data and Vietnamese (a few minutes)…"
    "${ODOO[@]}" "${OPTS[@]}" -d "$DEMO_DB" -i "$MODULE" --load-language=vi_VN --stop-after-init \
        --log-level=warn >"$LOCAL_DIR/demo-install.log" 2>&1 \
        || { tail -n 30 "$LOCAL_DIR/demo-install.log"; dropdb --if-exists "$DEMO_DB"; die "Installing the demo failed (log: $LOCAL_DIR/demo-install.log)"; }
    echo "$module_hash" >"$stamp"
elif [ "$(cat "$stamp" 2>/dev/null)" != "$module_hash" ]; then
    log "Module files changed: updating $MODULE in $DEMO_DB…"
    "${ODOO[@]}" "${OPTS[@]}" -d "$DEMO_DB" -u "$MODULE" --stop-after-init --log-level=warn \
        >"$LOCAL_DIR/demo-update.log" 2>&1 \
        || { tail -n 30 "$LOCAL_DIR/demo-update.log"; die "Updating the demo failed (log: $LOCAL_DIR/demo-update.log)"; }
    echo "$module_hash" >"$stamp"
fi

cat >&2 <<EOT

  Gender equality plan demo: http://localhost:$HTTP_PORT  (database $DEMO_DB)
  Logins (password = login):
    admin            administrator (password: admin)
    truongban        Department manager (Ban VSTBPN, final approvals, configuration)
    thuongtruc       Department officer (standing office of the Ban VSTBPN)
    thanhtra         Inspector
    giamdoc.bvdk     Head of unit, Bệnh viện Đa khoa tỉnh Thanh Hóa
    canbo.bvdk       Unit officer, Bệnh viện Đa khoa tỉnh Thanh Hóa
    giamdoc.thoxuan  Head of unit, Trung tâm Y tế Thọ Xuân
    canbo.thoxuan    Unit officer, Trung tâm Y tế Thọ Xuân
    canbo.cdc        Unit officer, Trung tâm Kiểm soát bệnh tật
    canbo.danso      Unit officer, Chi cục Dân số - KHHGĐ
    canbo.xuanlap    Unit officer, Trạm Y tế xã Xuân Lập (affiliated to Trung tâm Y tế Thọ Xuân)
  Stop with Ctrl-C (server) and \`make stop\` (server and PostgreSQL).

EOT
serve=("${ODOO[@]}" "${OPTS[@]}" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --http-interface=127.0.0.1
    --http-port="$HTTP_PORT" --gevent-port=$((HTTP_PORT + 3)) --max-cron-threads=1)
if [ "${DETACH:-0}" = 1 ]; then
    "${serve[@]}" --logfile="$LOCAL_DIR/odoo-demo.log" </dev/null >/dev/null 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null && break
        kill -0 "$(cat "$pidfile")" 2>/dev/null || die "The server stopped, see $LOCAL_DIR/odoo-demo.log"
        sleep 0.5
    done
    log "Serving in the background (pid $(cat "$pidfile"), log $LOCAL_DIR/odoo-demo.log)"
else
    echo $$ >"$pidfile"
    exec "${serve[@]}"
fi
