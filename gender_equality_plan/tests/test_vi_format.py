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

    # The targets of the plan: one wording and one format on every screen and document.

    def test_share_of_the_units_is_a_vietnamese_percentage(self):
        self.assertEqual(vi_format.objective_value(87.5, "%"), "87,5%")

    def test_rise_in_percentage_points_has_its_sign_and_its_words(self):
        self.assertEqual(vi_format.objective_value(7.1, "points"), "+7,1 điểm phần trăm")
        self.assertEqual(vi_format.objective_value(-2, "points"), "-2,0 điểm phần trăm")
        self.assertEqual(vi_format.objective_value(None, "points"), "–")

    def test_target_values_keep_the_decimals_they_were_given(self):
        self.assertEqual(vi_format.objective_target(100, False, "%"), "≥ 100%")
        self.assertEqual(vi_format.objective_target(12.5, False, "%"), "≥ 12,5%")
        self.assertEqual(vi_format.objective_target(10, 15, "points"), "10–15 điểm phần trăm")
        self.assertEqual(vi_format.objective_unit("points"), "điểm phần trăm")

    # The heading of a document (Decree 30): names cut into lines that fit.

    def test_short_name_stays_on_one_line(self):
        self.assertEqual(vi_format.heading_lines("Sở Y tế Thanh Hóa"), ["SỞ Y TẾ THANH HÓA"])

    def test_long_name_is_cut_before_its_place(self):
        self.assertEqual(
            vi_format.heading_lines("Trung tâm Kiểm soát bệnh tật tỉnh Thanh Hóa"),
            ["TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "TỈNH THANH HÓA"],
        )

    def test_long_name_is_cut_after_a_dash(self):
        self.assertEqual(
            vi_format.heading_lines("Chi cục Dân số - Kế hoạch hóa gia đình"),
            ["CHI CỤC DÂN SỐ -", "KẾ HOẠCH HÓA GIA ĐÌNH"],
        )

    def test_no_line_is_a_single_word_left_over_and_every_line_fits(self):
        for name in (
            "Bệnh viện Đa khoa tỉnh Thanh Hóa",
            "Bệnh viện Phục hồi chức năng tỉnh Thanh Hóa",
            "Trung tâm Truyền thông - Giáo dục sức khỏe tỉnh Thanh Hóa",
            "Bệnh viện Nội tiết Trung ương Cơ sở Hai Nghìn Không Trăm",
        ):
            with self.subTest(name=name):
                lines = vi_format.heading_lines(name)
                self.assertEqual(" ".join(lines), name.upper())
                self.assertGreater(len(lines), 1)
                self.assertTrue(all(len(line) <= vi_format.HEADING_WIDTH for line in lines), lines)
                self.assertGreater(len(lines[-1].split()), 1, lines)
