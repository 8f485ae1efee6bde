from . import gender_equality_reason_wizard
from . import gender_equality_prepare_year_wizard
from . import gender_equality_inspection_plan_wizard
from . import gender_equality_inspection_compare
from . import gender_equality_inspection_compare_line
from . import gender_equality_confirm_wizard
from . import gender_equality_paper_approval_wizard
