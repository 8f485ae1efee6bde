/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {isPhone, notification} from "./gender_equality_tour_utils";

const UNIT = "Trung tâm Y tế Thử nghiệm";

const ROW = `.o_list_view .o_data_row:contains(${UNIT})`;

/** Select the three plans of the unit in the list: their checkboxes on a desktop; on a phone,
 * a long touch on the first starts the selection and a tap adds the next ones. */
function selectRows() {
    if (!isPhone()) {
        return [1, 2, 3].map((count) => ({
            content: `Select plan ${count} of the unit`,
            trigger: `${ROW}:not(.o_data_row_selected):eq(0) .o_list_record_selector input`,
            run: "click",
        }));
    }
    return [
        {
            content: "A long touch on the first plan of the unit starts the selection",
            trigger: ROW,
            run() {
                const row = document.querySelector(".o_list_view .o_data_row.gep-touched") ||
                    [...document.querySelectorAll(".o_list_view .o_data_row")].find((el) => el.textContent.includes(UNIT));
                row.classList.add("gep-touched");
                row.dispatchEvent(new TouchEvent("touchstart", {bubbles: true, cancelable: true}));
            },
        },
        {
            content: "It is selected: release the touch",
            trigger: `${ROW}.o_data_row_selected`,
            run() {
                const row = document.querySelector(".o_list_view .o_data_row.gep-touched");
                row.dispatchEvent(new TouchEvent("touchend", {bubbles: true, cancelable: true}));
            },
        },
        {content: "Tap the second plan", trigger: `${ROW}:not(.o_data_row_selected):eq(0)`, run: "click"},
        {content: "Tap the third plan", trigger: `${ROW}:not(.o_data_row_selected):eq(0)`, run: "click"},
    ];
}

// The Department manager approves from the list of plans the three plans of a unit that he
// selects: the dialog says that two will be approved and names the third, which waits for the
// head of its unit; after the confirmation, a notification says how many were approved.
registry.category("web_tour.tours").add("gender_equality_approval_batch_tour", {
    steps: () => [
        ...(isPhone()
            ? [
                  {content: "The views of the action", trigger: ".o_cp_switch_buttons button", run: "click"},
                  {content: "Its list", trigger: ".o-dropdown--menu .o-dropdown-item:has(.oi-view-list)", run: "click"},
              ]
            : []),
        {content: "The three plans of the unit", trigger: `${ROW}:eq(2)`},
        ...selectRows(),
        {content: "Three plans selected", trigger: `${ROW}.o_data_row_selected:eq(2)`},
        {content: "Open the menu of the actions", trigger: ".o_cp_action_menus button.dropdown-toggle", run: "click"},
        {content: "Approve", trigger: ".o-dropdown--menu .o-dropdown-item:contains(Phê duyệt)", run: "click"},
        {
            content: "Two of them will be approved",
            trigger: ".modal .o_gep_batch_summary:contains(2 trong số các hồ sơ đã chọn sẽ được phê duyệt.)",
        },
        {
            content: "The third is named with the reason",
            trigger: `.modal .o_gep_batch_summary li:contains(${UNIT}):contains(Chỉ thủ trưởng)`,
        },
        {content: "Confirm", trigger: ".modal button[name='action_confirm']", run: "click"},
        notification("Đã phê duyệt 2 hồ sơ. 1 hồ sơ không được xử lý."),
        {content: "The dialog is closed", trigger: "body:not(:has(.modal))"},
        {
            content: "The list shows the two approved plans",
            trigger: `${ROW}:contains(Đã phê duyệt):eq(1)`,
        },
    ],
});
