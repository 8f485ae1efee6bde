from . import vi_format
