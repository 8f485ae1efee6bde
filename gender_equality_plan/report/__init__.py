from . import gender_equality_consolidation_xlsx
from . import gender_equality_report_unit_report
from . import gender_equality_inspection_minutes
