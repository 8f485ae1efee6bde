/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The last stage of a record decided from its own form, by the role that decides it: the
// inspection and the Department's inspection programme (Department manager), a unit's status on
// the Gender Indicator Set (Department officer: "Xác nhận") and an Action-Month supplement
// (Department officer: "Chấp thuận"). The button sends the stage the form shows
// (``gep_expected_stage_id``); the decision ends with a short confirmation and the new status,
// and nothing is left to decide.
import {registry} from "@web/core/registry";
import {clickHeaderButton, noErrorDialog, notification, status} from "./gender_equality_tour_utils";

const tours = registry.category("web_tour.tours");

function decideFromTheForm(name, label, state, message = "đã được phê duyệt") {
    tours.add(name, {
        steps: () => [
            {content: `The button reads ${label}`, trigger: `.o_form_view button[name='action_approve']:contains(${label})`},
            ...clickHeaderButton("action_approve", label),
            notification(message),
            status(state),
            {
                content: "Nothing left to decide",
                trigger: ".o_form_view .o_form_statusbar:not(:has(button[name='action_approve'])):not(:has(button[name='action_return']))",
            },
            noErrorDialog(),
        ],
    });
}

decideFromTheForm("gender_equality_inspection_approve_tour", "Phê duyệt", "approved");
decideFromTheForm("gender_equality_programme_approve_tour", "Phê duyệt", "approved");
decideFromTheForm("gender_equality_indicator_status_confirm_tour", "Xác nhận", "confirmed");
decideFromTheForm("gender_equality_supplement_accept_tour", "Chấp thuận", "accepted", "đã được Sở Y tế chấp thuận");
