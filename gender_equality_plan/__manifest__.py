# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Gender Equality Communication Plan",
    "summary": "Annual gender-equality communication plans, inspections and reports "
    "of health units (Thanh Hóa health sector, plan to 2030)",
    "version": "18.0.1.0.0",
    "category": "Productivity/Gender Equality",
    "website": "https://github.com/syt-thanhhoa/gender_equality_plan",
    "author": "Sở Y tế Thanh Hóa",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": ["base", "mail", "web"],
    "data": [
        "security/gender_equality_security.xml",
        "security/ir.model.access.csv",
        "security/gender_equality_rules.xml",
        "data/gender_equality_unit_data.xml",
        "data/gender_equality_inspection_data.xml",
        "data/gender_equality_checklist_data.xml",
        "report/gender_equality_inspection_reports.xml",
        "report/gender_equality_inspection_templates.xml",
        "views/gender_equality_unit_views.xml",
        "views/res_users_views.xml",
        "views/gender_equality_checklist_views.xml",
        "views/gender_equality_inspection_views.xml",
        "views/gender_equality_inspection_line_views.xml",
        "views/gender_equality_corrective_action_views.xml",
        "wizard/gender_equality_reason_wizard_views.xml",
        "wizard/gender_equality_inspection_plan_wizard_views.xml",
        "wizard/gender_equality_inspection_compare_views.xml",
        "views/gender_equality_menus.xml",
    ],
    "demo": [
        "demo/gender_equality_unit_demo.xml",
        "demo/res_users_demo.xml",
    ],
}
