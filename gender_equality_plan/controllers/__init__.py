from . import sector_report
