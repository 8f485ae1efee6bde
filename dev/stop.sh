#!/usr/bin/env bash
# `make stop`: stop the demo server (if running) and the private PostgreSQL cluster.
source "$(dirname "$0")/common.sh"

pidfile="$LOCAL_DIR/odoo-demo.pid"
if [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
        log "Demo server stopped"
    fi
    rm -f "$pidfile"
fi
"$PROJECT_DIR/dev/pg.sh" stop
