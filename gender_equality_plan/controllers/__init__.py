from . import sector_report
from . import mail
from . import rpc
from . import import_template
from . import report
