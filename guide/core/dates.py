"""Dates as the guide writes them, and the one rule for when an article's review is due.

Month names are spelled out here, not taken from the locale: a handout printed on a
workstation set to another language must still read "1 March 2024".
"""

from __future__ import annotations

import datetime as dt

# fmt: off
MONTHS = ("January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December")
# fmt: on


def format_date(value: dt.date) -> str:
    """ "1 March 2024", without a locale-dependent month name."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def review_overdue(review_due: dt.date | None, today: dt.date) -> bool:
    """Whether an article is shown as possibly out of date.

    The content format calls ``review_due`` "the date after which" the article should be
    shown so: on the date itself it is still current. The reader's banner and the
    handout's line both ask here.
    """
    return review_due is not None and today > review_due
