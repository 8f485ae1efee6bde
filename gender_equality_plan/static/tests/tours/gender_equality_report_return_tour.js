/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// The Department returns a received annual report from the form: the button asks for the reason.
registry.category("web_tour.tours").add("gender_equality_report_return_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_return']",
            run: "click",
        },
        {
            trigger: ".modal div[name='reason'] textarea",
            run: "edit Bổ sung kết quả Tháng hành động.",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: ".o_form_view .alert-danger:contains('Bổ sung kết quả Tháng hành động.')",
        },
    ],
});
