"""The processes of a deployment, on local ports: Odoo servers and nginx configured exactly as
the README's Deployment section says.

Used by the end-to-end tests that need more than the e2e server (``tests/test_e2e_*.py``: the
workers, the backup, two application nodes, a hot standby, faults) and by ``make loadtest``.
Everything is started in its own process group and stopped by ``stop()``, so that a test leaves
nothing running. The Odoo command line comes from ``GEP_ODOO_ARGV`` (JSON: python, odoo-bin,
the options of ``make test``, ``-d`` and the database), which ``dev/test.sh`` exports.
"""

import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import psycopg2
import requests

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
STARTUP_TIMEOUT = 120
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
# PostgreSQL's server binaries, as dev/common.sh finds them.
PG_BIN = os.environ.get("PG_BIN") or next(
    iter(
        sorted(
            Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name), reverse=True
        )
    ),
    Path("/usr/lib/postgresql/15/bin"),
)


class StackError(RuntimeError):
    """A process of the stack did not start, or the README's configuration changed shape."""


def wait_until(condition, timeout, what, process=None, log=None):
    """Poll ``condition`` until it returns a true value and return it; raise ``StackError``
    after ``timeout`` seconds, or as soon as ``process`` exits. Polling a process that is
    starting, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        if process is not None and process.poll() is not None:
            raise StackError(f"the process stopped (exit code {process.returncode}) before {what}{tail(log)}")
        time.sleep(0.25)
    raise StackError(f"no {what} after {timeout} s{tail(log)}")


def tail(log, lines=30):
    """The end of a log file, to explain a failure."""
    if not log or not Path(log).exists():
        return ""
    return f"\n--- end of {log}:\n" + "\n".join(Path(log).read_text(errors="replace").splitlines()[-lines:])


def answers_200(url):
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def free_port(span=0):
    """A local TCP port that is free, with the ``span`` ports after it free too (an Odoo node
    needs its gevent port at ``+ 3``): for the tests that start processes of their own."""
    for _attempt in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + span > 65535:
            continue
        try:
            for offset in range(1, span + 1):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port + offset))
        except OSError:
            continue
        return port
    raise StackError(f"no free local port followed by {span} free ports")


def odoo_argv(db=None):
    """Odoo's command line of ``make test`` (``GEP_ODOO_ARGV``), on ``db`` if given."""
    if not os.environ.get("GEP_ODOO_ARGV"):
        raise StackError("GEP_ODOO_ARGV is not set: run the end-to-end tests with `make test`.")
    argv = json.loads(os.environ["GEP_ODOO_ARGV"])
    if db:
        argv = [f"--db-filter=^{db}$" if arg.startswith("--db-filter=") else arg for arg in argv]
        argv[argv.index("-d") + 1] = db
    return argv


def _kill_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


