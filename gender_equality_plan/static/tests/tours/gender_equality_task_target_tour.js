/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {
    chooseInDialog,
    failOnErrorDialog,
    noErrorDialog,
    save,
    x2manyRecord,
} from "./gender_equality_tour_utils";

const NOTE = ".modal .o_gep_staff_session_note";

// The activity's dialog says, as the officer chooses the type and the target group, whether
// the activity counts for target 1 of the plan and why; the plan's overview counts the
// activity before the plan is first saved.
registry.category("web_tour.tours").add("gender_equality_task_target_tour", {
    steps: () => {
        const year = new Date().getFullYear();
        return [
            failOnErrorDialog(),
            {
                content: "Add an activity to the new plan",
                trigger:
                    "div[name='task_ids'] .o_field_x2many_list_row_add a, div[name='task_ids'] .o-kanban-button-new",
                run: "click",
            },
            {
                content: "Before the choice, the dialog tells the rule",
                trigger: `${NOTE}.alert-info:contains(Chọn loại hoạt động và đối tượng)`,
            },
            {trigger: ".modal div[name='name'] input", run: "edit Tập huấn Luật Bình đẳng giới cho viên chức"},
            ...chooseInDialog("area_id", "III.1", "Tăng cường thông tin, tuyên truyền"),
            ...chooseInDialog("activity_type_id", "Lớp tập huấn", "Lớp tập huấn"),
            {
                content: "For the staff of the unit",
                trigger: ".modal div[name='target_group'] select",
                run: "selectByLabel Cán bộ, viên chức",
            },
            {
                content: "A training does not count, and the dialog says which types do",
                trigger: `${NOTE}.alert-info:contains(Không tính cho chỉ tiêu II.2.1):contains(Lớp tập huấn):contains(phổ biến pháp luật)`,
            },
            ...chooseInDialog("activity_type_id", "Truyền thông", "Truyền thông"),
            {
                content: "A dissemination session for the staff counts",
                trigger: `${NOTE}.alert-success:contains(Được tính cho chỉ tiêu II.2.1)`,
            },
            {trigger: ".modal div[name='date_start'] input", run: `edit 05/03/${year}`},
            {trigger: ".modal div[name='date_end'] input", run: `edit 05/03/${year}`},
            {content: "Leave the date: it is entered", trigger: ".modal .modal-title", run: "click"},
            {content: "Save the activity", trigger: ".modal .o_form_button_save", run: "click"},
            {trigger: "body:not(:has(.modal))"},
            {trigger: x2manyRecord("task_ids", "Tập huấn Luật Bình đẳng giới cho viên chức")},
            {
                content: "The overview counts the activity before the plan is saved",
                trigger: ".o_form_view:has(.o_form_button_save:enabled) div[name='task_count']:contains(1)",
            },
            {trigger: ".o_form_view div[name='dissemination_count']:contains(1)"},
            ...save("Save the plan"),
            noErrorDialog(),
        ];
    },
});
