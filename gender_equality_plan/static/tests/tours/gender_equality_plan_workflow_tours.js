/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {
    clickHeaderButton,
    isPhone,
    notification,
    x2manyOpen,
    x2manyRecord,
} from "./gender_equality_tour_utils";

const tours = registry.category("web_tour.tours");
// The cross of a dialog, or its back arrow on a phone (full screen).
const CLOSE_DIALOG = ".modal .modal-header .btn-close, .modal .modal-header .oi-arrow-left";

// A plan that meets the objectives leaves at once, with a short confirmation.
tours.add("gender_equality_plan_submit_tour", {
    steps: () => [
        ...clickHeaderButton("action_submit", "Submit the plan"),
        notification("Đã gửi duyệt"),
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']"},
    ],
});

// Cancelling asks first, with buttons that name what they do: the dialog does not answer
// "Cancel this plan?" with a button named "Cancel".
tours.add("gender_equality_plan_cancel_tour", {
    steps: () => [
        ...clickHeaderButton("action_cancel", "Cancel the plan"),
        {
            content: "The dialog says what will happen",
            trigger: ".modal div[name='message']:contains(sẽ bị hủy)",
        },
        {trigger: ".modal .modal-footer button[name='action_confirm']:contains(Xác nhận hủy)"},
        {
            content: "Go back: nothing happens",
            trigger: ".modal .modal-footer button.btn-secondary:contains(Quay lại)",
            run: "click",
        },
        {trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status button.o_arrow_button_current[data-value='draft']"},
        ...clickHeaderButton("action_cancel", "Cancel the plan, this time for good"),
        {trigger: ".modal .modal-footer button[name='action_confirm']", run: "click"},
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='cancelled']"},
    ],
});

// The head of the unit approves their stage: a short confirmation says what comes next.
tours.add("gender_equality_plan_approve_tour", {
    steps: () => [
        ...clickHeaderButton("action_approve", "Approve the plan"),
        notification("Bạn đã phê duyệt bước của mình"),
        {trigger: ".o_form_view .alert-info:contains(Đang chờ bước)"},
    ],
});

// The Department returns the plan with a reason: a short confirmation.
tours.add("gender_equality_plan_return_feedback_tour", {
    steps: () => [
        ...clickHeaderButton("action_return", "Return the plan"),
        {trigger: ".modal div[name='reason'] textarea", run: "edit Thiếu hoạt động Tháng hành động."},
        {trigger: ".modal button[name='action_confirm']", run: "click"},
        notification("đã được trả lại đơn vị"),
        {trigger: ".o_form_view .alert-danger:contains(Thiếu hoạt động Tháng hành động.)"},
    ],
});

// An activity of a plan being drafted is planned only: no execution buttons, no execution tab.
tours.add("gender_equality_task_draft_tour", {
    steps: () => [
        {trigger: x2manyOpen("task_ids", "Phổ biến Luật Bình đẳng giới"), run: "click"},
        {trigger: ".modal div[name='name'] input"},
        {
            content: "No execution buttons",
            trigger:
                ".modal .o_form_view:not(:has(button[name='action_start'])):not(:has(button[name='action_done'])):not(:has(button[name='action_cancel']))",
        },
        {content: "No execution tab", trigger: ".modal .o_notebook:not(:has(.nav-link[name='execution']))"},
        {content: "Close", trigger: CLOSE_DIALOG, run: "click"},
        {trigger: ".o_form_view:not(:has(.modal))"},
    ],
});

// Once the plan is approved, its activities are carried out and their execution recorded.
/** On a desktop, the read-only table of an approved plan's activities cuts no name, date or
 * badge to "Truyề…": each of those cells shows its whole content. */
function nothingCut() {
    if (isPhone()) {
        return [];
    }
    const cells = [
        "td[name='date_start']",
        "td[name='date_end']",
        "td[name='name']",
        "td[name='activity_type_id']",
        "td[name='state']",
    ];
    return [
        {
            content: "The read-only table of activities cuts no name, date or badge",
            trigger: "div[name='task_ids'] .o_data_row td[name='name']:contains(Tập huấn cán bộ truyền thông)",
            run() {
                const table = this.anchor.closest("table");
                for (const cell of table.querySelectorAll(cells.map((c) => `.o_data_row ${c}`).join(","))) {
                    const inner = cell.querySelector(".badge") || cell;
                    if (inner.scrollWidth > inner.clientWidth + 1) {
                        throw new Error(`Cut in the column ${cell.getAttribute("name")}: ${cell.textContent}`);
                    }
                }
            },
        },
    ];
}

tours.add("gender_equality_task_execution_tour", {
    steps: () => [
        ...nothingCut(),
        {
            content: "Executed activities show their participants",
            trigger: x2manyOpen("task_ids", "Tập huấn cán bộ truyền thông"),
            run: "click",
        },
        {content: "The activity can be started", trigger: ".modal button[name='action_start']"},
        {content: "Its execution is recorded", trigger: ".modal .o_notebook .nav-link[name='execution']"},
        {trigger: CLOSE_DIALOG, run: "click"},
        {trigger: ".o_form_view:not(:has(.modal))"},
    ],
});

// The kanban of plans shows a column per status, in the order of the workflow, and cannot
// change a status: no quick creation, no dragging between columns. Years have no separator.
tours.add("gender_equality_plan_kanban_tour", {
    steps: () => {
        const year = new Date().getFullYear();
        return [
            {trigger: ".o_kanban_renderer .o_kanban_group:eq(0) .o_column_title:contains(Dự thảo)"},
            {trigger: ".o_kanban_renderer .o_kanban_group:eq(1) .o_column_title:contains(Đã trả lại)"},
            {trigger: ".o_kanban_renderer .o_kanban_group:eq(2) .o_column_title:contains(Đã gửi)"},
            {trigger: ".o_kanban_renderer .o_kanban_group:eq(3) .o_column_title:contains(Đã phê duyệt)"},
            {
                content: "No quick creation in a column",
                trigger: ".o_kanban_renderer:not(:has(.o_kanban_quick_add))",
            },
            {
                content: "No card can be dragged to another status",
                trigger: ".o_kanban_renderer:has(.o_kanban_record):not(:has(.o_kanban_record.o_draggable))",
            },
            {
                content: "The year is written 2026, not 2.026",
                trigger: `.o_kanban_record:contains(${year}):not(:contains(${Math.floor(year / 1000)}.${String(year % 1000).padStart(3, "0")})):not(:contains(${Math.floor(year / 1000)},${String(year % 1000).padStart(3, "0")}))`,
            },
        ];
    },
});
