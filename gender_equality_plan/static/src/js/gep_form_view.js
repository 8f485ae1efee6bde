/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The form of the module's records (js_class="gep_form"): Odoo's form, with two changes.
//
// 1. On a phone, Odoo 18 moves every button of the header into the gear menu
//    (FormCompiler.compileHeader shows the status bar's buttons only on a large screen or in a
//    dialog). The main action of a record (its primary button: Submit, Approve, Start…) stays
//    a button in the status bar; the other actions stay in the gear menu.
// 2. Odoo saves the record of a form when the page is closed or hidden (beforeUnload,
//    beforeVisibilityChange), a new record too, even if nobody typed anything: opening
//    "Make the plan 2027" and switching to another tab created an empty plan. A new record
//    that nobody touched is not created; anything typed is still saved as Odoo does.
import {registry} from "@web/core/registry";
import {useBus} from "@web/core/utils/hooks";
import {formView} from "@web/views/form/form_view";
import {FormCompiler} from "@web/views/form/form_compiler";
import {FormController} from "@web/views/form/form_controller";

const PRIMARY = /(^|\s)(btn-primary|oe_highlight)(\s|$)/;

/** Whether ``node`` (of the arch) is a primary button of the header. */
function isPrimaryButton(node) {
    return (
        node.nodeType === Node.ELEMENT_NODE &&
        node.tagName === "button" &&
        PRIMARY.test(node.getAttribute("class") || "")
    );
}

export class GepFormCompiler extends FormCompiler {
    compileHeader(el, params) {
        if (params.asDropdownItems) {
            // The gear menu of a phone: every button but the primary ones.
            const others = el.cloneNode(true);
            for (const child of [...others.children].filter(isPrimaryButton)) {
                child.remove();
            }
            return super.compileHeader(others, params);
        }
        // Taken before Odoo compiles the header: compiling a node changes its attributes.
        const primaries = [...el.children].filter(isPrimaryButton).map((button) => button.cloneNode(true));
        const statusBar = super.compileHeader(el, params);
        if (primaries.length) {
            const header = el.cloneNode(false);
            header.append(...primaries);
            const phoneButtons = [...super.compileHeader(header, params).children].find(
                (child) => child.tagName === "StatusBarButtons"
            );
            // Where Odoo's own buttons are not shown: on a phone, out of a dialog.
            phoneButtons.setAttribute("t-if", "__comp__.env.isSmall and !__comp__.env.inDialog");
            statusBar.prepend(phoneButtons);
        }
        return statusBar;
    }
}

export class GepFormController extends FormController {
    setup() {
        super.setup();
        // A field being typed in tells the form (Odoo's status indicator listens the same way).
        this.gepFieldIsDirty = false;
        useBus(this.model.bus, "FIELD_IS_DIRTY", (ev) => (this.gepFieldIsDirty = ev.detail));
    }

    /** A new record in which nobody typed or chose anything. */
    get gepIsUntouchedNew() {
        const root = this.model.root;
        return root.isNew && !root.dirty && !this.gepFieldIsDirty;
    }

    beforeVisibilityChange() {
        if (this.gepIsUntouchedNew) {
            return;
        }
        return super.beforeVisibilityChange(...arguments);
    }

    async beforeUnload(ev) {
        if (this.gepIsUntouchedNew) {
            return;
        }
        return super.beforeUnload(ev);
    }
}

export const gepFormView = {
    ...formView,
    Compiler: GepFormCompiler,
    Controller: GepFormController,
};

registry.category("views").add("gep_form", gepFormView);
