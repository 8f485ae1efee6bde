/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {isPhone} from "./gender_equality_tour_utils";

const UNIT = "Trung tâm Y tế Thử nghiệm";
const BACK = ".o_breadcrumb .breadcrumb-item a, .o_breadcrumb .o_back_button";

// A unit officer logs in: they land on My work, which counts the report their unit owes (not
// started yet, due in 9 days), draws no zero in red, and offers the next steps as buttons.
registry.category("web_tour.tours").add("gender_equality_home_tour", {
    steps: () => [
        {content: "After login: My work", trigger: ".o_form_view.o_gep_home"},
        {
            content: "The report not started yet is owed",
            trigger: ".o_gep_home div[name='reports_due_count'].text-primary:contains(1)",
        },
        {
            content: "Nothing is overdue: the zero is not red",
            trigger: ".o_gep_home div[name='tasks_overdue_count']:not(.text-danger):contains(0)",
        },
        {
            content: "Nor the corrective actions",
            trigger: ".o_gep_home div[name='actions_overdue_count']:not(.text-danger):contains(0)",
        },
        {
            content: "Next step: make the annual report of the year",
            trigger: ".o_gep_home button[name='action_create_report']",
            run: "click",
        },
        {
            content: "A new report of the unit",
            trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`,
        },
        {content: "Back to My work", trigger: BACK, run: "click"},
        {
            content: "Next step: make the plan of the year",
            trigger: ".o_gep_home button[name='action_create_plan']",
            run: "click",
        },
        {
            content: "A new plan of the unit",
            trigger: `.o_form_view:not(.o_gep_home) div[name='task_ids'] ${
                isPhone() ? ".o_field_x2many_kanban" : ".o_field_x2many_list"
            }`,
        },
        {trigger: `.o_form_view div[name='unit_id'] input:value(${UNIT})`},
        {
            content: "Back to My work: the plan is not saved (the user did not save it)",
            trigger: BACK,
            run: "click",
        },
        {trigger: ".o_form_view.o_gep_home"},
    ],
});
