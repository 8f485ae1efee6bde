/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {
    clickHeaderButton,
    failOnErrorDialog,
    isPhone,
    noErrorDialog,
    notification,
    save,
    status,
    writeHtml,
    x2manyRecord,
} from "./gender_equality_tour_utils";

/** Answer the item ``index`` of the checklist: in its row on a desktop, in its card on a phone. */
function answer(index, value) {
    if (isPhone()) {
        return [
            {trigger: `div[name='line_ids'] .o_kanban_record:eq(${index})`, run: "click"},
            {trigger: `.modal div[name='answer_yes_no'] input[data-value='${value}']`, run: "click"},
            {trigger: ".modal .o_form_button_save", run: "click"},
            {trigger: ".o_form_view:not(:has(.modal))"},
        ];
    }
    const cell = `div[name='line_ids'] .o_data_row:eq(${index}) .o_data_cell[name='answer_yes_no']`;
    return [
        {trigger: cell, run: "click"},
        {trigger: `${cell} select`, run: `selectByIndex ${value === "no" ? 2 : 1}`},
    ];
}

// An inspector runs a planned inspection: no score before any answer, the answers (cards on a
// phone), the conclusion written and the form saved, the minutes recorded with a short
// confirmation, the corrective action of the failed item titled after the inspection and the
// item. Any error dialog fails the tour.
registry.category("web_tour.tours").add("gender_equality_inspection_tour", {
    steps: () => [
        failOnErrorDialog(),
        {
            content: "A planned inspection has no score (not 0%)",
            trigger: ".o_form_view:has(div[name='leader_id']):not(:has(div[name='score']))",
        },
        ...clickHeaderButton("action_start", "Start the inspection"),
        {trigger: x2manyRecord("line_ids", "Kế hoạch năm đã được phê duyệt?")},
        ...answer(0, "no"),
        ...answer(1, "yes"),
        ...save("Save the answers"),
        ...writeHtml("conclusion", "conclusion", "Đơn vị thực hiện cơ bản đầy đủ."),
        ...save("Save the conclusion"),
        status("in_progress"),
        ...clickHeaderButton("action_done", "Record the minutes"),
        notification("Đã ghi biên bản"),
        status("done"),
        {trigger: ".o_form_view div[name='score']"},
        {trigger: ".o_notebook .nav-link[name='corrective_actions']", run: "click"},
        {
            content: "The corrective action tells which inspection and item it corrects",
            trigger: x2manyRecord("corrective_action_ids", "Kế hoạch năm đã được phê duyệt?"),
        },
        noErrorDialog(),
    ],
});
