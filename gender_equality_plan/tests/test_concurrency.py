# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two people acting on the same record at once, each in their own transaction, as two
requests of the web client or of the API would. One wins; the other gets one clear error; the
record ends in one consistent state.

The data is committed in the test database (two transactions cannot see uncommitted data) and
removed at the end. The second transaction is run in a thread; the test waits until the
database reports it blocked on the first one's lock (``pg_blocking_pids``), records the
statement it waits in, then commits the first.

Decisions have no lock of their own: the decision writes the pending review it read, and in
Odoo's REPEATABLE READ the second writer of that row waits for the first, then fails with a
serialization error that Odoo retries on fresh data. The tests show the second decision waiting
on the review's row, and its retry ending in a clear error. (An explicit ``FOR NO KEY UPDATE`` of
the pending reviews, removed since, only made the second wait a few statements earlier: these
tests passed with and without it. Run with the second connection in READ COMMITTED, where the
write of a decided row simply follows the first one, they fail: both approvals go through.)"""

import sys
import threading
import time
import traceback
from datetime import date
from functools import partial

from odoo import Command, api
from odoo.exceptions import UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

# How long a blocked transaction may take to show up in pg_locks before the test fails.
BLOCK_TIMEOUT = 30
MAX_TRIES = 5


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with cls._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            prefix = "gender_equality_plan."
            cls.unit_id = env["gender.equality.unit"].create({"name": "Concurrency", "code": "TEST-CONC"}).id
            users = [
                new_test_user(env, login, groups=prefix + group)
                for login, group in (
                    ("gep_conc_officer", "group_unit_user"),
                    ("gep_conc_head_1", "group_unit_manager"),
                    ("gep_conc_head_2", "group_unit_manager"),
                )
            ]
            env["gender.equality.unit"].browse(cls.unit_id).user_ids = [
                Command.set([user.id for user in users])
            ]
            cls.officer_id, cls.head_1_id, cls.head_2_id = (user.id for user in users)

    @classmethod
    def tearDownClass(cls):
        with cls._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            plans = env["gender.equality.plan"].search([("unit_id", "=", cls.unit_id)])
            env["mail.activity"].search(
                [("res_model", "=", plans._name), ("res_id", "in", plans.ids)]
            ).unlink()
            env["gender.equality.approval.review"].search([("unit_id", "=", cls.unit_id)]).unlink()
            plans.with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
            env["gender.equality.unit"].browse(cls.unit_id).unlink()
            env["res.users"].browse([cls.officer_id, cls.head_1_id, cls.head_2_id]).action_archive()
        super().tearDownClass()

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    @staticmethod
    def _cursor():
        return db_connect(get_db_name()).cursor()

    def _submitted_plan(self, year):
        with self._cursor() as cr:
            env = api.Environment(cr, self.officer_id, {})
            plan = env["gender.equality.plan"].create(
                {
                    "unit_id": self.unit_id,
                    "year": year,
                    "task_ids": [
                        Command.create(
                            {
                                "name": "Phổ biến pháp luật",
                                "area_id": env.ref(
                                    "gender_equality_plan.gender_equality_area_information"
                                ).id,
                                "activity_type_id": env.ref(
                                    "gender_equality_plan.gender_equality_activity_type_dissemination"
                                ).id,
                                "date_start": date(year, 3, 5),
                                "date_end": date(year, 3, 5),
                            }
                        )
                    ],
                }
            )
            plan.action_submit()
            return plan.id

    def _race(self, first, second):
        """Run ``first`` in one transaction and, while it holds its locks, ``second`` in
        another (through Odoo's request retry, as the server would). Return the error of the
        second, or None."""
        outcome = {}
        # Real connections of their own: the registry's cursors may share the test transaction.
        with self._cursor() as cr_1, self._cursor() as cr_2:
            first(cr_1)
            # The environment of the second transaction is set up here: the registry is locked
            # by the test runner, and a thread could not take it.
            api.Environment(cr_2, api.SUPERUSER_ID, {})
            cr_2.execute("SELECT pg_backend_pid()")
            pid_2 = cr_2.fetchone()[0]

            def run_second():
                try:
                    second(cr_2)
                    cr_2.commit()
                except Exception as error:
                    outcome["error"] = error
                    cr_2.rollback()

            thread = threading.Thread(target=run_second)
            with mute_logger("odoo.sql_db", "odoo.service.model"):
                thread.start()
                self.waiting_statement = self._wait_until_blocked(cr_1, pid_2, thread, outcome)
                cr_1.commit()
                thread.join(BLOCK_TIMEOUT)
            self.assertFalse(thread.is_alive(), "the second transaction never ended")
        return outcome.get("error")

    def _wait_until_blocked(self, cr, pid, thread, outcome):
        """Poll until the backend ``pid`` waits for a lock that ``cr`` holds (or the thread
        ended without waiting); return the statement it waits in."""
        cr.execute("SELECT pg_backend_pid()")
        holder = cr.fetchone()[0]
        deadline = time.monotonic() + BLOCK_TIMEOUT
        with self._cursor() as observer:
            while thread.is_alive() and time.monotonic() < deadline:
                observer.execute(
                    "SELECT %s = ANY(pg_blocking_pids(%s)), "
                    "(SELECT query FROM pg_stat_activity WHERE pid = %s)",
                    (holder, pid, pid),
                )
                blocked, statement = observer.fetchone()
                if blocked:
                    return statement
                observer.rollback()
                time.sleep(0.01)
        stack = (
            "".join(traceback.format_stack(sys._current_frames().get(thread.ident)))
            if thread.is_alive()
            else ""
        )
        self.fail(
            f"the second transaction did not wait for the first one's lock: {outcome.get('error')!r}\n{stack}"
        )

    def _decide(self, uid, plan_id, method, *args):
        def decide(cr):
            env = api.Environment(cr, uid, {})
            self._retrying(partial(getattr(env["gender.equality.plan"].browse(plan_id), method), *args), env)

        return decide

    def _retrying(self, func, env):
        """What ``odoo.service.model.retrying`` does for a request: on a concurrency error,
        roll back and run the request again on fresh data (without reloading the registry,
        which the test runner holds)."""
        for __ in range(MAX_TRIES):
            try:
                result = func()
                env.cr.flush()
                return result
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                env.cr.rollback()
                env.transaction.clear()
                env.invalidate_all()
        raise AssertionError("the request failed on every try")

    def _plan_state(self, plan_id):
        with self._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            plan = env["gender.equality.plan"].browse(plan_id)
            reviews = env["gender.equality.approval.review"].search(
                [("res_model", "=", plan._name), ("res_id", "=", plan_id)], order="round, sequence, id"
            )
            return plan.state, [(review.state, review.done_by_id.id) for review in reviews]

    # ------------------------------------------------------------
    # TESTS
    # ------------------------------------------------------------

    def test_two_heads_approve_the_same_plan_at_once(self):
        plan_id = self._submitted_plan(2041)
        error = self._race(
            self._decide(self.head_1_id, plan_id, "action_approve"),
            self._decide(self.head_2_id, plan_id, "action_approve"),
        )
        # The second head waited on the review that the first one decided.
        self.assertRegex(self.waiting_statement, r"(?is)^\s*UPDATE\s+\"?gender_equality_approval_review\b")
        # The retry finds the stage decided: the next one is the Department's, not theirs.
        self.assertIsInstance(error, UserError)
        self.assertIn("2041", str(error))
        state, reviews = self._plan_state(plan_id)
        self.assertEqual(state, "submitted")
        self.assertEqual(reviews, [("approved", self.head_1_id), ("pending", False)])

    def test_approve_and_return_the_same_plan_at_once(self):
        plan_id = self._submitted_plan(2042)
        error = self._race(
            self._decide(self.head_1_id, plan_id, "action_approve"),
            self._decide(self.head_2_id, plan_id, "action_return", "Thiếu hoạt động"),
        )
        self.assertRegex(self.waiting_statement, r"(?is)^\s*UPDATE\s+\"?gender_equality_approval_review\b")
        self.assertIsInstance(error, UserError)
        state, reviews = self._plan_state(plan_id)
        self.assertEqual(state, "submitted")
        self.assertEqual([review[0] for review in reviews], ["approved", "pending"])

    def test_two_plans_of_the_same_unit_and_year_at_once(self):
        def create(cr):
            env = api.Environment(cr, self.officer_id, {})
            env["gender.equality.plan"].create({"unit_id": self.unit_id, "year": 2043})

        error = self._race(create, create)
        self.assertIsInstance(error, ValidationError)
        self.assertIn("already has a plan for 2043", str(error))
        with self._cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.assertEqual(
                env["gender.equality.plan"].search_count(
                    [("unit_id", "=", self.unit_id), ("year", "=", 2043)]
                ),
                1,
            )
