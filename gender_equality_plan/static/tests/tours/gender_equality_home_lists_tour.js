/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Each role's main list from My work, on a desktop and on a phone: a table on a desktop, cards
// on a phone; a tap on a card (a click on a row) opens the record, never the to-do popover; the
// main action of the record is a button in sight (on a phone too), and it works.
import {registry} from "@web/core/registry";
import {clickHeaderButton, isPhone, mainButton, notification, status} from "./gender_equality_tour_utils";

const tours = registry.category("web_tour.tours");
const UNIT = "Trung tâm Y tế Thử nghiệm";

/** From My work, open the list of the counter ``counter`` and the record showing ``text`` (in
 * its form: ``formText``, else ``text``). */
function openFromMyWork(counter, text, content, formText = text) {
    const record = isPhone()
        ? `.o_kanban_view .o_kanban_record:not(.o_kanban_ghost):contains(${text})`
        : `.o_list_view .o_data_row:contains(${text})`;
    return [
        {content: "My work", trigger: ".o_form_view.o_gep_home"},
        {
            content: `My work: ${content}`,
            trigger: `.o_gep_home button[name='action_open_list']:has(div[name='${counter}_count'])`,
            run: "click",
        },
        {
            content: isPhone() ? "On a phone, cards: no table cut off" : "On a desktop, a table",
            trigger: isPhone()
                ? ".o_action_manager:not(:has(.o_list_view)) .o_kanban_view"
                : ".o_list_view",
        },
        {
            content: isPhone() ? "Tap the card" : "Click the row",
            trigger: isPhone() ? record : `${record} td.o_data_cell:first`,
            run: "click",
        },
        {
            content: "The record opens (not the to-do popover)",
            trigger: `.o_form_view:not(.o_gep_home):contains(${formText}), .o_form_view:not(.o_gep_home) input:value(${formText})`,
        },
        {trigger: "body:not(:has(.o_popover))"},
    ];
}

// A head of unit approves the plan that waits for them.
tours.add("gender_equality_home_plan_to_approve_tour", {
    steps: () => [
        ...openFromMyWork("plans_to_approve", UNIT, "a plan to approve"),
        ...mainButton("action_approve", "Approve is a button in sight"),
        ...clickHeaderButton("action_approve", "Approve the plan"),
        notification("Bạn đã phê duyệt bước của mình"),
        {trigger: ".o_form_view .alert-info:contains(Đang chờ bước)"},
    ],
});

// The Department accepts the report that its stage received.
tours.add("gender_equality_home_report_to_approve_tour", {
    steps: () => [
        ...openFromMyWork("reports_to_approve", UNIT, "a report to accept"),
        ...mainButton("action_approve", "Approve is a button in sight"),
        ...clickHeaderButton("action_approve", "Accept the report"),
        status("accepted"),
    ],
});

// A unit officer starts a corrective action that their unit must carry out.
tours.add("gender_equality_home_action_to_carry_out_tour", {
    steps: () => [
        ...openFromMyWork("actions_due", "Bổ sung kế hoạch truyền thông", "a corrective action"),
        ...mainButton("action_start", "Start is a button in sight"),
        ...clickHeaderButton("action_start", "Start it"),
        status("in_progress"),
    ],
});

// An inspector starts a planned inspection.
tours.add("gender_equality_home_inspection_planned_tour", {
    steps: () => [
        ...openFromMyWork("inspections_planned", UNIT, "a planned inspection"),
        ...mainButton("action_start", "Start is a button in sight"),
        ...clickHeaderButton("action_start", "Start the inspection"),
        status("in_progress"),
    ],
});

// An inspector verifies a corrective action whose evidence the unit sent.
tours.add("gender_equality_home_action_to_verify_tour", {
    steps: () => [
        ...openFromMyWork("actions_to_verify", "Bổ sung kế hoạch truyền thông", "a corrective action to verify"),
        ...mainButton("action_verify", "Verify is a button in sight"),
        ...clickHeaderButton("action_verify", "Verify it"),
        status("verified"),
    ],
});

// An item of the inbox about a plan opens the plan, not a chat window.
tours.add("gender_equality_home_inbox_tour", {
    steps: () => [
        {trigger: ".o_form_view.o_gep_home"},
        {
            content: "Open the messages",
            trigger: ".o_menu_systray i[aria-label='Messages']",
            run: "click",
        },
        {
            content: "The notification about the plan",
            trigger: `.o-mail-NotificationItem:contains(${UNIT}):contains(chờ quyết định của bạn)`,
            run: "click",
        },
        {
            content: "The plan opens",
            trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id']:contains(${UNIT}), .o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`,
        },
        {trigger: ".o_form_view:not(.o_gep_home) .o_form_statusbar button[name='action_approve']"},
        {content: "No chat window", trigger: "body:not(:has(.o-mail-ChatWindow))"},
    ],
});

// Opening "Make the plan" and leaving creates no plan: not when the tab is hidden, not when the
// page closes; the next step stays on My work until the plan is saved.
tours.add("gender_equality_home_new_plan_tour", {
    steps: () => [
        {trigger: ".o_form_view.o_gep_home"},
        {
            content: "Next step: make the plan",
            trigger: ".o_gep_home button[name='action_create_plan']",
            run: "click",
        },
        {trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`},
        {
            content: "The officer switches to another tab (Odoo saves a form when its page is hidden)",
            trigger: ".o_form_view:not(.o_gep_home)",
            run() {
                Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
                document.dispatchEvent(new Event("visibilitychange"));
                delete document.visibilityState;
            },
        },
        {
            content: "Back to My work",
            trigger: ".o_breadcrumb .breadcrumb-item a, .o_breadcrumb .o_back_button",
            run: "click",
        },
        {
            content: "Nothing was saved: the next step is still offered",
            trigger: ".o_gep_home button[name='action_create_plan']",
            run: "click",
        },
        {trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`},
        {
            content: "The officer closes the page (Odoo saves a form when its page closes)",
            trigger: ".o_form_view:not(.o_gep_home)",
            run() {
                window.location.reload();
            },
        },
        {trigger: ".o_form_view"},
    ],
});
