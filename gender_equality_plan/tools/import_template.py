# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workbook that units fill to import the activities of a plan (no database).

The first sheet is what Odoo's import reads: one row per activity, its headers the labels of
the activity's fields, so that the import dialog maps every column by itself. The second sheet
lists the values each column takes, as the Department configured them when the workbook was
downloaded, and feeds the drop-down lists of the first; other values stay allowed (a name typed
by hand), the import names the rows it cannot read. The notes say how to fill it.
"""

import io

import xlsxwriter

# Rows of the first sheet prepared with formats and drop-down lists.
ROWS = 500
WIDTHS = {
    "name": 45,
    "activity_type_id": 40,
    "observance_id": 35,
    "topic_ids": 40,
    "target_group": 35,
    "target_group_note": 30,
}
DATE_COLUMNS = ("date_start", "date_end")
AMOUNT_COLUMNS = ("planned_budget",)


def build_workbook(columns, choices, sheet_names, notes, unknown_value):
    """The bytes of the workbook.

    - ``columns``: ``[(field name, header)]``, in the order of the first sheet;
    - ``choices``: ``{field name: [values]}``, the values listed for a column (in the second
      sheet, with a drop-down list in the first);
    - ``sheet_names``: ``(activities, lists)``, the names of the two sheets;
    - ``notes``: lines printed under the lists (how to fill the workbook);
    - ``unknown_value``: what Excel says of a value that is not in the list of its column.
    """
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
    formats = {
        "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
        "amount": workbook.add_format({"num_format": "#,##0"}),
        "note": workbook.add_format({"italic": True}),
    }
    sheet = workbook.add_worksheet(sheet_names[0])
    lists = workbook.add_worksheet(sheet_names[1])
    sheet.freeze_panes(1, 0)
    list_column = 0
    for column, (name, label) in enumerate(columns):
        sheet.write(0, column, label, header)
        cell_format = (
            formats["date"] if name in DATE_COLUMNS else formats["amount"] if name in AMOUNT_COLUMNS else None
        )
        sheet.set_column(column, column, WIDTHS.get(name, 18), cell_format)
        values = choices.get(name)
        if not values:
            continue
        lists.write(0, list_column, label, header)
        lists.write_column(1, list_column, values)
        lists.set_column(list_column, list_column, 40)
        letter = xlsxwriter.utility.xl_col_to_name(list_column)
        sheet.data_validation(
            1,
            column,
            ROWS,
            column,
            {
                "validate": "list",
                "source": f"='{sheet_names[1]}'!${letter}$2:${letter}${len(values) + 1}",
                # Information only: a value typed by hand (several topics) stays allowed.
                "error_type": "information",
                "error_message": unknown_value,
            },
        )
        list_column += 1
    first_note = max((len(values) for values in choices.values()), default=0) + 3
    for row, note in enumerate(notes, start=first_note):
        lists.write(row, 0, note, formats["note"])
    workbook.close()
    return buffer.getvalue()
