"""The table and fact keys in template order, shared by frames, compare and display.

Pure data, no imports beyond the standard library: the core works without pandas.
"""

from __future__ import annotations

#: Table 3 columns, in template order.
REQUESTS_COLS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")

#: Table 3 rows in template order; `other` is the 2019 single （六） row, the three
#: `other_*` rows replace it in 2021.
REQUESTS_ROWS = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_prohibited_by_law",
    "denied_three_safeties",
    "denied_third_party",
    "denied_internal_affairs",
    "denied_process_info",
    "denied_enforcement_file",
    "denied_query_matter",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "not_processed_petition",
    "not_processed_duplicate",
    "not_processed_publication",
    "not_processed_excessive",
    "not_processed_confirmation",
    "other",
    "other_no_correction",
    "other_unpaid_fee",
    "other_other",
    "results_total",
    "carried_forward",
)
_ONLY_2019 = {"other"}
_ONLY_2021 = {"other_no_correction", "other_unpaid_fee", "other_other"}
REQUESTS_ROWS_2019 = tuple(r for r in REQUESTS_ROWS if r not in _ONLY_2021)
REQUESTS_ROWS_2021 = tuple(r for r in REQUESTS_ROWS if r not in _ONLY_2019)

#: Table 4.
REVIEW_GROUPS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_COLS = ("upheld", "corrected", "other", "pending", "total")

#: Table 2 items with their 2021 and 2019 columns, in template order.
PROACTIVE_ITEMS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("rules", ("issued", "repealed", "in_force"), ("new_made", "new_published", "total_published")),
    ("normative_documents", ("issued", "repealed", "in_force"), ("new_made", "new_published", "total_published")),
    ("licensing", ("decisions",), ("prev_items", "change", "decisions")),
    ("other_services", (), ("prev_items", "change", "decisions")),
    ("punishment", ("decisions",), ("prev_items", "change", "decisions")),
    ("coercion", ("decisions",), ("prev_items", "change", "decisions")),
    ("fees", ("amount_10k_yuan",), ("prev_items", "change")),
    ("procurement", (), ("items", "amount")),
)


def proactive_cols(item_cols_2021: tuple[str, ...], item_cols_2019: tuple[str, ...]) -> tuple[str, ...]:
    """An item's columns over both formats: the 2021 ones, then the 2019 ones not already listed."""
    return item_cols_2021 + tuple(c for c in item_cols_2019 if c not in item_cols_2021)


#: Every (item, col) of table 2 over both formats, so a mixed corpus has stable columns.
PROACTIVE_CELLS = tuple((item, col) for item, c21, c19 in PROACTIVE_ITEMS for col in proactive_cols(c21, c19))

#: Table 2 columns that hold money (decimals), not counts.
MONEY_CELLS = {("fees", "amount_10k_yuan"), ("procurement", "amount")}

#: Canonical fact keys, in the order of docs/reference/facts.md.
FACT_KEYS = (
    "proactive_total",
    "proactive_cumulative",
    "requests_received",
    "requests_granted",
    "requests_denied",
    "fees_yuan",
    "reviews",
    "lawsuits",
    "complaints",
    "consultations",
    "training_sessions",
    "training_attendees",
    "press_conferences",
    "site_visits",
)
MONEY_FACTS = {"fees_yuan"}

#: The three tables of a report, in document order, with their row and column keys.
TABLES = ("proactive", "requests", "review_litigation")


def requests_rows(fmt: str | None) -> tuple[str, ...]:
    """Table 3 rows of one format (both formats' rows when the format is unknown)."""
    if fmt == "2019":
        return REQUESTS_ROWS_2019
    if fmt == "2021":
        return REQUESTS_ROWS_2021
    return REQUESTS_ROWS


def proactive_layout(fmt: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Table 2 items and their columns for one format (the union when unknown)."""
    out = []
    for item, c21, c19 in PROACTIVE_ITEMS:
        cols = c21 if fmt == "2021" else c19 if fmt == "2019" else proactive_cols(c21, c19)
        if cols:
            out.append((item, cols))
    return tuple(out)