class OdooServer:
    """One Odoo server (an application node) on local ports: ``http_port`` and, under
    ``--workers``, the gevent process on ``http_port + 3`` (Odoo's default offset)."""

    def __init__(self, argv, http_port, log_dir, name="odoo", options=(), env=None):
        self.http_port, self.gevent_port = http_port, http_port + 3
        self.url = f"http://127.0.0.1:{http_port}"
        self.gevent_url = f"http://127.0.0.1:{self.gevent_port}"
        self.log = Path(log_dir) / f"{name}.log"
        self.output = Path(log_dir) / f"{name}.out"
        self.command = [
            *argv,
            "--http-interface=127.0.0.1",
            f"--http-port={http_port}",
            f"--gevent-port={self.gevent_port}",
            *options,
            f"--logfile={self.log}",
        ]
        self.env = dict(os.environ, **(env or {}))
        self.process = None

    def start(self, timeout=STARTUP_TIMEOUT):
        """Start the server and wait until it answers on /web/health."""
        self.log.unlink(missing_ok=True)  # Odoo appends to its log file
        with open(self.output, "wb") as out:
            self.process = subprocess.Popen(
                self.command,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_until(
                lambda: answers_200(f"{self.url}/web/health"),
                timeout,
                "answer on /web/health",
                self.process,
                self.log,
            )
        except StackError:
            self.stop()
            raise
        return self

    def workers(self):
        """The pids of the server's child processes (HTTP workers, cron workers, gevent)."""
        result = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False
        )
        return [int(pid) for pid in result.stdout.split()]

    def worker_of(self, client_port):
        """The pid of the server's child process that owns the TCP connection whose local port
        is ``client_port`` (``pg_stat_activity.client_port`` of a PostgreSQL backend), or None:
        which HTTP worker runs the request a backend serves. (Every worker uses the registry
        that the master loaded, whose ``application_name`` carries the master's pid.)"""
        import psutil  # an Odoo requirement

        for pid in self.workers():
            try:
                connections = psutil.Process(pid).connections(kind="tcp")
            except psutil.NoSuchProcess:
                continue
            if any(connection.laddr and connection.laddr.port == client_port for connection in connections):
                return pid
        return None

    def kill(self):
        """``kill -9`` of the whole node: the master and its workers, as a crash of the machine."""
        if self.process and self.process.poll() is None:
            _kill_group(self.process, signal.SIGKILL)
            self.process.wait()

    def stop(self):
        """SIGTERM to the master: it stops its workers and the gevent process, then exits."""
        if self.process is None or self.process.poll() is not None:
            if self.process is not None:
                _kill_group(self.process, signal.SIGKILL)  # orphaned workers of a killed master
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            _kill_group(self.process, signal.SIGKILL)
            self.process.wait()
        _kill_group(self.process, signal.SIGKILL)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def restart_postgresql():
    """A fast restart of the private PostgreSQL cluster (``dev/pg.sh restart``, with the
    ``PGPORT`` of the environment): every open session ends, its transaction rolled back."""
    result = subprocess.run(
        [str(ROOT / "dev" / "pg.sh"), "restart"], capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode:
        raise StackError(f"PostgreSQL did not restart:\n{result.stderr}")


def readme_nginx_config():
    """The nginx configuration of the README's Deployment section, as written there."""
    text = README.read_text()
    if "**nginx.**" not in text:
        raise StackError("README.md has no **nginx.** paragraph in its Deployment section")
    match = re.search(r"```nginx\n(.*?)```", text.split("**nginx.**", 1)[1], re.S)
    if not match:
        raise StackError("README.md's nginx paragraph has no ```nginx block")
    return match.group(1)


def nginx_config(listen_port, http_ports, gevent_ports, prefix, extra_http=""):
    """The README's nginx configuration, unchanged but for what a test on local ports must
    change: the upstreams list the given local ports, the server listens on plain HTTP on
    ``127.0.0.1:listen_port`` (no certificate), and the files of an unprivileged nginx live
    under ``prefix``. Raises ``StackError`` when the README's block no longer has the shape
    this relies on, so that the tests follow the documentation."""
    prefix = Path(prefix)
    conf = readme_nginx_config()
    http_servers = " ".join(f"server 127.0.0.1:{port};" for port in http_ports)
    gevent_servers = " ".join(f"server 127.0.0.1:{port};" for port in gevent_ports)
    replacements = (
        (r"upstream odoo \{[^}]*\}", f"upstream odoo {{ {http_servers} }}"),
        (r"upstream odoo_gevent \{[^}]*\}", f"upstream odoo_gevent {{ {gevent_servers} }}"),
        (r"listen 443 ssl;", f"listen 127.0.0.1:{listen_port};"),
        (r"server_name [^;]*;", "server_name localhost;"),
    )
    for pattern, replacement in replacements:
        conf, count = re.subn(pattern, replacement, conf)
        if count != 1:
            raise StackError(f"README.md's nginx block: expected one match of {pattern!r}")
    user = f"user {pwd.getpwuid(os.getuid()).pw_name};\n" if os.getuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes auto;\n"
        f"pid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        f"    access_log {prefix / 'access.log'};\n"
        f"{temp}\n"
        f"{extra_http}"
        f"{conf}"
        "}\n"
    )


