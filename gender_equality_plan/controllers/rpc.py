# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import xmlrpc.client

from odoo import api
from odoo.http import dispatch_rpc, request, route
from odoo.modules.registry import Registry
from odoo.service import security

from odoo.addons.base.controllers.rpc import RPC, _check_request, dumps


class GepRPC(RPC):
    """A call of the external API runs in the language of its user when it names none.

    XML-RPC and JSON-RPC calls (``execute_kw``) come without a ``lang`` in their context, and a
    message translated with ``env._`` reads the context's language only: a Vietnamese user got
    the module's refusals in English (Odoo's own messages fall back to the user's language).
    The user's language is added to the context of ``execute_kw`` when it has none, as the web
    client does for every call; a ``lang`` given by the caller is kept.
    """

    def _xmlrpc(self, service):
        _check_request()
        data = request.httprequest.get_data()
        params, method = xmlrpc.client.loads(data, use_datetime=True)
        result = dispatch_rpc(service, method, _with_user_lang(service, method, params))
        return dumps((result,))

    @route()
    def jsonrpc(self, service, method, args):
        # As Odoo's: the request's cursor is closed before the call opens its own.
        _check_request()
        return dispatch_rpc(service, method, _with_user_lang(service, method, args))


def _with_user_lang(service, method, params):
    """``params`` of ``object.execute_kw`` with the user's language in the context, when the
    caller is authenticated and gave no language; other calls unchanged."""
    if service != "object" or method != "execute_kw" or len(params) not in (6, 7):
        return params
    db, uid, password = params[:3]
    kwargs = params[6] if len(params) == 7 else {}
    if not isinstance(kwargs, dict):
        return params
    context = kwargs.get("context") or {}
    if not isinstance(context, dict) or context.get("lang"):
        return params
    try:
        uid = int(uid)
        # The password first: nothing is read for a caller who is not the user.
        security.check(db, uid, password)
        with Registry(db).cursor() as cr:
            lang = api.Environment(cr, uid, {})["res.users"].context_get().get("lang")
    except Exception:
        return params
    if not lang:
        return params
    return [*params[:6], dict(kwargs, context=dict(context, lang=lang))]
