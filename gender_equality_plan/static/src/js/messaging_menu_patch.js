/** @odoo-module **/
// Copyright 2026 Sở Y tế Thanh Hóa
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// An item of the messaging menu about a record of the module opens that record.
//
// Odoo 18 opens the thread of a record in a chat window on a large screen (the form only on a
// phone or in Discuss: Thread.open of mail/core/web/thread_model_patch.js), whatever the
// message: our users, told "To approve: Plan 2027 of …", got a chat window with the plan's
// messages instead of the plan. The record opens instead, and its notifications are read.
// Threads of other apps keep Odoo's behaviour.
import {MessagingMenu} from "@mail/core/public_web/messaging_menu";
import {patch} from "@web/core/utils/patch";

const MODEL_PREFIX = "gender.equality.";

patch(MessagingMenu.prototype, {
    openDiscussion(thread) {
        if (!thread.model?.startsWith(MODEL_PREFIX)) {
            return super.openDiscussion(...arguments);
        }
        if (thread.needactionMessages.length > 0) {
            thread.markAllMessagesAsRead();
        }
        this.env.services.action.doAction({
            type: "ir.actions.act_window",
            res_model: thread.model,
            res_id: thread.id,
            views: [[false, "form"]],
            target: "current",
        });
        this.dropdown.close();
    },
});
