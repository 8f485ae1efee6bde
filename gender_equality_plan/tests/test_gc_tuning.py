# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import gc
import weakref
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged
from odoo.tools import config

from ..tools.gc_tuning import OPTION, freeze_loaded_objects


class _Node:
    """An object in a reference cycle: only the cyclic collector frees it."""


@tagged("post_install", "-at_install")
class TestGcTuning(TransactionCase):
    """The loaded registry leaves the garbage collector's full scans (issue 20: the pauses of
    a loaded worker), unless the server's option turns it off."""

    def test_the_loaded_registry_is_frozen(self):
        # This registry was loaded with the module's hook: its models are in the permanent
        # generation (a registry counts far more than 10,000 objects).
        self.assertGreater(gc.get_freeze_count(), 10000)
        # The collector's generations (what a full collection scans) no longer hold it.
        scanned = {id(obj) for obj in gc.get_objects()}
        self.assertNotIn(id(self.env.registry), scanned)
        self.assertNotIn(id(type(self.env["gender.equality.report"])), scanned)

    def test_the_option_turns_it_off(self):
        before = gc.get_freeze_count()
        with patch.dict(config.options, {OPTION: "False"}):
            self.assertEqual(freeze_loaded_objects(), 0)
        self.assertEqual(gc.get_freeze_count(), before)

    def test_a_registry_loaded_again_frees_the_previous_one(self):
        # What was frozen and then dropped (a previous registry) is freed at the next freeze,
        # not kept for ever.
        node = _Node()
        node.cycle = node
        alive = weakref.ref(node)
        self.assertGreater(freeze_loaded_objects(), 0)
        del node
        gc.collect()
        self.assertIsNotNone(alive(), "a frozen cycle is not collected")
        freeze_loaded_objects()
        self.assertIsNone(alive(), "unfrozen, the dropped cycle is collected")
