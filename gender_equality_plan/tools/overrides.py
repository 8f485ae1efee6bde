# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def overriding_modules(model, method):
    """The Python modules whose classes define ``method`` on ``model``'s class (its MRO): where
    the module writes what an Odoo method does in a batch, it checks that nobody else changed
    that method before taking its own path."""
    return {cls.__module__ for cls in type(model).__mro__ if method in vars(cls)}
