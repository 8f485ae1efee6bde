# Copyright 2026 Sở Y tế Thanh Hóa
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Python garbage collector of a server process, tuned for a loaded registry."""

import gc
import logging
import time

from odoo.tools import config, str2bool

_logger = logging.getLogger(__name__)

# The server option (odoo.conf, section [options]) that turns the freeze off.
OPTION = "gender_equality_gc_freeze"


def freeze_loaded_objects():
    """Move every object alive now (the registry just loaded: models, fields, caches) to the
    collector's permanent generation, after a full collection; unless the server's option
    ``gender_equality_gc_freeze = False``. Returns the number of objects frozen (0 when off).

    Python's cyclic collector scans every object it tracks at each full collection: with
    Odoo's registry, some 180,000 objects, that is a pause of about 80 ms in the middle of a
    request, several times a minute in a loaded worker. Frozen objects are never scanned again
    (reference counting still frees them). In the preforked server (``--workers`` with ``-d``)
    the master loads the registry before it forks: every worker inherits the frozen heap, and
    the collector no longer writes to the pages the workers share.

    Unfreezing first lets a registry loaded again (after a module update) free the previous one,
    which the permanent generation would otherwise keep for ever."""
    if not str2bool(str(config.get(OPTION, True)), True):
        return 0
    start = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    _logger.info(
        "Garbage collector: %s objects of the loaded registry frozen in %.0f ms",
        frozen,
        1000 * (time.perf_counter() - start),
    )
    return frozen
