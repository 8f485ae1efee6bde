# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GenderEqualityCommon


@tagged("post_install", "-at_install")
class TestEvidenceFiles(GenderEqualityCommon):
    """A file uploaded before its record was saved (the form's upload widget sends ``res_id``
    0) belongs to no record, and Odoo lets only its uploader read it. Linked to a record of the
    module through its evidence field, it becomes the record's: the Department that confirms a
    unit's status on the Gender Indicator Set opens the decision the unit attached (found by a
    tour: the Department's officer met an access error on the form)."""

    def _status(self, attachment_ids):
        return (
            self.env["gender.equality.indicator.status"]
            .with_user(self.user_a)
            .create(
                {
                    "unit_id": self.unit_a.id,
                    "year": 2026,
                    "status": "pilot",
                    "attachment_ids": attachment_ids,
                }
            )
        )

    def _read_as(self, user, files):
        return files.with_user(user).read(["name", "datas"])

    def test_a_file_created_with_the_record_is_the_records(self):
        status = self._status([Command.create({"name": "quyet-dinh.pdf", "raw": b"%PDF-1.4"})])
        file = status.attachment_ids
        self.assertEqual((file.res_model, file.res_id), (status._name, status.id))
        self.assertEqual(self._read_as(self.dept_user, file)[0]["name"], "quyet-dinh.pdf")
        with self.assertRaises(AccessError, msg="still the unit's: another unit does not read it"):
            self._read_as(self.user_b, file)

    def test_a_file_uploaded_before_the_record_was_saved_is_adopted(self):
        # What /web/binary/upload_attachment creates for a new record of the form.
        upload = (
            self.env["ir.attachment"]
            .with_user(self.user_a)
            .create(
                {"name": "huong-dan.pdf", "raw": b"%PDF-1.4", "res_model": "gender.equality.indicator.status"}
            )
        )
        self.assertFalse(upload.res_id)
        with self.assertRaises(AccessError):
            self._read_as(self.dept_user, upload)
        status = self._status([Command.set(upload.ids)])
        self.assertEqual(upload.res_id, status.id)
        self.assertEqual(self._read_as(self.dept_user, upload)[0]["name"], "huong-dan.pdf")

    def test_a_file_added_by_a_later_save_is_adopted(self):
        status = self._status([])
        upload = (
            self.env["ir.attachment"]
            .with_user(self.user_a)
            .create({"name": "bien-ban.pdf", "raw": b"%PDF-1.4", "res_model": status._name, "res_id": 0})
        )
        status.with_user(self.user_a).write({"attachment_ids": [Command.link(upload.id)]})
        self.assertEqual((upload.res_model, upload.res_id), (status._name, status.id))

    def test_files_of_others_are_left_as_they_are(self):
        """Another uploader's unattached file, and another record's file, stay as they are."""
        status = self._status([])
        of_b = self.env["ir.attachment"].with_user(self.user_b).create({"name": "cua-b.pdf", "raw": b"%PDF"})
        status.with_user(self.user_a).write({"attachment_ids": [Command.link(of_b.id)]})
        self.assertFalse(of_b.res_id, "another uploader's file is not taken over")
        partner = self.env.user.partner_id
        of_partner = self.env["ir.attachment"].create(
            {"name": "khac.pdf", "raw": b"%PDF", "res_model": "res.partner", "res_id": partner.id}
        )
        status.write({"attachment_ids": [Command.link(of_partner.id)]})
        self.assertEqual((of_partner.res_model, of_partner.res_id), ("res.partner", partner.id))
