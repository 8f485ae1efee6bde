# shellcheck shell=bash
# Shared settings and helpers of the development scripts (sourced, never run).
# Every setting can be overridden from the environment; the defaults work on a fresh clone.
set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODULE=gender_equality_plan

# Odoo 18.0 source tree (a checkout of the 18.0 branch).
ODOO_SRC="${ODOO_SRC:-$HOME/src/odoo-18.0}"
ODOO_REPO="${ODOO_REPO:-https://github.com/odoo/odoo.git}"
ODOO_BRANCH="${ODOO_BRANCH:-18.0}"
# Everything the scripts create lives under .local/ (git-ignored).
LOCAL_DIR="${LOCAL_DIR:-$PROJECT_DIR/.local}"
VENV="${VENV:-$PROJECT_DIR/.venv}"
PGDATA="${PGDATA:-$LOCAL_DIR/pgdata}"
PGHOST=127.0.0.1
PGPORT="${PGPORT:-54329}"
PGUSER="${PGUSER:-odoo}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
DATA_DIR="${DATA_DIR:-$LOCAL_DIR/filestore}"
HTTP_PORT="${HTTP_PORT:-8069}"
DEMO_DB="${DEMO_DB:-gep_demo}"
export PGHOST PGPORT PGUSER
export PIP_CONSTRAINT="$PROJECT_DIR/dev/constraints.txt"
# wkhtmltopdf (Qt) complains on stderr when XDG_RUNTIME_DIR is unset (as under CI or sudo), and
# Odoo logs whatever it prints as a WARNING: give it a private one (dev/bootstrap.sh creates it).
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$LOCAL_DIR/xdg-runtime}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '\033[1m[gep]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[gep] %s\033[0m\n' "$*" >&2; exit 1; }

# PostgreSQL refuses to run as root. As root we run its binaries in a user namespace where the
# current user appears as an unprivileged uid; the files stay owned by the caller.
pg_run() {
    if [ "$(id -u)" = 0 ]; then
        unshare --user --map-user=1000 --map-group=1000 "$@"
    else
        "$@"
    fi
}

# The Odoo command (an array, so that `"${ODOO[@]}" … &` gives the server's own pid).
ODOO=("$VENV/bin/python" "$ODOO_SRC/odoo-bin")

addons_path() {
    local oca
    oca=$("$VENV/bin/python" -c 'import odoo.addons, os; print(",".join(p for p in odoo.addons.__path__ if "site-packages" in p))' 2>/dev/null || true)
    printf '%s' "$PROJECT_DIR,$ODOO_SRC/addons,$ODOO_SRC/odoo/addons${oca:+,$oca}"
}

# Common options of every Odoo invocation of the scripts.
odoo_opts() {
    printf '%s\n' --addons-path="$(addons_path)" --db_host="$PGHOST" --db_port="$PGPORT" \
        --db_user="$PGUSER" --data-dir="$DATA_DIR"
}

# A digest of the module's files: a database built from other files must be updated (-u).
module_hash() {
    (cd "$PROJECT_DIR" && find "$MODULE" -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
}

# The row count of every table of the module and of ir_attachment in database $1, as JSON
# ({"table": rows}): what `make backup` writes in its manifest and `make restore` compares.
row_counts() {
    psql -d "$1" -tA -c "
    SELECT json_object_agg(relname, n_rows) FROM (
        SELECT c.relname, (xpath('/row/n/text()', query_to_xml(
                   format('SELECT count(*) AS n FROM %I', c.relname), false, true, '')))[1]::text::bigint
               AS n_rows
        FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind = 'r'
          AND (c.relname LIKE 'gender\\_equality\\_%' OR c.relname = 'ir_attachment')
        ORDER BY c.relname) t"
}
