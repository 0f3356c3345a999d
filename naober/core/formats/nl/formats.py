"""Dutch input formats: ISO first so that HTML date inputs show the stored value (see ..)."""

from naober.core.formats import NL_INPUT

DATE_INPUT_FORMATS = NL_INPUT["DATE_INPUT_FORMATS"]
DATETIME_INPUT_FORMATS = NL_INPUT["DATETIME_INPUT_FORMATS"]
TIME_INPUT_FORMATS = NL_INPUT["TIME_INPUT_FORMATS"]
