# The README's commands. Settings come from the environment or the command line, e.g.
#   make test ODOO_SRC=/path/to/odoo-18.0
.PHONY: demo test stop setup lint i18n bench loadtest backup restore help
SHELL := /bin/bash

help:
	@echo "make demo   serve the module with demo data on http://localhost:8069"
	@echo "make test   run every test (module + end-to-end); last line: N passed, N failed"
	@echo "make stop   stop the demo server and the private PostgreSQL cluster"
	@echo "make setup  prepare the virtualenv, Odoo and the OCA addons only"
	@echo "make i18n   regenerate i18n/gender_equality_plan.pot and merge i18n/vi.po"
	@echo "make lint   run pre-commit on every file"
	@echo "make backup  back up a database and its filestore with a manifest (DB=gep_demo)"
	@echo "make restore restore a backup into a new database, checked (BACKUP=folder [DB=name])"
	@echo "make bench  benchmark the Department's screens on a generated country (SCALE=province: 100 units)"
	@echo "make loadtest  sessions of officers, heads and the Department through nginx and --workers (SESSIONS=\"50 300\")"

demo:
	@dev/demo.sh

test:
	@dev/test.sh

stop:
	@dev/stop.sh

setup:
	@dev/bootstrap.sh

lint:
	@test -x .venv/bin/pre-commit || .venv/bin/pip install -q pre-commit
	@.venv/bin/pre-commit run --all-files

i18n:
	@dev/i18n.sh

bench:
	@bench/bench.sh

loadtest:
	@bench/loadtest.sh

backup:
	@dev/backup.sh

restore:
	@dev/restore.sh
