# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .report_common import ReportCommon


class SectorReportCommon(ReportCommon):
    """The fixture of ``ReportCommon`` in December 2026: unit A reported on time and the
    Department accepted it; unit B's report reached the Department late and waits for its
    decision; unit C did not report. The Department's officer writes the sector report of 2026."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.SectorReport = cls.env["gender.equality.sector.report"]
        # The demo's draft of 2026 aside: the tests write their own.
        cls.SectorReport.search([]).unlink()
        cls.report_a = cls._new_report()
        cls._submit_at(cls.report_a, "2026-12-05 03:00:00")
        cls._accept(cls.report_a)
        cls.report_b = cls._new_report(cls.unit_b)
        cls._submit_at(cls.report_b, "2026-12-12 03:00:00")
        cls.sector = cls._new_sector_report(2026)

    @classmethod
    def _new_sector_report(cls, year, **vals):
        return cls.SectorReport.with_user(cls.dept_user).create(
            {
                "year": year,
                "document_number": "215/BC-SYT",
                "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
                "signer_name": "Nguyễn Văn An",
                "assessment_strengths": "<p>Các đơn vị triển khai <strong>đầy đủ</strong> kế hoạch.</p>",
                "assessment_shortcomings": "<p>Một số đơn vị gửi báo cáo muộn.</p>",
                "next_year_tasks": "<ul><li>Duy trì 02 cuộc truyền thông mỗi năm.</li></ul>",
                "recommendations": "<p>Đề nghị bố trí kinh phí tập huấn.</p>",
                "period_lessons": "<p>Người đứng đầu quan tâm thì đơn vị thực hiện tốt.</p>",
                "period_direction": "<p>Duy trì truyền thông trên nền tảng số.</p>",
                **vals,
            }
        )

    def _summary(self, year=2026):
        """The consolidation of ``year`` as the Department reads it, in the document's language."""
        return self.Report.with_user(self.dept_user).with_context(lang="vi_VN").get_kpi_summary(year)

    def _issue(self, report=None):
        report = report or self.sector
        report.with_user(self.dept_user).action_submit()
        report.with_user(self.dept_manager).action_approve()
        return report
