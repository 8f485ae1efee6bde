/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Steps shared by the tours, on a desktop and on a phone (where Odoo shows x2many fields as
// cards and moves the buttons of a form's header into the gear menu, but the primary ones: the
// form of the module keeps the main action of a record in sight, see gep_form_view.js).
import {utils as uiUtils} from "@web/core/ui/ui_service";

const GEAR = ".o_control_panel .o_cp_action_menus button.dropdown-toggle";

export function isPhone() {
    return uiUtils.isSmall();
}

/** Click the header button ``name`` of the form: in the status bar, or on a phone in the gear
 * menu when it is not a primary button. */
export function clickHeaderButton(name, content) {
    const inBar = `.o_form_view .o_form_statusbar button[name='${name}']`;
    if (isPhone()) {
        return [
            {
                content: "Open the menu of the record's actions, unless the button is in sight",
                trigger: ".o_form_view .o_form_statusbar",
                async run(helpers) {
                    if (!document.querySelector(inBar)) {
                        await helpers.click(GEAR);
                    }
                },
            },
            {content, trigger: `${inBar}, .o-dropdown--menu button[name='${name}']`, run: "click"},
        ];
    }
    return [{content, trigger: inBar, run: "click"}];
}

/** The primary button ``name`` is in sight, as a button of the status bar; on a phone, the gear
 * menu does not offer it a second time. */
export function mainButton(name, content) {
    const steps = [{content, trigger: `.o_form_view .o_form_statusbar .o_statusbar_buttons button.btn-primary[name='${name}']`}];
    if (isPhone()) {
        steps.push(
            {content: "Open the menu of the record's other actions", trigger: GEAR, run: "click"},
            {content: "It is not in the menu", trigger: `.o-dropdown--menu:not(:has(button[name='${name}']))`},
            {content: "Close the menu", trigger: GEAR, run: "click"},
            {trigger: "body:not(:has(.o-dropdown--menu))"}
        );
    }
    return steps;
}

/** The header button ``name`` of the form is not offered. */
export function noHeaderButton(name, content) {
    const notInBar = `.o_form_view .o_form_statusbar:not(:has(button[name='${name}']))`;
    if (isPhone()) {
        return [
            {content: "Not in the status bar", trigger: notInBar},
            {
                content: "Open the menu of the record's actions",
                trigger: GEAR,
                run: "click",
            },
            {content, trigger: `.o-dropdown--menu:not(:has(button[name='${name}']))`},
            {
                content: "Close the menu",
                trigger: GEAR,
                run: "click",
            },
        ];
    }
    return [{content, trigger: notInBar}];
}

/** Choose the record ``label`` in the many2one field ``name`` of the dialog: in its drop-down
 * on a desktop, in the dialog of records that a phone opens. */
export function chooseInDialog(name, search, label) {
    if (isPhone()) {
        return [
            {trigger: `.modal div[name='${name}'] input`, run: "click"},
            {
                trigger: `.modal:last .o_kanban_record:contains(${label}), .modal:last .o_data_row:contains(${label})`,
                run: "click",
            },
            {trigger: `.modal div[name='${name}'] input:value(${label})`},
        ];
    }
    return [
        {trigger: `.modal div[name='${name}'] input`, run: `edit ${search}`},
        {
            trigger: `.modal div[name='${name}'] .o-autocomplete--dropdown-menu li:contains(${label}) a`,
            run: "click",
        },
    ];
}

/** A short confirmation pops up. */
export function notification(text) {
    return {content: `Confirmation: ${text}`, trigger: `.o_notification:contains(${text})`};
}

/** The rows of the x2many field ``name``: table rows on a desktop, cards on a phone. */
export function x2manyRecord(name, text) {
    return isPhone()
        ? `div[name='${name}'] .o_field_x2many_kanban .o_kanban_record:contains(${text})`
        : `div[name='${name}'] .o_field_x2many_list .o_data_row:contains(${text})`;
}

/** What to click to open a row of the x2many field ``name``: its name cell, or its card. */
export function x2manyOpen(name, text) {
    return isPhone() ? x2manyRecord(name, text) : `${x2manyRecord(name, text)} .o_data_cell[name='name']`;
}

/** Fail the tour at once, with its message, when Odoo shows an error dialog (an access or a
 * validation error, a traceback): the checks of the next steps could still find what they
 * wait for under the dialog. The first step of the tours that save records. */
export function failOnErrorDialog() {
    return {
        content: "From now on, an error dialog fails the tour",
        trigger: "body",
        run() {
            const report = () => {
                const dialog = document.querySelector(".o_error_dialog");
                if (dialog && !dialog.dataset.gepReported) {
                    dialog.dataset.gepReported = "1";
                    // console.error fails the test, with the words the user read.
                    console.error(`An error dialog opened: ${dialog.innerText}`);
                }
            };
            new MutationObserver(report).observe(document.body, {childList: true, subtree: true});
            report();
        },
    };
}

/** The last step of a tour: no error dialog is open. */
export function noErrorDialog() {
    return {content: "No error dialog", trigger: "body:not(:has(.o_error_dialog))"};
}

/** The status of the record in the form's status bar is ``value``. The status bar itself: on
 * a phone, where the form's main action takes room, its arrows may all be folded (hidden) into
 * the drop-down of the current status. */
export function status(value) {
    return {
        content: `The status is now ${value}`,
        trigger: `.o_form_view .o_statusbar_status:has(button.o_arrow_button_current[data-value='${value}'])`,
    };
}

/** Save the form and wait until it is saved: a form that the server refused stays dirty. */
export function save(content = "Save") {
    return [
        {content, trigger: ".o_form_view .o_form_button_save:enabled", run: "click"},
        {content: "Saved", trigger: ".o_form_view .o_form_renderer.o_form_saved"},
    ];
}

/** Save the record of the dialog: the dialog closes (it stays open on a refusal). */
export function saveDialog(content = "Save the dialog") {
    return [
        {content, trigger: ".modal .o_form_button_save:enabled", run: "click"},
        {content: "The dialog is closed", trigger: "body:not(:has(.modal))"},
    ];
}

/** Write ``text`` in the HTML field ``name`` of the form (on the notebook page ``page``). Save
 * before showing another page: at a tour's speed, the click that unmounts the page can come
 * before the field hands its value to the record (as it does when the form saves). */
export function writeHtml(page, name, text) {
    return [
        {trigger: `.o_form_view .o_notebook .nav-link[name='${page}']`, run: "click"},
        {trigger: `.o_form_view .o_field_html[name='${name}'] .odoo-editor-editable p`, run: `editor ${text}`},
        {trigger: `.o_form_view .o_field_html[name='${name}'] .odoo-editor-editable:contains(${text})`},
    ];
}

/** Confirm the warnings before a submission if the dialog asks, else go on: the record
 * reaches the status ``value`` either way. */
export function confirmIfAsked(value) {
    const confirm = ".modal .modal-footer button[name='action_confirm']";
    return {
        content: "Submit anyway if warnings are shown",
        // The status bar itself, not its current button (disabled, so not a target of an action).
        trigger: `${confirm}, .o_form_view .o_statusbar_status:has(button.o_arrow_button_current[data-value='${value}'])`,
        async run(helpers) {
            if (this.anchor.matches(confirm)) {
                await helpers.click();
            }
        },
    };
}

/** Open the menu item ``item`` of the section ``section`` (XML ids): the sections' drop-downs of
 * the navigation bar on a desktop, the side menu of the app on a phone. */
export function openMenu(section, item) {
    if (isPhone()) {
        return [
            {content: "Open the menu of the app", trigger: ".o_main_navbar .o_menu_toggle", run: "click"},
            {trigger: `.o_app_menu_sidebar li[data-menu-xmlid='${item}']`, run: "click"},
        ];
    }
    return [
        {trigger: `.o_main_navbar .o_menu_sections button[data-menu-xmlid='${section}']`, run: "click"},
        {trigger: `.o-dropdown--menu .dropdown-item[data-menu-xmlid='${item}']`, run: "click"},
    ];
}

/** Go back to the previous screen: the last link of the breadcrumbs, the arrow on a phone. */
export function back(content = "Back") {
    return {content, trigger: ".o_breadcrumb .o_back_button", run: "click"};
}

/** Open the record of the list whose row shows ``text`` (through its cell ``cell``): its card
 * on a phone, where the lists of My work and of the menus with cards open as cards. */
export function openRow(text, cell = "year") {
    return {
        content: `Open the record of ${text}`,
        trigger: isPhone()
            ? `.o_kanban_view .o_kanban_record:not(.o_kanban_ghost):contains(${text})`
            : `.o_list_view .o_data_row:contains(${text}) .o_data_cell[name='${cell}']`,
        run: "click",
    };
}

/** The list is empty: no row on a desktop, no card on a phone. */
export function noRecordLeft(content = "None is left") {
    return {
        content,
        trigger: isPhone()
            ? ".o_kanban_view:not(:has(.o_kanban_record:not(.o_kanban_ghost)))"
            : ".o_list_view:not(:has(.o_data_row))",
    };
}

/** The button "New" of the list, or of the cards on a phone. */
export const NEW_BUTTON = ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new";
