#!/usr/bin/env bash
# The project's private PostgreSQL cluster: dev/pg.sh start|stop|restart|status.
# Data in $PGDATA (git-ignored), listening on 127.0.0.1:$PGPORT only, superuser role $PGUSER,
# trust authentication on loopback. No system service is touched.
# initdb's defaults also allow streaming replication from 127.0.0.1 (wal_level = replica,
# max_wal_senders = 10, the "host replication all 127.0.0.1/32" line of pg_hba.conf): the hot
# standby of tests/test_e2e_replica.py (dev/odoo_stack.py, Standby) relies on them.
source "$(dirname "$0")/common.sh"

[ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || die "PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)."

is_running() { pg_run "$PG_BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

start() {
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        log "Creating the PostgreSQL cluster in $PGDATA"
        mkdir -p "$PGDATA"
        chmod 700 "$PGDATA"
        pg_run "$PG_BIN/initdb" -D "$PGDATA" -U "$PGUSER" --auth=trust -E UTF8 --locale=C.UTF-8 \
            >"$LOCAL_DIR/initdb.log" 2>&1 || die "initdb failed, see $LOCAL_DIR/initdb.log"
    fi
    if is_running; then
        return 0
    fi
    pg_run "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOCAL_DIR/postgresql.log" -w -t 60 \
        -o "-c listen_addresses=$PGHOST -p $PGPORT -c unix_socket_directories='' -c synchronous_commit=off -c jit=off" \
        start >/dev/null || die "PostgreSQL did not start, see $LOCAL_DIR/postgresql.log"
    log "PostgreSQL listening on $PGHOST:$PGPORT (data: $PGDATA)"
}

stop() {
    if is_running; then
        pg_run "$PG_BIN/pg_ctl" -D "$PGDATA" -w -m fast stop >/dev/null
        log "PostgreSQL stopped"
    fi
}

# A fast restart (the end-to-end fault tests): open sessions are ended and their transactions
# rolled back; the server starts again with the options it had (postmaster.opts).
restart() {
    is_running || die "PostgreSQL is not running"
    pg_run "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$LOCAL_DIR/postgresql.log" -w -t 60 -m fast restart \
        >/dev/null || die "PostgreSQL did not restart, see $LOCAL_DIR/postgresql.log"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
restart) restart ;;
status) if is_running; then echo running; else echo stopped; exit 3; fi ;;
*) die "usage: dev/pg.sh start|stop|restart|status" ;;
esac
