"""Dates as the guide writes them, and the one rule for when an article's review is due.

Month names are not taken from the system locale: they live once, in :mod:`guide.core.i18n`
(with their translations); :func:`format_date` is its English form.
"""

from __future__ import annotations

import datetime as dt

from guide.core.i18n import MONTHS, format_date

__all__ = ["MONTHS", "format_date", "review_overdue"]


def review_overdue(review_due: dt.date | None, today: dt.date) -> bool:
    """Whether an article is shown as possibly out of date.

    The content format calls ``review_due`` "the date after which" the article should be
    shown so: on the date itself it is still current. The reader's banner and the
    handout's line both ask here.
    """
    return review_due is not None and today > review_due
