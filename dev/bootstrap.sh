#!/usr/bin/env bash
# Prepare (or reuse) everything the README's commands need: the Odoo 18.0 source, a virtualenv
# with Odoo's and this project's requirements, and the OCA addons from PyPI.
# Fast when nothing changed: a stamp file records the inputs of the last successful install.
source "$(dirname "$0")/common.sh"

find_odoo() {
    if [ -f "$ODOO_SRC/odoo-bin" ] && [ -f "$ODOO_SRC/odoo/release.py" ]; then
        return 0
    fi
    log "Odoo source not found in $ODOO_SRC; cloning $ODOO_REPO ($ODOO_BRANCH)…"
    mkdir -p "$(dirname "$ODOO_SRC")"
    if git clone --quiet --depth 1 --branch "$ODOO_BRANCH" "$ODOO_REPO" "$ODOO_SRC" 2>"$LOCAL_DIR/odoo-clone.log"; then
        return 0
    fi
    rm -rf "$ODOO_SRC"
    die "Could not find or clone Odoo 18.0 (see $LOCAL_DIR/odoo-clone.log).
    Put a checkout of Odoo's 18.0 branch at $ODOO_SRC, for example:
        git clone --depth 1 --branch 18.0 https://github.com/odoo/odoo.git $ODOO_SRC
    or point ODOO_SRC at an existing one:  make test ODOO_SRC=/path/to/odoo-18.0"
}

check_odoo_version() {
    local serie
    serie=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\),.*/\1.\2/p" "$ODOO_SRC/odoo/release.py")
    [ "$serie" = "18.0" ] || die "$ODOO_SRC holds Odoo $serie, not 18.0. Set ODOO_SRC to an Odoo 18.0 checkout."
}

missing_system_packages() {
    local missing=()
    [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
    [ -f /usr/include/ldap.h ] || missing+=(libldap2-dev)
    [ -f /usr/include/sasl/sasl.h ] || missing+=(libsasl2-dev)
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || missing+=(postgresql)
    # PDF reports: wkhtmltopdf (Debian's 0.12.6 works with Odoo 18; any wkhtmltopdf on the PATH
    # will do), pdftotext for the tests that read the PDFs back, and fonts with Vietnamese
    # diacritics: the administrative layout asks for 'Times New Roman', then for the
    # metric-compatible Liberation Serif; DejaVu is the fallback for everything else.
    command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
    command -v pdftotext >/dev/null || missing+=(poppler-utils)
    [ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation2)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
    # SoftHSM2 emulates a PKCS#11 token for the tests of the body's signature on a token.
    command -v softhsm2-util >/dev/null || missing+=(softhsm2)
    # The browser tours (HttpCase.start_tour): without a Chrome, Odoo skips them and the run stays green.
    command -v chromium >/dev/null || command -v google-chrome >/dev/null || missing+=(chromium)
    printf '%s\n' "${missing[@]}"
}

ensure_system_packages() {
    local missing
    missing=$(missing_system_packages | xargs)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "Installing Debian packages: $missing"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    else
        die "Missing system packages: $missing. Install them with: sudo apt-get install $missing"
    fi
}

main() {
    mkdir -p "$LOCAL_DIR"
    mkdir -p -m 700 "$LOCAL_DIR/xdg-runtime"  # the default XDG_RUNTIME_DIR of dev/common.sh
    ensure_system_packages
    find_odoo
    check_odoo_version
    local stamp="$VENV/.gep-stamp" inputs
    inputs=$(cat "$ODOO_SRC/requirements.txt" "$PROJECT_DIR/requirements.txt" "$PIP_CONSTRAINT" | sha1sum | cut -c1-40)
    inputs="$inputs $(cd "$ODOO_SRC" && pwd)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ] && [ -x "$VENV/bin/python" ]; then
        return 0
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        log "Creating virtualenv $VENV"
        python3 -m venv "$VENV"
    fi
    log "Installing Odoo's requirements (first run: several minutes)…"
    # --upgrade: a new virtualenv holds Python's bundled setuptools (65.5 on Python 3.11), which
    # satisfies a bare requirement; dev/constraints.txt says which version we need.
    "$VENV/bin/pip" install -q --upgrade setuptools wheel
    "$VENV/bin/pip" install -q -r "$ODOO_SRC/requirements.txt"
    "$VENV/bin/pip" install -q --no-build-isolation --no-deps -e "$ODOO_SRC"
    log "Installing this project's requirements and OCA addons…"
    "$VENV/bin/pip" install -q -r "$PROJECT_DIR/requirements.txt"
    echo "$inputs" >"$stamp"
}

main "$@"
