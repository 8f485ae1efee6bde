# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The body of the Department's report upward (*Báo cáo kết quả thực hiện công tác truyền thông
về bình đẳng giới năm N của ngành Y tế*), as a list of blocks (no database).

The PDF (QWeb) and the Word document (python-docx) print the same blocks, so that both say the
same thing. The figures come from a summary of ``get_kpi_summary(year)`` (the live one, or the
one frozen when the report was submitted for signature) and, for the review of the period, from
the multi-year table (``tools.multi_year``). The document is Vietnamese by law, whatever the
user's language: its words are plain data here, not translated terms.

A block is a dict with a ``kind``:

- ``heading`` (``level`` 1: "I. ...", 2: "1. ..."), ``text``;
- ``paragraph``: ``text``;
- ``html``: ``html``, a narrative section written by the Department;
- ``table``: ``headers``, ``rows`` (lists of texts), ``numeric_from`` (the first column aligned
  right, on one line unless ``wrap``), ``total`` (the last row is a total, printed bold).
"""

from datetime import date

from markupsafe import Markup

from . import vi_format
from .html_clean import clean_html
from .inspection_kinds import ACTIVITY_NAMES
from .multi_year import COMPUTED, NONE, RECORDED

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
INSPECTION_TYPES = ("self", "inspection", "audit", "supervision")
UNIT_TYPE_WORDS = {
    "provincial_hospital": "Bệnh viện tuyến tỉnh",
    "area_hospital": "Bệnh viện đa khoa khu vực",
    "health_centre": "Trung tâm Y tế",
    "provincial_centre": "Trung tâm tuyến tỉnh",
    "sub_department": "Chi cục",
    "health_station": "Trạm y tế xã, phường",
    "other": "Đơn vị khác",
}
PRODUCT_KIND_WORDS = {
    "leaflet": "Tờ rơi, áp phích",
    "article": "Tin, bài",
    "video": "Video, phóng sự",
    "online": "Tài liệu đưa lên trang thông tin điện tử",
    # Which ministry: the national coordinator of the report's year (``reproduction_word``).
    "reproduction": "Nhân bản sản phẩm của Bộ",
    "other": "Sản phẩm khác",
}
TITLE = "Kết quả thực hiện công tác truyền thông về bình đẳng giới năm {year} của ngành Y tế"
NOT_DUE = "Chưa đến hạn đánh giá"
# The heading of the count of activities held, as the consolidation and its workbook say it.
ACTIVITY_COUNT = "Số hoạt động"


def reproduction_word(ministry):
    """``"Nhân bản sản phẩm của Bộ Nội vụ"``: the products reproduced are those of the national
    coordinator of the programme (plan III.2: MOLISA's, Bộ Nội vụ's since 2025). Without one (a
    report issued before the coordinator was recorded), the words it printed."""
    return f"Nhân bản sản phẩm của {ministry}" if ministry else PRODUCT_KIND_WORDS["reproduction"]


def title(year):
    """The subject line under *BÁO CÁO*."""
    return TITLE.format(year=year)


def period_label(years):
    """``"2021–2025"`` of a list of years."""
    return f"{years[0]}–{years[-1]}" if years else ""


# ------------------------------------------------------------
# FORMATS
# ------------------------------------------------------------


# A target's figure and its target value read the same on every screen and document.
objective_value = vi_format.objective_value
objective_target = vi_format.objective_target


def outcome(applicable, achieved):
    if not applicable:
        return NOT_DUE
    return "Đạt" if achieved else "Chưa đạt"


def _count(value):
    return vi_format.vi_number(value)


# ------------------------------------------------------------
# THE BODY
# ------------------------------------------------------------


class SectorReportDocument:
    """The blocks of the body of the sector report of ``year``.

    ``summary`` is a ``get_kpi_summary`` dict; ``period`` the multi-year table of the years
    reviewed (``tools.multi_year.build_table``), or None; ``narrative`` the HTML sections the
    Department writes (``introduction``, ``direction``, ``strengths``, ``shortcomings``,
    ``causes``, ``next_year_tasks``, ``recommendations``, and for the review of a phase
    ``period_lessons`` and ``period_direction``); ``ministry`` the national coordinator of the
    year; ``next_phase`` the label of the phase after the one reviewed (``"2026–2030"``).
    """

    def __init__(self, year, summary, narrative=None, period=None, ministry=None, next_phase=None):
        self.year = year
        self.summary = summary
        self.narrative = narrative or {}
        self.period = period
        self.ministry = ministry
        self.next_phase = next_phase
        self.blocks = []
        self._chapter = 0

    # Blocks ------------------------------------------------------

    def _chapter_heading(self, text):
        self._chapter += 1
        self.blocks.append({"kind": "heading", "level": 1, "text": f"{ROMAN[self._chapter - 1]}. {text}"})

    def _heading(self, number, text):
        self.blocks.append({"kind": "heading", "level": 2, "text": f"{number}. {text}"})

    def _paragraph(self, text):
        self.blocks.append({"kind": "paragraph", "text": text})

    def _html(self, key):
        value = self.narrative.get(key)
        if value:
            self.blocks.append({"kind": "html", "html": value})

    def _table(self, headers, rows, numeric_from=1, total=False, wrap=False):
        self.blocks.append(
            {
                "kind": "table",
                "headers": list(headers),
                "rows": [list(row) for row in rows],
                "numeric_from": numeric_from,
                "total": total,
                "wrap": wrap,
            }
        )

    # The document -------------------------------------------------

    def build(self):
        """All the blocks of the body, in the usual outline of an annual report."""
        self.blocks, self._chapter = [], 0
        self._html("introduction")
        self._chapter_heading("CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN")
        self._html("direction")
        self._chapter_heading("KẾT QUẢ THỰC HIỆN")
        self.figure_blocks()
        if self.period:
            self._chapter_heading(f"KẾT QUẢ GIAI ĐOẠN {period_label(self.period_years())}")
            self._period_review()
        self._chapter_heading("ĐÁNH GIÁ CHUNG")
        self._heading(1, "Ưu điểm")
        self._html("strengths")
        self._heading(2, "Tồn tại, hạn chế")
        self._html("shortcomings")
        self._heading(3, "Nguyên nhân")
        self._html("causes")
        self._chapter_heading(f"NHIỆM VỤ TRỌNG TÂM NĂM {self.year + 1}")
        self._html("next_year_tasks")
        self._chapter_heading("ĐỀ XUẤT, KIẾN NGHỊ")
        self._html("recommendations")
        return self.blocks

    def figure_blocks(self):
        """The blocks of the figures of the year (section II of the document), added and returned."""
        first = len(self.blocks)
        self._objectives()
        self._completeness()
        self._activities()
        self._topics_and_products()
        self._inspections()
        self._budget()
        return self.blocks[first:]

    def period_blocks(self):
        """The blocks of the review of the period (each target, year by year), added and returned."""
        first = len(self.blocks)
        self._period()
        return self.blocks[first:]

    def _period_review(self):
        """The review of the phase: its table, the lessons learned and the direction of the next
        phase. A review issued before these were written (table only) prints as it did."""
        lessons, direction = self.narrative.get("period_lessons"), self.narrative.get("period_direction")
        if not (lessons or direction):
            self.period_blocks()
            return
        self._heading(1, "Kết quả thực hiện các mục tiêu qua các năm")
        self.period_blocks()
        self._heading(2, "Bài học kinh nghiệm")
        self._html("period_lessons")
        next_phase = f"giai đoạn {self.next_phase}" if self.next_phase else "giai đoạn tiếp theo"
        self._heading(3, f"Phương hướng {next_phase}")
        self._html("period_direction")

    def period_years(self):
        return [row["year"] for row in self.period["rows"]] if self.period else []

    # Sections of the figures ----------------------------------------

    def _number(self, key):
        return _count(self.summary.get(key) or 0)

    def _percent(self, key):
        return vi_format.vi_percent(self.summary.get(key) or 0)

    def _objectives(self):
        summary = self.summary
        n, pct = self._number, self._percent
        self._heading(1, "Kết quả thực hiện các mục tiêu của Kế hoạch")
        rows = [
            (
                f"{objective['code']} {objective['name']}",
                objective_target(objective["target"], objective["target_max"], objective["unit"]),
                objective_value(objective["value"], objective["unit"]),
                outcome(objective["applicable"], objective["achieved"]),
            )
            for objective in summary.get("objectives", [])
        ]
        self._table(("Mục tiêu", "Chỉ tiêu", "Kết quả", "Đánh giá"), rows)
        expected = summary.get("units_expected", 0)
        # Sessions are counted once each (a session of the Department attended by 70 units is one
        # session); the units are counted where the text says units.
        approved = summary.get("units_with_action_month_plan_approved", 0)
        self._paragraph(
            f"Có {n('units_with_two_dissemination_sessions')}/{_count(expected)} đơn vị "
            f"có cán bộ, viên chức, người lao động được truyền thông, phổ biến ít nhất "
            f"{summary.get('min_sessions', 2):02d} cuộc trong năm (đã tổ chức "
            f"{n('staff_sessions')} cuộc truyền thông, phổ biến cho cán bộ, viên chức, người lao "
            f"động của các đơn vị, với {n('staff_session_credits')} lượt đơn vị tham dự); "
            f"{n('units_with_action_month_plan')} đơn vị có kế hoạch triển khai Tháng hành động vì "
            f"bình đẳng giới (trong đó {_count(approved)} kế hoạch đã được Sở Y tế phê duyệt, "
            f"{_count(summary.get('units_with_action_month_plan', 0) - approved)} kế hoạch đã được "
            "thủ trưởng đơn vị phê duyệt, Sở Y tế đã tiếp nhận) và "
            f"{n('units_with_action_month_activity')} đơn vị đã tổ chức hoạt động "
            "trong Tháng hành động."
        )
        awareness = next(
            (objective for objective in summary.get("objectives", []) if objective["kind"] == "awareness"),
            None,
        )
        if summary.get("awareness_pairs") and self.year > (summary.get("awareness_baseline_year") or 0):
            due = (
                f" Chỉ tiêu được đánh giá vào năm {awareness['target_year']}; kết quả năm {self.year} là "
                "xu hướng."
                if awareness and not awareness["applicable"] and awareness["target_year"]
                else ""
            )
            self._paragraph(
                f"Tỷ lệ nhận thức đúng về bình đẳng giới của các nhóm đối tượng trong cộng đồng năm "
                f"{self.year} là {pct('awareness_rate')}, so với "
                f"{pct('awareness_baseline_rate')} năm "
                f"{summary['awareness_baseline_year']} (trên cùng "
                f"{n('awareness_pairs')} nhóm đối tượng trong cộng đồng của các đơn vị được khảo sát "
                f"cả hai năm; không tính cán bộ, viên chức, người lao động của đơn vị).{due}"
            )
        else:
            self._paragraph(
                "Chưa có kết quả khảo sát nhận thức so sánh được với năm "
                f"{summary.get('awareness_baseline_year')}."
            )
        self._paragraph(
            f"Bộ chỉ số về giới trong truyền thông: {n('units_indicator_pilot')} đơn vị "
            f"áp dụng thí điểm, {n('units_indicator_official')} đơn vị áp dụng chính thức, "
            f"trên tổng số {n('units_indicator_concerned')} đơn vị làm công tác truyền thông "
            "(trạng thái đã được Sở Y tế xác nhận)."
        )

    def _completeness(self):
        summary = self.summary
        n, pct = self._number, self._percent
        self._heading(2, "Tình hình gửi báo cáo của các đơn vị")
        self._paragraph(
            f"Có {n('units_expected')} đơn vị phải báo cáo; Sở Y tế (qua Ban Vì sự tiến bộ "
            f"của phụ nữ) đã tiếp nhận {n('reports_submitted')} báo cáo, đạt tỷ lệ "
            f"{pct('completeness_rate')}; trong đó "
            f"{n('reports_on_time')} báo cáo đúng hạn (tỷ lệ "
            f"{pct('timeliness_rate')} số đơn vị phải báo cáo), "
            f"{n('reports_late')} báo cáo gửi muộn; "
            f"{n('reports_missing')} đơn vị chưa gửi báo cáo; "
            f"{n('reports_accepted')} báo cáo đã được Sở Y tế chấp thuận và được tổng hợp "
            "vào báo cáo này."
        )
        if summary.get("deadline"):
            self._paragraph(timeliness_sentence(summary["deadline"], summary.get("deadline_included", True)))
        rows = [
            (
                UNIT_TYPE_WORDS.get(row["unit_type"], row["unit_type"]),
                _count(row["units_expected"]),
                _count(row["reports_submitted"]),
                _count(row["reports_on_time"]),
                _count(row["reports_late"]),
                _count(row["reports_missing"]),
            )
            for row in summary.get("by_unit_type", [])
        ]
        if rows:
            rows.append(
                (
                    "Tổng cộng",
                    *(
                        _count(summary.get(key, 0))
                        for key in (
                            "units_expected",
                            "reports_submitted",
                            "reports_on_time",
                            "reports_late",
                            "reports_missing",
                        )
                    ),
                )
            )
            self._table(
                ("Loại đơn vị", "Phải báo cáo", "Đã tiếp nhận", "Đúng hạn", "Muộn", "Chưa gửi"),
                rows,
                total=True,
            )
        units = summary.get("units", [])
        late = [
            f"{row['unit_name']} ({_count(row['days_late'])} ngày)"
            for row in units
            if row["timeliness"] == "late"
        ]
        missing = [
            row["unit_name"]
            for row in units
            if row["timeliness"] == "missing" and not row.get("awaiting_resubmission")
        ]
        returned = [
            row["unit_name"]
            for row in units
            if row["timeliness"] == "missing" and row.get("awaiting_resubmission")
        ]
        if late:
            self._paragraph(f"Đơn vị gửi báo cáo muộn: {'; '.join(late)}.")
        if missing:
            self._paragraph(f"Đơn vị chưa gửi báo cáo: {'; '.join(missing)}.")
        if returned:
            self._paragraph(
                f"Đơn vị có báo cáo bị Sở Y tế trả lại, chưa gửi lại (chưa được tính là đã gửi): "
                f"{'; '.join(returned)}."
            )

    def _activities(self):
        summary = self.summary
        n = self._number
        self._heading(3, "Hoạt động truyền thông và số lượt người tham gia")
        department = summary.get("department") or {}
        self._paragraph(
            f"Toàn ngành (Sở Y tế và các đơn vị) đã tổ chức {n('activities_held')} hoạt động truyền "
            f"thông về bình đẳng giới, trong đó {n('dissemination_sessions')} cuộc truyền thông, phổ "
            f"biến pháp luật, chính sách và {n('action_month_activities')} hoạt động trong Tháng "
            "hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới; tổng số "
            f"{n('participants_total')} lượt người tham gia "
            f"({n('participants_male')} lượt nam, "
            f"{n('participants_female')} lượt nữ; một người tham gia nhiều hoạt động được tính "
            "nhiều lượt)."
        )
        if department.get("activities"):
            self._paragraph(
                f"Trong đó, Sở Y tế (cơ quan Sở) tổ chức {_count(department['activities'])} hoạt động "
                f"({_count(department['dissemination_sessions'])} cuộc truyền thông, phổ biến), "
                f"{_count(department['participants_male'] + department['participants_female'])} lượt "
                f"người tham gia, kinh phí thực hiện {vi_format.vi_amount(department['budget_used'])}."
            )
        for key, header in (("by_area", "Lĩnh vực hoạt động"), ("by_activity_type", "Loại hoạt động")):
            rows = _breakdown_rows(summary.get(key, []))
            if rows:
                self._table((header, ACTIVITY_COUNT, "Nam", "Nữ", "Tổng"), rows, total=True)

    def _topics_and_products(self):
        summary = self.summary
        self._heading(4, "Chủ đề truyền thông và sản phẩm truyền thông")
        topics = _breakdown_rows(summary.get("by_topic", []), with_total=False)
        if topics:
            self._table(("Chủ đề", ACTIVITY_COUNT, "Nam", "Nữ", "Tổng"), topics)
        else:
            self._paragraph("Chưa có hoạt động được ghi nhận theo chủ đề.")
        products = [
            (
                reproduction_word(self.ministry)
                if row["kind"] == "reproduction"
                else PRODUCT_KIND_WORDS.get(row["kind"], row["name"]),
                _count(row["quantity"]),
            )
            for row in summary.get("products_by_kind", [])
        ]
        if products:
            self._table(("Sản phẩm truyền thông", "Số lượng"), products)
        else:
            self._paragraph("Chưa có sản phẩm truyền thông được ghi nhận.")

    def _inspections(self):
        summary = self.summary
        n = self._number
        self._heading(5, "Công tác tự kiểm tra, kiểm tra, thanh tra, giám sát")
        counts = summary.get("inspections_by_type", {})
        scores = summary.get("inspection_scores_by_type", {})
        rows = [
            (
                ACTIVITY_NAMES[kind],
                _count(counts.get(kind, 0)),
                vi_format.vi_percent(scores[kind]) if counts.get(kind) and kind in scores else "–",
            )
            for kind in INSPECTION_TYPES
        ]
        rows.append(("Tổng cộng", _count(sum(counts.get(kind, 0) for kind in INSPECTION_TYPES)), ""))
        self._table(("Hình thức", "Số cuộc đã phê duyệt", "Điểm bình quân"), rows, total=True)
        self._paragraph(
            f"Biện pháp khắc phục: {n('corrective_actions_open')} biện pháp đang thực hiện "
            f"(trong đó {n('corrective_actions_overdue')} biện pháp quá hạn), "
            f"{n('corrective_actions_verified')} biện pháp đã được xác nhận hoàn thành."
        )

    def _budget(self):
        summary = self.summary
        self._heading(6, "Kinh phí thực hiện")
        lines = summary.get("budget_by_source", [])
        if not lines:
            self._paragraph("Chưa có kinh phí được ghi nhận trong các báo cáo đã chấp thuận.")
            return
        rows = [
            (
                line["name"] or "Không xác định nguồn",
                vi_format.vi_amount(line["planned"]),
                vi_format.vi_amount(line["actual"]),
            )
            for line in lines
        ]
        rows.append(
            (
                "Tổng cộng",
                vi_format.vi_amount(sum(line["planned"] for line in lines)),
                vi_format.vi_amount(sum(line["actual"] for line in lines)),
            )
        )
        self._table(("Nguồn kinh phí", "Dự kiến (đồng)", "Thực hiện (đồng)"), rows, total=True)

    # The period -------------------------------------------------------

    def _period(self):
        table = self.period
        objectives = table["objectives"]
        headers = ["Năm", *(objective["code"] for objective in objectives), "Nguồn số liệu"]
        rows = [
            (
                "Chỉ tiêu",
                *(objective_target(o["target"], o["target_max"], o["unit"]) for o in objectives),
                "",
            )
        ]
        for row in table["rows"]:
            rows.append(
                (
                    str(row["year"]),
                    *(_period_cell(cell) for cell in row["cells"]),
                    period_source(row),
                )
            )
        self._paragraph(
            "Kết quả từng mục tiêu của Kế hoạch qua các năm: "
            + "; ".join(f"{objective['code']}: {objective['name']}" for objective in objectives)
            + "."
        )
        # Many columns of long cells: they wrap.
        self._table(headers, rows, wrap=True)
        # One note per year and source, naming the targets it gives.
        sources = {}
        for row in table["rows"]:
            for cell in row["cells"]:
                if cell["source"] == RECORDED and cell["note"]:
                    sources.setdefault((row["year"], cell["note"]), []).append(cell["code"])
        notes = [f"{year} ({', '.join(codes)}): {note}" for (year, note), codes in sorted(sources.items())]
        self._paragraph(
            "Số liệu các năm có báo cáo của đơn vị được Sở Y tế chấp thuận trên phần mềm được tính từ "
            "các báo cáo đó; số liệu các năm trước được Sở Y tế ghi nhận từ các báo cáo đã ban hành."
        )
        if notes:
            self._paragraph("Nguồn số liệu ghi nhận: " + "; ".join(notes) + ".")


def timeliness_sentence(deadline, included):
    """The rule of timeliness in words (``deadline`` as an ISO date or a date)."""
    day = deadline if isinstance(deadline, date) else date.fromisoformat(deadline)
    text = vi_format.vi_date(day)
    if included:
        return (
            f"Thời hạn gửi báo cáo: báo cáo được tính là đúng hạn khi Sở Y tế tiếp nhận đến hết ngày {text} "
            "(giờ Việt Nam)."
        )
    return f"Thời hạn gửi báo cáo: báo cáo được tính là đúng hạn khi Sở Y tế tiếp nhận trước ngày {text}."


def period_source(row):
    """Where the figures of a year of the period come from, in words."""
    if row["source"] == COMPUTED:
        return f"Phần mềm ({_count(row['accepted_reports'])} báo cáo)"
    if row["source"] == RECORDED:
        return "Số liệu ghi nhận"
    if row["source"] == NONE:
        return "Chưa có số liệu"
    recorded = [cell["code"] for cell in row["cells"] if cell["source"] == RECORDED]
    return f"Phần mềm; ghi nhận: {', '.join(recorded)}"


def _period_cell(cell):
    if cell["source"] == NONE:
        return "–"
    value = objective_value(cell["value"], cell["unit"])
    mark = outcome(cell["applicable"], cell["achieved"]).lower()
    return f"{value}{'*' if cell['source'] == RECORDED else ''} ({mark})"


def _breakdown_rows(lines, with_total=True):
    rows = [
        (
            line["name"],
            _count(line["count"]),
            _count(line["male"]),
            _count(line["female"]),
            _count(line["male"] + line["female"]),
        )
        for line in lines
    ]
    if rows and with_total:
        rows.append(
            (
                "Tổng cộng",
                _count(sum(line["count"] for line in lines)),
                _count(sum(line["male"] for line in lines)),
                _count(sum(line["female"] for line in lines)),
                _count(sum(line["male"] + line["female"] for line in lines)),
            )
        )
    return rows


# ------------------------------------------------------------
# HTML (the form and the PDF)
# ------------------------------------------------------------


def render_html(blocks):
    """The blocks of ``tools.sector_document`` as HTML, for the form and the PDF."""
    parts = Markup()
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            tag = (
                Markup("<p class='gep-heading-1'><strong>%s</strong></p>")
                if block["level"] == 1
                else Markup("<p class='gep-heading-2'><em>%s</em></p>")
            )
            parts += tag % block["text"]
        elif kind == "paragraph":
            parts += Markup("<p class='gep-paragraph' style='text-align: justify;'>%s</p>") % block["text"]
        elif kind == "html":
            # Text formatting only, even for a value stored before the rule: printing fetches
            # nothing that a user wrote.
            parts += Markup("<div class='gep-narrative'>%s</div>") % Markup(clean_html(block["html"]) or "")
        elif kind == "table":
            parts += _table_html(block)
    return parts


def _table_html(block):
    numeric_from = block.get("numeric_from", 1)
    # Figures and outcomes stay on one line; the first column takes the rest of the width.
    nowrap = "" if block.get("wrap") else " white-space: nowrap;"

    def cell(tag, index, value, bold=False):
        if index < numeric_from:
            style = ""
        elif tag == "td":
            style = f" style='text-align: right;{nowrap}'"
        else:
            style = f" style='{nowrap.strip()}'" if nowrap else ""
        content = Markup("<strong>%s</strong>") % value if bold else value
        return Markup("<%s%s>%s</%s>") % (Markup(tag), Markup(style), content, Markup(tag))

    head = Markup("").join(cell("th", index, header) for index, header in enumerate(block["headers"]))
    last = len(block["rows"]) - 1
    body = Markup("").join(
        # A row is never cut by a page break (wkhtmltopdf would print it on both pages).
        Markup("<tr style='page-break-inside: avoid;'>%s</tr>")
        % Markup("").join(
            cell("td", index, value, bold=block.get("total") and row_index == last)
            for index, value in enumerate(row)
        )
        for row_index, row in enumerate(block["rows"])
    )
    return Markup(
        "<table class='table table-sm table-bordered gep-figures' style='font-size: 11pt;'>"
        "<thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
    ) % (head, body)
