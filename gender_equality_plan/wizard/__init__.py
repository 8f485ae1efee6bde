from . import gender_equality_reason_wizard
from . import gender_equality_prepare_year_wizard
