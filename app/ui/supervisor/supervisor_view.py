"""The supervisor's view of the service targets: calls answered in under 100 s, e-mails
answered in 48 h, requests past their due date, complaints waiting, and the day's load by
hour and channel. The central store computes the figures; the last ones fetched are kept
locally and shown at once (offline too), with the time they date from."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import fold
from app.domain.workdays import CITY_TIMEZONE, local
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
from app.services.workspace import Workspace
from app.sync.client import Offline, Refused, ServerBusy, SignedOut
from app.ui.supervisor.hour_chart import HourChart
from app.ui.widgets import formatting as fmt
from app.ui.widgets.background import Background
from app.ui.widgets.rows_model import Column, RowsModel, RowsView
from app.ui.widgets.window_fit import keep_on_screen

Fetch = Callable[[date, date], dict[str, Any]]
GOOD, BAD = "#1b5e20", "#b71c1c"
# The size the window asks for; a smaller screen (1280x720 at the counters) gets less.
WANTED = QSize(1180, 760)
# Room left for the window's frame and title bar, which the window manager adds.
FRAME = QSize(16, 48)


def _minutes(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60} min {whole % 60:02d} s"


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
        self._fitted = False
        self._build()
        self.retranslate()
        self.resize(self._fitting_size())
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
        # Each table's columns, headers included, are defined once, here: the table shows
        # them and the CSV export writes exactly what the table shows.
        self.handling_model: RowsModel[HandlingTime] = RowsModel(
            [
                Column(
                    lambda: self.tr("Canal"),
                    lambda r: fmt.channel_label(r.channel, self.lang),
                    lambda r: fold(fmt.channel_label(r.channel, self.lang)),
                ),
                Column(
                    lambda: self.tr("Interactions"), self._count("count"), lambda r: r.count, True
                ),
                Column(
                    lambda: self.tr("Durée moyenne"),
                    lambda r: _minutes(r.average_seconds),
                    lambda r: r.average_seconds,
                    True,
                ),
            ]
        )
        self.service_model: RowsModel[ServiceCount] = RowsModel(
            [
                Column(lambda: self.tr("Service"), self._service, self._sort_service),
                Column(
                    lambda: self.tr("Arrondissement"),
                    lambda r: self._place(r.arrondissement),
                    lambda r: fold(self._place(r.arrondissement)),
                ),
                Column(lambda: self.tr("Requêtes"), self._count("count"), lambda r: r.count, True),
            ]
        )
        self.complaint_model: RowsModel[ComplaintAge] = RowsModel(
            [
                Column(lambda: self.tr("Motif"), self._service, self._sort_service),
                Column(lambda: self.tr("Ouvertes"), self._count("open"), lambda r: r.open, True),
                Column(
                    lambda: self.tr("< 2 jours"),
                    self._count("under_2_days"),
                    lambda r: r.under_2_days,
                    True,
                ),
                Column(
                    lambda: self.tr("2 à 7 jours"),
                    self._count("from_2_to_7_days"),
                    lambda r: r.from_2_to_7_days,
                    True,
                ),
                Column(
                    lambda: self.tr("7 à 30 jours"),
                    self._count("from_7_to_30_days"),
                    lambda r: r.from_7_to_30_days,
                    True,
                ),
                Column(
                    lambda: self.tr("> 30 jours"),
                    self._count("over_30_days"),
                    lambda r: r.over_30_days,
                    True,
                ),
                Column(
                    lambda: self.tr("Plus ancienne (jours)"),
                    lambda r: fmt.number(r.oldest_days, self.lang, 1),
                    lambda r: r.oldest_days,
                    True,
                ),
            ]
        )
        self.overdue_model: RowsModel[OverdueRow] = RowsModel(
            [
                Column(
                    lambda: self.tr("N° de cas"), lambda r: r.case_number, lambda r: r.case_number
                ),
                Column(lambda: self.tr("Service"), self._service, self._sort_service),
                Column(
                    lambda: self.tr("Arrondissement"),
                    lambda r: self._place(r.arrondissement),
                    lambda r: fold(self._place(r.arrondissement)),
                ),
                Column(
                    lambda: self.tr("Unité responsable"),
                    lambda r: self._unit(r.responsible_unit),
                    lambda r: fold(self._unit(r.responsible_unit)),
                ),
                Column(
                    lambda: self.tr("Statut"),
                    lambda r: fmt.status_label(r.status, self.lang),
                    lambda r: fold(fmt.status_label(r.status, self.lang)),
                ),
                Column(
                    lambda: self.tr("Échéance"),
                    lambda r: fmt.when(r.due_at, self._timezone()),
                    lambda r: r.due_at.timestamp(),
                ),
                Column(
                    lambda: self.tr("Jours de retard"),
                    lambda r: fmt.number(r.days_overdue, self.lang, 1),
                    lambda r: r.days_overdue,
                    True,
                ),
            ]
        )
        self.handling_view = RowsView(self.handling_model)
        self.service_view = RowsView(self.service_model)
        self.complaint_view = RowsView(self.complaint_model)
        self.overdue_view = RowsView(self.overdue_model)
        self.overdue_proxy = self.overdue_view.proxy
        # As the central store orders them: channels in the vocabulary's order, the most
        # requests and complaints first, the longest overdue first (arrows say so).
        self.handling_view.sort_by(-1, Qt.SortOrder.AscendingOrder)
        self.service_view.sort_by(2, Qt.SortOrder.DescendingOrder)
        self.complaint_view.sort_by(1, Qt.SortOrder.DescendingOrder)
        self.overdue_view.sort_by(6, Qt.SortOrder.DescendingOrder)
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
        for model in self._models():
            model.retranslate()
        self._show(self.figures)

    def _models(self) -> tuple[RowsModel[Any], ...]:
        return (self.handling_model, self.service_model, self.complaint_model, self.overdue_model)

    def _views(self) -> tuple[RowsView, ...]:
        return (self.handling_view, self.service_view, self.complaint_view, self.overdue_view)

    def _service(self, row: ServiceCount | ComplaintAge | OverdueRow) -> str:
        """The service in the interface's language: the central store names it in French."""
        return fmt.service_name(
            self._workspace.catalogue, row.service_code, row.service_name, self.lang
        )

    def _sort_service(self, row: ServiceCount | ComplaintAge | OverdueRow) -> str:
        return fold(self._service(row))

    def _place(self, code: str) -> str:
        """An arrondissement or related city by its name, as the routing table has it."""
        place = self._workspace.catalogue.routing.arrondissements.get(code) if code else None
        return place.name if place is not None else (code or "—")

    def _unit(self, code: str) -> str:
        """A unit by its name in the interface's language (its code if the catalogue no
        longer has it)."""
        unit = self._workspace.catalogue.routing.units.get(code) if code else None
        if unit is None:
            return code or "—"
        return unit.name_en if self.lang == "en" and unit.name_en else unit.name_fr

    def _timezone(self) -> str:
        return self._workspace.catalogue.routing.timezone or CITY_TIMEZONE

    def _count(self, name: str) -> Callable[[Any], str]:
        return lambda row: fmt.number(getattr(row, name), self.lang)

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
        period = period_for(kind, local(fmt.now(), CITY_TIMEZONE).date())
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
        self._show_placeholders()
        if figures is None:
            for tile in (self.answer_tile, self.email_tile, self.pending_tile, self.overdue_tile):
                tile.show_value("—", None, "")
            self.chart.set_counts([])
            for model in self._models():
                model.set_rows([])
            self.overdue_note.setText("")
            self.export_button.setEnabled(False)
            return
        lang = self.lang
        phone, email = figures.phone_answer, figures.email_answer
        self.answer_tile.show_value(
            fmt.percent(phone.share, lang),
            None if phone.share is None else phone.share >= ANSWER_TARGET,
            self.tr("%1 sur %2 appels dont l'heure d'arrivée est connue ; cible 80 %")
            .replace("%1", fmt.number(phone.within, lang))
            .replace("%2", fmt.number(phone.known, lang)),
        )
        self.email_tile.show_value(
            fmt.percent(email.share, lang),
            None if email.share is None else email.share >= 1.0,
            self.tr("%1 sur %2 courriels ; cible : tous en 48 h")
            .replace("%1", fmt.number(email.within, lang))
            .replace("%2", fmt.number(email.known, lang)),
        )
        oldest = figures.emails_oldest_hours
        self.pending_tile.show_value(
            fmt.number(figures.emails_pending, lang),
            figures.emails_pending == 0,
            self.tr("Le plus ancien attend depuis %1 h").replace("%1", fmt.number(oldest, lang))
            if oldest is not None
            else "",
        )
        self.overdue_tile.show_value(
            fmt.number(figures.overdue_total, lang),
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

    def _show_placeholders(self) -> None:
        """What an empty table says: no figures yet, or none of its kind."""
        if self.figures is None:
            nothing = self.tr("Aucun chiffre à afficher pour l'instant.")
            texts = (nothing,) * 4
        else:
            texts = (
                self.tr("Aucune interaction sur cette période."),
                self.tr("Aucune requête créée sur cette période."),
                self.tr("Aucune plainte ouverte."),
                self.tr("Aucune requête en retard."),
            )
        for view, text in zip(self._views(), texts, strict=True):
            view.set_placeholder(text)

    # -- size --------------------------------------------------------------------------------
    def _fitting_size(self) -> QSize:
        """The size wanted, within the screen's room (frame included)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return WANTED
        room = screen.availableGeometry().size() - FRAME
        return WANTED.boundedTo(room)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:  # once: after that, the size is the supervisor's
            self._fitted = True
            self.resize(self._fitting_size())
        super().showEvent(event)

    # -- export ------------------------------------------------------------------------------
    def overdue_rows_in_view_order(self) -> list[OverdueRow]:
        rows = self.overdue_model.rows()
        proxy = self.overdue_proxy
        return [rows[proxy.mapToSource(proxy.index(i, 0)).row()] for i in range(proxy.rowCount())]

    def save_dialog(self) -> QFileDialog:
        """Qt's own file chooser, not the system's: it speaks the interface's language
        (Qt's translation is loaded with the console's), whatever the system's is. Its
        labels are ours: Qt's French translation lacks some of this Qt version's
        ("&Look in:", "Files of &type:" stayed English)."""
        suggested = str(Path.home() / f"requetes-en-retard-{fmt.day(fmt.now())}.csv")
        dialog = QFileDialog(
            self, self.tr("Exporter les requêtes en retard"), suggested, self.tr("CSV (*.csv)")
        )
        dialog.setObjectName("exportDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("csv")
        labels = {
            QFileDialog.DialogLabel.LookIn: self.tr("&Voir dans :"),
            QFileDialog.DialogLabel.FileName: self.tr("&Nom du fichier :"),
            QFileDialog.DialogLabel.FileType: self.tr("&Type de fichier :"),
            QFileDialog.DialogLabel.Accept: self.tr("&Enregistrer"),
            QFileDialog.DialogLabel.Reject: self.tr("Annuler"),
        }
        for label, text in labels.items():
            dialog.setLabelText(label, text)
        return dialog

    def export_overdue(self) -> None:
        dialog = self.save_dialog()
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
                self.export_to(Path(dialog.selectedFiles()[0]))
        finally:
            dialog.deleteLater()

    def export_to(self, path: Path) -> None:
        """The overdue table as shown: its headers, its cells, its order."""
        headers, rows = self.overdue_view.texts()
        self._background.spawn(self._export(path, headers, rows))

    async def _export(self, path: Path, headers: list[str], rows: list[list[str]]) -> None:
        try:
            count = await self._background.run(self._workspace.export_table, path, headers, rows)
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
