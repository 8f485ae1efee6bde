"""Write the workbook that units fill to import the activities of a plan.

Run in an Odoo shell of a database where the module is installed with Vietnamese loaded:

    source dev/common.sh; mapfile -t OPTS < <(odoo_opts)
    "${ODOO[@]}" shell "${OPTS[@]}" -d <db> --no-http < dev/import_template.py

The first sheet is what Odoo's import reads: its headers are the labels of the activity fields
in Vietnamese, so that the import dialog maps every column by itself. The second sheet lists the
values the columns take (areas by their code, the shipped activity types, target groups, forms,
observances and funding sources) and feeds the drop-down lists of the first; other values are
allowed (the Department may add types and sources). The test of the import checks that the
shipped file still matches the fields (``tests/test_task_import.py``).
"""

# ruff: noqa: F821 (``env`` is the Odoo shell's)
from pathlib import Path

import xlsxwriter

from odoo.modules import get_module_path

from odoo.addons.gender_equality_plan.models.gender_equality_task import IMPORT_COLUMNS, IMPORT_TEMPLATE

PATH = Path(get_module_path("gender_equality_plan")).parent / IMPORT_TEMPLATE.lstrip("/")
ROWS = 200  # rows prepared with formats and drop-down lists

vi = env(context={"lang": "vi_VN"})
Task = vi["gender.equality.task"]
fields = Task.fields_get(list(IMPORT_COLUMNS), ["string", "selection"])


def _names(model, field="name"):
    return vi[model].search([]).mapped(field)


choices = {
    "area_id": _names("gender.equality.area", "code"),
    "activity_type_id": _names("gender.equality.activity.type"),
    "observance_id": _names("gender.equality.observance"),
    "target_group": [label for _value, label in fields["target_group"]["selection"]],
    "form": [label for _value, label in fields["form"]["selection"]],
    "funding_source_id": _names("gender.equality.funding.source"),
}
widths = {
    "name": 45,
    "activity_type_id": 40,
    "observance_id": 35,
    "target_group": 35,
    "target_group_note": 30,
}

PATH.parent.mkdir(parents=True, exist_ok=True)
workbook = xlsxwriter.Workbook(str(PATH))
header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
date = workbook.add_format({"num_format": "dd/mm/yyyy"})
amount = workbook.add_format({"num_format": "#,##0"})
sheet = workbook.add_worksheet("Hoạt động")
lists = workbook.add_worksheet("Danh mục")
sheet.freeze_panes(1, 0)
for column, name in enumerate(IMPORT_COLUMNS):
    sheet.write(0, column, fields[name]["string"], header)
    cell_format = date if name.startswith("date_") else amount if name == "planned_budget" else None
    sheet.set_column(column, column, widths.get(name, 18), cell_format)
    if name in choices:
        list_column = len([other for other in IMPORT_COLUMNS[:column] if other in choices])
        letter = chr(ord("A") + list_column)
        lists.write(0, list_column, fields[name]["string"], header)
        lists.write_column(1, list_column, choices[name])
        lists.set_column(list_column, list_column, 40)
        sheet.data_validation(
            1,
            column,
            ROWS,
            column,
            {
                "validate": "list",
                "source": f"='Danh mục'!${letter}$2:${letter}${len(choices[name]) + 1}",
                "error_type": "information",
                "error_message": "Giá trị này không có trong danh mục: kiểm tra lại trước khi nhập.",
            },
        )
notes = (
    "Mỗi dòng của trang Hoạt động là một hoạt động của kế hoạch. Mở kế hoạch (dự thảo), bấm "
    "Nhập hoạt động từ Excel và chọn tệp này.",
    "Lĩnh vực: ghi mã (III.1 đến III.6). Ngày: dd/mm/yyyy, trong năm kế hoạch.",
    "Nếu một dòng sai, không dòng nào được nhập; hệ thống liệt kê các dòng cần sửa.",
)
for row, note in enumerate(notes, start=max(len(values) for values in choices.values()) + 3):
    lists.write(row, 0, note)
workbook.close()
print(f"Written {PATH}")