class Nginx:
    """nginx as the README configures it, on ``127.0.0.1:port``, in front of the given nodes."""

    def __init__(self, port, http_ports, gevent_ports, prefix, extra_http=""):
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        self.prefix = Path(prefix)
        self.prefix.mkdir(parents=True, exist_ok=True)
        self.conf = self.prefix / "nginx.conf"
        self.conf.write_text(nginx_config(port, http_ports, gevent_ports, self.prefix, extra_http))
        self.process = None

    def start(self, timeout=30):
        if not Path(NGINX).exists():
            raise StackError(f"{NGINX} is missing: install Debian's nginx package")
        command = [NGINX, "-p", str(self.prefix), "-c", str(self.conf)]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
        if check.returncode:
            raise StackError(f"nginx refuses its configuration:\n{check.stderr}")
        self.process = subprocess.Popen(
            [*command, "-g", "daemon off;"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # its errors go to error.log
            start_new_session=True,
        )
        wait_until(
            lambda: answers_200(f"{self.url}/web/health"),
            timeout,
            "answer of nginx on /web/health",
            self.process,
            self.prefix / "error.log",
        )
        return self

    def stop(self):
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    pass
            _kill_group(self.process, signal.SIGKILL)
            self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


# ------------------------------------------------------------
# PostgreSQL: a hot standby of the private cluster
# ------------------------------------------------------------


def pg_command(argv):
    """A PostgreSQL command as dev/common.sh's ``pg_run`` runs it: PostgreSQL refuses to run as
    root, so as root its binaries run in a user namespace where the caller appears as an
    unprivileged uid (the files stay the caller's)."""
    if os.getuid() == 0:
        return ["unshare", "--user", "--map-user=1000", "--map-group=1000", *argv]
    return list(argv)


def primary_from_argv(argv):
    """``(host, port, user)`` of the database server of an Odoo command line (``--db_host``…)."""
    options = dict(arg[2:].split("=", 1) for arg in argv if arg.startswith("--db_") and "=" in arg)
    return (
        options.get("db_host", "127.0.0.1"),
        int(options.get("db_port", 5432)),
        options.get("db_user", "odoo"),
    )


class Standby:
    """A hot standby of a PostgreSQL primary, as the README's *Reads on a standby* sets one up:
    ``pg_basebackup -R`` (a base backup that writes ``standby.signal`` and the primary's address)
    into ``data_dir``, then the standby started on ``127.0.0.1:port``; streaming replication
    from the primary. The primary must allow replication connections from 127.0.0.1 (the
    ``host replication`` line of the ``pg_hba.conf`` that ``initdb`` writes, kept by
    dev/pg.sh). ``stop()`` stops it and deletes its data, whatever state it is in."""

    def __init__(self, primary, port, data_dir, settings=()):
        self.host, self.primary_port, self.user = primary
        self.port = port
        self.data_dir = Path(data_dir)
        self.log = self.data_dir.parent / f"{self.data_dir.name}.log"
        self.settings = tuple(settings)  # extra ``-c name=value`` of the standby (log_statement…)

    def _run(self, argv, timeout):
        result = subprocess.run(
            pg_command(argv), capture_output=True, text=True, timeout=timeout, check=False
        )
        if result.returncode:
            raise StackError(f"{Path(argv[0]).name} failed: {result.stderr.strip()}{tail(self.log)}")
        return result

    def connect(self, dbname="postgres", primary=False):
        """A connection (autocommit) to the standby, or to the primary."""
        port = self.primary_port if primary else self.port
        connection = psycopg2.connect(host=self.host, port=port, user=self.user, dbname=dbname)
        connection.autocommit = True
        return connection

    def query(self, sql, params=None, dbname="postgres", primary=False):
        """The rows of ``sql`` on the standby (or the primary), on a connection of its own."""
        connection = self.connect(dbname, primary)
        try:
            with connection.cursor() as cr:
                cr.execute(sql, params)
                return cr.fetchall()
        finally:
            connection.close()

    def _in_recovery(self):
        try:
            return self.query("SELECT pg_is_in_recovery()")[0][0]
        except psycopg2.OperationalError:
            return False

    def start(self, timeout=STARTUP_TIMEOUT):
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._run(
                [
                    f"{PG_BIN}/pg_basebackup",
                    "-D",
                    str(self.data_dir),
                    "-h",
                    self.host,
                    "-p",
                    str(self.primary_port),
                    "-U",
                    self.user,
                    "-R",
                    "-X",
                    "stream",
                    "--checkpoint=fast",
                    "--no-sync",
                ],
                timeout,
            )
            options = " ".join(
                [
                    f"-c listen_addresses={self.host}",
                    f"-p {self.port}",
                    "-c unix_socket_directories=''",
                    "-c hot_standby=on",
                    *(f"-c {setting}" for setting in self.settings),
                ]
            )
            self._run(
                [
                    f"{PG_BIN}/pg_ctl",
                    "-D",
                    str(self.data_dir),
                    "-l",
                    str(self.log),
                    "-w",
                    "-t",
                    str(timeout),
                    "-o",
                    options,
                    "start",
                ],
                timeout + 10,
            )
            wait_until(self._in_recovery, timeout, "hot standby accepting connections", log=self.log)
        except (StackError, subprocess.TimeoutExpired):
            self.stop()
            raise
        return self

    def primary_lsn(self):
        """The end of what the primary has written so far. The insert position, not
        ``pg_current_wal_lsn()``: with ``synchronous_commit = off`` (dev/pg.sh), a commit that
        has returned may not be written out yet."""
        return self.query("SELECT pg_current_wal_insert_lsn()::text", primary=True)[0][0]

    def replayed(self, lsn):
        """Whether the standby has replayed the primary's WAL up to ``lsn``."""
        return self.query("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), %s) >= 0", (lsn,))[0][0]

    def wait_for_replay(self, timeout=60):
        """Wait until the standby has replayed everything the primary has written so far."""
        lsn = self.primary_lsn()
        wait_until(lambda: self.replayed(lsn), timeout, f"replay of the WAL up to {lsn}", log=self.log)
        return lsn

    def pause_replay(self):
        self.query("SELECT pg_wal_replay_pause()")
        wait_until(
            lambda: self.query("SELECT pg_get_wal_replay_pause_state()")[0][0] == "paused",
            30,
            "pause of the standby's replay",
            log=self.log,
        )

    def resume_replay(self):
        self.query("SELECT pg_wal_replay_resume()")

    def stop(self):
        """Stop the standby (fast, then by its postmaster's pid) and delete its data."""
        try:
            if (self.data_dir / "postmaster.pid").exists():
                result = subprocess.run(
                    pg_command(
                        [f"{PG_BIN}/pg_ctl", "-D", str(self.data_dir), "-w", "-t", "60", "-m", "fast", "stop"]
                    ),
                    capture_output=True,
                    timeout=90,
                    check=False,
                )
                pid_file = self.data_dir / "postmaster.pid"
                if result.returncode and pid_file.exists():
                    try:
                        os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
                    except (ProcessLookupError, ValueError):
                        pass
        finally:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
