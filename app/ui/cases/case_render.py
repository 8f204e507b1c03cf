"""How a case reads in its detail: the facts, the citizens, the service's own answers and
the timeline, as text and rich-text HTML (escaped) in the agent's language.

Pure functions of the case, the language and the catalogue: no widget, so they can be read
and tested apart from the view. Their texts keep the view's translation context
(CaseDetailView), so the translations follow them.
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.domain.catalogue import Catalogue, Service
from app.services import case_lookup as case_states
from app.services.case_lookup import CaseDetail, CaseSummary, CitizenBrief, EventView
from app.services.outbox import CREATE, NOTE, UPDATE, store_problems
from app.ui.cases.refusal_banner import change_label, field_label, problem_line
from app.ui.widgets import formatting as fmt

# Overdue rows and badges: dark red on light red, about 8:1 contrast.
LATE_FG = "#8b0000"
LATE_BG = "#fde8e8"
PENDING_FG = "#6b3a00"  # "not yet sent" badge: dark amber on light amber, about 8:1
PENDING_BG = "#fff1d6"
UPDATED_FG = "#0b4f2c"  # "updated" mark: dark green on light green, about 9:1
UPDATED_BG = "#e3f4e8"
MUTED = "#4a4a4a"


def _esc(text: object) -> str:
    return html.escape(str(text))


def unit_name(catalogue: Catalogue | None, code: str, lang: str, fallback: str = "") -> str:
    """A unit's name in the language (its code, or the fallback, when the catalogue has no
    such unit)."""
    unit = catalogue.routing.units.get(code) if catalogue is not None and code else None
    if unit is None:
        return fallback or code or "—"
    return unit.name_en if lang == "en" and unit.name_en else unit.name_fr


def sync_badge(detail: CaseDetail) -> str:
    """The header's word on where the case stands with the central store ("" when the
    store has it as shown, or the refusal banner says more)."""
    state = detail.sync_state
    if state == case_states.PENDING:
        if detail.revision == 0:
            return QCoreApplication.translate(
                "CaseDetailView", "Pas encore transmis au stockage central"
            )
        return QCoreApplication.translate(
            "CaseDetailView", "Modifications pas encore transmises au stockage central"
        )
    if state == case_states.CONFLICT:
        return QCoreApplication.translate(
            "CaseDetailView", "Conflit à régler : un collègue a modifié les mêmes champs"
        )
    if state == case_states.AWAITED:
        return QCoreApplication.translate(
            "CaseDetailView", "Copie du stockage central à récupérer à la prochaine synchronisation"
        )
    return ""


def fact_texts(detail: CaseDetail, lang: str, catalogue: Catalogue | None) -> dict[str, str]:
    case = detail.summary
    status = fmt.status_label(case.status, lang)
    if detail.status_notes:
        status = f"{status} — {detail.status_notes}"
    address = " · ".join(part for part in (case.address, detail.postal_code) if part)
    return {
        "service": fmt.service_name(catalogue, case.service_code, case.service_name, lang),
        "nature": fmt.nature_label(case.nature, lang),
        "status": status,
        "channel": fmt.channel_label(case.channel, lang),
        "created": fmt.when(case.created_at),
        "due": due_html(case, lang),
        "address": address or "—",
        "arrondissement": arrondissement_text(case.arrondissement, catalogue),
        "unit": unit_name(catalogue, detail.responsible_unit, lang),
        "handled_by": unit_name(catalogue, detail.handled_by, lang),
        "parent": detail.parent_case_number or "",
    }


def due_html(case: CaseSummary, lang: str) -> str:
    if case.due_at is None:
        return "—"
    text = _esc(fmt.due_phrase(case.due_at, lang))
    if case.overdue:
        late = _esc(QCoreApplication.translate("CaseDetailView", "En retard"))
        style = f"color:{LATE_FG}; background:{LATE_BG}"
        text += f" <span style='{style}'><b>&nbsp;{late}&nbsp;</b></span>"
    return text


def arrondissement_text(code: str, catalogue: Catalogue | None) -> str:
    place = catalogue.routing.arrondissements.get(code) if catalogue and code else None
    if place is None:
        return code or "—"
    return f"{place.name} ({code})"


def citizens_html(citizens: tuple[CitizenBrief, ...]) -> str:
    if not citizens:
        return _esc(QCoreApplication.translate("CaseDetailView", "Aucun : signalement anonyme."))
    lines = []
    for citizen in citizens:
        contact = " · ".join(_esc(part) for part in (citizen.phone, citizen.email) if part)
        line = f"<b>{_esc(citizen.name or '—')}</b>"
        lines.append(f"{line} · {contact}" if contact else line)
    return "<br>".join(lines)


def attributes_html(detail: CaseDetail, lang: str, catalogue: Catalogue | None) -> str:
    service = catalogue.services.get(detail.summary.service_code) if catalogue else None
    rows = []
    for code, value in ordered_attributes(service, detail.attributes):
        label, shown = attribute_text(service, code, value, lang)
        rows.append(
            f"<tr><td style='color:{MUTED}; padding-right:10px'>{_esc(label)}</td>"
            f"<td>{_esc(shown)}</td></tr>"
        )
    return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>" if rows else ""


def attribute_text(service: Service | None, code: str, value: Any, lang: str) -> tuple[str, str]:
    """The attribute's question and its answer, in the panel's language."""
    attr = next((a for a in service.attributes if a.code == code), None) if service else None
    if attr is None:  # no longer in the catalogue: its code and raw value
        return code, ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    en = lang == "en"
    label = attr.description_en if en and attr.description_en else attr.description_fr
    names = {v.key: v.name_en if en and v.name_en else v.name_fr for v in attr.values}
    if isinstance(value, list):
        return label, ", ".join(names.get(str(v), str(v)) for v in value)
    if attr.datatype == "datetime" and isinstance(value, str):
        try:
            return label, fmt.when(datetime.fromisoformat(value))
        except ValueError:
            return label, value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return label, names.get(str(value), str(value))


# -- timeline -----------------------------------------------------------------------
def timeline_html(detail: CaseDetail, lang: str, catalogue: Catalogue | None) -> str:
    rows = []
    for event in detail.events:
        title, text = event_text(event, detail, lang, catalogue)
        meta = f"{_esc(fmt.when(event.at))}<br>{_esc(event.actor or '—')}"
        body = f"<b>{_esc(title)}</b>" + (f"<br>{text}" if text else "")
        rows.append(
            f"<tr><td style='color:{MUTED}; padding-right:12px; white-space:nowrap'>"
            f"{meta}</td><td style='padding-bottom:8px'>{body}</td></tr>"
        )
    if not rows:
        return _esc(QCoreApplication.translate("CaseDetailView", "Aucun événement."))
    return f"<table cellspacing='0' cellpadding='2'>{''.join(rows)}</table>"


def event_text(
    event: EventView, detail: CaseDetail, lang: str, catalogue: Catalogue | None
) -> tuple[str, str]:
    """The event's title and its details as HTML (escaped)."""
    data = event.data
    if event.kind == "created":
        channel = fmt.channel_label(str(data.get("channel", "")), lang)
        return QCoreApplication.translate("CaseDetailView", "Demande créée"), _esc(
            QCoreApplication.translate("CaseDetailView", "Canal : %1").replace("%1", channel)
        )
    if event.kind == "routed":
        return QCoreApplication.translate("CaseDetailView", "Acheminée"), _esc(
            _routed_text(data, lang, catalogue)
        )
    if event.kind == "status":
        return QCoreApplication.translate("CaseDetailView", "Statut modifié"), _status_html(
            data, lang
        )
    if event.kind == "note":
        return QCoreApplication.translate("CaseDetailView", "Note"), _esc(
            data.get("text", "")
        ).replace("\n", "<br>")
    if event.kind == "duplicate":
        return QCoreApplication.translate("CaseDetailView", "Doublon"), _esc(_duplicate_text(data))
    if event.kind == "citizen_attached":
        names = {c.id: c.name for c in detail.citizens}
        return QCoreApplication.translate("CaseDetailView", "Citoyen ajouté au dossier"), _esc(
            names.get(str(data.get("citizen_id", "")), "")
        )
    if event.kind == "updated":
        return QCoreApplication.translate("CaseDetailView", "Dossier modifié"), _esc(
            _updated_text(data)
        )
    if event.kind == "resent":
        return QCoreApplication.translate(
            "CaseDetailView", "Corrigé et renvoyé au stockage central"
        ), _resent_html(data)
    if event.kind == "dropped":
        return QCoreApplication.translate(
            "CaseDetailView", "Modification refusée abandonnée"
        ), _dropped_html(data)
    return event.kind, _esc(", ".join(f"{k} : {v}" for k, v in data.items()))


