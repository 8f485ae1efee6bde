# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The background job that produces the final PDFs (``issue_documents = background``): batch by
batch, each one committed by Odoo before the next (a batch rolled back by the cron worker's time
limit loses only itself), and never the documents left for their first print.

The rendering itself is proven in ``test_document_signing`` (wkhtmltopdf, the signer's PDF); here
it is replaced by one that marks the documents produced, so that the batches are what is tested.
"""

from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from ..models import gender_equality_document
from ..models.gender_equality_document import GenderEqualityDocument


@tagged("post_install", "-at_install")
class TestBackgroundJob(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Document = cls.env["gender.equality.document"].sudo()
        cls.cron = cls.env.ref("gender_equality_plan.ir_cron_gender_equality_render_documents")
        # The demo's documents are not this test's.
        cls.env.cr.execute(
            "UPDATE gender_equality_document SET issue_mode = 'on_print' WHERE state = 'pending'"
        )
        unit = cls.env["gender.equality.unit"].create({"name": "Trung tâm Y tế thử nghiệm", "code": "TTBG"})
        cls.documents = {
            mode: cls.Document.create(
                [
                    {
                        "name": f"Báo cáo {mode} {index}",
                        "res_model": "gender.equality.unit",
                        "res_id": unit.id,
                        "version": index,
                        "issue_mode": mode,
                    }
                    for index in range(1, 4)
                ]
            )
            for mode in ("background", "on_final", "on_print")
        }
        cls.failing = set()

    def _run(self):
        """One call of the job as Odoo's cron worker makes it: with a progress record; returns
        ``(done, remaining)`` as the job notified them."""
        cron, progress = self.cron._add_progress()
        failing = self.failing

        def render(documents):
            documents.filtered(lambda document: document.id not in failing).write({"state": "to_sign"})

        with (
            patch.object(GenderEqualityDocument, "_gep_render", render),
            patch.object(gender_equality_document, "RENDER_BATCH", 4),
        ):
            self.Document.with_context(ir_cron_progress_id=progress.id)._cron_render_pending()
        return progress.done, progress.remaining

    def test_batches_oldest_first_and_not_the_documents_left_for_their_first_print(self):
        background, on_final, on_print = self.documents.values()
        self.assertEqual(background.mapped("issue_mode"), ["background"] * 3)
        self.assertEqual(self._run(), (4, 2))
        self.assertEqual(set(background.mapped("state")), {"to_sign"})
        self.assertEqual(on_final.mapped("state"), ["to_sign", "pending", "pending"])
        # Odoo calls the job again while some remain: the next batch ends the run.
        self.assertEqual(self._run(), (2, 0))
        self.assertEqual(set(on_final.mapped("state")), {"to_sign"})
        self.assertEqual(set(on_print.mapped("state")), {"pending"})
        self.assertEqual(self._run(), (0, 0))

    def test_a_batch_that_produces_nothing_ends_the_run(self):
        """wkhtmltopdf fails on some documents: they stay pending while the batches go on with the
        others; a batch that produces nothing says that nothing remains, so that Odoo does not call
        the job again at once for the same documents (the next approval or the daily run tries
        again)."""
        background, on_final, __ = self.documents.values()
        self.failing.update(background.ids)
        self.assertEqual([self._run() for __ in range(4)], [(1, 5), (1, 4), (1, 3), (0, 0)])
        self.assertEqual(set(on_final.mapped("state")), {"to_sign"})
        self.assertEqual(set(background.mapped("state")), {"pending"})
        self.failing.clear()
        self.assertEqual(self._run(), (3, 0))
