from . import test_unit
from . import test_unit_access