def _refused_for(data: dict[str, Any]) -> str:
    problems = [p for p in data.get("problems") or [] if isinstance(p, dict)]
    if not problems:
        return ""
    lines = [problem_line(p) for p in store_problems({"problems": problems})]
    return "<br>" + _esc(
        QCoreApplication.translate("CaseDetailView", "Refusée pour : %1").replace(
            "%1", " ; ".join(lines)
        )
    )


def _resent_html(data: dict[str, Any]) -> str:
    text = _esc(change_label(str(data.get("op", ""))))
    fields = data.get("fields")
    if isinstance(fields, dict) and fields:
        if str(data.get("op")) == NOTE:
            text += " — " + _esc(QCoreApplication.translate("CaseDetailView", "texte corrigé"))
        else:
            text += " — " + _esc(_updated_text({"fields": fields}))
    return text + _refused_for(data)


def _dropped_html(data: dict[str, Any]) -> str:
    op = str(data.get("op", ""))
    text = _esc(change_label(op))
    fields = data.get("fields")
    if op == UPDATE and isinstance(fields, dict):
        values = " ; ".join(
            QCoreApplication.translate("CaseDetailView", "%1 : %2")
            .replace("%1", field_label(str(k)))
            .replace("%2", str(v))
            for k, v in fields.items()
        )
        text += "<br>" + _esc(
            QCoreApplication.translate("CaseDetailView", "Valeurs abandonnées : %1").replace(
                "%1", values
            )
        )
    elif op == NOTE and data.get("text"):
        note = _esc(str(data["text"])).replace("\n", "<br>")
        text += (
            "<br>"
            + _esc(QCoreApplication.translate("CaseDetailView", "Texte abandonné :"))
            + " "
            + note
        )
    elif op == CREATE and data.get("description"):
        text += "<br>" + _esc(
            QCoreApplication.translate("CaseDetailView", "Description : %1").replace(
                "%1", str(data["description"])
            )
        )
    return text + _refused_for(data)


