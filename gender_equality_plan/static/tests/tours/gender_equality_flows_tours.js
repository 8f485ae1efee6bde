/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The journeys that used to dead-end (issue 18), on a desktop and on a phone: a unit without a
// head account submits its plan (its head signs on paper, or its head's step is skipped), a head
// submits his own unit's report, an inspection is scheduled then started and recorded, the
// sector report is submitted for signature and issued with its number.
import {registry} from "@web/core/registry";
import {inputFiles} from "@web/../tests/utils";
import {clickHeaderButton, isPhone, notification} from "./gender_equality_tour_utils";

const tours = registry.category("web_tour.tours");
const CONFIRM = ".modal .modal-footer button[name='action_confirm']";

/** Choose the record ``label`` in the many2many_tags field ``name`` of the dialog. */
function addTag(name, search, label) {
    const field = `.modal div[name='${name}']`;
    if (isPhone()) {
        return [
            {trigger: `${field} input`, run: `edit ${search}`},
            {
                trigger: `${field} .o-autocomplete--dropdown-menu li:contains(${label}) a, .modal:last .o_kanban_record:contains(${label}), .modal:last .o_data_row:contains(${label})`,
                run: "click",
            },
            {trigger: `${field} .o_tag:contains(${label})`},
        ];
    }
    return [
        {trigger: `${field} input`, run: `edit ${search}`},
        {trigger: `${field} .o-autocomplete--dropdown-menu li:contains(${label}) a`, run: "click"},
        {trigger: `${field} .o_tag:contains(${label})`},
    ];
}

// The officer of a unit whose head has no account submits the plan: before anything happens,
// the dialog says that the head signs on paper; the form then says what to do; the officer
// records the signed scan, and the plan goes on to the Department.
tours.add("gender_equality_paper_approval_tour", {
    steps: () => [
        ...clickHeaderButton("action_submit", "Submit the plan"),
        {
            content: "Before submitting: the head has no account, his step is signed on paper",
            trigger: ".modal div[name='message']:contains(chưa có tài khoản Thủ trưởng):contains(được ký trên giấy)",
        },
        {trigger: CONFIRM, run: "click"},
        {
            content: "The form says what the unit does next",
            trigger: ".o_form_view:not(:has(.modal)) .alert-warning:contains(đang chờ chữ ký trên giấy của Thủ trưởng)",
        },
        ...clickHeaderButton("action_record_paper_approval", "Record the head's signature on paper"),
        {
            content: "Attach the scan of the signed plan",
            trigger: ".modal div[name='scan']",
            async run() {
                const scan = new File(["%PDF-1.4\n% Ke hoach da ky\n"], "ke-hoach-da-ky.pdf", {
                    type: "application/pdf",
                });
                await inputFiles(".modal div[name='scan'] input.o_input_file", [scan]);
            },
        },
        {trigger: ".modal div[name='scan'] input[type='text']:value(ke-hoach-da-ky.pdf)"},
        {trigger: ".modal div[name='signer'] input", run: "edit Lê Văn Hùng, Giám đốc"},
        {trigger: CONFIRM, run: "click"},
        notification("Đã ghi nhận chữ ký trên giấy của Thủ trưởng"),
        {
            content: "The plan now waits for the Department",
            trigger: ".o_form_view:not(:has(.modal)) .alert-info:contains(Sở Y tế)",
        },
        {trigger: ".o_form_view:not(:has(.alert-warning:contains(chữ ký trên giấy)))"},
    ],
});

// The officer of a unit that the Department marked so submits the plan: the head's step is
// skipped, the dialog says so first, and the plan goes to the Department.
tours.add("gender_equality_skip_head_tour", {
    steps: () => [
        ...clickHeaderButton("action_submit", "Submit the plan"),
        {
            content: "Before submitting: the head's step is skipped",
            trigger: ".modal div[name='message']:contains(được bỏ qua)",
        },
        {trigger: CONFIRM, run: "click"},
        {
            content: "The plan waits for the Department",
            trigger: ".o_form_view:not(:has(.modal)) .alert-info:contains(Sở Y tế)",
        },
    ],
});

