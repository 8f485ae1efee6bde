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
