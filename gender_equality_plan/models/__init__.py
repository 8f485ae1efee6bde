from . import gender_equality_unit
from . import res_users
