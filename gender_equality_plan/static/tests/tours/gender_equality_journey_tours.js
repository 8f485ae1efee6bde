/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The main job of each role, saved as the browser saves it (the web client sends every field of
// the form, invisible ones included): a field that the role may not set must not make the form
// unsavable. Every tour fails at once on an error dialog, and checks what the user sees after
// each action (the status, the stage waited for, the figures).
import {registry} from "@web/core/registry";
import {
    back,
    chooseInDialog,
    clickHeaderButton,
    confirmIfAsked,
    failOnErrorDialog,
    noErrorDialog,
    notification,
    openMenu,
    NEW_BUTTON,
    noRecordLeft,
    openRow,
    save,
    saveDialog,
    status,
    writeHtml,
    x2manyRecord,
} from "./gender_equality_tour_utils";

const tours = registry.category("web_tour.tours");
const UNIT = "Trung tâm Y tế Thử nghiệm";
const MENU = "gender_equality_plan.gender_equality_menu_reporting";
const HOME = ".o_form_view.o_gep_home";

/** The counter ``name`` of My work shows ``count``. */
function counter(name, count) {
    return `${HOME} button[name='action_open_list']:has(div[name='${name}']:contains(${count}))`;
}

/** After a submission: the record waits for the stage ``stage`` (a part of its name). */
function waitsFor(stage) {
    return {content: `It waits for ${stage}`, trigger: `.o_form_view .alert-info:contains(${stage})`};
}

/** The figures of the report were compiled: the date of the compilation is shown. */
function compiled() {
    const year = new Date().getFullYear();
    return [
        {
            content: "The date of the compilation is shown",
            trigger: `.o_form_view div[name='compile_date']:contains(${year})`,
        },
        {trigger: ".o_form_view .o_notebook .nav-link[name='figures']", run: "click"},
        {
            content: "The figures are listed",
            trigger: "div[name='line_ids'] .o_data_row, div[name='line_ids'] .o_kanban_record",
        },
    ];
}

/** Compile, then submit the report open in the form: it waits for the head of the unit. */
function compileAndSubmit() {
    return [
        ...clickHeaderButton("action_compile", "Compile the figures"),
        ...compiled(),
        ...clickHeaderButton("action_submit", "Submit the report"),
        confirmIfAsked("submitted"),
        status("submitted"),
        waitsFor("Thủ trưởng đơn vị"),
    ];
}

// A unit officer makes the annual report from My work: the new report (opened with the unit and
// the year of My work) takes its narrative of results (required to submit it), is saved,
// compiled (the session held is counted) and submitted.
tours.add("gender_equality_report_from_home_tour", {
    steps: () => [
        failOnErrorDialog(),
        {
            content: "My work offers to make the annual report",
            trigger: `${HOME} button[name='action_create_report']`,
            run: "click",
        },
        {trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`},
        ...writeHtml("results", "results", "Tổ chức 01 buổi truyền thông cho viên chức."),
        ...save("Save the new report"),
        {
            content: "Its title names the unit",
            trigger: `.o_form_view div[name='name']:contains(${UNIT})`,
        },
        ...clickHeaderButton("action_compile", "Compile the figures"),
        {
            content: "The session held is counted",
            trigger: ".o_form_view div[name='dissemination_count']:contains(1)",
        },
        ...compiled(),
        ...clickHeaderButton("action_submit", "Submit the report"),
        confirmIfAsked("submitted"),
        status("submitted"),
        waitsFor("Thủ trưởng đơn vị"),
        noErrorDialog(),
    ],
});

// A unit officer's first week: the plan of the year from My work (an activity added in its
// dialog, the plan saved and submitted, its warnings confirmed), then the annual report from
// the menu Báo cáo › Báo cáo năm › Mới (saved, compiled, submitted).
tours.add("gender_equality_plan_and_report_tour", {
    steps: () => {
        const year = new Date().getFullYear();
        return [
            failOnErrorDialog(),
            {
                content: "My work offers to make the plan",
                trigger: `${HOME} button[name='action_create_plan']`,
                run: "click",
            },
            {trigger: `.o_form_view:not(.o_gep_home) div[name='unit_id'] input:value(${UNIT})`},
            {
                content: "Add an activity",
                trigger:
                    "div[name='task_ids'] .o_field_x2many_list_row_add a, div[name='task_ids'] .o-kanban-button-new",
                run: "click",
            },
            {trigger: ".modal div[name='name'] input", run: "edit Nói chuyện chuyên đề bình đẳng giới"},
            ...chooseInDialog("area_id", "III.1", "Tăng cường thông tin, tuyên truyền"),
            ...chooseInDialog("activity_type_id", "Truyền thông", "Truyền thông"),
            {trigger: ".modal div[name='date_start'] input", run: `edit 12/03/${year}`},
            {trigger: ".modal div[name='date_end'] input", run: `edit 12/03/${year}`},
            {content: "Leave the date: it is entered", trigger: ".modal .modal-title", run: "click"},
            ...saveDialog("Save the activity"),
            {
                content: "The activity is in the plan",
                trigger: `.o_form_view:not(:has(.modal)) ${x2manyRecord("task_ids", "Nói chuyện chuyên đề")}`,
            },
            ...save("Save the plan"),
            ...clickHeaderButton("action_submit", "Submit the plan"),
            confirmIfAsked("submitted"),
            status("submitted"),
            waitsFor("Thủ trưởng đơn vị"),
            back("Back to My work"),
            {trigger: HOME},
            ...openMenu(MENU, "gender_equality_plan.gender_equality_report_menu"),
            {content: "A new annual report", trigger: NEW_BUTTON, run: "click"},
            {
                content: "Of the officer's unit",
                trigger: `.o_form_view div[name='unit_id'] input:value(${UNIT})`,
            },
            ...writeHtml("results", "results", "Tổ chức 01 buổi nói chuyện chuyên đề."),
            ...save("Save the new report"),
            ...compileAndSubmit(),
            noErrorDialog(),
        ];
    },
});

// The head of the unit forwards the report and the plan from the counters of My work: each
// then waits for the Department, and leaves the list of what waits for the head.
tours.add("gender_equality_head_forward_tour", {
    steps: () => [
        failOnErrorDialog(),
        {
            content: "A report waits for my approval",
            trigger: counter("reports_to_approve_count", 1),
            run: "click",
        },
        openRow(UNIT),
        waitsFor("Thủ trưởng đơn vị"),
        ...clickHeaderButton("action_approve", "Forward the report"),
        notification("Bạn đã phê duyệt bước của mình"),
        status("submitted"),
        waitsFor("Sở Y tế"),
        back("Back to the reports to approve"),
        noRecordLeft(),
        back("Back to My work"),
        {
            content: "A plan waits for my approval",
            trigger: counter("plans_to_approve_count", 1),
            run: "click",
        },
        openRow(UNIT),
        ...clickHeaderButton("action_approve", "Forward the plan"),
        notification("Bạn đã phê duyệt bước của mình"),
        status("submitted"),
        waitsFor("Sở Y tế"),
        back("Back to the plans to approve"),
        noRecordLeft(),
        back("Back to My work"),
        {trigger: counter("plans_to_approve_count", 0)},
        noErrorDialog(),
    ],
});

// A Department officer accepts a report forwarded by its head (from My work), then writes the
// sector report of the year from the menu (Báo cáo › Báo cáo của ngành › Mới), saves it and
// submits it for signature.
tours.add("gender_equality_department_accept_tour", {
    steps: () => [
        failOnErrorDialog(),
        {
            content: "A report waits for the Department",
            trigger: counter("reports_to_approve_count", 1),
            run: "click",
        },
        openRow(UNIT),
        waitsFor("Sở Y tế"),
        ...clickHeaderButton("action_approve", "Accept the report"),
        status("accepted"),
        back("Back to the reports to approve"),
        noRecordLeft(),
        back("Back to My work"),
        {trigger: HOME},
        ...openMenu(MENU, "gender_equality_plan.gender_equality_sector_report_menu"),
        {content: "A new sector report", trigger: ".o_control_panel .o_list_button_add", run: "click"},
        {trigger: ".o_form_view div[name='document_number'] input", run: "edit 215/BC-SYT"},
        {trigger: ".o_form_view .o_notebook .nav-link[name='signature']", run: "click"},
        {trigger: ".o_form_view div[name='signer_name'] input", run: "edit Nguyễn Văn An"},
        // Saved before another page of the notebook is shown (see writeHtml).
        ...save("Save the new sector report"),
        ...writeHtml("narrative", "direction", "Sở Y tế ban hành kế hoạch truyền thông năm."),
        ...save("Save its assessment"),
        // The report of the year reviews a phase: its lessons and direction are required.
        ...writeHtml("period", "period_lessons", "Phối hợp liên ngành là then chốt."),
        ...save("Save its lessons learned"),
        ...writeHtml("period", "period_direction", "Duy trì truyền thông tại cơ sở."),
        ...save("Save the direction of the next phase"),
        ...clickHeaderButton("action_submit", "Submit it for signature"),
        confirmIfAsked("submitted"),
        status("submitted"),
        waitsFor("Lãnh đạo Sở Y tế"),
        noErrorDialog(),
    ],
});

// The Department manager signs and issues the sector report submitted for signature.
tours.add("gender_equality_sector_report_issue_tour", {
    steps: () => [
        failOnErrorDialog(),
        waitsFor("Lãnh đạo Sở Y tế"),
        ...clickHeaderButton("action_approve", "Sign and issue"),
        confirmIfAsked("issued"),
        status("issued"),
        noErrorDialog(),
    ],
});
