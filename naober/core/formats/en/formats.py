"""English input formats: ISO first so that HTML date inputs show the stored value (see ..)."""

from naober.core.formats import EN_INPUT

DATE_INPUT_FORMATS = EN_INPUT["DATE_INPUT_FORMATS"]
DATETIME_INPUT_FORMATS = EN_INPUT["DATETIME_INPUT_FORMATS"]
TIME_INPUT_FORMATS = EN_INPUT["TIME_INPUT_FORMATS"]
