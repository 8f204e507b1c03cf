"""The supervisor's view of the service targets: calls answered in under 100 s, e-mails
answered in 48 h, requests past their due date, complaints waiting, and the day's load by
hour and channel. The central store computes the figures; the last ones fetched are kept
locally and shown at once (offline too), with the time they date from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.indicators import (
    ANSWER_TARGET,
    PERIODS,
    ComplaintAge,
    HandlingTime,
    Indicators,
    OverdueRow,
    ServiceCount,
    period_for,
)
from app.services.workdays import local
from app.services.workspace import Workspace
from app.sync.client import Offline, Refused, ServerBusy, SignedOut
from app.ui import formatting as fmt
from app.ui.background import Background
from app.ui.hour_chart import HourChart
from app.ui.rows_model import SORT_ROLE, Column, RowsModel
from app.ui.window_fit import keep_on_screen

Fetch = Callable[[date, date], dict[str, Any]]
GOOD, BAD = "#1b5e20", "#b71c1c"


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


class Tile(QFrame):
    """One figure in large type, with what it measures and its target under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.value, self.caption, self.detail):
            layout.addWidget(label)

    def show_value(self, text: str, good: bool | None, detail: str) -> None:
        self.value.setText(text)
        colour = "" if good is None else (GOOD if good else BAD)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.detail.setText(detail)


