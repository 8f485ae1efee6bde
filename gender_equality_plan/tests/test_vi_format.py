# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import BaseCase, tagged

from ..tools import vi_format


@tagged("post_install", "-at_install")
class TestViFormat(BaseCase):
    def test_number_uses_dots_for_thousands(self):
        self.assertEqual(vi_format.vi_number(1234567), "1.234.567")

    def test_number_with_decimals_uses_a_comma(self):
        self.assertEqual(vi_format.vi_number(1234.5, 1), "1.234,5")

    def test_no_number_is_zero(self):
        self.assertEqual(vi_format.vi_number(None), "0")

    def test_amount_in_dong(self):
        self.assertEqual(vi_format.vi_amount(1234567.4), "1.234.567 đ")

    def test_percent(self):
        self.assertEqual(vi_format.vi_percent(85.26), "85,3%")

    def test_date(self):
        self.assertEqual(vi_format.vi_date(date(2026, 3, 5)), "05/03/2026")
        self.assertEqual(vi_format.vi_date(False), "")

    def test_date_line(self):
        self.assertEqual(vi_format.vi_date_line(date(2026, 12, 5)), "Thanh Hóa, ngày 05 tháng 12 năm 2026")
