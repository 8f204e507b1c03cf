"""Who may change a request once it is closed, and how it is reopened: one rule, called
by the console before it queues a change and by the central store before it applies one.

A closed request (Terminée, Refusée, Annulée) is reopened by an agent only to Réactivée,
with the reason (the citizen says it is not done); any other change to a closed request
(its fields, a note, a citizen attached, a duplicate link, another status) is for a
supervisor. Moving a request into a closed status is for a supervisor too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain import request_terms as terms
from app.domain.validation import FieldProblem

REOPENED = "reactivee"
# What an agent's reactivation may carry besides the new status: the reason.
_REOPEN_FIELDS = frozenset({"status", "status_notes"})


class Forbidden(Exception):
    """The change is not this role's to make; `problem` names the field and says who may."""

    def __init__(self, problem: FieldProblem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _label(status: str) -> str:
    return terms.STATUSES.get(status, (status, status, ""))[0]


def check_update(status: str, wanted: Mapping[str, Any], supervisor: bool) -> None:
    """Raise Forbidden when an update of `wanted` fields is not allowed on a request in
    `status`. Values are checked elsewhere; this is who may, not what is well formed."""
    if supervisor:
        return
    target = wanted.get("status")
    if status in terms.CLOSED_STATUSES:
        reopening = target == REOPENED and set(wanted) <= _REOPEN_FIELDS
        if not reopening:
            field = "status" if "status" in wanted else next(iter(wanted), "status")
            raise Forbidden(
                FieldProblem(
                    field,
                    f"the request is closed ({_label(status)}): only a supervisor changes it; "
                    f"an agent may reopen it as {_label(REOPENED)}, with the reason",
                    "case_closed_supervisor",
                )
            )
        reason = wanted.get("status_notes")
        if not isinstance(reason, str) or not reason.strip():
            raise Forbidden(
                FieldProblem(
                    "status_notes",
                    "say why the request is reopened (what the citizen reports)",
                    "reopen_reason",
                )
            )
        return
    if isinstance(target, str) and target in terms.CLOSED_STATUSES:
        raise Forbidden(FieldProblem("status", "only a supervisor closes a request", "close"))
    if target == REOPENED:
        raise Forbidden(
            FieldProblem(
                "status",
                f"only a closed request is reopened; this one is {_label(status)}",
                "reopen_open",
            )
        )


def check_addition(status: str, what: str, supervisor: bool) -> None:
    """A note, an attached citizen or a duplicate link (`what` names the field) on a
    request in `status`: not on a closed one, unless by a supervisor."""
    if supervisor or status not in terms.CLOSED_STATUSES:
        return
    raise Forbidden(
        FieldProblem(
            what,
            f"the request is closed ({_label(status)}): reopen it first (as "
            f"{_label(REOPENED)}, with the reason), or ask a supervisor",
            "case_closed_supervisor",
        )
    )
