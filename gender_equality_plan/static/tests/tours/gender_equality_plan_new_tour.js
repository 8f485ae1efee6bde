/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {
    chooseInDialog,
    clickHeaderButton,
    notification,
    x2manyRecord,
} from "./gender_equality_tour_utils";

// A new plan takes an activity before it is first saved; the activity's dialog says what is
// wrong with its dates; the warnings of the plan are shown before it leaves, with a way back.
registry.category("web_tour.tours").add("gender_equality_plan_new_tour", {
    steps: () => {
        const year = new Date().getFullYear();
        return [
            {
                content: "Add an activity to the new plan",
                trigger:
                    "div[name='task_ids'] .o_field_x2many_list_row_add a, div[name='task_ids'] .o-kanban-button-new",
                run: "click",
            },
            {trigger: ".modal div[name='name'] input", run: "edit Phổ biến Luật Bình đẳng giới"},
            ...chooseInDialog("area_id", "III.1", "Tăng cường thông tin, tuyên truyền"),
            ...chooseInDialog("activity_type_id", "Truyền thông", "Truyền thông"),
            {trigger: ".modal div[name='date_start'] input", run: `edit 10/03/${year}`},
            {trigger: ".modal div[name='date_end'] input", run: `edit 05/03/${year}`},
            {content: "Leave the date: it is entered", trigger: ".modal .modal-title", run: "click"},
            {
                content: "The activity's dialog says what is wrong",
                trigger: ".modal .modal-body:contains(có ngày kết thúc trước ngày bắt đầu)",
            },
            {
                content: "Close the warning (not the activity's dialog under it)",
                trigger: ".modal:has(.modal-body:contains(có ngày kết thúc trước ngày bắt đầu)) .modal-footer .btn-primary",
                run: "click",
            },
            {trigger: ".modal div[name='date_end'] input", run: `edit 10/03/${year}`},
            {trigger: ".modal .modal-title", run: "click"},
            {trigger: ".modal:not(:has(.modal-body:contains(có ngày kết thúc trước)))"},
            {content: "Save the activity", trigger: ".modal .o_form_button_save", run: "click"},
            {
                content: "The activity is in the plan, which is not saved yet",
                trigger: x2manyRecord("task_ids", "Phổ biến Luật Bình đẳng giới"),
            },
            ...clickHeaderButton("action_submit", "Submit: the plan is saved first"),
            {
                content: "The warnings come before the plan leaves",
                trigger: ".modal div[name='message']:contains(Tháng hành động)",
            },
            {content: "Go back to complete it", trigger: ".modal .modal-footer button.btn-secondary", run: "click"},
            {
                content: "Still a draft",
                trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current[data-value='draft']",
            },
            ...clickHeaderButton("action_submit", "Submit again"),
            {
                content: "Submit it anyway",
                trigger: ".modal .modal-footer button[name='action_confirm']",
                run: "click",
            },
            notification("kèm cảnh báo"),
        ];
    },
});