// A head of unit submits his own unit's report: his submission is his decision, the dialog
// says so, and the report goes to the Department.
tours.add("gender_equality_head_submits_tour", {
    steps: () => [
        ...clickHeaderButton("action_submit", "Submit the report"),
        {
            content: "Before submitting: the head's submission is his approval",
            trigger: ".modal div[name='message']:contains(việc bạn gửi duyệt là phê duyệt của bạn)",
        },
        {trigger: `${CONFIRM}:contains(Gửi duyệt)`, run: "click"},
        notification("Đã gửi duyệt"),
        {
            content: "The report waits for the Department, not for its head",
            trigger: ".o_form_view:not(:has(.modal)) .alert-info:contains(Sở Y tế)",
        },
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']"},
    ],
});

// An inspector schedules an inspection: the default checklist is proposed; he starts it (its
// items are loaded), answers them and records the minutes.
tours.add("gender_equality_inspection_schedule_tour", {
    steps: () => [
        {
            content: "The default checklist is proposed",
            trigger: ".modal div[name='checklist_id'] input:value(Bảng kiểm lập lịch)",
        },
        ...addTag("unit_ids", "Thử nghiệm", "Trung tâm Y tế Thử nghiệm"),
        {trigger: ".modal button[name='action_schedule']", run: "click"},
        {
            content: "Open the scheduled inspection",
            trigger: ".o_list_view .o_data_row:contains(Trung tâm Y tế Thử nghiệm) .o_data_cell[name='unit_id']",
            run: "click",
        },
        {trigger: ".o_form_view div[name='checklist_id'] input:value(Bảng kiểm lập lịch)"},
        ...clickHeaderButton("action_start", "Start the inspection"),
        {
            content: "The checklist's items are there to answer",
            trigger: isPhone()
                ? "div[name='line_ids'] .o_kanban_record:contains(Kế hoạch năm đã được phê duyệt?)"
                : "div[name='line_ids'] .o_data_row:contains(Kế hoạch năm đã được phê duyệt?)",
        },
        ...(isPhone()
            ? [
                  {trigger: "div[name='line_ids'] .o_kanban_record:eq(0)", run: "click"},
                  {trigger: ".modal div[name='answer_yes_no'] input[data-value='yes']", run: "click"},
                  {trigger: ".modal .o_form_button_save", run: "click"},
                  {trigger: ".o_form_view:not(:has(.modal))"},
              ]
            : [
                  {
                      trigger: "div[name='line_ids'] .o_data_row:eq(0) .o_data_cell[name='answer_yes_no']",
                      run: "click",
                  },
                  {
                      trigger: "div[name='line_ids'] .o_data_row:eq(0) .o_data_cell[name='answer_yes_no'] select",
                      run: "selectByIndex 1",
                  },
              ]),
        ...clickHeaderButton("action_done", "Record the minutes"),
        notification("Đã ghi biên bản"),
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='done']"},
    ],
});

// The Department's officer submits the sector report for signature: he is warned first of the
// units that have not reported.
tours.add("gender_equality_sector_report_warnings_tour", {
    steps: () => [
        ...clickHeaderButton("action_submit", "Submit for signature"),
        {
            content: "The missing reports are named before anything happens",
            trigger: ".modal div[name='message']:contains(chưa gửi báo cáo)",
        },
        {trigger: `${CONFIRM}:contains(Vẫn trình ký)`, run: "click"},
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='submitted']"},
    ],
});

// The Department manager gives the number of the document, then signs and issues the report
// after a confirmation that repeats the number.
tours.add("gender_equality_sector_report_number_tour", {
    steps: () => [
        {
            content: "The form asks for the number before the signature",
            trigger: ".o_form_view .alert-warning:contains(Hãy nhập số văn bản)",
        },
        {trigger: ".o_form_view div[name='document_number'] input", run: "edit 12/BC-SYT"},
        ...clickHeaderButton("action_approve", "Sign and issue"),
        {
            content: "The confirmation repeats the number",
            trigger: ".modal div[name='message']:contains(số 12/BC-SYT)",
        },
        {trigger: `${CONFIRM}:contains(Ký ban hành)`, run: "click"},
        {trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='issued']"},
    ],
});
