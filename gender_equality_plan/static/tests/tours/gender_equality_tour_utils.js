/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Steps shared by the tours, on a desktop and on a phone (where Odoo moves the buttons of a
// form's header into the gear menu and shows x2many fields as cards).
import {utils as uiUtils} from "@web/core/ui/ui_service";

export function isPhone() {
    return uiUtils.isSmall();
}

/** Click the header button ``name`` of the form: in the gear menu on a phone. */
export function clickHeaderButton(name, content) {
    if (isPhone()) {
        return [
            {
                content: "Open the menu of the record's actions",
                trigger: ".o_control_panel .o_cp_action_menus button.dropdown-toggle",
                run: "click",
            },
            {content, trigger: `.o-dropdown--menu button[name='${name}']`, run: "click"},
        ];
    }
    return [{content, trigger: `.o_form_view .o_form_statusbar button[name='${name}']`, run: "click"}];
}

/** The header button ``name`` of the form is not offered. */
export function noHeaderButton(name, content) {
    if (isPhone()) {
        return [
            {
                content: "Open the menu of the record's actions",
                trigger: ".o_control_panel .o_cp_action_menus button.dropdown-toggle",
                run: "click",
            },
            {content, trigger: `.o-dropdown--menu:not(:has(button[name='${name}']))`},
            {
                content: "Close the menu",
                trigger: ".o_control_panel .o_cp_action_menus button.dropdown-toggle",
                run: "click",
            },
        ];
    }
    return [{content, trigger: `.o_form_view .o_form_statusbar:not(:has(button[name='${name}']))`}];
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
