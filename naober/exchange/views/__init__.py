"""Pages of the help exchange: asking, offering, browsing, my help, the coordinator's workbench,
the notice-board sheet and the summary.

Views stay thin: a form parses the input, a service makes the change (and checks who may), a
selector reads. What a service refuses is shown as a message next to the field or at the top of
the page, never as an error page: a resident of 80 must understand what to do next.

The pages live in one module per subdomain; urls.py reaches them through this package.
"""

from naober.exchange.views._common import (
    CANCELLABLE,
    MAX_ID,
    WORKBENCH_ROWS,
    proposal_concerns,
)
from naober.exchange.views.matches import (
    match_detail,
    match_end,
    match_introduce,
    match_log,
    match_review,
    match_step,
    my_help,
    request_log,
)
from naober.exchange.views.offers import (
    offer_accept,
    offer_detail,
    offer_edit,
    offer_list,
    offer_new,
    offer_pause,
)
from naober.exchange.views.requests import (
    ask,
    enter,
    referred,
    request_cancel,
    request_detail,
    request_edit,
    request_list,
    sent,
)
from naober.exchange.views.workbench import (
    followup,
    followup_offer,
    lookup,
    noticeboard,
    propose,
    summary,
    waiting_list,
    workbench,
    workbench_suggestions,
)

__all__ = [
    "match_end",
    "MAX_ID",
    "WORKBENCH_ROWS",
    "CANCELLABLE",
    "proposal_concerns",
    "ask",
    "sent",
    "referred",
    "enter",
    "request_list",
    "request_detail",
    "request_edit",
    "request_cancel",
    "offer_new",
    "offer_edit",
    "offer_pause",
    "offer_list",
    "offer_accept",
    "offer_detail",
    "my_help",
    "match_detail",
    "match_step",
    "match_introduce",
    "match_review",
    "request_log",
    "match_log",
    "workbench",
    "workbench_suggestions",
    "propose",
    "waiting_list",
    "lookup",
    "followup",
    "followup_offer",
    "noticeboard",
    "summary",
]