def _table(model: RowsModel[Any]) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class SupervisorView(QDialog):
    def __init__(
        self,
        background: Background,
        workspace: Workspace,
        fetch: Fetch | None,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorView")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._background = background
        self._workspace = workspace
        self._fetch = fetch
        self.lang = lang
        self.figures: Indicators | None = None
        self._state = ""  # "", "loading", "offline", "forbidden", "signed_out", "error"
        self._build()
        self.retranslate()
        self.resize(1180, 760)  # less on a laptop: the screen's available area
        keep_on_screen(self)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.period = QComboBox()
        for kind in PERIODS:
            self.period.addItem("", kind)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        for widget in (self.period_label, self.period, self.refresh_button):
            top.addWidget(widget)
        top.addWidget(self.state_label, 1)

        self.answer_tile, self.email_tile, self.pending_tile, self.overdue_tile = (
            Tile(),
            Tile(),
            Tile(),
            Tile(),
        )
        tiles = QGridLayout()
        for i, tile in enumerate(
            (self.answer_tile, self.email_tile, self.pending_tile, self.overdue_tile)
        ):
            tiles.addWidget(tile, 0, i)

        self.chart = HourChart()
        self.handling_model: RowsModel[HandlingTime] = RowsModel(
            [
                Column(lambda r: fmt.channel_label(r.channel, self.lang), lambda r: r.channel),
                Column(lambda r: str(r.count), lambda r: r.count, numeric=True),
                Column(lambda r: _minutes(r.average_seconds), lambda r: r.average_seconds, True),
            ]
        )
        self.service_model: RowsModel[ServiceCount] = RowsModel(
            [
                Column(self._service, self._service),
                Column(lambda r: r.arrondissement or "—", lambda r: r.arrondissement),
                Column(lambda r: str(r.count), lambda r: r.count, numeric=True),
            ]
        )
        self.complaint_model: RowsModel[ComplaintAge] = RowsModel(
            [
                Column(self._service, self._service),
                Column(lambda r: str(r.open), lambda r: r.open, numeric=True),
                Column(lambda r: str(r.under_2_days), lambda r: r.under_2_days, True),
                Column(lambda r: str(r.from_2_to_7_days), lambda r: r.from_2_to_7_days, True),
                Column(lambda r: str(r.from_7_to_30_days), lambda r: r.from_7_to_30_days, True),
                Column(lambda r: str(r.over_30_days), lambda r: r.over_30_days, True),
                Column(lambda r: f"{r.oldest_days:.1f}", lambda r: r.oldest_days, True),
            ]
        )
        self.overdue_model: RowsModel[OverdueRow] = RowsModel(
            [
                Column(lambda r: r.case_number, lambda r: r.case_number),
                Column(self._service, self._service),
                Column(lambda r: r.arrondissement or "—", lambda r: r.arrondissement),
                Column(lambda r: r.responsible_unit, lambda r: r.responsible_unit),
                Column(lambda r: fmt.status_label(r.status, self.lang), lambda r: r.status),
                Column(lambda r: fmt.when(r.due_at), lambda r: r.due_at.timestamp(), True),
                Column(lambda r: f"{r.days_overdue:.1f}", lambda r: r.days_overdue, True),
            ]
        )
        self.handling_view, _ = _table(self.handling_model)
        self.service_view, _ = _table(self.service_model)
        self.complaint_view, _ = _table(self.complaint_model)
        self.overdue_view, self.overdue_proxy = _table(self.overdue_model)
        self.overdue_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
        self.overdue_note = QLabel()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_overdue)
        overdue_page = QWidget()
        overdue_layout = QVBoxLayout(overdue_page)
        overdue_bar = QHBoxLayout()
        overdue_bar.addWidget(self.overdue_note, 1)
        overdue_bar.addWidget(self.export_button)
        overdue_layout.addLayout(overdue_bar)
        overdue_layout.addWidget(self.overdue_view)

        self.tabs = QTabWidget()
        for page in (
            self.chart,
            self.handling_view,
            self.service_view,
            self.complaint_view,
            overdue_page,
        ):
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addWidget(self.tabs, 1)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Indicateurs de service"))
        self.period_label.setText(self.tr("&Période :"))
        names = {
            "today": self.tr("Aujourd'hui"),
            "week": self.tr("7 derniers jours"),
            "month": self.tr("30 derniers jours"),
        }
        for i in range(self.period.count()):
            self.period.setItemText(i, names[self.period.itemData(i)])
        self.refresh_button.setText(self.tr("&Actualiser"))
        self.export_button.setText(self.tr("&Exporter en CSV…"))
        self.answer_tile.caption.setText(self.tr("Appels répondus en moins de 100 s"))
        self.email_tile.caption.setText(self.tr("Courriels répondus en moins de 48 h"))
        self.pending_tile.caption.setText(self.tr("Courriels en attente depuis plus de 48 h"))
        self.overdue_tile.caption.setText(self.tr("Requêtes ouvertes en retard"))
        self.chart.lang = self.lang
        self.chart.empty_text = self.tr("Aucune interaction sur cette période.")
        titles = (
            self.tr("Interactions par heure"),
            self.tr("Durée de traitement"),
            self.tr("Requêtes par service"),
            self.tr("Plaintes"),
            self.tr("Requêtes en retard"),
        )
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.handling_model.set_headers(
            [self.tr("Canal"), self.tr("Interactions"), self.tr("Durée moyenne")]
        )
        self.service_model.set_headers(
            [self.tr("Service"), self.tr("Arrondissement"), self.tr("Requêtes")]
        )
        self.complaint_model.set_headers(
            [
                self.tr("Motif"),
                self.tr("Ouvertes"),
                self.tr("< 2 jours"),
                self.tr("2 à 7 jours"),
                self.tr("7 à 30 jours"),
                self.tr("> 30 jours"),
                self.tr("Plus ancienne (jours)"),
            ]
        )
        self.overdue_model.set_headers(self._overdue_headers())
        self._show(self.figures)

    def _service(self, row: ServiceCount | ComplaintAge | OverdueRow) -> str:
        """The service in the interface's language: the central store names it in French."""
        return fmt.service_name(
            self._workspace.catalogue, row.service_code, row.service_name, self.lang
        )

    def _overdue_headers(self) -> list[str]:
        return [
            self.tr("N° de cas"),
            self.tr("Service"),
            self.tr("Arrondissement"),
            self.tr("Unité responsable"),
            self.tr("Statut"),
            self.tr("Échéance"),
            self.tr("Jours de retard"),
        ]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()

    # -- figures -----------------------------------------------------------------------------
    def kind(self) -> str:
        return str(self.period.currentData())

    def refresh(self) -> None:
        self._background.spawn(self._refresh(self.kind()))

    async def _refresh(self, kind: str) -> None:
        cached = await self._background.run(self._workspace.cached_indicators, kind)
        if kind != self.kind():
            return  # the supervisor chose another period meanwhile
        self._show(cached)
        if self._fetch is None:
            self._set_state("local")
            return
        self._set_state("loading")
        period = period_for(kind, local(fmt.now(), fmt.CITY_TZ).date())
        try:
            data = await self._background.run_net(self._fetch, period.first, period.last)
            figures = await self._background.run(
                self._workspace.save_indicators, kind, data, fmt.now()
            )
        except Refused as exc:
            self._set_state("forbidden" if exc.status == 403 else "error")
            return
        except SignedOut:
            self._set_state("signed_out")
            return
        except (Offline, ServerBusy):
            self._set_state("offline")
            return
        except ValueError:  # the server's answer had another shape (another version)
            self._set_state("error")
            return
        if kind == self.kind():
            self._show(figures)
            self._set_state("")

    def _set_state(self, state: str) -> None:
        self._state = state
        self._show_state()

    def _show_state(self) -> None:
        stamp = fmt.when(self.figures.fetched_at) if self.figures else ""
        texts = {
            "loading": self.tr("Mise à jour…"),
            "offline": self.tr("Serveur injoignable : données du %1.").replace("%1", stamp)
            if stamp
            else self.tr("Serveur injoignable et aucune donnée gardée sur ce poste."),
            "forbidden": self.tr("Réservé aux superviseurs et aux administrateurs."),
            "signed_out": self.tr("Session terminée : reconnectez-vous (menu Fichier)."),
            "error": self.tr("Le serveur a refusé la demande ; données du %1.").replace(
                "%1", stamp or "—"
            ),
            "local": self.tr(
                "Aucun serveur configuré : les indicateurs viennent du serveur central."
            ),
        }
        text = texts.get(self._state) or (
            self.tr("Données du %1.").replace("%1", stamp) if stamp else ""
        )
        self.state_label.setText(text)

    def _show(self, figures: Indicators | None) -> None:
        self.figures = figures
        self._show_state()
        if figures is None:
            for tile in (self.answer_tile, self.email_tile, self.pending_tile, self.overdue_tile):
                tile.show_value("—", None, "")
            self.chart.set_counts([])
            for model in (
                self.handling_model,
                self.service_model,
                self.complaint_model,
                self.overdue_model,
            ):
                model.set_rows([])
            self.overdue_note.setText("")
            return
        phone, email = figures.phone_answer, figures.email_answer
        self.answer_tile.show_value(
            _share(phone.share),
            None if phone.share is None else phone.share >= ANSWER_TARGET,
            self.tr("%1 sur %2 appels dont l'heure d'arrivée est connue ; cible 80 %")
            .replace("%1", str(phone.within))
            .replace("%2", str(phone.known)),
        )
        self.email_tile.show_value(
            _share(email.share),
            None if email.share is None else email.share >= 1.0,
            self.tr("%1 sur %2 courriels ; cible : tous en 48 h")
            .replace("%1", str(email.within))
            .replace("%2", str(email.known)),
        )
        oldest = figures.emails_oldest_hours
        self.pending_tile.show_value(
            str(figures.emails_pending),
            figures.emails_pending == 0,
            self.tr("Le plus ancien attend depuis %1 h").replace("%1", f"{oldest:.0f}")
            if oldest is not None
            else "",
        )
        self.overdue_tile.show_value(
            str(figures.overdue_total),
            figures.overdue_total == 0,
            self.tr("Échéance annoncée dépassée, toutes périodes"),
        )
        self.chart.set_counts(figures.by_hour)
        self.chart.setToolTip(self.chart.summary())
        self.handling_model.set_rows(figures.handling)
        self.service_model.set_rows(figures.by_service)
        self.complaint_model.set_rows(figures.complaints)
        self.overdue_model.set_rows(figures.overdue)
        shown = len(figures.overdue)
        total = self.tr("%n requête(s) en retard.", "", figures.overdue_total)
        if shown < figures.overdue_total:
            total += " " + self.tr("Les %n plus ancienne(s) ci-dessous.", "", shown)
        self.overdue_note.setText(total)
        self.export_button.setEnabled(bool(figures.overdue))

    # -- export ------------------------------------------------------------------------------
    def overdue_rows_in_view_order(self) -> list[OverdueRow]:
        rows = self.overdue_model.rows()
        proxy = self.overdue_proxy
        return [rows[proxy.mapToSource(proxy.index(i, 0)).row()] for i in range(proxy.rowCount())]

    def export_overdue(self) -> None:
        suggested = str(Path.home() / f"requetes-en-retard-{fmt.day(fmt.now())}.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Exporter les requêtes en retard"), suggested, self.tr("CSV (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        self._background.spawn(self._export(path, self.overdue_rows_in_view_order()))

    async def _export(self, path: Path, rows: list[OverdueRow]) -> None:
        lang = self.lang
        try:
            count = await self._background.run(
                self._workspace.export_overdue,
                path,
                self._overdue_headers(),
                rows,
                lambda code: fmt.status_label(code, lang),
                self._service,
            )
        except OSError as exc:
            self.state_label.setText(
                self.tr("Export impossible : %1. Choisissez un autre dossier.").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            return
        self.state_label.setText(
            self.tr("%n ligne(s) exportée(s) dans %1.", "", count).replace("%1", str(path))
        )