def _routed_text(data: dict[str, Any], lang: str, catalogue: Catalogue | None) -> str:
    unit_code = str(data.get("unit", ""))
    unit = unit_name(catalogue, unit_code, lang, str(data.get("unit_name", "")))
    text = QCoreApplication.translate("CaseDetailView", "Unité responsable : %1").replace(
        "%1", unit
    )
    handler_code = str(data.get("handled_by", ""))
    if handler_code and handler_code != unit_code:
        handler = unit_name(catalogue, handler_code, lang, str(data.get("handled_by_name", "")))
        text += " — " + QCoreApplication.translate(
            "CaseDetailView", "prise en charge par %1"
        ).replace("%1", handler)
    if data.get("after_hours"):
        text += " " + QCoreApplication.translate("CaseDetailView", "(hors des heures de bureau)")
    reason = data.get("reason")
    if reason == "reassigned":
        text += " " + QCoreApplication.translate("CaseDetailView", "(réassignée)")
    elif reason == "arrondissement":
        text += " " + QCoreApplication.translate("CaseDetailView", "(changement d'arrondissement)")
    return text


def _status_html(data: dict[str, Any], lang: str) -> str:
    before = fmt.status_label(str(data.get("from", "")), lang)
    after = fmt.status_label(str(data.get("to", "")), lang)
    text = _esc(f"{before} → {after}")
    if data.get("notes"):
        text += "<br>" + _esc(data["notes"])
    return text


def _duplicate_text(data: dict[str, Any]) -> str:
    if data.get("parent"):
        return QCoreApplication.translate("CaseDetailView", "Doublon du dossier %1").replace(
            "%1", str(data["parent"])
        )
    return QCoreApplication.translate(
        "CaseDetailView", "Le dossier %1 est un doublon de celui-ci"
    ).replace("%1", str(data.get("duplicate", "")))


def _updated_text(data: dict[str, Any]) -> str:
    names: dict[str, str] = {
        "civic_number": QCoreApplication.translate("CaseDetailView", "numéro civique"),
        "street": QCoreApplication.translate("CaseDetailView", "rue"),
        "postal_code": QCoreApplication.translate("CaseDetailView", "code postal"),
        "arrondissement": QCoreApplication.translate("CaseDetailView", "arrondissement"),
        "description": QCoreApplication.translate("CaseDetailView", "description"),
        "attributes": QCoreApplication.translate("CaseDetailView", "précisions"),
        "service_code": QCoreApplication.translate("CaseDetailView", "type de demande"),
        "due_at": QCoreApplication.translate("CaseDetailView", "échéance"),
        "handled_by": QCoreApplication.translate("CaseDetailView", "prise en charge"),
        "status_notes": QCoreApplication.translate("CaseDetailView", "note du statut"),
        "responsible_unit": QCoreApplication.translate("CaseDetailView", "unité responsable"),
        "citizen_id": QCoreApplication.translate("CaseDetailView", "citoyen"),
        "lat": QCoreApplication.translate("CaseDetailView", "latitude"),
        "long": QCoreApplication.translate("CaseDetailView", "longitude"),
    }
    fields = data.get("fields")
    if not isinstance(fields, dict):
        return ""
    parts: list[str] = []
    for name, change in fields.items():
        label = names.get(str(name), str(name))
        if isinstance(change, dict) and all(
            isinstance(change.get(k), str | int | float) for k in ("from", "to")
        ):
            label += f" ({change['from']} → {change['to']})"
        parts.append(label)
    return QCoreApplication.translate("CaseDetailView", "Champs modifiés : %1").replace(
        "%1", ", ".join(parts)
    )


def ordered_attributes(service: Service | None, values: dict[str, Any]) -> list[tuple[str, Any]]:
    """In the catalogue's order; codes it no longer knows last."""
    order = {a.code: a.order for a in service.attributes} if service else {}
    return sorted(values.items(), key=lambda item: (order.get(item[0], 1_000), item[0]))
